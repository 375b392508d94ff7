//! Short texts about a diff: the one-line summary with counts, and a label per change.
//!
//! Only the building blocks live here; the CLI and the viewer arrange them into their own
//! human, Markdown, JSON or HTML output.

use crate::hash::HashSet;
use std::fmt;

use serde::Serialize;
use serde_json::Value;

use super::shape;
use super::{Change, Diff, Impact, Op, Section};

/// How many entities of one section were added, removed, changed or moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SectionCounts {
    pub section: Section,
    pub added: usize,
    pub removed: usize,
    /// Entities whose content changed (for single-object sections: 1 when anything changed).
    pub changed: usize,
    /// Entities that changed place (whether or not their content changed too).
    pub moved: usize,
    /// Whether the whole list was compared as one value (its entries have no usable keys).
    pub replaced: bool,
}

/// How many changes carry one impact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ImpactCount {
    pub impact: Impact,
    pub count: usize,
}

/// Counts of a diff. `Display` gives the one-line form:
/// `2 services changed, 1 supplier added — 1 recovery objective loosened`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Summary {
    /// Sections with changes, in plan order.
    pub sections: Vec<SectionCounts>,
    /// Impacts that occur, in the order of [`Impact::ALL`].
    pub impacts: Vec<ImpactCount>,
}

#[derive(Default)]
struct Tally<'d> {
    added: HashSet<&'d str>,
    removed: HashSet<&'d str>,
    changed: HashSet<&'d str>,
    moved: HashSet<&'d str>,
    replaced: bool,
    touched: bool,
}

impl Summary {
    pub fn of(diff: &Diff) -> Summary {
        // Indexed by section and impact: a few dozen of each, and no ordered map in the
        // viewer's WebAssembly for it.
        let sections_all = Section::all();
        let mut tallies: Vec<Option<Tally<'_>>> = sections_all.iter().map(|_| None).collect();
        let mut impacts = [0usize; Impact::ALL.len()];
        for change in &diff.changes {
            for impact in &change.impacts {
                if let Some(at) = Impact::ALL.iter().position(|i| i == impact) {
                    impacts[at] += 1;
                }
            }
            let Some(at) = sections_all.iter().position(|s| *s == change.section) else {
                continue;
            };
            let tally = tallies[at].get_or_insert_with(Tally::default);
            tally.touched = true;
            let Some(depth) = change.section.entity_depth() else {
                continue;
            };
            let path = change.path.segments();
            let Some(key) = path.get(depth - 1) else {
                tally.replaced = true;
                continue;
            };
            let set = match (&change.op, path.len() == depth) {
                (Op::Add { .. }, true) => &mut tally.added,
                (Op::Remove { .. }, true) => &mut tally.removed,
                (Op::Move { .. }, true) => &mut tally.moved,
                _ => &mut tally.changed,
            };
            set.insert(key.as_str());
        }
        let sections = sections_all
            .into_iter()
            .zip(&tallies)
            .filter_map(|(section, tally)| {
                let tally = tally.as_ref()?;
                let single = section.entity_depth().is_none();
                Some(SectionCounts {
                    section,
                    added: tally.added.len(),
                    removed: tally.removed.len(),
                    changed: if single {
                        usize::from(tally.touched)
                    } else {
                        tally.changed.len()
                    },
                    moved: tally.moved.len(),
                    replaced: tally.replaced,
                })
            })
            .collect();
        let impacts = Impact::ALL
            .into_iter()
            .zip(impacts)
            .filter(|&(_, count)| count > 0)
            .map(|(impact, count)| ImpactCount { impact, count })
            .collect();
        Summary { sections, impacts }
    }

    pub fn is_empty(&self) -> bool {
        self.sections.is_empty()
    }

    /// The count phrases: "2 services changed", "1 supplier added", "plan metadata changed".
    pub fn phrases(&self) -> Vec<String> {
        let mut out = Vec::new();
        for counts in &self.sections {
            let s = counts.section;
            if s.entity_depth().is_none() {
                out.push(format!("{} changed", s.title()));
                continue;
            }
            if counts.replaced {
                out.push(format!("{} replaced as a whole", s.name()));
            }
            for (n, verb) in [
                (counts.changed, "changed"),
                (counts.added, "added"),
                (counts.removed, "removed"),
                (counts.moved, "moved"),
            ] {
                if n > 0 {
                    out.push(format!("{} {verb}", s.noun(n)));
                }
            }
        }
        out
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return f.write_str("no changes");
        }
        f.write_str(&self.phrases().join(", "))?;
        if !self.impacts.is_empty() {
            let impacts: Vec<String> = self
                .impacts
                .iter()
                .map(|i| i.impact.phrase(i.count))
                .collect();
            write!(f, " — {}", impacts.join(", "))?;
        }
        Ok(())
    }
}

/// Descends into `old` and `new` while they differ in exactly one element or field, and returns
/// the place (`[1].phone`) with the two differing parts (`None`: the field is absent there).
fn focus<'v>(old: &'v Value, new: &'v Value) -> (String, Option<&'v Value>, Option<&'v Value>) {
    let mut place = String::new();
    let (mut old, mut new) = (old, new);
    loop {
        match (old, new) {
            (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
                let mut differing = (0..a.len()).filter(|&i| a[i] != b[i]);
                match (differing.next(), differing.next()) {
                    (Some(i), None) => {
                        place.push_str(&format!("[{i}]"));
                        (old, new) = (&a[i], &b[i]);
                    }
                    _ => return (place, Some(old), Some(new)),
                }
            }
            (Value::Object(a), Value::Object(b)) => {
                let mut differing = a
                    .keys()
                    .chain(b.keys().filter(|k| !a.contains_key(*k)))
                    .filter(|k| a.get(*k) != b.get(*k));
                match (differing.next(), differing.next()) {
                    (Some(key), None) => {
                        place.push('.');
                        place.push_str(key);
                        match (a.get(key), b.get(key)) {
                            (Some(x), Some(y)) => (old, new) = (x, y),
                            (x, y) => return (place, x, y),
                        }
                    }
                    _ => return (place, Some(old), Some(new)),
                }
            }
            _ => return (place, Some(old), Some(new)),
        }
    }
}

