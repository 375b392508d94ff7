//! Turns the bytes of a plan file into JSON and then into a [`Plan`], reporting every problem
//! as a [`Finding`] with a position instead of failing on the first one.
//!
//! The JSON Schema check sits between [`parse_json`] and [`plan_from_value`] in the CLI;
//! it needs a validator crate that this pure crate does not carry.

use serde_json::Value;

use crate::finding::{Finding, Severity};
use crate::json::{LineIndex, Pointer, Position, Segment, duplicate_keys};
use crate::model::{FORMAT_VERSION, Plan};

/// The largest plan file accepted. Real plans are well under a megabyte; the limit keeps memory
/// bounded (parsing costs several times the file's size) on a wrong or hostile file.
pub const MAX_PLAN_BYTES: u64 = 64 * 1024 * 1024;

/// Input error codes, which are not rules: the file could not be read as a plan at all.
pub mod codes {
    pub const FILE_TOO_LARGE: &str = "file-too-large";
    pub const EMPTY_FILE: &str = "empty-file";
    pub const BYTE_ORDER_MARK: &str = "byte-order-mark";
    pub const INVALID_UTF8: &str = "invalid-utf8";
    pub const INVALID_JSON: &str = "invalid-json";
    pub const NESTING_TOO_DEEP: &str = "nesting-too-deep";
    pub const DUPLICATE_KEY: &str = "duplicate-key";
    pub const UNSUPPORTED_FORMAT_VERSION: &str = "unsupported-format-version";
    pub const UNKNOWN_FIELD: &str = "unknown-field";
    pub const MISSING_FIELD: &str = "missing-field";
    pub const WRONG_TYPE: &str = "wrong-type";
    pub const INVALID_VALUE: &str = "invalid-value";

    /// Every input error code with a one-line explanation, for `continuity rules` and the docs.
    pub const ALL: &[(&str, &str)] = &[
        (
            FILE_TOO_LARGE,
            "The file is larger than the 64 MiB a plan may have; it is not read.",
        ),
        (EMPTY_FILE, "The file is empty or holds only white space."),
        (
            BYTE_ORDER_MARK,
            "The file starts with a UTF-8 byte-order mark, which JSON does not allow.",
        ),
        (INVALID_UTF8, "The file is not valid UTF-8 text."),
        (INVALID_JSON, "The file is not valid JSON."),
        (
            NESTING_TOO_DEEP,
            "Arrays and objects are nested more than 127 levels deep.",
        ),
        (
            DUPLICATE_KEY,
            "A key appears twice in one object; JSON parsers would silently keep one.",
        ),
        (
            UNSUPPORTED_FORMAT_VERSION,
            "The plan is written for another version of the format.",
        ),
        (
            UNKNOWN_FIELD,
            "A field the format does not define (often a typo).",
        ),
        (MISSING_FIELD, "A required field is absent."),
        (WRONG_TYPE, "A value has the wrong JSON type."),
        (
            INVALID_VALUE,
            "A value breaks the format's constraints (pattern, range, allowed values, calendar date).",
        ),
    ];
}

/// Parses bytes as JSON text: checks size, encoding, syntax and duplicate keys.
///
/// On success returns the text and its value; on failure, findings with positions.
pub fn parse_json(bytes: &[u8]) -> Result<(&str, Value), Vec<Finding>> {
    let text = decode_text(bytes)?;
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(err) => return Err(vec![json_error(text, &err)]),
    };
    check_duplicate_keys(text)?;
    Ok((text, value))
}

/// Reads a plan straight into the model, without the intermediate JSON value, when the text
/// is a well-formed plan of this format version with no duplicate keys; `None` otherwise, and
/// the caller then takes the slow path that explains what is wrong.
///
/// This skips the value's allocations (several times the file's size), which dominate reading
/// a large plan when no diagnostics are needed. It also skips the duplicate-key scan: every
/// object in the model is a struct that denies unknown fields, and serde rejects a struct's
/// field given twice, so a text that reads as a plan has no duplicate key (a test holds this
/// for every object of a full plan).
pub fn plan_if_well_formed(bytes: &[u8]) -> Option<Plan> {
    let text = decode_text(bytes).ok()?;
    let plan: Plan = serde_json::from_str(text).ok()?;
    (plan.format_version == FORMAT_VERSION).then_some(plan)
}

