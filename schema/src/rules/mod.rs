//! The rules an auditor applies to a plan, each with a stable name, a severity and a rationale.
//!
//! [`check`] runs every rule on a parsed plan for a given date and returns findings as data.
//! Allowances recorded in the plan (`allow`) mark matching findings as accepted, with the reason.

mod completeness;
mod context;
mod governance;
mod people;
mod recovery;
mod resilience;
mod structure;

use crate::finding::{Finding, Severity};
use crate::json::Pointer;
use crate::model::Plan;
use crate::references::Collection;
use crate::types::Date;

pub use context::Context;

/// A named rule.
#[derive(Debug)]
pub struct Rule {
    /// Stable kebab-case name, used in output and in `allow` entries.
    pub name: &'static str,
    pub severity: Severity,
    /// What the rule checks, in one line.
    pub summary: &'static str,
    /// Why it matters and where the requirement comes from.
    pub rationale: &'static str,
    /// The sources the rule rests on.
    pub sources: &'static [&'static str],
    check: fn(&Context<'_>, &mut Sink<'_>),
}

/// Short names of the sources rules cite.
pub mod sources {
    pub const AUDIT_VLAANDEREN: &str = "Audit Vlaanderen, good practice \"Plannen voor ICT-incidenten aan de hand van een bedrijfscontinuïteitsplan\"";
    pub const ISO_22301: &str = "ISO 22301:2019";
    pub const NIST_800_34: &str = "NIST SP 800-34 Rev. 1";
    pub const CYFUN: &str = "CyberFundamentals (CCB)";
    pub const CONTINUITY: &str = "Continuity plan format";
}

/// Collects one rule's findings.
#[derive(Debug)]
pub struct Sink<'a> {
    rule: &'static Rule,
    out: &'a mut Vec<Finding>,
}

impl Sink<'_> {
    /// A new finding of this rule (not yet reported: pass it to [`Sink::push`]).
    pub fn finding(&self, pointer: Pointer, message: impl Into<String>) -> Finding {
        Finding::new(self.rule.name, self.rule.severity, pointer, message)
    }

    pub fn push(&mut self, finding: Finding) {
        self.out.push(finding);
    }
}

/// Every rule, in the order of the source page's implementation steps where it applies.
pub static RULES: &[Rule] = &[
    structure::DUPLICATE_ID,
    structure::DANGLING_REFERENCE,
    structure::DEPENDENCY_CYCLE,
    completeness::SECTION_EMPTY,
    completeness::SCENARIO_WITHOUT_STEPS,
    recovery::SERVICE_OBJECTIVES_MISSING,
    recovery::RTO_BELOW_RECOVERY_CHAIN,
    recovery::RPO_BELOW_BACKUP_INTERVAL,
    recovery::RTO_WRT_EXCEED_MTD,
    recovery::PRIORITY_ORDER_INVERTED,
    recovery::RECOVERY_TIME_UNKNOWN,
    people::ROLE_WITHOUT_MEMBERS,
    people::ROLE_WITHOUT_DEPUTY,
    people::PERSON_UNREACHABLE,
    people::NO_AFTER_HOURS_CONTACT,
    resilience::SINGLE_POINT_OF_FAILURE,
    resilience::BACKUP_NOT_RANSOMWARE_SAFE,
    resilience::RESTORE_TEST_OVERDUE,
    resilience::CRITICAL_SERVICE_WITHOUT_FALLBACK,
    resilience::NO_ALTERNATE_LOCATION,
    resilience::LOCATION_ACCESS_UNDOCUMENTED,
    resilience::SUPPLIER_WITHOUT_EMERGENCY_CONTACT,
    resilience::SLA_EXCEEDS_RTO,
    governance::PLAN_NOT_APPROVED,
    governance::VERSION_NOT_APPROVED,
    governance::REVIEW_OVERDUE,
    governance::EXERCISE_OVERDUE,
    governance::FINDING_WITHOUT_ACTION,
    governance::ACTION_OVERDUE,
    governance::DISTRIBUTION_COPY_OUTDATED,
    governance::CRISIS_MEMBER_WITHOUT_COPY,
    governance::COMMUNICATION_AUDIENCE_MISSING,
    governance::AUDIENCE_WITHOUT_TEMPLATE,
    governance::BACKUP_PROCEDURE_MISSING,
    governance::RISK_WITHOUT_RESPONSE,
    governance::CONTRACT_EXPIRED,
    governance::DATE_IN_FUTURE,
    governance::ALLOWANCE_UNKNOWN_RULE,
    governance::ALLOWANCE_UNUSED,
];

/// The rule with this name.
pub fn rule(name: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.name == name)
}

