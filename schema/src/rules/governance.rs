//! Governance rules, relative to a reference date: approvals, reviews, exercises, follow-up
//! actions, distribution of copies, communication, documents, risks, contracts, allowances.

use crate::hash::{HashSet, HashSetExt as _};

use super::Rule;
use super::sources::*;
use crate::finding::Severity;
use crate::model::{AudienceKind, Treatment};
use crate::pointer;

pub const PLAN_NOT_APPROVED: Rule = Rule {
    name: "plan-not-approved",
    severity: Severity::Warning,
    summary: "The plan has never been formally approved",
    rationale: "A plan that management never approved carries no mandate: nobody is obliged to follow it, fund it or test it. The source page advises drawing up the plan together with the general director; ISO 22301 requires top management to approve the business continuity documentation.",
    sources: &[ISO_22301, AUDIT_VLAANDEREN],
    check: |cx, sink| {
        if cx.plan.plan.approvals.is_empty() {
            let finding = sink
                .finding(
                    pointer!["plan", "approvals"],
                    "the plan records no approval",
                )
                .with_hint("record the decision that approved the plan under `plan.approvals`");
            sink.push(finding);
        }
    },
};

pub const VERSION_NOT_APPROVED: Rule = Rule {
    name: "version-not-approved",
    severity: Severity::Info,
    summary: "The current version of the plan is not (yet) approved",
    rationale: "Between two approvals the plan changes; the version in force is the last one approved. This finding says that the current `plan.version` differs from the last approved version, so reviewers and auditors know that the changes since still need approval.",
    sources: &[ISO_22301],
    check: |cx, sink| {
        let Some(last) = cx.last_approval() else {
            return;
        };
        if last.version != cx.plan.plan.version {
            let finding = sink
                .finding(
                    pointer!["plan", "version"],
                    format!(
                        "version {} is not approved; the last approved version is {} ({})",
                        cx.plan.plan.version, last.version, last.date
                    ),
                )
                .with_hint("have this version approved and record it under `plan.approvals`");
            sink.push(finding);
        }
    },
};

pub const REVIEW_OVERDUE: Rule = Rule {
    name: "review-overdue",
    severity: Severity::Warning,
    summary: "The plan's periodic review is overdue",
    rationale: "Organisations, people, phone numbers and systems change; a plan that is not reviewed goes stale without anyone noticing. The source page advises testing and updating the plan periodically; NIST SP 800-34 asks for a review at least once a year, and ISO 22301 for periodic management review. The interval is `plan.review_interval_months`.",
    sources: &[AUDIT_VLAANDEREN, NIST_800_34, ISO_22301],
    check: |cx, sink| {
        let info = &cx.plan.plan;
        let months = u32::from(info.review_interval_months);
        let message = match info.last_review {
            None => "the plan has never been reviewed".to_owned(),
            Some(last) if last.add_months(months) < cx.today => format!(
                "the last review was on {last}; with a review every {months} months the next was due on {}",
                last.add_months(months)
            ),
            Some(_) => return,
        };
        let finding = sink
            .finding(pointer!["plan", "last_review"], message)
            .with_hint("review the plan and record the date in `plan.last_review`");
        sink.push(finding);
    },
};

pub const EXERCISE_OVERDUE: Rule = Rule {
    name: "exercise-overdue",
    severity: Severity::Warning,
    summary: "An exercise of a scheduled kind is overdue",
    rationale: "The source page asks for a timing to test the plans periodically and to update them with the results, so that the people responsible stay aware of their role and there are no surprises when it matters. For each entry of the exercise schedule, the last exercise of that kind must be within its interval.",
    sources: &[AUDIT_VLAANDEREN, ISO_22301, NIST_800_34, CYFUN],
    check: |cx, sink| {
        for (i, entry) in cx.plan.exercise_schedule.iter().enumerate() {
            let last = cx
                .plan
                .exercises
                .iter()
                .filter(|e| e.kind == entry.kind)
                .map(|e| e.date)
                .max();
            let months = u32::from(entry.interval_months);
            let message = match last {
                None => format!(
                    "no {} exercise has been held (scheduled every {months} months)",
                    entry.kind.label()
                ),
                Some(date) if date.add_months(months) < cx.today => format!(
                    "the last {} exercise was on {date}; with one every {months} months the next was due on {}",
                    entry.kind.label(),
                    date.add_months(months)
                ),
                Some(_) => continue,
            };
            let finding = sink
                .finding(pointer!["exercise_schedule", i], message)
                .with_hint("hold the exercise and record it in `exercises`")
                .with_subject("exercise_schedule", entry.id.as_str());
            sink.push(finding);
        }
    },
};