/// Checks size and encoding: the bytes must be non-empty UTF-8 text without a byte-order mark.
fn decode_text(bytes: &[u8]) -> Result<&str, Vec<Finding>> {
    let start = Position { line: 1, column: 1 };
    let fail =
        |code: &'static str, message: String, hint: &str, position: Position, offset: usize| {
            let mut finding = Finding::new(code, Severity::Error, Pointer::root(), message)
                .with_hint(hint)
                .at_offset(offset);
            finding.position = Some(position);
            vec![finding]
        };
    if bytes.len() as u64 > MAX_PLAN_BYTES {
        return Err(fail(
            codes::FILE_TOO_LARGE,
            format!(
                "the file is {} bytes; a plan may have at most {MAX_PLAN_BYTES} bytes",
                bytes.len()
            ),
            "check that this is the plan file; split attachments out of the plan",
            start,
            0,
        ));
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Err(fail(
            codes::BYTE_ORDER_MARK,
            "the file starts with a UTF-8 byte-order mark (BOM), which JSON does not allow".into(),
            "save the file as UTF-8 without BOM (in VS Code: click the encoding in the status bar)",
            start,
            0,
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let valid = err.valid_up_to();
            // The valid prefix is text, so positions can be counted in it.
            let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
            let position = LineIndex::new(prefix).position(prefix, valid);
            let message = match err.error_len() {
                Some(_) => format!(
                    "the file is not valid UTF-8: byte 0x{:02X} at offset {valid} cannot start or continue a character",
                    bytes[valid]
                ),
                None => format!(
                    "the file is not valid UTF-8: it ends in the middle of a character (offset {valid})"
                ),
            };
            return Err(fail(
                codes::INVALID_UTF8,
                message,
                "save the file as UTF-8 (it may have been saved as Latin-1 or Windows-1252)",
                position,
                valid,
            ));
        }
    };
    if text.trim().is_empty() {
        return Err(fail(
            codes::EMPTY_FILE,
            "the file is empty".into(),
            "start from `continuity init` or an example in `plans/`",
            start,
            0,
        ));
    }
    Ok(text)
}

/// Fails with one finding per key repeated within an object.
fn check_duplicate_keys(text: &str) -> Result<(), Vec<Finding>> {
    let duplicates = duplicate_keys(text);
    if !duplicates.is_empty() {
        let lines = LineIndex::new(text);
        return Err(duplicates
            .into_iter()
            .map(|dup| {
                let first = lines.position(text, dup.first);
                let mut finding = Finding::new(
                    codes::DUPLICATE_KEY,
                    Severity::Error,
                    dup.object.join(dup.key.as_str()),
                    format!(
                        "the key `{}` appears twice in this object (first at line {}, column {})",
                        dup.key, first.line, first.column
                    ),
                )
                .with_hint("remove one of them; JSON readers would silently keep only one value")
                .at_key()
                .at_offset(dup.second);
                finding.position = Some(lines.position(text, dup.second));
                finding
            })
            .collect());
    }
    Ok(())
}

fn json_error(text: &str, err: &serde_json::Error) -> Finding {
    let lines = LineIndex::new(text);
    let offset = lines.offset_of_byte_column(text, err.line(), err.column());
    let full = err.to_string();
    // serde_json appends " at line L column C"; the position is reported separately.
    let message = full
        .rfind(" at line ")
        .map_or(full.as_str(), |cut| &full[..cut])
        .to_owned();
    let (code, hint) = if message.contains("recursion limit exceeded") {
        (
            codes::NESTING_TOO_DEEP,
            "a plan nests a few levels deep; this file is not a plan",
        )
    } else if err.is_eof() {
        (
            codes::INVALID_JSON,
            "the file ends too early: look for an unclosed bracket, brace or string",
        )
    } else {
        (
            codes::INVALID_JSON,
            "look for a missing comma, quote or bracket at or just before this point",
        )
    };
    let message = if code == codes::NESTING_TOO_DEEP {
        "arrays and objects are nested more than 127 levels deep".to_owned()
    } else {
        format!("invalid JSON: {message}")
    };
    let mut finding = Finding::new(code, Severity::Error, Pointer::root(), message)
        .with_hint(hint)
        .at_offset(offset);
    finding.position = Some(lines.position(text, offset));
    finding
}

