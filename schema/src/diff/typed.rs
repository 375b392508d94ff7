//! The fast path for whole plans: the large collections are compared and edited as typed
//! entities, and only the small single-object sections go through JSON. Its output is the
//! same as diffing the plans' JSON (a property test holds it to that).

use std::borrow::Cow;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::Change;
use super::Path;
use super::apply::{self, ApplyError, ApplyErrorKind};
use super::items::{self, Item};
use super::shape::{self, ListKind};
use super::value::Walker;
use crate::model::Plan;

/// The plan's top-level fields in file order (as `Plan` serializes them).
pub(crate) const FIELDS: [&str; 20] = [
    "$schema",
    "format_version",
    "organisation",
    "plan",
    "activation",
    "people",
    "roles",
    "services",
    "systems",
    "suppliers",
    "locations",
    "scenarios",
    "risks",
    "communication",
    "distribution",
    "exercise_schedule",
    "exercises",
    "actions",
    "incidents",
    "allow",
];

/// A small top-level field as JSON, or `None` when the plan leaves it out (or it is a
/// collection handled as typed entities).
pub(crate) fn small(plan: &Plan, key: &str) -> Option<Value> {
    match key {
        "$schema" => plan.schema.as_ref().map(json),
        "format_version" => Some(json(&plan.format_version)),
        "organisation" => Some(json(&plan.organisation)),
        "plan" => Some(json(&plan.plan)),
        "activation" => Some(json(&plan.activation)),
        "communication" => Some(json(&plan.communication)),
        "allow" => (!plan.allow.is_empty()).then(|| json(&plan.allow)),
        _ => None,
    }
}

