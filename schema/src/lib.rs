//! The Continuity plan format: model, generated JSON Schema, audit rules and semantic diff.
//!
//! This crate is pure. It never touches the file system, git, the network or the clock:
//! callers pass text in and the current date as an argument, and get values and findings back.
//! That keeps it usable from the CLI and from the WebAssembly viewer alike.

pub mod analysis;
pub mod diff;
pub mod docs;
pub mod finding;
pub mod generate;
pub mod hash;
pub mod json;
pub mod load;
pub mod model;
pub mod redact;
pub mod references;
pub mod rules;
pub mod types;

pub use model::*;