pub const FINDING_WITHOUT_ACTION: Rule = Rule {
    name: "finding-without-action",
    severity: Severity::Warning,
    summary: "An exercise finding is not followed up by an action",
    rationale: "Testing is only worth it when the plan is updated with the results, as the source page says. Every finding of an exercise needs a follow-up action with an owner (even if the action is to accept it); ISO 22301 requires nonconformities to be acted upon.",
    sources: &[AUDIT_VLAANDEREN, ISO_22301],
    check: |cx, sink| {
        let followed: HashSet<(&str, &str)> = cx
            .plan
            .actions
            .iter()
            .filter_map(|a| Some((a.exercise.as_ref()?.as_str(), a.finding.as_ref()?.as_str())))
            .collect();
        for (i, exercise) in cx.plan.exercises.iter().enumerate() {
            for (j, finding) in exercise.findings.iter().enumerate() {
                if !followed.contains(&(exercise.id.as_str(), finding.id.as_str())) {
                    let report = sink
                        .finding(
                            pointer!["exercises", i, "findings", j],
                            format!(
                                "finding `{}` of exercise `{}` has no follow-up action",
                                finding.id, exercise.id
                            ),
                        )
                        .with_hint("add an action with `exercise` and `finding` naming it")
                        .with_subject("exercises", exercise.id.as_str());
                    sink.push(report);
                }
            }
        }
    },
};

pub const ACTION_OVERDUE: Rule = Rule {
    name: "action-overdue",
    severity: Severity::Warning,
    summary: "A follow-up action is past its due date",
    rationale: "Follow-up actions from exercises, audits and incidents are how the plan improves. An open action past its due date is an improvement that did not happen; auditors check that corrective actions are completed on time (ISO 22301, clause 10).",
    sources: &[ISO_22301, AUDIT_VLAANDEREN],
    check: |cx, sink| {
        for (i, action) in cx.plan.actions.iter().enumerate() {
            let Some(due) = action.due else { continue };
            if action.status.is_pending() && due < cx.today {
                let finding = sink
                    .finding(
                        pointer!["actions", i, "due"],
                        format!(
                            "action `{}` was due on {due} and is not done ({})",
                            action.id,
                            days_late(due.days_until(cx.today))
                        ),
                    )
                    .with_hint("complete the action, or set a new due date with the reason")
                    .with_subject("actions", action.id.as_str());
                sink.push(finding);
            }
        }
    },
};

fn days_late(days: i64) -> String {
    if days == 1 {
        "1 day late".into()
    } else {
        format!("{days} days late")
    }
}

pub const DISTRIBUTION_COPY_OUTDATED: Rule = Rule {
    name: "distribution-copy-outdated",
    severity: Severity::Warning,
    summary: "Someone holds a copy older than the last approved version",
    rationale: "The offline copy is what the crisis team reads when the server, the network or the power is gone. The source page insists that it is kept current: a holder of an older version may call people who left or follow steps that changed. A copy is current when its version is the last approved one.",
    sources: &[AUDIT_VLAANDEREN, ISO_22301],
    check: |cx, sink| {
        let Some(last) = cx.last_approval() else {
            return;
        };
        for (i, copy) in cx.plan.distribution.iter().enumerate() {
            if copy.version != last.version {
                let finding = sink
                    .finding(
                        pointer!["distribution", i, "version"],
                        format!(
                            "`{}` holds version {} but version {} was approved on {}",
                            copy.holder, copy.version, last.version, last.date
                        ),
                    )
                    .with_hint("hand over a current copy (`continuity report`) and update `version` and `date`")
                    .with_subject("distribution", copy.id.as_str());
                sink.push(finding);
            }
        }
    },
};

