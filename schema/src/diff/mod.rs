//! Semantic diff of two plans: what changed, entity by entity, classified for review, and
//! replayable with [`apply`] so that a revision can be rebuilt from its predecessor.
//!
//! Plans are compared as their canonical JSON (the serialization of [`Plan`]); [`diff`] gets
//! there faster by comparing unchanged entities as typed values. A small table says which
//! arrays are collections matched by key and which are lists of ids compared as sets; every
//! other value is compared as a whole. Changes are addressed by [`Path`]s made of field names
//! and entity keys, never array positions, so a diff stays readable when entities are
//! inserted or reordered, and stays valid for [`apply`].
//!
//! # What is compared how
//!
//! - Collections match entities by `id` (`people`, `roles`, `services`, `systems`,
//!   `suppliers`, `locations`, `scenarios`, `risks`, `communication.audiences`,
//!   `communication.templates`, `distribution`, `exercise_schedule`, `exercises`, `actions`,
//!   `incidents`, and nested `scenarios[].steps` and `exercises[].findings`), approvals by
//!   `version`, allowances by `rule` and `subject`. Entities are added, removed, moved or
//!   changed field by field (`backup.frequency`).
//! - Lists of ids (`depends_on`, `members`, `alternate_locations`, ...) are sets: ids added
//!   and removed, and order changes among the others as moves. For `roles[].members` the
//!   first id (the primary) is also reported before and after when it changes.
//! - Order changes are the fewest moves that explain the new order (a longest increasing
//!   subsequence of positions), each saying which entry the moved one now follows.
//! - Lists of plain text (criteria, triggers, mitigations, recovery steps, ...) and lists of
//!   objects without an id (phones, supplier contacts, related documents) are whole values,
//!   old and new side by side: their order and repetitions carry meaning, and a rewritten
//!   sentence reads better next to the old one than as a removal and an addition.
//! - A list the file leaves out is an empty list, so the first dependency or the first
//!   incident shows as an addition.
//!
//! # Stored form
//!
//! `serde_json::to_string(&diff)` gives `{"version": 1, "changes": [...]}`, and reading
//! rejects another `version` ([`DIFF_FORMAT_VERSION`]). Each change is an object:
//!
//! ```json
//! {"path": ["services", "burgerzaken", "rto"], "section": "services",
//!  "entity": {"id": "burgerzaken", "name": "Burgerzaken"},
//!  "op": "set", "old": "4h", "new": "1d", "impacts": ["objective_loosened"]}
//! ```
//!
//! `entity` and `impacts` are left out when empty. By `op`, the other fields are:
//! `set`: `old`, `new` (each left out when the field is absent on that side);
//! `add`: `value`, `after` (key of the preceding entity in the new list, `null` when first);
//! `remove`: `value`; `move`: `after`, `from`, `to` (0-based positions, for display);
//! `ids`: `added` (`[{"id", "after"}]`), `removed` (`[id]`), `moved`
//! (`[{"id", "after", "from", "to"}]`), `first` (`{"old", "new"}`), each left out when empty.

mod apply;
mod classify;
mod findings;
mod items;
mod locate;
mod shape;
mod summary;
mod typed;
mod value;
mod wire;

#[cfg(test)]
pub(crate) mod fixture;
#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

use std::fmt;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::model::Plan;
use crate::references::Collection;

pub use apply::{ApplyError, ApplyErrorKind, apply, apply_owned, apply_value, apply_value_owned};
pub use findings::{
    FindingChange, FindingsDelta, RecordedFinding, delta, findings_delta, stable_findings,
};
pub use locate::{leaf_paths, resolve};
pub use summary::{ImpactCount, SectionCounts, Summary, value_text};

/// The version of the stored diff shape; readers reject other versions.
pub const DIFF_FORMAT_VERSION: u32 = 1;

/// The semantic difference between two plans (from `a` to `b`).
///
/// Changes come in plan order: sections as in the plan file, within a collection first the
/// removed entities (in `a`'s order), then the others in `b`'s order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Diff {
    pub changes: Vec<Change>,
}

/// One change, addressed by a stable path.
///
/// JSON: `{"path": ["services", "burgerzaken", "rto"], "section": "services",
/// "entity": {"id": "burgerzaken", "name": "Burgerzaken"}, "op": "set", "old": "4h",
/// "new": "1d", "impacts": ["objective_loosened"]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "wire::ChangeRecord")]
pub struct Change {
    /// Where the change is: field names and entity keys from the plan's root.
    pub path: Path,
    /// The part of the plan the change belongs to.
    pub section: Section,
    /// The top-level entity concerned (a service, a person, ...), for labels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<EntityRef>,
    /// What happened.
    #[serde(flatten)]
    pub op: Op,
    /// Why a reviewer should look at this change (empty for ordinary edits).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub impacts: Vec<Impact>,
}