/// Runs every rule on `plan` as of `today`, applies the plan's allowances, and returns the
/// findings in rule order.
pub fn check(plan: &Plan, today: Date) -> Vec<Finding> {
    let context = Context::new(plan, today);
    let mut findings = Vec::new();
    for rule in RULES {
        if rule.name == governance::ALLOWANCE_UNUSED.name {
            continue;
        }
        let mut sink = Sink {
            rule,
            out: &mut findings,
        };
        (rule.check)(&context, &mut sink);
    }
    apply_allowances(&context, &mut findings);
    findings
}

/// Marks findings the plan accepts, and reports allowances that no longer match anything.
fn apply_allowances(context: &Context<'_>, findings: &mut Vec<Finding>) {
    let plan = context.plan;
    let mut used = vec![false; plan.allow.len()];
    for finding in findings.iter_mut() {
        // The allowance rules watch the allowances themselves; allowing them would let a
        // misspelt allowance pass unnoticed.
        if finding.code.starts_with("allowance-") {
            continue;
        }
        for (i, allowance) in plan.allow.iter().enumerate() {
            let expired = allowance.until.is_some_and(|until| until < context.today);
            let subject_matches = match (&allowance.subject, &finding.subject) {
                (None, _) => true,
                (Some(wanted), Some(subject)) => *wanted == subject.to_string(),
                (Some(_), None) => false,
            };
            if allowance.rule == finding.code
                && subject_matches
                && !expired
                && finding.allowed.is_none()
            {
                finding.allowed = Some(allowance.reason.clone());
                used[i] = true;
            }
        }
    }
    let rule = &governance::ALLOWANCE_UNUSED;
    let mut sink = Sink {
        rule,
        out: findings,
    };
    for (i, allowance) in plan.allow.iter().enumerate() {
        if used[i] || super::rules::rule(&allowance.rule).is_none() {
            continue;
        }
        let pointer = crate::pointer!["allow", i];
        let message = match allowance.until {
            Some(until) if until < context.today => {
                format!(
                    "the allowance of `{}` expired on {until}; its findings count again",
                    allowance.rule
                )
            }
            _ => format!(
                "the allowance of `{}`{} matches no finding",
                allowance.rule,
                allowance
                    .subject
                    .as_ref()
                    .map(|s| format!(" for `{s}`"))
                    .unwrap_or_default()
            ),
        };
        let finding = sink
            .finding(pointer, message)
            .with_hint("remove the allowance, or renew it if the finding is still accepted");
        sink.push(finding);
    }
}

/// A subject string (`collection/id`) names an existing entity.
pub(crate) fn subject_exists(plan: &Plan, subject: &str) -> bool {
    let Some((collection, id)) = subject.split_once('/') else {
        return false;
    };
    Collection::from_name(collection).is_some_and(|c| c.ids(plan).contains(&id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_are_unique_kebab_case_and_documented() {
        let mut names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), RULES.len(), "duplicate rule names");
        for rule in RULES {
            assert!(
                crate::types::is_valid_id(rule.name),
                "{} is not kebab-case",
                rule.name
            );
            assert!(
                rule.rationale.len() > 80,
                "{} needs a real rationale",
                rule.name
            );
            assert!(!rule.sources.is_empty(), "{} names no source", rule.name);
            assert!(
                !rule.summary.ends_with('.'),
                "{}: summaries are phrases",
                rule.name
            );
        }
    }

    /// A site stores each distinct finding of a block of revisions once, and the viewer tells
    /// findings introduced from findings fixed by their message: a finding that still holds a
    /// day later must read the same.
    #[test]
    fn messages_do_not_change_with_the_date_they_are_computed_for() {
        let mut value = crate::diff::fixture::base_value();
        for system in value["systems"].as_array_mut().expect("systems") {
            if let Some(backup) = system.get_mut("backup").and_then(|b| b.as_object_mut()) {
                backup.insert("last_restore_test".into(), "2026-01-10".into());
            }
        }
        let plan: crate::model::Plan = serde_json::from_value(value).expect("still a plan");
        let messages = |date: &str| -> Vec<(String, String)> {
            let today = date.parse().expect("a date");
            check(&plan, today)
                .into_iter()
                .map(|f| (f.code.to_string(), f.message))
                .collect()
        };
        // Long after every review, exercise and restore test was due.
        let late = messages("2040-01-01");
        assert!(
            ["review-overdue", "exercise-overdue"]
                .iter()
                .all(|code| late.iter().any(|(c, _)| c == code))
                && late
                    .iter()
                    .any(|(c, m)| c == "restore-test-overdue" && m.contains("2026-01-10")),
            "{late:?}"
        );
        assert_eq!(late, messages("2041-06-15"));
        // Long before anything in the plan happened.
        let early = messages("2000-01-01");
        assert!(
            early.iter().any(|(c, _)| c == "date-in-future"),
            "{early:?}"
        );
        assert_eq!(early, messages("2001-06-15"));
    }
}