/// Reports a `format_version` this release cannot read (before schema validation, whose
/// messages would be misleading for another version).
pub fn check_format_version(value: &Value) -> Option<Finding> {
    let version = value.get("format_version")?;
    // Only a whole number names a version; anything else is a type error for the schema check.
    if version.as_u64() == Some(u64::from(FORMAT_VERSION))
        || !(version.is_u64() || version.is_i64())
    {
        return None;
    }
    Some(
        Finding::new(
            codes::UNSUPPORTED_FORMAT_VERSION,
            Severity::Error,
            crate::pointer!["format_version"],
            format!("this plan uses format version {version}; this release of continuity reads version {FORMAT_VERSION}"),
        )
        .with_hint("install the continuity release that matches the plan, or convert the plan"),
    )
}

/// Builds the model from a JSON value that passed the schema check.
///
/// The schema is generated from the model, so this fails only where the schema cannot say
/// everything (a calendar date such as `2026-02-30`), or when the schema check was skipped.
pub fn plan_from_value(value: &Value) -> Result<Plan, Vec<Finding>> {
    serde_path_to_error::deserialize(value).map_err(|err| {
        let pointer: Pointer = err
            .path()
            .iter()
            .filter_map(|segment| match segment {
                serde_path_to_error::Segment::Seq { index } => Some(Segment::Index(*index)),
                serde_path_to_error::Segment::Map { key } => Some(Segment::Key(key.clone())),
                serde_path_to_error::Segment::Enum { .. }
                | serde_path_to_error::Segment::Unknown => None,
            })
            .collect();
        let message = plain_message(&err.inner().to_string());
        let code = if message.starts_with("unknown field") {
            codes::UNKNOWN_FIELD
        } else if message.starts_with("missing field") {
            codes::MISSING_FIELD
        } else if message.starts_with("expected ") {
            codes::WRONG_TYPE
        } else {
            codes::INVALID_VALUE
        };
        vec![Finding::new(code, Severity::Error, pointer, message)]
    })
}