/// What a change does. Serialized with an `op` tag: `set`, `add`, `remove`, `move`, `ids`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Op {
    /// A value was set, replaced or removed. `path` names the field. An absent `old` means the
    /// field was absent in `a`; an absent `new` means it is absent in `b`. Lists of plain
    /// strings (criteria, triggers, recovery steps, ...) and lists of objects without an id
    /// (phones, supplier contacts, documents) change as a whole: their order and repetitions
    /// carry meaning, and the old and new lists read better side by side than as edits.
    Set {
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "present"
        )]
        old: Option<Value>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "present"
        )]
        new: Option<Value>,
    },
    /// An entity was added; the last path segment is its key. `after` is the key of the entity
    /// before it in `b` (`null`: it comes first).
    Add { value: Value, after: Option<String> },
    /// An entity was removed; the last path segment is its key. `value` is the entity in `a`.
    Remove { value: Value },
    /// An entity kept its content but not its place: it now follows `after` (`null`: first).
    /// `from` and `to` are its positions (0-based) in `a` and `b`, for display only.
    Move {
        after: Option<String>,
        from: usize,
        to: usize,
    },
    /// A list of ids changed as a set, with order changes as moves; `path` names the list.
    Ids(IdsDelta),
}

/// Changes to a list of ids such as `depends_on` or `members`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct IdsDelta {
    /// Ids that are new, each with the id before it in `b`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub added: Vec<PlacedId>,
    /// Ids that are gone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<String>,
    /// Ids in both lists whose order changed (the fewest moves that explain the new order).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub moved: Vec<MovedId>,
    /// For lists whose first entry has a meaning of its own (`roles[].members`: the primary),
    /// the first id before and after, when it changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<FirstChange>,
}

/// An id added to a list, placed after `after` (`null`: first).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlacedId {
    pub id: String,
    pub after: Option<String>,
}

/// An id that moved within a list: it now follows `after` (`null`: first).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MovedId {
    pub id: String,
    pub after: Option<String>,
    pub from: usize,
    pub to: usize,
}

/// The first entry of an ordered list before and after (absent when the list was empty).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FirstChange {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<String>,
}

/// The entity a change concerns: its key and, when it has one, its name (from `b`, or from
/// `a` when it was removed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityRef {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// Why a change matters to a reviewer. Serialized in snake_case (`objective_loosened`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Impact {
    /// A service's RTO, RPO, MTD or WRT got longer or was dropped, or its priority number rose.
    ObjectiveLoosened,
    /// A recovery objective got shorter or was set, or the priority number fell.
    ObjectiveTightened,
    /// The people in a crisis-team role, their order, or the crisis-team roles themselves changed.
    CrisisTeamChanged,
    /// The primary (first member) of a crisis-team role changed.
    CrisisTeamPrimaryChanged,
    /// The name, phones or e-mail of someone in the crisis team changed.
    CrisisContactChanged,
    /// Backups got rarer, shorter-lived, lost their offline or immutable copy, or were removed.
    BackupWeakened,
    /// Backups got more frequent, longer-lived, gained an offline or immutable copy, or were added.
    BackupStrengthened,
    /// A system's redundancy level went down.
    RedundancyLowered,
    /// A system's redundancy level went up.
    RedundancyRaised,
    /// A supplier's emergency contacts changed.
    SupplierEmergencyContactChanged,
}

/// Whether an impact makes the plan weaker, stronger, or just needs attention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tone {
    Worse,
    Better,
    Attention,
}

impl Impact {
    /// Every impact, in the order summaries list them.
    pub const ALL: [Impact; 10] = [
        Impact::ObjectiveLoosened,
        Impact::ObjectiveTightened,
        Impact::CrisisTeamPrimaryChanged,
        Impact::CrisisTeamChanged,
        Impact::CrisisContactChanged,
        Impact::BackupWeakened,
        Impact::BackupStrengthened,
        Impact::RedundancyLowered,
        Impact::RedundancyRaised,
        Impact::SupplierEmergencyContactChanged,
    ];

