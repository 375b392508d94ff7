//! Replays the plan's history oldest first: each revision's plan, validated at its own date,
//! and the semantic diff from the last readable revision before it.

use continuity_schema::diff::{self, Diff};

use crate::history::{History, Revision};
use crate::revisions::{PlanState, RevisionReader};

/// One revision in the replay.
#[derive(Debug)]
pub struct Step<'h> {
    pub revision: &'h Revision,
    pub state: PlanState,
    /// The diff from the last readable plan before this revision, when both are readable;
    /// a broken or deleted revision in between is skipped over, so the change is attributed to
    /// the revision that brought the plan back.
    pub diff: Option<Diff>,
}

/// Every revision of `history`, oldest first, with its state and diff.
pub fn replay<'h>(reader: &mut RevisionReader<'_>, history: &'h History) -> Vec<Step<'h>> {
    let mut steps: Vec<Step<'h>> = Vec::with_capacity(history.revisions.len());
    let mut last_readable: Option<PlanState> = None;
    for revision in history.revisions.iter().rev() {
        let state = reader.state(revision);
        let diff = match (
            last_readable.as_ref().and_then(PlanState::plan),
            state.plan(),
        ) {
            (Some(old), Some(new)) => Some(diff::diff(old, new)),
            _ => None,
        };
        if state.plan().is_some() {
            last_readable = Some(state.clone());
        }
        steps.push(Step {
            revision,
            state,
            diff,
        });
    }
    steps
}
