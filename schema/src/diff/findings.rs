//! Rule findings introduced or fixed between two revisions.
//!
//! Findings point at array positions (`/services/3/rto`), which shift when entities are added
//! or reordered; they are compared by rule, subject, message and a stable path that names
//! entities by key (`services/burgerzaken/rto`), so moving a service does not look like fixing
//! one finding and introducing another.

use crate::hash::{HashMap, HashMapExt as _};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::shape::{self, ListKind};
use super::{Path, items, typed};
use crate::finding::{Finding, Severity, Subject};
use crate::json::{Pointer, Segment};
use crate::model::Plan;
use crate::types::Date;

/// A finding that appears in only one of two revisions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingChange {
    /// The rule's name.
    pub code: String,
    pub severity: Severity,
    /// The entity concerned, as `collection/id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Where the finding points, with entities named by key.
    pub path: Path,
    pub message: String,
    /// The reason the plan gives for accepting the finding, when it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed: Option<String>,
}

/// Findings only in `b` (introduced by the change) and only in `a` (fixed by it).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FindingsDelta {
    pub introduced: Vec<FindingChange>,
    pub fixed: Vec<FindingChange>,
}

impl FindingsDelta {
    pub fn is_empty(&self) -> bool {
        self.introduced.is_empty() && self.fixed.is_empty()
    }
}

/// Runs the rules on both plans as of `today` and reports the findings that differ. A finding
/// that only became accepted (or no longer is) is neither: the `allow` change shows it.
pub fn findings_delta(a: &Plan, b: &Plan, today: Date) -> FindingsDelta {
    delta(stable_findings(a, today), stable_findings(b, today))
}

/// The findings of one plan as [`delta`] compares them. Callers that can run the rules on
/// both plans at once (the CLI, on two threads) call this for each and then [`delta`].
pub fn stable_findings(plan: &Plan, today: Date) -> Vec<FindingChange> {
    let findings = crate::rules::check(plan, today);
    let mut paths = StablePaths::new(plan);
    findings
        .iter()
        .map(|f| change(f, paths.of(&f.pointer)))
        .collect()
}

/// A finding as an exported site records it: everything the viewer shows, with the stable path
/// that [`delta`] compares, so that the viewer needs neither the rules nor the plan's JSON to
/// list a revision's findings or to compare two revisions'.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RecordedFinding {
    /// The rule's name.
    pub code: String,
    pub severity: Severity,
    /// The entity concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<Subject>,
    /// Where the finding points, with entities named by key.
    pub path: Path,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// The reason the plan gives for accepting the finding, when it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed: Option<String>,
}

impl RecordedFinding {
    /// Records `findings`, raised on `plan`, in file order.
    pub fn record(plan: &Plan, findings: &[Finding]) -> Vec<RecordedFinding> {
        let mut paths = StablePaths::new(plan);
        findings
            .iter()
            .map(|f| RecordedFinding {
                code: f.code.to_string(),
                severity: f.severity,
                subject: f.subject.clone(),
                path: paths.of(&f.pointer),
                message: f.message.clone(),
                hint: f.hint.clone(),
                allowed: f.allowed.clone(),
            })
            .collect()
    }

    /// The finding as [`delta`] compares it.
    pub fn change(&self) -> FindingChange {
        FindingChange {
            code: self.code.clone(),
            severity: self.severity,
            subject: self.subject.as_ref().map(ToString::to_string),
            path: self.path.clone(),
            message: self.message.clone(),
            allowed: self.allowed.clone(),
        }
    }
}

