//! The plan's history from git (through git2): opening the repository, resolving revisions,
//! walking the commits that touched the plan, and reading the plan at any of them.

mod commit_text;
mod graph;
mod open;
mod packs;
mod read;
mod walk;
mod when;

pub use open::{PlanRepo, open_plan_repo, read_each_object_once};
pub use read::PlanAt;
pub use walk::{Boundary, Change, History, Revision, WalkOptions};
pub use when::{date_of, rfc3339};
