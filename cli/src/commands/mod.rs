//! One module per subcommand; each exposes `Args` (its flags) and `run`.

pub mod audit;
pub mod blame;
pub mod diff;
pub mod fmt;
pub mod log;
pub mod rules;
pub mod schema;
pub mod validate;