/// Rewrites serde's messages, which name Rust types ("expected u16"), in the plan's terms.
fn plain_message(message: &str) -> String {
    let Some(rest) = message.strip_prefix("invalid type: ") else {
        return message.to_owned();
    };
    let Some((found, expected)) = rest.split_once(", expected ") else {
        return message.to_owned();
    };
    let expected = match expected {
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" => "an integer",
        "a boolean" => "true or false",
        other if other.starts_with("struct ") || other.starts_with("a map") => "an object",
        other if other.starts_with("a sequence") => "an array",
        other => other,
    };
    let found = found
        .replace("floating point", "the number")
        .replace("integer", "the number");
    format!("expected {expected}, found {found}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(bytes: &[u8]) -> Finding {
        let mut errors = parse_json(bytes).expect_err("should fail");
        assert_eq!(errors.len(), 1, "{errors:?}");
        errors.remove(0)
    }

    fn at(finding: &Finding) -> (usize, usize) {
        let p = finding.position.expect("position");
        (p.line, p.column)
    }

    /// `value` as JSON text, with the first member of its `target`-th object (in document
    /// order) written twice; `count` ends as the number of objects seen.
    fn with_member_twice(value: &Value, target: usize, count: &mut usize, out: &mut String) {
        match value {
            Value::Object(map) => {
                let this = *count;
                *count += 1;
                out.push('{');
                let mut first = true;
                for (i, (key, member)) in map.iter().enumerate() {
                    let times = if i == 0 && this == target { 2 } else { 1 };
                    for _ in 0..times {
                        if !first {
                            out.push(',');
                        }
                        first = false;
                        out.push_str(&Value::String(key.clone()).to_string());
                        out.push(':');
                        with_member_twice(member, target, count, out);
                    }
                }
                out.push('}');
            }
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    with_member_twice(item, target, count, out);
                }
                out.push(']');
            }
            other => out.push_str(&other.to_string()),
        }
    }

    #[test]
    fn a_plan_read_directly_has_no_duplicate_key_anywhere() {
        let plan = serde_json::to_value(crate::diff::fixture::base()).expect("json");
        let text = plan.to_string();
        assert!(plan_if_well_formed(text.as_bytes()).is_some());
        let mut objects = 0;
        with_member_twice(&plan, usize::MAX, &mut objects, &mut String::new());
        assert!(objects > 50, "the fixture has only {objects} objects");
        for target in 0..objects {
            let mut text = String::new();
            with_member_twice(&plan, target, &mut 0, &mut text);
            assert!(
                plan_if_well_formed(text.as_bytes()).is_none(),
                "object {target} with a repeated key was read: {text}"
            );
            let errors = parse_json(text.as_bytes()).expect_err("duplicate key");
            assert_eq!(errors[0].code, codes::DUPLICATE_KEY);
        }
    }

    #[test]
    fn syntax_errors_point_at_the_character() {
        let e = error(b"{\n  \"a\": 1\n  \"b\": 2\n}");
        assert_eq!(e.code, codes::INVALID_JSON);
        assert_eq!(at(&e), (3, 3));
        assert!(
            e.message.starts_with("invalid JSON: expected `,` or `}`"),
            "{}",
            e.message
        );
    }

    #[test]
    fn truncated_file() {
        let e = error(b"{\"a\": [1, 2");
        assert_eq!(e.code, codes::INVALID_JSON);
        assert!(
            e.hint
                .as_deref()
                .unwrap_or_default()
                .contains("ends too early")
        );
    }

    #[test]
    fn byte_order_mark_empty_and_encoding() {
        assert_eq!(error(b"\xEF\xBB\xBF{}").code, codes::BYTE_ORDER_MARK);
        assert_eq!(error(b"").code, codes::EMPTY_FILE);
        assert_eq!(error(b" \n\t").code, codes::EMPTY_FILE);
        let e = error(b"{\n  \"naam\": \"Caf\xE9\"\n}");
        assert_eq!(e.code, codes::INVALID_UTF8);
        assert_eq!(at(&e), (2, 15));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let e = error(text.as_bytes());
        assert_eq!(e.code, codes::NESTING_TOO_DEEP);
        assert_eq!(at(&e), (1, 128));
        let ok = format!("{}{}", "[".repeat(127), "]".repeat(127));
        assert!(parse_json(ok.as_bytes()).is_ok());
    }

    #[test]
    fn duplicate_keys_are_errors_at_the_second_key() {
        let errors = parse_json(b"{\n  \"a\": 1,\n  \"a\": 2\n}").expect_err("duplicate");
        assert_eq!(errors[0].code, codes::DUPLICATE_KEY);
        assert_eq!(at(&errors[0]), (3, 3));
        assert_eq!(errors[0].pointer.to_string(), "/a");
        assert!(errors[0].message.contains("first at line 2, column 3"));
    }

    #[test]
    fn serde_messages_are_put_in_plan_terms() {
        assert_eq!(
            plain_message("invalid type: floating point `12.0`, expected u16"),
            "expected an integer, found the number `12.0`"
        );
        assert_eq!(plain_message("something else"), "something else");
    }

    #[test]
    fn other_format_versions_are_named() {
        let value: Value = serde_json::json!({"format_version": 2});
        assert_eq!(
            check_format_version(&value).map(|f| f.code),
            Some(codes::UNSUPPORTED_FORMAT_VERSION.into())
        );
        assert!(check_format_version(&serde_json::json!({"format_version": 1})).is_none());
        assert!(check_format_version(&serde_json::json!({"format_version": 1.0})).is_none());
        assert!(check_format_version(&serde_json::json!({"format_version": 1.0})).is_none());
    }
}
