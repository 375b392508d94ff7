//! One module per subcommand; each exposes `Args` (its flags) and `run`.

pub mod audit;
pub mod blame;
pub mod diff;
pub mod fmt;
pub mod git_diff;
pub mod init;
pub mod log;
pub mod pr_comment;
pub mod revisions;
pub mod rules;
pub mod schema;
pub mod validate;
