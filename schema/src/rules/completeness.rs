//! Completeness: every section the source page asks for is filled in, in the order of its
//! implementation steps, so that a new plan's findings say what to write next.

use super::sources::*;
use super::{Rule, Sink};
use crate::finding::Severity;
use crate::json::Pointer;
use crate::pointer;

/// The sections in the order of the source page's implementation steps, with what to write.
const SECTIONS: &[(&[&str], &str, &str)] = &[
    (
        &["risks"],
        "step 1: list what can go wrong — the risk register is empty",
        "add risks with likelihood, impact and treatment",
    ),
    (
        &["scenarios"],
        "step 1: list what can go wrong — no scenario is described",
        "add scenarios such as ransomware, power loss, internet outage, supplier failure",
    ),
    (
        &["activation", "criteria"],
        "step 2: describe when the plan comes into force — no activation criteria",
        "add the situations in which the plan is activated",
    ),
    (
        &["activation", "authorised_roles"],
        "step 2: nobody is authorised to activate the plan",
        "name the roles that may activate the plan",
    ),
    (
        &["services"],
        "step 3: list the services and which are time-critical — no service is described",
        "add the organisation's services with priority, RTO and RPO",
    ),
    (
        &["people"],
        "step 4: decide who is responsible — nobody is named",
        "add the people who run the plan, with their phone numbers",
    ),
    (
        &["roles"],
        "step 4: decide who is responsible — no role is described",
        "add crisis-team roles and fill them with people",
    ),
    (
        &["locations"],
        "step 5: provide alternate locations — no location is described",
        "add your sites and at least one alternate location with access instructions",
    ),
    (
        &["suppliers"],
        "step 6: list the IT service providers to contact — no supplier is described",
        "add suppliers with their emergency contacts",
    ),
    (
        &["communication", "audiences"],
        "communicate with suppliers, citizens and others — no audience is described",
        "add audiences with channels and who speaks to them",
    ),
    (
        &["distribution"],
        "step 7: decide who holds a copy of the plan — the distribution list is empty",
        "record who holds a paper or offline copy",
    ),
    (
        &["systems"],
        "step 8: inventory the ICT assets — no system is described",
        "add systems with dependencies, redundancy, backups and recovery time",
    ),
    (
        &["activation", "full_recovery"],
        "step 9: decide when full recovery is reached — no criteria",
        "add the conditions under which the plan is deactivated",
    ),
    (
        &["exercise_schedule"],
        "step 10: plan periodic tests — the exercise schedule is empty",
        "add exercises with their interval in months",
    ),
];

pub const SECTION_EMPTY: Rule = Rule {
    name: "section-empty",
    severity: Severity::Error,
    summary: "A section the plan must hold is empty",
    rationale: "Audit Vlaanderen's good practice lists what a business continuity plan for ICT incidents holds and the ten steps to build one: what can go wrong, when the plan is activated, which services are time-critical, who does what, alternate locations, suppliers to call, who holds a copy, the asset inventory, when recovery is complete, and the test schedule. An empty section is a gap an auditor will report; the findings appear in the order of those steps so that a new plan can be completed top to bottom.",
    sources: &[AUDIT_VLAANDEREN, ISO_22301, NIST_800_34],
    check: |cx, sink| {
        let plan = cx.plan;
        for (path, message, hint) in SECTIONS {
            let empty = match *path {
                ["risks"] => plan.risks.is_empty(),
                ["scenarios"] => plan.scenarios.is_empty(),
                ["activation", "criteria"] => plan.activation.criteria.is_empty(),
                ["activation", "authorised_roles"] => plan.activation.authorised_roles.is_empty(),
                ["services"] => plan.services.is_empty(),
                ["people"] => plan.people.is_empty(),
                ["roles"] => plan.roles.is_empty(),
                ["locations"] => plan.locations.is_empty(),
                ["suppliers"] => plan.suppliers.is_empty(),
                ["communication", "audiences"] => plan.communication.audiences.is_empty(),
                ["distribution"] => plan.distribution.is_empty(),
                ["systems"] => plan.systems.is_empty(),
                ["activation", "full_recovery"] => plan.activation.full_recovery.is_empty(),
                ["exercise_schedule"] => plan.exercise_schedule.is_empty(),
                _ => false,
            };
            if empty {
                report(sink, path.iter().copied().collect(), message, hint);
            }
        }
    },
};

fn report(sink: &mut Sink<'_>, pointer: Pointer, message: &str, hint: &str) {
    let finding = sink.finding(pointer, message).with_hint(hint);
    sink.push(finding);
}

pub const SCENARIO_WITHOUT_STEPS: Rule = Rule {
    name: "scenario-without-steps",
    severity: Severity::Error,
    summary: "A scenario has no recovery steps",
    rationale: "A scenario is only useful during an incident if it says what to do, in which order and who does it. The source page asks for the steps needed to get each service running again, what is needed and who is responsible; NIST SP 800-34 calls these the recovery procedures of the plan.",
    sources: &[AUDIT_VLAANDEREN, NIST_800_34],
    check: |cx, sink| {
        for (i, scenario) in cx.plan.scenarios.iter().enumerate() {
            if scenario.steps.is_empty() {
                let finding = sink
                    .finding(pointer!["scenarios", i, "steps"], format!("scenario `{}` has no steps", scenario.id))
                    .with_hint("add the ordered steps from detection to full recovery, each with a responsible role")
                    .with_subject("scenarios", scenario.id.as_str());
                sink.push(finding);
            }
        }
    },
};
