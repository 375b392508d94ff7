//! Checks a JSON value against the generated plan schema with the `jsonschema` crate, and turns
//! its errors into findings that name the field and say what is expected.

use std::collections::HashSet;

use continuity_schema::finding::{Finding, Severity};
use continuity_schema::json::Pointer;
use continuity_schema::load::codes;
use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{ValidationError, Validator};
use serde_json::Value;

/// At most this many schema errors are reported per file: past that, the file is not a plan.
const MAX_SCHEMA_FINDINGS: usize = 200;

/// A compiled plan schema.
pub struct SchemaCheck {
    schema: Value,
    validator: Validator,
}

impl std::fmt::Debug for SchemaCheck {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SchemaCheck")
    }
}

impl SchemaCheck {
    pub fn new() -> anyhow::Result<Self> {
        let schema = continuity_schema::generate::plan_schema();
        let validator = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .should_validate_formats(true)
            .build(&schema)
            .map_err(|err| anyhow::anyhow!("the built-in plan schema does not compile: {err}"))?;
        Ok(SchemaCheck { schema, validator })
    }

    /// Findings for the places where `value` breaks the schema (at most a few hundred), and
    /// how many more there are.
    pub fn check(&self, value: &Value) -> (Vec<Finding>, usize) {
        if self.validator.is_valid(value) {
            return (Vec::new(), 0);
        }
        let mut seen = HashSet::new();
        let mut findings: Vec<Finding> = self
            .validator
            .iter_errors(value)
            .flat_map(|err| self.describe(&err))
            .filter(|f| seen.insert((f.pointer.clone(), f.message.clone())))
            .collect();
        let omitted = findings.len().saturating_sub(MAX_SCHEMA_FINDINGS);
        findings.truncate(MAX_SCHEMA_FINDINGS);
        (findings, omitted)
    }

    fn describe(&self, err: &ValidationError<'_>) -> Vec<Finding> {
        let pointer = Pointer::parse(err.instance_path().as_str()).unwrap_or_default();
        let instance = err.instance();
        let finding = |code: &'static str, pointer: Pointer, message: String| {
            Finding::new(code, Severity::Error, pointer, message)
        };
        // A `null` in place of an enumeration or pattern is the same mistake as one in place of
        // a string: say so, rather than list what would have been accepted.
        if instance.is_null() && !matches!(err.kind(), ValidationErrorKind::Type { .. }) {
            return vec![
                finding(
                    codes::WRONG_TYPE,
                    pointer,
                    "`null` is not allowed here".into(),
                )
                .with_hint("leave the field out when it has no value"),
            ];
        }
        match err.kind() {
            ValidationErrorKind::AdditionalProperties { unexpected } => {
                let known = self.known_properties(err.schema_path().as_str());
                unexpected
                    .iter()
                    .map(|key| {
                        let mut f = finding(
                            codes::UNKNOWN_FIELD,
                            pointer.join(key.as_str()),
                            format!("unknown field `{key}`"),
                        )
                        .at_key();
                        f.hint = Some(unknown_field_hint(key, &known));
                        f
                    })
                    .collect()
            }
            ValidationErrorKind::Required { property } => {
                let name = property.as_str().unwrap_or_default();
                vec![
                    finding(
                        codes::MISSING_FIELD,
                        pointer.join(name),
                        format!("missing field `{name}`"),
                    )
                    .with_hint(self.field_description(err.schema_path().as_str(), name)),
                ]
            }
            ValidationErrorKind::Type { kind } => {
                let expected = match kind {
                    TypeKind::Single(t) => t.to_string(),
                    TypeKind::Multiple(ts) => ts
                        .iter()
                        .map(|t| t.to_string())
                        .collect::<Vec<_>>()
                        .join(" or "),
                };
                let message = if instance.is_null() {
                    format!(
                        "`null` is not allowed here; expected {}",
                        article(&expected)
                    )
                } else {
                    format!(
                        "expected {}, found {}",
                        article(&expected),
                        describe_value(instance)
                    )
                };
                let hint = if instance.is_null() {
                    "leave the field out when it has no value"
                } else {
                    "check the value's type and quotes"
                };
                vec![finding(codes::WRONG_TYPE, pointer, message).with_hint(hint)]
            }
            ValidationErrorKind::OneOfNotValid { .. } | ValidationErrorKind::AnyOf { .. } => {
                let options = self.const_options(err.schema_path().as_str());
                let message = if options.is_empty() {
                    format!("{} is not a valid value here", describe_value(instance))
                } else {
                    format!(
                        "{} is not one of {}",
                        describe_value(instance),
                        options.join(", ")
                    )
                };
                vec![finding(codes::INVALID_VALUE, pointer, message)]
            }
            ValidationErrorKind::Pattern { .. } | ValidationErrorKind::Format { .. } => {
                let def = self.definition_of(err.schema_path().as_str());
                let mut f = finding(
                    codes::INVALID_VALUE,
                    pointer,
                    format!(
                        "{} {}",
                        describe_value(instance),
                        expectation(def.as_deref(), instance)
                    ),
                );
                if let Some(example) = def
                    .as_deref()
                    .and_then(|d| self.schema["$defs"][d]["examples"][0].as_str())
                {
                    f.hint = Some(format!("for example `{example}`"));
                }
                vec![f]
            }
            ValidationErrorKind::MinLength { .. } if instance.as_str() == Some("") => {
                vec![
                    finding(
                        codes::INVALID_VALUE,
                        pointer,
                        "this text must not be empty".into(),
                    )
                    .with_hint("fill it in, or leave the field out if it is optional"),
                ]
            }
            _ => {
                let message = err.to_string();
                vec![finding(codes::INVALID_VALUE, pointer, message)]
            }
        }
    }

    /// The schema object a keyword location points into (`/$defs/Service/additionalProperties` → Service).
    fn schema_object(&self, schema_path: &str) -> Option<&Value> {
        let (object_path, _keyword) = schema_path.rsplit_once('/')?;
        self.schema.pointer(object_path)
    }

    fn known_properties(&self, schema_path: &str) -> Vec<String> {
        self.schema_object(schema_path)
            .and_then(|o| o.get("properties"))
            .and_then(Value::as_object)
            .map(|props| props.keys().cloned().collect())
            .unwrap_or_default()
    }

    fn field_description(&self, schema_path: &str, name: &str) -> String {
        let description = self
            .schema_object(schema_path)
            .and_then(|o| o.pointer(&format!("/properties/{name}/description")))
            .and_then(Value::as_str);
        match description {
            Some(d) => format!("add `{name}`: {}", first_sentence(d)),
            None => format!("add `{name}`"),
        }
    }

    /// The `const` values of the alternatives under a `oneOf`/`anyOf` location (enumerations).
    fn const_options(&self, schema_path: &str) -> Vec<String> {
        let Some(alternatives) = self.schema.pointer(schema_path).and_then(Value::as_array) else {
            return Vec::new();
        };
        alternatives
            .iter()
            .filter_map(|a| a.get("const"))
            .map(|c| {
                format!(
                    "`{}`",
                    c.as_str().map_or_else(|| c.to_string(), str::to_owned)
                )
            })
            .collect()
    }

    /// The `$defs` name at a keyword location such as `/$defs/Duration/pattern`.
    fn definition_of(&self, schema_path: &str) -> Option<String> {
        let rest = schema_path
            .strip_prefix("/$defs/")
            .or_else(|| schema_path.split("/$defs/").nth(1))?;
        rest.split('/').next().map(str::to_owned)
    }
}