pub const CRISIS_MEMBER_WITHOUT_COPY: Rule = Rule {
    name: "crisis-member-without-copy",
    severity: Severity::Warning,
    summary: "A crisis-team member holds no copy of the plan",
    rationale: "The source page asks to decide who must hold their own copy of the plan. At least everyone in a crisis-team role must be able to read it when systems are down, at home or on the road.",
    sources: &[AUDIT_VLAANDEREN, NIST_800_34],
    check: |cx, sink| {
        let holders: HashSet<&str> = cx
            .plan
            .distribution
            .iter()
            .map(|c| c.holder.as_str())
            .collect();
        let mut reported = HashSet::new();
        for role in cx.plan.roles.iter().filter(|r| r.crisis_team) {
            for member in &role.members {
                if holders.contains(member.as_str()) || !reported.insert(member.as_str()) {
                    continue;
                }
                let Some(index) = cx.plan.people.iter().position(|p| &p.id == member) else {
                    continue;
                };
                let finding = sink
                    .finding(
                        pointer!["people", index],
                        format!(
                            "`{member}` is in crisis-team role `{}` but holds no copy of the plan",
                            role.id
                        ),
                    )
                    .with_hint("add a `distribution` entry for this person")
                    .with_subject("people", member.as_str());
                sink.push(finding);
            }
        }
    },
};

/// The audiences every plan must address, as the source page names them.
const REQUIRED_AUDIENCES: [AudienceKind; 3] = [
    AudienceKind::Staff,
    AudienceKind::Citizens,
    AudienceKind::Suppliers,
];

pub const COMMUNICATION_AUDIENCE_MISSING: Rule = Rule {
    name: "communication-audience-missing",
    severity: Severity::Warning,
    summary: "The communication plan does not address staff, citizens or suppliers",
    rationale: "Audit Vlaanderen recommends including communication actions towards suppliers, citizens and other stakeholders: clear and streamlined communication brings the organisation back to normal service faster. Staff must know what to do as well. Each of these audiences needs an entry with channels and a responsible role.",
    sources: &[AUDIT_VLAANDEREN, ISO_22301, CYFUN],
    check: |cx, sink| {
        let present: HashSet<AudienceKind> = cx
            .plan
            .communication
            .audiences
            .iter()
            .map(|a| a.kind)
            .collect();
        for kind in REQUIRED_AUDIENCES {
            if !present.contains(&kind) {
                let finding = sink
                    .finding(pointer!["communication", "audiences"], format!("no audience of kind `{}`", kind.label()))
                    .with_hint(format!("add an audience with `kind: \"{}\"`, its channels and the responsible role", kind.label()));
                sink.push(finding);
            }
        }
    },
};

pub const AUDIENCE_WITHOUT_TEMPLATE: Rule = Rule {
    name: "audience-without-template",
    severity: Severity::Info,
    summary: "An audience has no prepared message",
    rationale: "Writing the first message to citizens or staff in the middle of an incident costs time and invites mistakes. A prepared template per audience (and ideally per scenario) can be sent within minutes.",
    sources: &[ISO_22301, NIST_800_34],
    check: |cx, sink| {
        let covered: HashSet<&str> = cx
            .plan
            .communication
            .templates
            .iter()
            .map(|t| t.audience.as_str())
            .collect();
        for (i, audience) in cx.plan.communication.audiences.iter().enumerate() {
            if !covered.contains(audience.id.as_str()) {
                let finding = sink
                    .finding(
                        pointer!["communication", "audiences", i],
                        format!("audience `{}` has no message template", audience.id),
                    )
                    .with_hint("add a template to `communication.templates` for this audience")
                    .with_subject("communication.audiences", audience.id.as_str());
                sink.push(finding);
            }
        }
    },
};