/// Findings introduced and fixed between two plans' [`stable_findings`].
pub fn delta(old: Vec<FindingChange>, new: Vec<FindingChange>) -> FindingsDelta {
    let mut unmatched: HashMap<(&str, Option<&str>, &Path, &str), usize> = HashMap::new();
    for f in &old {
        *unmatched.entry(identity(f)).or_default() += 1;
    }
    let mut introduced = Vec::new();
    for f in &new {
        match unmatched.get_mut(&identity(f)) {
            Some(count) if *count > 0 => *count -= 1,
            _ => introduced.push(f.clone()),
        }
    }
    // What is left unmatched in `a` is fixed; walk `a` backwards so repeats keep file order.
    let mut fixed: Vec<FindingChange> = Vec::new();
    for f in old.iter().rev() {
        if let Some(count) = unmatched.get_mut(&identity(f)).filter(|c| **c > 0) {
            *count -= 1;
            fixed.push(f.clone());
        }
    }
    fixed.reverse();
    FindingsDelta { introduced, fixed }
}

fn identity(f: &FindingChange) -> (&str, Option<&str>, &Path, &str) {
    (&f.code, f.subject.as_deref(), &f.path, &f.message)
}

fn change(f: &Finding, path: Path) -> FindingChange {
    FindingChange {
        code: f.code.to_string(),
        severity: f.severity,
        subject: f.subject.as_ref().map(ToString::to_string),
        path,
        message: f.message.clone(),
        allowed: f.allowed.clone(),
    }
}

/// Turns pointers into paths that name entities by key. Only the entities findings point
/// into are turned into JSON; each collection's keys are computed once.
struct StablePaths<'p> {
    plan: &'p Plan,
    /// Keys of top-level collections (`None` inside: the entries have no usable keys).
    keys: HashMap<String, Option<Vec<String>>>,
    /// JSON of entities (by collection and index) and of small sections (index `None`).
    values: HashMap<(String, Option<usize>), Option<Value>>,
}

impl<'p> StablePaths<'p> {
    fn new(plan: &'p Plan) -> Self {
        StablePaths {
            plan,
            keys: HashMap::new(),
            values: HashMap::new(),
        }
    }

    fn of(&mut self, pointer: &Pointer) -> Path {
        let segments = pointer.segments();
        let mut out = Vec::with_capacity(segments.len());
        let Some(Segment::Key(top)) = segments.first() else {
            walk(None, "", segments, &mut out);
            return Path(out);
        };
        out.push(top.clone());
        let plan = self.plan;
        let keys = self
            .keys
            .entry(top.clone())
            .or_insert_with(|| typed::collection_keys(plan, top).flatten());
        match segments.get(1) {
            Some(Segment::Index(i)) if typed::is_collection(top) => {
                let key = keys.as_ref().and_then(|keys| keys.get(*i).cloned());
                out.push(key.unwrap_or_else(|| i.to_string()));
                let entity = self
                    .values
                    .entry((top.clone(), Some(*i)))
                    .or_insert_with(|| typed::entity_json(plan, top, *i));
                walk(entity.as_ref(), top, &segments[2..], &mut out);
            }
            _ => {
                let value = self
                    .values
                    .entry((top.clone(), None))
                    .or_insert_with(|| typed::small(plan, top));
                walk(value.as_ref(), top, &segments[1..], &mut out);
            }
        }
        Path(out)
    }
}

/// Appends the stable form of `segments`, read from `current` (of shape `shape`).
fn walk(mut current: Option<&Value>, shape: &str, segments: &[Segment], out: &mut Vec<String>) {
    let mut shape = shape.to_owned();
    for segment in segments {
        let (text, next) = match (current, segment) {
            (Some(Value::Array(items)), Segment::Index(i)) => {
                let key = match shape::list_kind(&shape) {
                    ListKind::Entities(list) => items::entity_keys(items, list.key)
                        .and_then(|keys| keys.get(*i).map(|k| k.to_string())),
                    ListKind::Ids { .. } => {
                        items.get(*i).and_then(Value::as_str).map(str::to_owned)
                    }
                    ListKind::Whole => None,
                };
                (key.unwrap_or_else(|| i.to_string()), items.get(*i))
            }
            (current, segment) => {
                let key = match segment {
                    Segment::Key(key) => key.clone(),
                    Segment::Index(i) => i.to_string(),
                };
                shape = shape::child(&shape, &key);
                let next = current.and_then(Value::as_object).and_then(|m| m.get(&key));
                (key, next)
            }
        };
        out.push(text);
        current = next;
    }
}
