//! The plan at each revision, read and validated as of that revision's date, with the last
//! few results remembered so that a walk asking again for the revision it just read reads it
//! once.

use std::rc::Rc;

use continuity_schema::Plan;
use continuity_schema::finding::Finding;
use continuity_schema::types::Date;
use git2::Oid;

use crate::ahead::{Input, Output};
use crate::check::Checked;
use crate::history::{PlanAt, PlanRepo, Revision};
use crate::output::Summary;
use crate::schema_check::SchemaCheck;

/// What the plan was at one revision.
#[derive(Debug, Clone)]
pub enum PlanState {
    /// The plan file does not exist there.
    Absent,
    /// The file is not a readable plan (not JSON, not UTF-8, breaks the schema, too large).
    Unreadable { error: String },
    /// A plan, with what validation found on that date.
    Checked {
        plan: Rc<Plan>,
        summary: Summary,
        findings: Rc<Vec<Finding>>,
    },
}

impl PlanState {
    pub fn plan(&self) -> Option<&Plan> {
        match self {
            PlanState::Checked { plan, .. } => Some(plan),
            _ => None,
        }
    }

    pub fn kind(&self) -> StateKind {
        match self {
            PlanState::Absent => StateKind::Absent,
            PlanState::Unreadable { .. } => StateKind::Unreadable,
            PlanState::Checked { .. } => StateKind::Checked,
        }
    }
}

/// Which of the [`PlanState`]s a revision is in, without its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StateKind {
    Absent,
    Unreadable,
    Checked,
}

impl StateKind {
    /// As the site's revision index says it.
    pub fn name(self) -> &'static str {
        match self {
            StateKind::Absent => "absent",
            StateKind::Unreadable => "unreadable",
            StateKind::Checked => "checked",
        }
    }
}

/// How many of the latest results a [`RevisionReader`] remembers.
const RECENT: usize = 4;

/// Reads and validates revisions, remembering the last few results: a walk asks again for a
/// revision it has just read (as the parent of the next), rarely for one far back, and
/// remembering every plan of a long history took gigabytes.
pub struct RevisionReader<'r> {
    repo: &'r PlanRepo,
    schema: SchemaCheck,
    /// The latest results, oldest first.
    recent: Vec<((Oid, Date), PlanState)>,
}

impl<'r> RevisionReader<'r> {
    /// The plan in `blob`, validated as of `date` (for a parent of a revision).
    pub fn blob_state(&mut self, blob: git2::Oid, date: Date) -> PlanState {
        if let Some((_, state)) = self.recent.iter().find(|(key, _)| *key == (blob, date)) {
            return state.clone();
        }
        let (state, _) = read_state(self.repo, blob, date, &self.schema);
        if self.recent.len() == RECENT {
            self.recent.remove(0);
        }
        self.recent.push(((blob, date), state.clone()));
        state
    }

    pub fn new(repo: &'r PlanRepo) -> anyhow::Result<Self> {
        Ok(RevisionReader {
            repo,
            schema: SchemaCheck::new()?,
            recent: Vec::with_capacity(RECENT),
        })
    }

