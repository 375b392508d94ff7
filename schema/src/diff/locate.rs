//! Finds values in a plan's JSON by diff [`Path`] (field names and entity keys), and lists the
//! leaf fields below a value: what `blame` needs to attribute every field to a revision.

use serde_json::Value;

use super::Path;
use super::shape::{self, KeyRule, ListKind};

/// The key an entity has in a keyed list, as diff paths write it.
fn key_of(rule: KeyRule, item: &Value) -> Option<String> {
    match rule {
        KeyRule::Field(field) => item.get(field).and_then(Value::as_str).map(str::to_owned),
        KeyRule::RuleSubject => {
            let rule = item.get("rule").and_then(Value::as_str)?;
            Some(match item.get("subject").and_then(Value::as_str) {
                Some(subject) => format!("{rule} {subject}"),
                None => rule.to_owned(),
            })
        }
    }
}

/// The entity with `key` in `items`; `key#n` names the n-th entity sharing a key.
fn find_keyed<'v>(items: &'v [Value], rule: KeyRule, key: &str) -> Option<&'v Value> {
    let (wanted, nth) = match key.rsplit_once('#') {
        Some((base, n)) => (base, n.parse::<usize>().ok()?),
        None => (key, 1),
    };
    items
        .iter()
        .filter(|item| key_of(rule, item).as_deref() == Some(wanted))
        .nth(nth.checked_sub(1)?)
}

/// The value at `path` in `plan` (the plan's JSON), if there is one.
pub fn resolve<'v>(plan: &'v Value, path: &Path) -> Option<&'v Value> {
    let mut value = plan;
    let mut shape = String::new();
    let mut segments = path.segments().iter();
    while let Some(segment) = segments.next() {
        shape = shape::child(&shape, segment);
        value = value.get(segment.as_str())?;
        if let (ListKind::Entities(list), Value::Array(items)) = (shape::list_kind(&shape), value) {
            let Some(key) = segments.next() else {
                return Some(value);
            };
            value = find_keyed(items, list.key, key)?;
        }
    }
    Some(value)
}

/// The paths of the leaf fields below `path`: objects are descended, keyed lists are descended
/// entity by entity, and any other value (text, numbers, id lists, plain lists) is a leaf.
pub fn leaf_paths(plan: &Value, path: &Path) -> Vec<Path> {
    let mut shape = String::new();
    for (segment, is_key) in shape::mark_keys(path.segments()) {
        if !is_key {
            shape = shape::child(&shape, segment);
        }
    }
    let mut out = Vec::new();
    if let Some(value) = resolve(plan, path) {
        // A path ending in a list's name points at the list; one ending in a key, at an entity.
        let at_list = matches!(shape::list_kind(&shape), ListKind::Entities(_))
            && shape::mark_keys(path.segments())
                .last()
                .is_some_and(|(_, key)| !key);
        collect(value, &shape, path.clone(), at_list, &mut out);
    }
    out
}

fn collect(value: &Value, shape: &str, path: Path, at_list: bool, out: &mut Vec<Path>) {
    match (value, shape::list_kind(shape)) {
        (Value::Array(items), ListKind::Entities(list)) if at_list => {
            for item in items {
                if let Some(key) = key_of(list.key, item) {
                    let mut child = path.clone();
                    child.0.push(key);
                    collect(item, shape, child, false, out);
                }
            }
        }
        (Value::Object(map), _) => {
            for (field, child_value) in map {
                let mut child = path.clone();
                child.0.push(field.clone());
                let child_shape = shape::child(shape, field);
                let keyed = matches!(shape::list_kind(&child_shape), ListKind::Entities(_));
                collect(child_value, &child_shape, child, keyed, out);
            }
        }
        _ => out.push(path),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn path(segments: &[&str]) -> Path {
        Path(segments.iter().map(|s| (*s).to_owned()).collect())
    }

    #[test]
    fn resolves_by_key_not_position() {
        let plan = json!({"services": [{"id": "a", "rto": "4h"}, {"id": "b", "rto": "1d"}],
                          "scenarios": [{"id": "s", "steps": [{"id": "x", "action": "go"}]}]});
        assert_eq!(
            resolve(&plan, &path(&["services", "b", "rto"])),
            Some(&json!("1d"))
        );
        assert_eq!(
            resolve(&plan, &path(&["scenarios", "s", "steps", "x", "action"])),
            Some(&json!("go"))
        );
        assert_eq!(resolve(&plan, &path(&["services", "c"])), None);
    }

    #[test]
    fn lists_leaves_through_keyed_lists() {
        let plan = json!({"scenarios": [{"id": "s", "name": "S", "steps": [{"id": "x", "action": "go"}], "triggers": ["t"]}]});
        let leaves: Vec<String> = leaf_paths(&plan, &path(&["scenarios", "s"]))
            .iter()
            .map(|p| p.segments().join("/"))
            .collect();
        assert_eq!(
            leaves,
            [
                "scenarios/s/id",
                "scenarios/s/name",
                "scenarios/s/steps/x/id",
                "scenarios/s/steps/x/action",
                "scenarios/s/triggers"
            ]
        );
    }
}