    /// The stable name, as serialized.
    pub fn name(self) -> &'static str {
        match self {
            Impact::ObjectiveLoosened => "objective_loosened",
            Impact::ObjectiveTightened => "objective_tightened",
            Impact::CrisisTeamChanged => "crisis_team_changed",
            Impact::CrisisTeamPrimaryChanged => "crisis_team_primary_changed",
            Impact::CrisisContactChanged => "crisis_contact_changed",
            Impact::BackupWeakened => "backup_weakened",
            Impact::BackupStrengthened => "backup_strengthened",
            Impact::RedundancyLowered => "redundancy_lowered",
            Impact::RedundancyRaised => "redundancy_raised",
            Impact::SupplierEmergencyContactChanged => "supplier_emergency_contact_changed",
        }
    }

    /// What one such change is, as a label: "recovery objective loosened".
    pub fn label(self) -> &'static str {
        match self {
            Impact::ObjectiveLoosened => "recovery objective loosened",
            Impact::ObjectiveTightened => "recovery objective tightened",
            Impact::CrisisTeamChanged => "crisis-team change",
            Impact::CrisisTeamPrimaryChanged => "crisis-team primary changed",
            Impact::CrisisContactChanged => "crisis-team contact detail changed",
            Impact::BackupWeakened => "backup weakened",
            Impact::BackupStrengthened => "backup strengthened",
            Impact::RedundancyLowered => "redundancy level lowered",
            Impact::RedundancyRaised => "redundancy level raised",
            Impact::SupplierEmergencyContactChanged => "supplier emergency contact changed",
        }
    }

    /// A short phrase for `count` such changes: "1 recovery objective loosened".
    pub fn phrase(self, count: usize) -> String {
        let text = if count == 1 {
            self.label()
        } else {
            match self {
                Impact::ObjectiveLoosened => "recovery objectives loosened",
                Impact::ObjectiveTightened => "recovery objectives tightened",
                Impact::CrisisTeamChanged => "crisis-team changes",
                Impact::CrisisTeamPrimaryChanged => "crisis-team primaries changed",
                Impact::CrisisContactChanged => "crisis-team contact details changed",
                Impact::BackupWeakened => "backups weakened",
                Impact::BackupStrengthened => "backups strengthened",
                Impact::RedundancyLowered => "redundancy levels lowered",
                Impact::RedundancyRaised => "redundancy levels raised",
                Impact::SupplierEmergencyContactChanged => "supplier emergency contacts changed",
            }
        };
        format!("{count} {text}")
    }

    pub fn tone(self) -> Tone {
        match self {
            Impact::ObjectiveLoosened | Impact::BackupWeakened | Impact::RedundancyLowered => {
                Tone::Worse
            }
            Impact::ObjectiveTightened | Impact::BackupStrengthened | Impact::RedundancyRaised => {
                Tone::Better
            }
            Impact::CrisisTeamChanged
            | Impact::CrisisTeamPrimaryChanged
            | Impact::CrisisContactChanged
            | Impact::SupplierEmergencyContactChanged => Tone::Attention,
        }
    }
}

impl fmt::Display for Impact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A path from the plan's root: field names, and for collections the key of the entity
/// (its `id`; an approval's `version`; an allowance's `rule`, or `rule subject` when it has a
/// subject). Which segments are keys follows from the plan's shape, never from their spelling.
///
/// When a collection holds a key more than once (an invalid plan), the second one is keyed
/// `key#2`, the third `key#3`, and so on, so that such revisions still diff entity by entity.
///
/// JSON: an array of strings, `["services", "burgerzaken", "rto"]`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Path(pub Vec<String>);

impl Path {
    pub fn segments(&self) -> &[String] {
        &self.0
    }
}

impl fmt::Display for Path {
    /// Segments joined with `/` (for display: keys may themselves contain `/`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.join("/"))
    }
}

/// The part of the plan a change belongs to: one of the collections, or one of the
/// single-object sections. Serialized as its name (`services`, `communication.audiences`,
/// `plan.approvals`, `organisation`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Section {
    /// `$schema` and `format_version`.
    Format,
    Organisation,
    /// The plan's metadata (`plan`), apart from its approvals.
    Plan,
    /// `plan.approvals`, keyed by version.
    Approvals,
    Activation,
    /// `communication` itself (its lists are the audiences and templates sections).
    Communication,
    /// One of the plan's collections of entities with ids.
    Collection(Collection),
    /// `allow`, keyed by rule and subject.
    Allow,
    /// A top-level key the format does not define (only in documents that are not plans).
    #[default]
    Other,
}

impl Section {
    /// Every section, in the order of the plan file.
    pub fn all() -> Vec<Section> {
        let mut all = vec![
            Section::Format,
            Section::Organisation,
            Section::Plan,
            Section::Approvals,
            Section::Activation,
        ];
        for c in Collection::ALL {
            if c == Collection::Audiences {
                all.push(Section::Communication);
            }
            all.push(Section::Collection(c));
        }
        all.extend([Section::Allow, Section::Other]);
        all
    }