    /// The state of each of `revisions` in order, as [`RevisionReader::state`] gives it, with
    /// the validation running on other threads a few revisions ahead of `visit`.
    pub fn each_state<'h>(
        &self,
        revisions: &[&'h Revision],
        mut visit: impl FnMut(&'h Revision, PlanState) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let repo = self.repo;
        crate::ahead::validate_ahead(
            &self.schema,
            revisions.len(),
            |k| match revisions[k].blob {
                Some(blob) => read_input(repo, blob, revision_date(revisions[k])),
                None => Input::Absent,
            },
            |k, output| visit(revisions[k], state_of_output(output).0),
        )
    }

    /// The plan at `revision`, validated as of the revision's own date (what an auditor asks:
    /// was the plan valid then).
    pub fn state(&mut self, revision: &Revision) -> PlanState {
        let Some(blob) = revision.blob else {
            return PlanState::Absent;
        };
        self.blob_state(blob, revision_date(revision))
    }
}

/// The date a revision is judged as of: its own.
fn revision_date(revision: &Revision) -> Date {
    crate::history::date_of(revision.time, revision.offset_minutes)
}

/// The plan in `blob`, validated as of `date`, with the bytes read (for callers that also
/// publish the text, so that no blob is read twice).
pub fn read_state(
    repo: &PlanRepo,
    blob: git2::Oid,
    date: Date,
    schema: &SchemaCheck,
) -> (PlanState, Option<Vec<u8>>) {
    state_of_output(crate::ahead::validate(read_input(repo, blob, date), schema))
}

/// The plan in `blob` as read, to validate as of `date` (see [`crate::ahead`]).
pub fn read_input(repo: &PlanRepo, blob: git2::Oid, date: Date) -> Input {
    match repo.read_blob(blob) {
        Ok(PlanAt::Bytes(bytes)) => Input::Text { bytes, date },
        Ok(PlanAt::Absent) => Input::Absent,
        Ok(PlanAt::TooLarge(size)) => Input::Unreadable(format!(
            "the plan is {size} bytes, more than a plan may have"
        )),
        Err(err) => Input::Unreadable(format!("{err:#}")),
    }
}

/// A validated revision as a state, with its bytes when it had a text.
pub fn state_of_output(output: Output) -> (PlanState, Option<Vec<u8>>) {
    match output {
        Output::Checked { checked, bytes } => (state_of_checked(*checked), Some(bytes)),
        Output::Absent => (PlanState::Absent, None),
        Output::Unreadable(error) => (PlanState::Unreadable { error }, None),
    }
}

fn state_of_checked(checked: Checked) -> PlanState {
    match checked.plan {
        Some(plan) => PlanState::Checked {
            plan: Rc::new(plan),
            summary: Summary::of(&checked.findings),
            findings: Rc::new(checked.findings),
        },
        _ => PlanState::Unreadable {
            error: first_problem(&checked.findings),
        },
    }
}

/// The first finding as one line (`12:5: message`), to say why a plan cannot be read.
pub fn first_problem(findings: &[Finding]) -> String {
    findings
        .first()
        .map(|f| match f.position {
            Some(p) => format!("{}:{}: {}", p.line, p.column, f.message),
            None => f.message.clone(),
        })
        .unwrap_or_else(|| "unreadable".into())
}

/// What a revision did to the plan, in one line.
///
/// `previous` is the state just before the revision; `diff` compares the revision with the
/// last readable plan before it (which is `previous` unless that one was deleted or broken),
/// so that a revision repairing the plan still says what it changed.
pub fn describe_change(
    previous: Option<StateKind>,
    current: StateKind,
    diff: Option<&continuity_schema::diff::Diff>,
    truncated: bool,
) -> String {
    let prefix = match (previous, current) {
        (_, StateKind::Absent) => return "plan deleted".into(),
        (_, StateKind::Unreadable) => return "not a readable plan".into(),
        (None, StateKind::Checked) if truncated => {
            return "oldest revision available (the history before it was not fetched)".into();
        }
        (None, StateKind::Checked) => return "first version".into(),
        (Some(StateKind::Absent), StateKind::Checked) => Some("plan restored"),
        (Some(StateKind::Unreadable), StateKind::Checked) => Some("readable again"),
        (Some(StateKind::Checked), StateKind::Checked) => None,
    };
    let summary = diff
        .filter(|d| !d.is_empty())
        .map(|d| d.summary().to_string());
    match (prefix, summary) {
        (Some(prefix), Some(summary)) => format!("{prefix}; {summary}"),
        (Some(prefix), None) => prefix.to_owned(),
        (None, Some(summary)) => summary,
        (None, None) => "no change to the plan's content (layout only)".into(),
    }
}