fn json<T: Serialize>(value: &T) -> Value {
    // Serializing the model cannot fail (string keys, infallible value types).
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// Whether the plan's JSON has the field.
fn present(plan: &Plan, key: &str) -> bool {
    match key {
        "$schema" => plan.schema.is_some(),
        "incidents" => !plan.incidents.is_empty(),
        "allow" => !plan.allow.is_empty(),
        _ => true,
    }
}

/// Expands `$then!(field, args...)` for the typed collection named `$key`, or `$otherwise`.
macro_rules! by_collection {
    ($key:expr, $then:ident!($($args:tt)*), $otherwise:expr) => {
        match $key {
            "people" => $then!(people, $($args)*),
            "roles" => $then!(roles, $($args)*),
            "services" => $then!(services, $($args)*),
            "systems" => $then!(systems, $($args)*),
            "suppliers" => $then!(suppliers, $($args)*),
            "locations" => $then!(locations, $($args)*),
            "scenarios" => $then!(scenarios, $($args)*),
            "risks" => $then!(risks, $($args)*),
            "distribution" => $then!(distribution, $($args)*),
            "exercise_schedule" => $then!(exercise_schedule, $($args)*),
            "exercises" => $then!(exercises, $($args)*),
            "actions" => $then!(actions, $($args)*),
            "incidents" => $then!(incidents, $($args)*),
            _ => $otherwise,
        }
    };
}

macro_rules! diff_typed {
    ($field:ident, $walker:expr, $a:expr, $b:expr, $key:expr) => {{
        typed($walker, $key, &$a.$field, &$b.$field);
        true
    }};
}

macro_rules! apply_typed {
    ($field:ident, $plan:expr, $key:expr, $changes:expr) => {
        match shape::list_kind($key) {
            ListKind::Entities(list) => {
                apply::apply_list(&mut $plan.$field, &list, $key, 1, $changes).map(|()| true)
            }
            _ => Ok(false),
        }
    };
}

macro_rules! keys_of {
    ($field:ident, $plan:expr, $key:expr) => {
        Some(match shape::list_kind($key) {
            ListKind::Entities(list) => items::entity_keys(&$plan.$field, list.key)
                .map(|keys| keys.into_iter().map(Cow::into_owned).collect()),
            _ => None,
        })
    };
}

macro_rules! entity_of {
    ($field:ident, $plan:expr, $index:expr) => {
        $plan
            .$field
            .get($index)
            .map(|entity| entity.json().into_owned())
    };
}

macro_rules! yes {
    ($field:ident,) => {
        true
    };
}

/// Whether `key` names a collection handled as typed entities.
pub(crate) fn is_collection(key: &str) -> bool {
    by_collection!(key, yes!(), false)
}

/// The keys of the typed collection `key` (`None` when it is not one; `Some(None)` when its
/// entries have no usable keys).
pub(crate) fn collection_keys(plan: &Plan, key: &str) -> Option<Option<Vec<String>>> {
    by_collection!(key, keys_of!(plan, key), None)
}

/// The JSON of entity `index` of the typed collection `key`.
pub(crate) fn entity_json(plan: &Plan, key: &str, index: usize) -> Option<Value> {
    by_collection!(key, entity_of!(plan, index), None)
}

/// The changes from plan `a` to plan `b`, unclassified, in the order `value::diff` gives for
/// their JSON: fields of `b` in order, then fields only `a` has.
pub(crate) fn diff_plan(a: &Plan, b: &Plan) -> Vec<Change> {
    let mut walker = Walker::default();
    let in_b = FIELDS.iter().filter(|k| present(b, k));
    let only_in_a = FIELDS.iter().filter(|k| present(a, k) && !present(b, k));
    for &key in in_b.chain(only_in_a) {
        if !by_collection!(key, diff_typed!(&mut walker, a, b, key), false) {
            let (old, new) = (small(a, key), small(b, key));
            if old != new {
                walker.field(key, old.as_ref(), new.as_ref());
            }
        }
    }
    walker.out
}

fn typed<E: Item>(walker: &mut Walker, key: &str, a: &[E], b: &[E]) {
    if let ListKind::Entities(list) = shape::list_kind(key) {
        walker.enter_field(key, |w| w.entities(a, b, &list));
    }
}

/// Applies changes to a plan in place: collections entity by entity, the small sections
/// through JSON.
pub(crate) fn apply_plan(plan: &mut Plan, changes: &[&Change]) -> Result<(), ApplyError> {
    if changes.iter().any(|c| c.path.0.is_empty()) {
        // A change of the whole document (only in diffs of documents that were not plans).
        let mut value = json(&*plan);
        apply::apply_at(&mut value, "", 0, changes)?;
        *plan = serde_json::from_value(value).map_err(|e| not_a_plan(&[], e.to_string()))?;
        return Ok(());
    }
    let mut rest: Vec<&Change> = Vec::new();
    for (key, group) in apply::group(changes, 0) {
        if !by_collection!(key, apply_typed!(plan, key, &group), Ok(false))? {
            rest.extend(group);
        }
    }
    if rest.is_empty() {
        return Ok(());
    }
    let mut shell = Map::new();
    for key in FIELDS {
        if let Some(value) = small(plan, key) {
            shell.insert(key.to_owned(), value);
        }
    }
    apply::apply_object(&mut shell, "", 0, &rest)?;
    plan.schema = take(&mut shell, "$schema")?;
    plan.format_version = required(&mut shell, "format_version")?;
    plan.organisation = required(&mut shell, "organisation")?;
    plan.plan = required(&mut shell, "plan")?;
    plan.activation = required(&mut shell, "activation")?;
    plan.communication = required(&mut shell, "communication")?;
    plan.allow = take(&mut shell, "allow")?.unwrap_or_default();
    if let Some(key) = shell.keys().next() {
        return Err(not_a_plan(
            std::slice::from_ref(key),
            format!("unknown field `{key}`"),
        ));
    }
    Ok(())
}

fn not_a_plan(path: &[String], why: String) -> ApplyError {
    ApplyError {
        path: Path(path.to_vec()),
        kind: ApplyErrorKind::NotAPlan(why),
    }
}

fn take<T: DeserializeOwned>(
    shell: &mut Map<String, Value>,
    key: &str,
) -> Result<Option<T>, ApplyError> {
    shell
        .remove(key)
        .map(|v| {
            serde_json::from_value(v).map_err(|e| not_a_plan(&[key.to_owned()], e.to_string()))
        })
        .transpose()
}

fn required<T: DeserializeOwned>(
    shell: &mut Map<String, Value>,
    key: &str,
) -> Result<T, ApplyError> {
    take(shell, key)?.ok_or_else(|| not_a_plan(&[key.to_owned()], format!("missing field `{key}`")))
}
