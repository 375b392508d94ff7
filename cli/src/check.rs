//! The validation pipeline for one plan text: JSON, format version, JSON Schema, model, rules.

use continuity_schema::Plan;
use continuity_schema::finding::{Finding, resolve_positions};
use continuity_schema::load::{check_format_version, parse_json, plan_from_value};
use continuity_schema::rules;
use continuity_schema::types::Date;

use crate::schema_check::SchemaCheck;

/// A plan text after validation.
#[derive(Debug)]
pub struct Checked {
    /// The plan, when the text is a well-formed plan (it may still break rules).
    pub plan: Option<Plan>,
    /// Everything found, with positions resolved against the text.
    pub findings: Vec<Finding>,
    /// Whether the text could be read as a plan at all (no input or schema errors).
    pub readable: bool,
}

/// Validates `bytes` as a plan as of `today`.
pub fn check_plan(bytes: &[u8], today: Date, schema: &SchemaCheck) -> Checked {
    let (text, value) = match parse_json(bytes) {
        Ok(parsed) => parsed,
        Err(findings) => {
            return Checked {
                plan: None,
                findings,
                readable: false,
            };
        }
    };
    let unreadable = |text: &str, mut findings: Vec<Finding>| {
        resolve_positions(text, &mut findings);
        Checked {
            plan: None,
            findings,
            readable: false,
        }
    };
    if let Some(finding) = check_format_version(&value) {
        return unreadable(text, vec![finding]);
    }
    let schema_findings = schema.check(&value);
    if !schema_findings.is_empty() {
        return unreadable(text, schema_findings);
    }
    let plan = match plan_from_value(&value) {
        Ok(plan) => plan,
        Err(findings) => return unreadable(text, findings),
    };
    drop(value);
    let mut findings = rules::check(&plan, today);
    resolve_positions(text, &mut findings);
    Checked {
        plan: Some(plan),
        findings,
        readable: true,
    }
}