pub const BACKUP_PROCEDURE_MISSING: Rule = Rule {
    name: "backup-procedure-missing",
    severity: Severity::Warning,
    summary: "The plan does not say where the backup procedure is documented",
    rationale: "The source page calls the backup procedure an important element of business continuity and notes that it may be documented separately. The plan must then say where that document is, in a place readable during an outage.",
    sources: &[AUDIT_VLAANDEREN, CYFUN],
    check: |cx, sink| {
        if cx.plan.plan.backup_procedure.is_none() {
            let finding = sink
                .finding(
                    pointer!["plan", "backup_procedure"],
                    "the plan does not refer to the backup procedure",
                )
                .with_hint("add `plan.backup_procedure` with its title and where it is kept");
            sink.push(finding);
        }
    },
};

/// Risks scoring at least this (likelihood × impact) need a scenario.
const HIGH_RISK_SCORE: u8 = 15;

pub const RISK_WITHOUT_RESPONSE: Rule = Rule {
    name: "risk-without-response",
    severity: Severity::Warning,
    summary: "A risk to mitigate has no mitigation, or a high risk has no scenario",
    rationale: "The source page asks for an overview of possible risks and how the organisation remedies or mitigates them. A risk treated by mitigation needs its mitigations listed, and a high risk (likelihood × impact of 15 or more) needs a scenario describing the response when it materialises.",
    sources: &[AUDIT_VLAANDEREN, ISO_22301],
    check: |cx, sink| {
        for (i, risk) in cx.plan.risks.iter().enumerate() {
            if risk.treatment == Treatment::Mitigate && risk.mitigations.is_empty() {
                let finding = sink
                    .finding(
                        pointer!["risks", i, "mitigations"],
                        format!(
                            "risk `{}` is to be mitigated but lists no mitigation",
                            risk.id
                        ),
                    )
                    .with_hint("list the measures in `mitigations`")
                    .with_subject("risks", risk.id.as_str());
                sink.push(finding);
            }
            if risk.score() >= HIGH_RISK_SCORE && risk.scenarios.is_empty() {
                let finding = sink
                    .finding(
                        pointer!["risks", i, "scenarios"],
                        format!(
                            "high risk `{}` (score {}) has no scenario for when it happens",
                            risk.id,
                            risk.score()
                        ),
                    )
                    .with_hint("link a scenario in `scenarios`, or describe one")
                    .with_subject("risks", risk.id.as_str());
                sink.push(finding);
            }
        }
    },
};

pub const CONTRACT_EXPIRED: Rule = Rule {
    name: "contract-expired",
    severity: Severity::Warning,
    summary: "A supplier's contract has ended",
    rationale: "The plan counts on suppliers to respond under their contract and SLA. When the contract recorded in the plan has ended, either the plan is out of date or the organisation relies on a supplier without a commitment.",
    sources: &[CYFUN, ISO_22301],
    check: |cx, sink| {
        for (i, supplier) in cx.plan.suppliers.iter().enumerate() {
            let Some(end) = supplier.contract.as_ref().and_then(|c| c.end_date) else {
                continue;
            };
            if end < cx.today {
                let finding = sink
                    .finding(
                        pointer!["suppliers", i, "contract", "end_date"],
                        format!("the contract with `{}` ended on {end}", supplier.id),
                    )
                    .with_hint("record the renewed contract, or find another supplier")
                    .with_subject("suppliers", supplier.id.as_str());
                sink.push(finding);
            }
        }
    },
};