    /// The section's name as serialized.
    pub fn name(self) -> &'static str {
        match self {
            Section::Format => "format",
            Section::Organisation => "organisation",
            Section::Plan => "plan",
            Section::Approvals => "plan.approvals",
            Section::Activation => "activation",
            Section::Communication => "communication",
            Section::Collection(c) => c.name(),
            Section::Allow => "allow",
            Section::Other => "other",
        }
    }

    pub fn from_name(name: &str) -> Option<Section> {
        Section::all().into_iter().find(|s| s.name() == name)
    }

    /// The section of a top-level key of the plan.
    pub(crate) fn of_top_level(key: &str) -> Section {
        match key {
            "$schema" | "format_version" => Section::Format,
            "organisation" => Section::Organisation,
            "plan" => Section::Plan,
            "activation" => Section::Activation,
            "communication" => Section::Communication,
            "allow" => Section::Allow,
            other => Collection::from_name(other).map_or(Section::Other, Section::Collection),
        }
    }

    /// The collection, when the section is one.
    pub fn collection(self) -> Option<Collection> {
        match self {
            Section::Collection(c) => Some(c),
            _ => None,
        }
    }

    /// How many path segments lead to an entity key of this section (`services/<id>`: 2),
    /// or `None` for sections that are a single object.
    pub fn entity_depth(self) -> Option<usize> {
        match self {
            Section::Collection(Collection::Audiences | Collection::Templates)
            | Section::Approvals => Some(3),
            Section::Collection(_) | Section::Allow => Some(2),
            _ => None,
        }
    }

    /// One entity of the section in words ("service", "approval"), or the section's title.
    pub fn singular(self) -> &'static str {
        match self {
            Section::Collection(c) => c.singular(),
            Section::Approvals => "approval",
            Section::Allow => "allowance",
            other => other.title(),
        }
    }

    /// The section's entities in words, singular or plural by `count`: "1 service", "2 people".
    pub fn noun(self, count: usize) -> String {
        if count == 1 {
            return format!("1 {}", self.singular());
        }
        let plural = match self {
            Section::Collection(Collection::People) => "people".to_owned(),
            Section::Collection(Collection::Distribution) => "plan copies".to_owned(),
            Section::Collection(Collection::ExerciseSchedule) => {
                "exercise schedule entries".to_owned()
            }
            Section::Collection(_) | Section::Approvals | Section::Allow => {
                format!("{}s", self.singular())
            }
            other => other.title().to_owned(),
        };
        format!("{count} {plural}")
    }

    /// The section's title for single-object sections in summaries ("plan metadata").
    pub fn title(self) -> &'static str {
        match self {
            Section::Format => "format",
            Section::Organisation => "organisation",
            Section::Plan => "plan metadata",
            Section::Activation => "activation",
            Section::Communication => "communication",
            Section::Other => "unknown sections",
            other => other.name(),
        }
    }
}

impl fmt::Display for Section {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl From<Collection> for Section {
    fn from(c: Collection) -> Self {
        Section::Collection(c)
    }
}

impl Serialize for Section {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Section {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        Section::from_name(&name)
            .ok_or_else(|| D::Error::custom(format!("unknown section `{name}`")))
    }
}

/// Reads a field that is present as `Some`, even when it is `null`, so that an explicit
/// `null` survives a round trip (an absent field stays `None` through `default`).
fn present<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(deserializer).map(Some)
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// Counts per section and per impact; `Display` renders the one-line summary.
    pub fn summary(&self) -> Summary {
        Summary::of(self)
    }

    /// Every impact of every change, with repetitions.
    pub fn impacts(&self) -> impl Iterator<Item = Impact> + '_ {
        self.changes.iter().flat_map(|c| c.impacts.iter().copied())
    }
}

#[derive(Serialize)]
struct StoredRef<'a> {
    version: u32,
    changes: &'a [Change],
}

#[derive(Deserialize)]
struct Stored {
    version: u32,
    changes: Vec<Change>,
}

impl Serialize for Diff {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        StoredRef {
            version: DIFF_FORMAT_VERSION,
            changes: &self.changes,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Diff {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let stored = Stored::deserialize(deserializer)?;
        if stored.version != DIFF_FORMAT_VERSION {
            return Err(D::Error::custom(format!(
                "this diff has version {}; this release reads diff version {DIFF_FORMAT_VERSION}",
                stored.version
            )));
        }
        Ok(Diff {
            changes: stored.changes,
        })
    }
}

/// The semantic diff from plan `a` to plan `b`, with every change classified.
///
/// The same as [`diff_values`] on the plans' JSON, only faster: unchanged entities are
/// compared as typed values and never turned into JSON.
pub fn diff(a: &Plan, b: &Plan) -> Diff {
    let mut changes = typed::diff_plan(a, b);
    classify::classify(&mut changes, classify::CrisisTeam::of_plans([a, b]));
    Diff { changes }
}

/// The semantic diff between two JSON documents shaped like plans, for revisions that do not
/// load as a [`Plan`]. Parts that do not have the plan's shape are compared as whole values.
pub fn diff_values(a: &Value, b: &Value) -> Diff {
    let mut changes = value::diff(a, b);
    classify::classify(&mut changes, classify::CrisisTeam::of_values([a, b]));
    Diff { changes }
}
