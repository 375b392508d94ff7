//! Generates the Markdown references kept in `docs/`: the plan format (from the JSON Schema's
//! titles and descriptions, with examples taken from a real plan) and the rules.
//!
//! Tests compare the committed files with these functions' output, so the docs cannot go stale.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde_json::Value;

use crate::load::codes;
use crate::rules::RULES;

/// The order in which definitions appear in the format reference: the plan's own order.
const ORDER: &[&str] = &[
    "Plan",
    "Organisation",
    "OrganisationKind",
    "PlanInfo",
    "Classification",
    "Approval",
    "DocumentRef",
    "Activation",
    "Person",
    "PhoneContact",
    "PhoneKind",
    "Role",
    "Service",
    "Criticality",
    "System",
    "SystemKind",
    "Redundancy",
    "Backup",
    "Recovery",
    "Replacement",
    "Supplier",
    "SupplierContact",
    "Availability",
    "Contract",
    "Sla",
    "Location",
    "LocationKind",
    "Scenario",
    "Step",
    "Risk",
    "Treatment",
    "Communication",
    "Audience",
    "AudienceKind",
    "MessageTemplate",
    "PlanCopy",
    "CopyForm",
    "ExerciseSchedule",
    "ExerciseKind",
    "Exercise",
    "ExerciseResult",
    "ExerciseFinding",
    "Action",
    "ActionOrigin",
    "ActionStatus",
    "Incident",
    "Allowance",
    "Duration",
    "Date",
    "Phone",
    "Email",
    "WebUrl",
];

/// The format reference: every entity and field of `schema`, each object with an example
/// taken from `example` (a plan as JSON) where it has one.
pub fn format_markdown(schema: &Value, example: Option<&Value>) -> String {
    let defs = schema
        .get("$defs")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let mut examples = BTreeMap::new();
    if let Some(example) = example {
        collect_examples(schema, schema, example, &mut examples);
    }
    let mut out = String::from(
        "# Plan format reference\n\n\
         <!-- Generated from the JSON Schema (schema/plan.schema.json) and plans/heidebeek.json; a test keeps it current. -->\n\n\
         A plan is one JSON file.\n\
         Its JSON Schema, `schema/plan.schema.json`, is generated from the Rust model and gives editors completion and explanations while typing.\n\
         Keys are snake_case; unknown keys and duplicate keys are errors.\n\
         Optional fields are left out rather than set to `null`.\n\
         Every entity in a collection has an `id`: lowercase letters, digits and single hyphens, unique in its collection.\n\
         References name the target by its id, and the field says which collection it points to.\n\
         Durations are a whole number and a unit (`30m`, `4h`, `2d`, `1w`); dates are ISO 8601 (`2026-03-01`).\n\n\
         ## Contents\n\n",
    );
    let mut names: Vec<&str> = ORDER
        .iter()
        .copied()
        .filter(|n| *n == "Plan" || defs.contains_key(*n))
        .collect();
    let mut ids: Vec<&str> = defs
        .keys()
        .map(String::as_str)
        .filter(|n| n.ends_with("Id"))
        .collect();
    ids.sort_unstable();
    let unlisted: Vec<&str> = defs
        .keys()
        .map(String::as_str)
        .filter(|n| !ORDER.contains(n) && !n.ends_with("Id"))
        .collect();
    names.extend(unlisted);
    for name in &names {
        let _ = writeln!(out, "- [{name}](#{})", name.to_lowercase());
    }
    out.push_str("- [Ids](#ids)\n");
    for name in &names {
        let def = if *name == "Plan" {
            schema
        } else {
            &defs[*name]
        };
        render_definition(&mut out, name, def, examples.get(*name));
    }
    out.push_str("\n## Ids\n\nEach reference field names the collection its id must exist in.\n\n| Id type | Of |\n| --- | --- |\n");
    for id in ids {
        let title = defs[id]
            .get("title")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "| <a id=\"{}\"></a>`{id}` | {} |",
            id.to_lowercase(),
            title.trim_start_matches("Id of ")
        );
    }
    out
}