fn expectation(def: Option<&str>, instance: &Value) -> String {
    match def {
        Some("Duration") => "is not a duration: write a whole number and a unit (m, h, d, w), such as 30m, 4h, 2d or 1w".into(),
        // The pattern only checks the shape; a well-shaped date can still name a day that does not exist.
        Some("Date") if instance.as_str().is_some_and(|s| s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-') => {
            "is not a calendar date: that day does not exist".into()
        }
        Some("Date") => "is not a date: write YYYY-MM-DD".into(),
        Some("Phone") => "is not a phone number: digits, optionally starting with +, with spaces, dots, slashes or hyphens".into(),
        Some("Email") => "is not an e-mail address".into(),
        Some("WebUrl") => "is not a web link: it must start with http:// or https:// and have no spaces, quotes, backslashes, grave accents or any of < > { } | ^".into(),
        Some(d) if d.ends_with("Id") => "is not an id: use lowercase letters, digits and single hyphens".into(),
        _ => "does not have the expected form".into(),
    }
}

fn unknown_field_hint(key: &str, known: &[String]) -> String {
    let closest = known
        .iter()
        .map(|k| (strsim::levenshtein(key, k), k))
        .filter(|&(d, k)| d <= 2.max(k.len() / 3))
        .min();
    match closest {
        Some((_, k)) => format!("did you mean `{k}`?"),
        None if known.is_empty() => "remove it: this object takes no other fields".into(),
        None => format!(
            "the fields here are {}",
            known
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn article(kind: &str) -> String {
    match kind.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u') => format!("an {kind}"),
        _ => format!("a {kind}"),
    }
}

fn describe_value(value: &Value) -> String {
    match value {
        Value::Null => "`null`".into(),
        Value::Bool(b) => format!("the boolean `{b}`"),
        Value::Number(n) => format!("the number `{n}`"),
        Value::String(s) => {
            let shown: String = s.chars().take(60).collect();
            let ellipsis = if s.chars().count() > 60 { "…" } else { "" };
            format!("`{shown}{ellipsis}`")
        }
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

fn first_sentence(text: &str) -> &str {
    text.split_inclusive(". ").next().unwrap_or(text).trim_end()
}
