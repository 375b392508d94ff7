//! Replays the plan's history oldest first: each revision's plan, validated at its own date,
//! and the semantic diff from the last readable revision before it.

use continuity_schema::diff::{self, Diff};

use crate::history::{History, Revision};
use crate::revisions::{PlanState, RevisionReader};

/// One revision in the replay, with what the caller kept of its state.
#[derive(Debug)]
pub struct Step<'h, T> {
    pub revision: &'h Revision,
    /// What the caller's `keep` took from the revision's state.
    pub kept: T,
    /// Whether the revision holds a readable plan.
    pub readable: bool,
    /// The diff from the last readable plan before this revision, when both are readable;
    /// a broken or deleted revision in between is skipped over, so the change is attributed to
    /// the revision that brought the plan back.
    pub diff: Option<Diff>,
}

/// A replayed history.
#[derive(Debug)]
pub struct Replay<'h, T> {
    /// Every revision, oldest first.
    pub steps: Vec<Step<'h, T>>,
    /// The newest readable revision: its index in `steps` and its state, plan included.
    pub current: Option<(usize, PlanState)>,
}

/// Every revision of `history`, oldest first, with its diff and what `keep` takes from its
/// state. At most two plans are held at a time (the one read and the last readable one):
/// holding every revision's plan took gigabytes on a long history of a large plan. Each
/// revision is validated on other threads while the ones before are compared.
pub fn replay<'h, T>(
    reader: &mut RevisionReader<'_>,
    history: &'h History,
    mut keep: impl FnMut(&PlanState) -> T,
) -> anyhow::Result<Replay<'h, T>> {
    let mut steps: Vec<Step<'h, T>> = Vec::with_capacity(history.revisions.len());
    let mut last_readable: Option<(usize, PlanState)> = None;
    let oldest_first: Vec<&Revision> = history.revisions.iter().rev().collect();
    reader.each_state(&oldest_first, |revision, state| {
        let diff = match (
            last_readable.as_ref().and_then(|(_, s)| s.plan()),
            state.plan(),
        ) {
            (Some(old), Some(new)) => Some(diff::diff(old, new)),
            _ => None,
        };
        let readable = state.plan().is_some();
        steps.push(Step {
            revision,
            kept: keep(&state),
            readable,
            diff,
        });
        if readable {
            last_readable = Some((steps.len() - 1, state));
        }
        Ok(())
    })?;
    Ok(Replay {
        steps,
        current: last_readable,
    })
}