fn render_definition(out: &mut String, name: &str, def: &Value, example: Option<&Value>) {
    let _ = write!(out, "\n## {name}\n\n");
    if let Some(title) = def.get("title").and_then(Value::as_str) {
        if title != name {
            let _ = write!(out, "**{title}.** ");
        }
    }
    if let Some(description) = def.get("description").and_then(Value::as_str) {
        let _ = writeln!(out, "{}\n", one_line(description));
    } else {
        out.push('\n');
    }
    if let Some(props) = def.get("properties").and_then(Value::as_object) {
        let required: Vec<&str> = def
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        out.push_str("| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n");
        for (field, prop) in props {
            let description = [
                prop.get("title").and_then(Value::as_str).filter(|t| {
                    !t.eq_ignore_ascii_case(&field.trim_start_matches('$').replace('_', " "))
                }),
                prop.get("description").and_then(Value::as_str),
            ]
            .into_iter()
            .flatten()
            .map(one_line)
            .collect::<Vec<_>>()
            .join(": ");
            let _ = writeln!(
                out,
                "| `{field}` | {} | {} | {} |",
                type_label(prop),
                if required.contains(&field.as_str()) {
                    "yes"
                } else {
                    ""
                },
                description.replace('|', "\\|")
            );
        }
    }
    if let Some(options) = def.get("oneOf").and_then(Value::as_array) {
        out.push_str("| Value | Meaning |\n| --- | --- |\n");
        for option in options {
            let value = option
                .get("const")
                .map(|c| c.as_str().map_or_else(|| c.to_string(), str::to_owned))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "| `{value}` | {} |",
                option
                    .get("description")
                    .and_then(Value::as_str)
                    .map(one_line)
                    .unwrap_or_default()
            );
        }
    }
    if def.get("type").and_then(Value::as_str) == Some("string") {
        if let Some(pattern) = def.get("pattern").and_then(Value::as_str) {
            let _ = writeln!(out, "Pattern: {}\n", code_span(pattern));
        }
        if let Some(examples) = def.get("examples").and_then(Value::as_array) {
            let list: Vec<String> = examples
                .iter()
                .map(|e| format!("`{}`", e.as_str().unwrap_or_default()))
                .collect();
            let _ = writeln!(out, "Examples: {}", list.join(", "));
        }
    }
    if let Some(example) = example {
        let text = serde_json::to_string_pretty(&trim_example(example)).unwrap_or_default();
        let _ = write!(
            out,
            "\nExample (from the example plan):\n\n```json\n{text}\n```\n"
        );
    }
}

/// Keeps examples short: long lists are cut to their first two items.
fn trim_example(value: &Value) -> Value {
    match value {
        Value::Array(items) => Value::Array(items.iter().take(2).map(trim_example).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), trim_example(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn def_name(reference: &str) -> Option<&str> {
    reference.strip_prefix("#/$defs/")
}

fn type_label(prop: &Value) -> String {
    if let Some(name) = prop.get("$ref").and_then(Value::as_str).and_then(def_name) {
        return format!("[{name}](#{})", name.to_lowercase());
    }
    match prop.get("type").and_then(Value::as_str) {
        Some("array") => format!(
            "list of {}",
            prop.get("items")
                .map(type_label)
                .unwrap_or_else(|| "values".into())
        ),
        Some("integer") => match (prop.get("minimum"), prop.get("maximum")) {
            (Some(min), Some(max)) => format!("integer {min}–{max}"),
            (Some(min), None) => format!("integer ≥ {min}"),
            _ => "integer".into(),
        },
        Some(other) => other.into(),
        None => "value".into(),
    }
}

/// Records, for each definition, the first value of the example that it describes.
fn collect_examples(
    root: &Value,
    schema: &Value,
    value: &Value,
    found: &mut BTreeMap<String, Value>,
) {
    if let Some(name) = schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(def_name)
    {
        if value.is_object() && !found.contains_key(name) {
            found.insert(name.to_owned(), value.clone());
        }
        if let Some(def) = root.pointer(&format!("/$defs/{name}")) {
            collect_examples(root, def, value, found);
        }
        return;
    }
    match value {
        Value::Object(map) => {
            if let Some(props) = schema.get("properties").and_then(Value::as_object) {
                for (key, child) in map {
                    if let Some(child_schema) = props.get(key) {
                        collect_examples(root, child_schema, child, found);
                    }
                }
            }
        }
        Value::Array(items) => {
            if let Some(item_schema) = schema.get("items") {
                for item in items {
                    collect_examples(root, item_schema, item, found);
                }
            }
        }
        _ => {}
    }
}

/// The rules reference, as `continuity rules --format markdown` prints it.
pub fn rules_markdown() -> String {
    let mut out = String::from(
        "# Rules\n\n\
         <!-- Generated by `continuity rules --format markdown`; a test keeps it current. -->\n\n\
         `continuity validate` checks a plan against the JSON Schema and then against these rules.\n\
         Errors fail validation; warnings fail only with `--deny warnings`; infos never fail.\n\
         A plan can accept a finding by listing it under `allow` with a reason.\n\
         Time-based rules measure against `--today` (default: the current date).\n\n\
         | Rule | Severity | Checks |\n| --- | --- | --- |\n",
    );
    for rule in RULES {
        let _ = writeln!(
            out,
            "| [`{}`](#{}) | {} | {} |",
            rule.name, rule.name, rule.severity, rule.summary
        );
    }
    for rule in RULES {
        let _ = write!(
            out,
            "\n## {}\n\n**{}**: {}.\n\n{}\n\nSources: {}.\n",
            rule.name,
            rule.severity,
            rule.summary,
            rule.rationale,
            rule.sources.join("; ")
        );
    }
    out.push_str("\n## Input errors\n\nThese are reported before any rule runs, when the file cannot be read as a plan.\nThey are always errors.\n\n| Code | Meaning |\n| --- | --- |\n");
    for (code, meaning) in codes::ALL {
        let _ = writeln!(out, "| `{code}` | {meaning} |");
    }
    out
}

/// `text` as a Markdown code span, with a fence of more backticks than any run inside it
/// (and padding when it starts or ends with one), so that a pattern holding a backtick stays
/// one span.
fn code_span(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::code_span;

    #[test]
    fn code_spans_hold_backticks() {
        assert_eq!(code_span("^a$"), "`^a$`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("``x"), "``` ``x ```");
    }
}
