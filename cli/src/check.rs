//! The validation pipeline for one plan: bytes → JSON → format version → JSON Schema → model →
//! rules, with every finding positioned in the source.

use std::path::Path;

use continuity_schema::Plan;
use continuity_schema::finding::{Finding, Severity, resolve_positions};
use continuity_schema::json::{Pointer, Position};
use continuity_schema::load::{
    MAX_PLAN_BYTES, check_format_version, codes, parse_json, plan_from_value, plan_if_well_formed,
};
use continuity_schema::rules;
use continuity_schema::types::Date;

use crate::files::{Input, display_path, read_plan};
use crate::output::{FileResult, sort_findings};
use crate::schema_check::SchemaCheck;

/// A plan text after validation.
#[derive(Debug)]
pub struct Checked {
    /// The plan, when the text is a well-formed plan (it may still break rules).
    pub plan: Option<Plan>,
    /// Everything found, with positions resolved against the text.
    pub findings: Vec<Finding>,
    /// Errors found but not listed (past the cap on schema errors).
    pub omitted: usize,
}

/// Validates `bytes` as a plan as of `today`.
pub fn check_plan(bytes: &[u8], today: Date, schema: &SchemaCheck) -> Checked {
    check(bytes, today, schema, true)
}

/// Validates a revision of the history as of `today`, for commands that count, compare and
/// record its findings but never show where they are (`log`, `audit`, `blame`, `site`): the
/// rules' findings are not located in the text, a tenth of the time per revision. Problems
/// that make the text unreadable as a plan are still located, for their message.
pub fn check_revision(bytes: &[u8], today: Date, schema: &SchemaCheck) -> Checked {
    check(bytes, today, schema, false)
}

fn check(bytes: &[u8], today: Date, schema: &SchemaCheck, locate_rule_findings: bool) -> Checked {
    let (text, value) = match parse_json(bytes) {
        Ok(parsed) => parsed,
        Err(findings) => {
            return Checked {
                plan: None,
                findings,
                omitted: 0,
            };
        }
    };
    let unreadable = |text: &str, mut findings: Vec<Finding>, omitted: usize| {
        resolve_positions(text, &mut findings);
        Checked {
            plan: None,
            findings,
            omitted,
        }
    };
    if let Some(finding) = check_format_version(&value) {
        return unreadable(text, vec![finding], 0);
    }
    let (schema_findings, omitted) = schema.check(&value);
    if !schema_findings.is_empty() {
        return unreadable(text, schema_findings, omitted);
    }
    // Freed before the model is built, so that the model reuses its memory (see `read_model`).
    drop(value);
    let plan = match read_model(text) {
        Ok(plan) => plan,
        Err(findings) => return unreadable(text, findings, 0),
    };
    let mut findings = rules::check(&plan, today);
    if locate_rule_findings {
        resolve_positions(text, &mut findings);
    }
    Checked {
        plan: Some(plan),
        findings,
        omitted: 0,
    }
}

/// Reads a plan for comparison: JSON syntax, encoding, duplicate keys, the format version and
/// the model's own types (unknown fields, ids, durations, dates), but not the JSON Schema's
/// extra limits, and no rules. `diff` compares what it can read; `validate` judges it.
/// Findings carry their positions.
pub fn read_for_diff(bytes: &[u8]) -> Result<Plan, Vec<Finding>> {
    if let Some(plan) = plan_if_well_formed(bytes) {
        return Ok(plan);
    }
    let (text, value) = parse_json(bytes)?;
    if let Some(finding) = check_format_version(&value) {
        let mut findings = vec![finding];
        resolve_positions(text, &mut findings);
        return Err(findings);
    }
    drop(value);
    read_model(text).map_err(|mut findings| {
        resolve_positions(text, &mut findings);
        findings
    })
}

/// Builds the model from a text that passed the schema check.
///
/// Reading the text directly is faster than walking the JSON value with path tracking, and
/// on large plans much of the cost is the allocator's: the value is freed first and the model
/// fills the memory it leaves. Only if this fails (a calendar date such as `2026-02-30`) is the
/// text read again as a value with path tracking, so that the finding names the offending value.
fn read_model(text: &str) -> Result<Plan, Vec<Finding>> {
    if let Ok(plan) = serde_json::from_str::<Plan>(text) {
        return Ok(plan);
    }
    let value = serde_json::from_str(text).unwrap_or(serde_json::Value::Null);
    plan_from_value(&value)
}

/// A plan file after validation.
#[derive(Debug)]
pub struct CheckedFile {
    pub result: FileResult,
    /// The plan, when the file is a well-formed plan.
    pub plan: Option<Plan>,
    /// The file's bytes (empty when it was too large to read).
    pub bytes: Vec<u8>,
}

/// Reads and validates one file. Only a file that cannot be read at all is an `Err`.
pub fn check_file(path: &Path, today: Date, schema: &SchemaCheck) -> anyhow::Result<CheckedFile> {
    let display = display_path(path);
    let bytes = match read_plan(path)? {
        Input::Bytes(bytes) => bytes,
        Input::TooLarge(size) => {
            let message = match size {
                Some(size) => format!(
                    "the file is {size} bytes; a plan may have at most {MAX_PLAN_BYTES} bytes"
                ),
                None => {
                    format!("the input is larger than the {MAX_PLAN_BYTES} bytes a plan may have")
                }
            };
            let mut finding = Finding::new(
                codes::FILE_TOO_LARGE,
                Severity::Error,
                Pointer::root(),
                message,
            )
            .with_hint("check that this is the plan file; it was not read");
            finding.position = Some(Position { line: 1, column: 1 });
            let result = FileResult {
                path: display,
                source: String::new(),
                findings: vec![finding],
                omitted: 0,
            };
            return Ok(CheckedFile {
                result,
                plan: None,
                bytes: Vec::new(),
            });
        }
    };
    let mut checked = check_plan(&bytes, today, schema);
    sort_findings(&mut checked.findings);
    let result = FileResult {
        path: display,
        // `from_utf8` checks a valid text much faster than `from_utf8_lossy` walks it.
        source: match std::str::from_utf8(&bytes) {
            Ok(text) => text.to_owned(),
            Err(_) => String::from_utf8_lossy(&bytes).into_owned(),
        },
        findings: checked.findings,
        omitted: checked.omitted,
    };
    Ok(CheckedFile {
        result,
        plan: checked.plan,
        bytes,
    })
}
