//! Findings: what validation says about a plan, as data that every output format renders.

use crate::hash::{HashMap, HashMapExt as _};
use std::borrow::Cow;
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
    let mut offsets: Vec<usize> = findings.iter().filter_map(|f| f.offset).collect();
    offsets.sort_unstable();
    offsets.dedup();
    let positions = positions_of(text, &offsets);
    for finding in findings.iter_mut() {
        finding.position = finding
            .offset
            .and_then(|offset| offsets.binary_search(&offset).ok())
            .map(|i| positions[i]);
    }
}

/// The positions of ascending byte offsets, as [`crate::json::LineIndex::position`] gives them,
/// counted in one pass up to the last offset instead of indexing every line of a large text.
fn positions_of(text: &str, offsets: &[usize]) -> Vec<Position> {
    let bytes = text.as_bytes();
    let (mut line, mut line_start, mut counted) = (1, 0, 0);
    let mut positions = Vec::with_capacity(offsets.len());
    for &offset in offsets {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let newlines = bytes[counted..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        if newlines > 0 {
            line += newlines;
            line_start = bytes[..offset]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
        }
        counted = offset;
        positions.push(Position {
            line,
            column: text[line_start..offset].chars().count() + 1,
        });
    }
    positions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::LineIndex;

    #[test]
    fn positions_agree_with_the_line_index() {
        let text = "{\n  \"naam\": \"Zoë\",\n\n  \"x\": [1,\n    2]\n}";
        let mut offsets: Vec<usize> = (0..=text.len() + 3).collect();
        offsets.dedup();
        let lines = LineIndex::new(text);
        let expected: Vec<Position> = offsets.iter().map(|&o| lines.position(text, o)).collect();
        assert_eq!(positions_of(text, &offsets), expected);
        assert_eq!(positions_of(text, &[]), Vec::<Position>::new());
    }

    #[test]
    fn findings_get_positions_of_their_values() {
        let text = "{\n  \"a\": {\n    \"b\": 1\n  },\n  \"c\": 2\n}\n";
        let mut findings = vec![
            Finding::new("x", Severity::Error, crate::pointer!["c"], "c"),
            Finding::new("x", Severity::Error, crate::pointer!["a", "b"], "b").at_key(),
            Finding::new("x", Severity::Error, crate::pointer!["a", "missing"], "a"),
        ];
        resolve_positions(text, &mut findings);
        let at: Vec<(usize, usize)> = findings
            .iter()
            .map(|f| f.position.map_or((0, 0), |p| (p.line, p.column)))
            .collect();
        assert_eq!(at, vec![(5, 8), (3, 5), (2, 8)]);
    }
}
