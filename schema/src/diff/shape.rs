//! The one table the diff needs about the plan's shape: which arrays are keyed collections,
//! which are lists of ids, and how entities are keyed and named.
//!
//! A "shape" is the dotted chain of field names leading to a value with entity keys left out:
//! `scenarios.steps` is the steps list of any scenario. Everything not listed here is compared
//! as a whole value, which is always correct, only coarser.

use crate::hash::{HashSet, HashSetExt as _};

use serde_json::Value;

use super::Section;
use crate::references::Collection;

/// How one array of the plan is compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ListKind {
    /// Objects matched by key; moves are reported for order changes.
    Entities(EntityList),
    /// Ids compared as a set, with moves; `first_matters` when the first id has a role of its
    /// own (the primary member of a role).
    Ids { first_matters: bool },
    /// Compared as one value.
    Whole,
}

/// A keyed collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct EntityList {
    pub key: KeyRule,
    /// The section, for top-level collections; nested lists (steps, findings) stay in their
    /// parent's section and entity.
    pub section: Option<Section>,
    /// The field that names an entity in labels.
    pub name: Option<&'static str>,
}

/// How an entity's key is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeyRule {
    /// A string field (`id`, or `version` for approvals).
    Field(&'static str),
    /// An allowance: `rule`, or `rule subject`.
    RuleSubject,
}

const fn top(c: Collection, name: Option<&'static str>) -> ListKind {
    ListKind::Entities(EntityList {
        key: KeyRule::Field("id"),
        section: Some(Section::Collection(c)),
        name,
    })
}

const fn nested() -> ListKind {
    ListKind::Entities(EntityList {
        key: KeyRule::Field("id"),
        section: None,
        name: None,
    })
}

const IDS: ListKind = ListKind::Ids {
    first_matters: false,
};

/// How the array at `shape` is compared.
pub(crate) fn list_kind(shape: &str) -> ListKind {
    use Collection as C;
    match shape {
        "people" => top(C::People, Some("name")),
        "roles" => top(C::Roles, Some("name")),
        "services" => top(C::Services, Some("name")),
        "systems" => top(C::Systems, Some("name")),
        "suppliers" => top(C::Suppliers, Some("name")),
        "locations" => top(C::Locations, Some("name")),
        "scenarios" => top(C::Scenarios, Some("name")),
        "risks" => top(C::Risks, Some("title")),
        "communication.audiences" => top(C::Audiences, Some("name")),
        "communication.templates" => top(C::Templates, Some("subject")),
        "distribution" => top(C::Distribution, None),
        "exercise_schedule" => top(C::ExerciseSchedule, None),
        "exercises" => top(C::Exercises, Some("title")),
        "actions" => top(C::Actions, Some("title")),
        "incidents" => top(C::Incidents, Some("title")),
        "scenarios.steps" | "exercises.findings" => nested(),
        "plan.approvals" => ListKind::Entities(EntityList {
            key: KeyRule::Field("version"),
            section: Some(Section::Approvals),
            name: None,
        }),
        "allow" => ListKind::Entities(EntityList {
            key: KeyRule::RuleSubject,
            section: Some(Section::Allow),
            name: None,
        }),
        "roles.members" => ListKind::Ids {
            first_matters: true,
        },
        "plan.contributors"
        | "activation.authorised_roles"
        | "services.depends_on"
        | "services.alternate_locations"
        | "systems.depends_on"
        | "scenarios.affected_services"
        | "scenarios.affected_systems"
        | "scenarios.steps.systems"
        | "risks.scenarios"
        | "exercises.participants" => IDS,
        _ => ListKind::Whole,
    }
}

/// The shape of field `field` inside a value of shape `shape`.
pub(crate) fn child(shape: &str, field: &str) -> String {
    if shape.is_empty() {
        field.to_owned()
    } else {
        format!("{shape}.{field}")
    }
}

/// The ids of an id list, or `None` when an entry is not a string or an id repeats (such a
/// list is compared as a whole value).
pub(crate) fn id_keys(items: &[Value]) -> Option<Vec<&str>> {
    let mut seen = HashSet::with_capacity(items.len());
    items
        .iter()
        .map(|item| item.as_str().filter(|id| seen.insert(*id)))
        .collect()
}

/// Each segment of a path with whether it is an entity key (rather than a field name).
pub(crate) fn mark_keys(path: &[String]) -> Vec<(&str, bool)> {
    let mut shape = String::new();
    let mut key_next = false;
    path.iter()
        .map(|segment| {
            if key_next {
                key_next = false;
                return (segment.as_str(), true);
            }
            shape = child(&shape, segment);
            key_next = matches!(list_kind(&shape), ListKind::Entities(_));
            (segment.as_str(), false)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn id_lists_with_repeats_are_not_keyed() {
        assert_eq!(id_keys(&[json!("a"), json!("b")]), Some(vec!["a", "b"]));
        assert_eq!(id_keys(&[json!("a"), json!("a")]), None);
        assert_eq!(id_keys(&[json!(1)]), None);
    }
}
