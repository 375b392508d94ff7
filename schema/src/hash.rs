//! The hash maps and sets used across the crate: std's, with foldhash instead of SipHash.
//!
//! Keys are ids and JSON paths from one plan, hashed hundreds of thousands of times when a
//! large plan is checked or compared; SipHash's protection against chosen keys costs several
//! percent of that time, and foldhash keeps a per-process random seed.

pub use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
