//! JSON text utilities the model needs beyond serde: positions, pointers, duplicate keys.

mod lines;
mod pointer;
mod scan;

pub use lines::{LineIndex, Position};
pub use pointer::{Pointer, Segment};
pub use scan::{DuplicateKey, Located, duplicate_keys, locate};
