//! Generates the plan's JSON Schema (draft 2020-12) from the model, tuned for editors and strict validators.

use schemars::generate::SchemaSettings;
use schemars::transform::RestrictFormats;
use serde_json::{Map, Value};

use crate::model::Plan;

/// The canonical address of the published schema, used as its `$id`.
pub const SCHEMA_ID: &str = "https://continuity-bcp.github.io/schema/v1/plan.schema.json";

/// The JSON Schema of a plan, as a JSON value.
///
/// Optional fields are absent rather than `null`: a `null` is rejected so that the file has one
/// way to say "not set", and the schema stays free of union types (strict validators reject
/// those).
pub fn plan_schema() -> Value {
    let generator = SchemaSettings::draft2020_12()
        .with_transform(RestrictFormats::default())
        .into_generator();
    let schema = generator.into_root_schema_for::<Plan>();
    let mut value = schema.to_value();
    if let Value::Object(root) = &mut value {
        root.insert("$id".into(), SCHEMA_ID.into());
        let mut ordered = Map::new();
        for key in ["$schema", "$id", "title", "description"] {
            if let Some(v) = root.remove(key) {
                ordered.insert(key.into(), v);
            }
        }
        ordered.append(root);
        *root = ordered;
    }
    tidy(&mut value, None);
    value
}

/// The schema as the committed file holds it: two-space indentation and a final newline.
pub fn plan_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&plan_schema()).unwrap_or_default();
    text.push('\n');
    text
}

/// Removes `null` alternatives and adds a title to properties that have none.
fn tidy(value: &mut Value, property_name: Option<&str>) {
    let Value::Object(map) = value else { return };
    drop_null_alternative(map);
    if let (Some(name), false) = (property_name, map.contains_key("title")) {
        let title = humanise(name);
        let mut ordered = Map::new();
        ordered.insert("title".into(), title.into());
        ordered.append(map);
        *map = ordered;
    }
    for (key, child) in map.iter_mut() {
        match (key.as_str(), child) {
            ("properties", Value::Object(props)) => {
                for (name, prop) in props.iter_mut() {
                    tidy(prop, Some(name));
                }
            }
            ("$defs", Value::Object(defs)) => {
                for def in defs.values_mut() {
                    tidy(def, None);
                }
            }
            ("items", item @ Value::Object(_)) => tidy(item, None),
            ("oneOf" | "anyOf" | "allOf", Value::Array(list)) => {
                for item in list {
                    tidy(item, None);
                }
            }
            _ => {}
        }
    }
}

fn drop_null_alternative(map: &mut Map<String, Value>) {
    if let Some(Value::Array(types)) = map.get_mut("type") {
        types.retain(|t| t != "null");
        if types.len() == 1 {
            let only = types.remove(0);
            map.insert("type".into(), only);
        }
    }
    let is_null = |v: &Value| v.get("type").and_then(Value::as_str) == Some("null");
    if let Some(Value::Array(alternatives)) = map.get("anyOf") {
        if alternatives.iter().any(is_null) {
            let mut rest: Vec<Value> = alternatives
                .iter()
                .filter(|v| !is_null(v))
                .cloned()
                .collect();
            map.remove("anyOf");
            if rest.len() == 1 {
                if let Value::Object(inner) = rest.remove(0) {
                    for (k, v) in inner {
                        map.entry(k).or_insert(v);
                    }
                }
            } else {
                map.insert("anyOf".into(), Value::Array(rest));
            }
        }
    }
}

fn humanise(key: &str) -> String {
    let mut words = key.trim_start_matches('$').replace('_', " ");
    if let Some(first) = words.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    words
}
