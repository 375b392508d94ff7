//! Findings: what validation says about a plan, as data that every output format renders.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::json::{Pointer, Position};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The plan is wrong or unusable as it stands; validation fails.
    Error,
    /// The plan works but falls short of good practice; fails only with `--deny warnings`.
    Warning,
    /// Worth knowing; never fails.
    Info,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Which part of the JSON a finding points at: the value, or the key that names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Anchor {
    #[default]
    Value,
    Key,
}

/// The entity a finding is about, as `collection/id` (for example `systems/firewall`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Subject {
    pub collection: Cow<'static, str>,
    pub id: String,
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.collection, self.id)
    }
}

/// One thing validation found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule's name, or the code of an input error such as `invalid-json`.
    pub code: Cow<'static, str>,
    pub severity: Severity,
    /// The value concerned.
    pub pointer: Pointer,
    /// Whether to point at the value or at its key.
    pub anchor: Anchor,
    /// What is wrong, in one sentence.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
    /// The entity concerned, when there is one.
    pub subject: Option<Subject>,
    /// The reason recorded in the plan's `allow` list, when the plan owner accepts the finding.
    pub allowed: Option<String>,
    /// The byte offset in the source, when the finding was raised with one (syntax errors).
    pub offset: Option<usize>,
    /// The line and column, once resolved against the source text.
    pub position: Option<Position>,
}

impl Finding {
    pub fn new(
        code: impl Into<Cow<'static, str>>,
        severity: Severity,
        pointer: Pointer,
        message: impl Into<String>,
    ) -> Self {
        Finding {
            code: code.into(),
            severity,
            pointer,
            anchor: Anchor::Value,
            message: message.into(),
            hint: None,
            subject: None,
            allowed: None,
            offset: None,
            position: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn with_subject(mut self, collection: &'static str, id: impl Into<String>) -> Self {
        self.subject = Some(Subject {
            collection: Cow::Borrowed(collection),
            id: id.into(),
        });
        self
    }

    pub fn at_offset(mut self, offset: usize) -> Self {
        self.offset = Some(offset);
        self
    }

    pub fn at_key(mut self) -> Self {
        self.anchor = Anchor::Key;
        self
    }

    /// Whether the finding makes validation fail (an error that is not allowed, or a warning
    /// when warnings are denied).
    pub fn fails(&self, deny_warnings: bool) -> bool {
        self.allowed.is_none()
            && match self.severity {
                Severity::Error => true,
                Severity::Warning => deny_warnings,
                Severity::Info => false,
            }
    }
}

/// Fills in byte offsets and line/column positions of findings against their source text.
///
/// A pointer to something absent (a missing field) resolves to its nearest existing ancestor.
/// One pass over the text serves every finding.
pub fn resolve_positions(text: &str, findings: &mut [Finding]) {
    if findings.is_empty() {
        return;
    }
    let mut pointers: Vec<Pointer> = Vec::new();
    let mut slots: HashMap<Pointer, usize> = HashMap::new();
    for finding in findings.iter().filter(|f| f.offset.is_none()) {
        let mut current = Some(finding.pointer.clone());
        while let Some(p) = current {
            if slots.contains_key(&p) {
                break;
            }
            current = p.parent();
            slots.insert(p.clone(), pointers.len());
            pointers.push(p);
        }
    }
    let located = crate::json::locate(text, &pointers);
    for finding in findings.iter_mut().filter(|f| f.offset.is_none()) {
        let anchor = finding.anchor;
        let mut current = Some(finding.pointer.clone());
        let mut exact = true;
        while let Some(p) = current {
            if let Some(place) = slots.get(&p).and_then(|&slot| located[slot]) {
                finding.offset = Some(match (anchor, exact) {
                    (Anchor::Key, true) => place.key.unwrap_or(place.value),
                    _ => place.value,
                });
                break;
            }
            exact = false;
            current = p.parent();
        }
    }
    let lines = crate::json::LineIndex::new(text);
    for finding in findings.iter_mut() {
        finding.position = finding.offset.map(|offset| lines.position(text, offset));
    }
}