pub const DATE_IN_FUTURE: Rule = Rule {
    name: "date-in-future",
    severity: Severity::Warning,
    summary: "A date of something that already happened lies in the future",
    rationale: "Reviews, approvals, exercises, restore tests, handed-over copies, completed actions and incidents are records of the past. A date after today is a typo (2062 for 2026) or a plan written ahead of events, and it silently satisfies the overdue checks: an auditor relies on these dates being true.",
    sources: &[ISO_22301, CONTINUITY],
    check: |cx, sink| {
        let plan = cx.plan;
        let mut dates: Vec<(crate::json::Pointer, crate::types::Date, &str)> = Vec::new();
        if let Some(date) = plan.plan.last_review {
            dates.push((pointer!["plan", "last_review"], date, "the last review"));
        }
        for (i, approval) in plan.plan.approvals.iter().enumerate() {
            dates.push((
                pointer!["plan", "approvals", i, "date"],
                approval.date,
                "an approval",
            ));
        }
        for (i, system) in plan.systems.iter().enumerate() {
            if let Some(date) = system.backup.as_ref().and_then(|b| b.last_restore_test) {
                dates.push((
                    pointer!["systems", i, "backup", "last_restore_test"],
                    date,
                    "a restore test",
                ));
            }
        }
        for (i, copy) in plan.distribution.iter().enumerate() {
            dates.push((
                pointer!["distribution", i, "date"],
                copy.date,
                "a handed-over copy",
            ));
        }
        for (i, exercise) in plan.exercises.iter().enumerate() {
            dates.push((
                pointer!["exercises", i, "date"],
                exercise.date,
                "an exercise",
            ));
        }
        for (i, action) in plan.actions.iter().enumerate() {
            if let Some(date) = action.completed {
                dates.push((
                    pointer!["actions", i, "completed"],
                    date,
                    "a completed action",
                ));
            }
        }
        for (i, incident) in plan.incidents.iter().enumerate() {
            dates.push((
                pointer!["incidents", i, "date"],
                incident.date,
                "an incident",
            ));
        }
        for (pointer, date, what) in dates {
            if date > cx.today {
                // The message leaves `today` out, so that the finding reads the same on every
                // date it holds and compares equal across revisions.
                let finding = sink
                    .finding(pointer, format!("{what} is dated {date}, in the future"))
                    .with_hint("record events when they have happened, with their real date");
                sink.push(finding);
            }
        }
    },
};

pub const ALLOWANCE_UNKNOWN_RULE: Rule = Rule {
    name: "allowance-unknown-rule",
    severity: Severity::Error,
    summary: "An allowance names a rule that does not exist",
    rationale: "An allowance that names a misspelt or removed rule silently allows nothing, and the plan owner believes a finding is accepted when it is not. Rule names are listed by `continuity rules`.",
    sources: &[CONTINUITY],
    check: |cx, sink| {
        for (i, allowance) in cx.plan.allow.iter().enumerate() {
            if super::rule(&allowance.rule).is_none() {
                let closest = super::RULES
                    .iter()
                    .map(|r| (strsim::levenshtein(&allowance.rule, r.name), r.name))
                    .min()
                    .filter(|&(d, _)| d <= 3);
                let hint = match closest {
                    Some((_, name)) => format!("did you mean `{name}`?"),
                    None => "run `continuity rules` for the list of rule names".to_owned(),
                };
                let finding = sink
                    .finding(
                        pointer!["allow", i, "rule"],
                        format!("no rule is named `{}`", allowance.rule),
                    )
                    .with_hint(hint);
                sink.push(finding);
            }
        }
    },
};

pub const ALLOWANCE_UNUSED: Rule = Rule {
    name: "allowance-unused",
    severity: Severity::Info,
    summary: "An allowance matches no finding, or has expired",
    rationale: "Allowances record accepted findings with a reason. When the finding is gone (the plan was fixed) or the allowance expired, the allowance is noise that could hide a future finding; it should be removed or renewed deliberately.",
    sources: &[CONTINUITY],
    // Runs after all other rules, from `apply_allowances`.
    check: |_, _| {},
};