/// The longest text shown for one value in a label, in characters.
const MAX_VALUE_CHARS: usize = 60;

/// A value in a few words: strings as written (quoted when they contain spaces), lists as
/// `[a, b]`, objects as `{key: value, ...}`, cut at about 60 characters.
pub fn value_text(value: &Value) -> String {
    let text = match value {
        Value::String(s) if s.is_empty() || s.chars().any(char::is_whitespace) => {
            format!("\"{s}\"")
        }
        Value::String(s) => s.clone(),
        Value::Array(items) => format!(
            "[{}]",
            items.iter().map(value_text).collect::<Vec<_>>().join(", ")
        ),
        Value::Object(map) => {
            let fields: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{k}: {}", value_text(v)))
                .collect();
            format!("{{{}}}", fields.join(", "))
        }
        other => other.to_string(),
    };
    truncate(text)
}

fn truncate(text: String) -> String {
    match text.char_indices().nth(MAX_VALUE_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

impl Change {
    /// The entity part of a label: `burgerzaken "Burgerzaken"`, or the section for changes
    /// outside collections (`plan`, `activation`).
    pub fn subject_label(&self) -> String {
        match &self.entity {
            Some(entity) => match &entity.name {
                Some(name) => format!("{} \"{name}\"", entity.id),
                None => entity.id.clone(),
            },
            None => self.section.name().to_owned(),
        }
    }

    /// The field part of a label: `RTO`, `backup.frequency`, `steps[isolate-network].action`;
    /// empty for a change to a whole entity.
    pub fn field_label(&self) -> String {
        let path = self.path.segments();
        let start = self.section.entity_depth().unwrap_or(1).min(path.len());
        let field = &path[start..];
        if let (Section::Collection(crate::references::Collection::Services), [one]) =
            (self.section, field)
        {
            match one.as_str() {
                "rto" => return "RTO".into(),
                "rpo" => return "RPO".into(),
                "mtd" => return "MTD".into(),
                "wrt" => return "WRT".into(),
                _ => {}
            }
        }
        let mut label = String::new();
        for (segment, is_key) in shape::mark_keys(path).into_iter().skip(start) {
            if is_key {
                label.push_str(&format!("[{segment}]"));
            } else {
                if !label.is_empty() {
                    label.push('.');
                }
                label.push_str(segment);
            }
        }
        label
    }

    /// What happened, without the subject: `RTO 4h → 1d`, `added`, `members + jan-janssens`.
    pub fn detail_label(&self) -> String {
        let field = self.field_label();
        let what = |text: String| {
            if field.is_empty() {
                text
            } else {
                format!("{field} {text}")
            }
        };
        let whole_entity = self.section.entity_depth() == Some(self.path.segments().len());
        match &self.op {
            Op::Set {
                old: Some(old),
                new: Some(new),
            } => {
                // Lists and objects compared as one value: name the one place that differs, so
                // that a changed phone number is not hidden behind the unchanged start.
                let (place, old, new) = focus(old, new);
                let field = format!("{field}{place}");
                let text = match (old, new) {
                    (Some(old), Some(new)) => format!("{} → {}", value_text(old), value_text(new)),
                    (None, Some(new)) => format!("set to {}", value_text(new)),
                    (Some(old), None) => format!("{} removed", value_text(old)),
                    (None, None) => "unchanged".into(),
                };
                if field.is_empty() {
                    text
                } else {
                    format!("{field} {text}")
                }
            }
            Op::Set {
                old: None,
                new: Some(new),
            } => what(format!("set to {}", value_text(new))),
            Op::Set {
                old: Some(old),
                new: None,
            } => what(format!("{} removed", value_text(old))),
            Op::Set {
                old: None,
                new: None,
            } => what("unchanged".into()),
            Op::Add { .. } if whole_entity => format!("{} added", self.section.singular()),
            Op::Remove { .. } if whole_entity => format!("{} removed", self.section.singular()),
            Op::Add { .. } => what("added".into()),
            Op::Remove { .. } => what("removed".into()),
            Op::Move {
                after: Some(after), ..
            } => what(format!("moved after {after}")),
            Op::Move { after: None, .. } => what("moved to the start".into()),
            Op::Ids(delta) => {
                let mut parts: Vec<String> = Vec::new();
                if let Some(first) = &delta.first {
                    let name = |id: &Option<String>| id.clone().unwrap_or_else(|| "nobody".into());
                    parts.push(format!(
                        "primary {} → {}",
                        name(&first.old),
                        name(&first.new)
                    ));
                }
                let mut edits: Vec<String> = Vec::new();
                edits.extend(delta.added.iter().map(|p| format!("+ {}", p.id)));
                edits.extend(delta.removed.iter().map(|id| format!("− {id}")));
                edits.extend(
                    delta
                        .moved
                        .iter()
                        .map(|m| format!("{} moved to position {}", m.id, m.to + 1)),
                );
                if !edits.is_empty() {
                    parts.push(what(edits.join(", ")));
                }
                parts.join("; ")
            }
        }
    }

    /// The whole label: `burgerzaken "Burgerzaken": RTO 4h → 1d`.
    pub fn label(&self) -> String {
        format!("{}: {}", self.subject_label(), self.detail_label())
    }
}
