//! The plan at each revision, read, validated as of that revision's date, and cached by blob,
//! so that long histories are read once and reverts cost nothing.

use std::collections::HashMap;
use std::rc::Rc;

use continuity_schema::Plan;
use continuity_schema::finding::Finding;
use continuity_schema::types::Date;
use git2::Oid;

use crate::check::check_plan;
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
}

/// Reads and validates revisions, remembering each blob's result per date.
pub struct RevisionReader<'r> {
    repo: &'r PlanRepo,
    schema: SchemaCheck,
    cache: HashMap<(Oid, Date), PlanState>,
}

impl<'r> RevisionReader<'r> {
    pub fn new(repo: &'r PlanRepo) -> anyhow::Result<Self> {
        Ok(RevisionReader {
            repo,
            schema: SchemaCheck::new()?,
            cache: HashMap::new(),
        })
    }

    /// The plan at `revision`, validated as of the revision's own date (what an auditor asks:
    /// was the plan valid then).
    pub fn state(&mut self, revision: &Revision) -> PlanState {
        let Some(blob) = revision.blob else {
            return PlanState::Absent;
        };
        let date = crate::history::date_of(revision.time, revision.offset_minutes);
        if let Some(state) = self.cache.get(&(blob, date)) {
            return state.clone();
        }
        let state = match self.repo.read_blob(blob) {
            Ok(PlanAt::Bytes(bytes)) => state_of(&bytes, date, &self.schema),
            Ok(PlanAt::Absent) => PlanState::Absent,
            Ok(PlanAt::TooLarge(size)) => PlanState::Unreadable {
                error: format!("the plan is {size} bytes, more than a plan may have"),
            },
            Err(err) => PlanState::Unreadable {
                error: format!("{err:#}"),
            },
        };
        self.cache.insert((blob, date), state.clone());
        state
    }
}

/// Validates plan bytes as of `date`.
pub fn state_of(bytes: &[u8], date: Date, schema: &SchemaCheck) -> PlanState {
    let checked = check_plan(bytes, date, schema);
    match checked.plan {
        Some(plan) => PlanState::Checked {
            plan: Rc::new(plan),
            summary: Summary::of(&checked.findings),
            findings: Rc::new(checked.findings),
        },
        _ => {
            let error = checked
                .findings
                .first()
                .map(|f| match f.position {
                    Some(p) => format!("{}:{}: {}", p.line, p.column, f.message),
                    None => f.message.clone(),
                })
                .unwrap_or_else(|| "unreadable".into());
            PlanState::Unreadable { error }
        }
    }
}

/// What a revision did to the plan, in one line: the semantic summary of its diff against the
/// previous revision, or what happened to the file.
pub fn describe_change(
    previous: Option<&PlanState>,
    current: &PlanState,
    diff: Option<&continuity_schema::diff::Diff>,
) -> String {
    match (previous, current) {
        (_, PlanState::Absent) => "plan deleted".into(),
        (_, PlanState::Unreadable { .. }) => "not a readable plan".into(),
        (None, PlanState::Checked { .. }) => "first version".into(),
        (Some(PlanState::Absent), PlanState::Checked { .. }) => "plan restored".into(),
        (Some(PlanState::Unreadable { .. }), PlanState::Checked { .. }) => "readable again".into(),
        (Some(PlanState::Checked { .. }), PlanState::Checked { .. }) => match diff {
            Some(diff) if !diff.is_empty() => diff.summary().to_string(),
            _ => "no change to the plan's content (layout only)".into(),
        },
    }
}
