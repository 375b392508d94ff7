//! People rules: every role is filled with a deputy, everyone can be called, and the crisis
//! team can be reached outside office hours.

use super::Rule;
use super::sources::*;
use crate::finding::Severity;
use crate::model::Person;
use crate::pointer;

pub const ROLE_WITHOUT_MEMBERS: Rule = Rule {
    name: "role-without-members",
    severity: Severity::Error,
    summary: "A role is filled by nobody",
    rationale: "The source page asks for an overview of the key actors who run and steer the plan, with their contact details. A role nobody fills means its steps and decisions fall to nobody during an incident. ISO 22301 requires roles, responsibilities and authorities to be assigned to people.",
    sources: &[AUDIT_VLAANDEREN, ISO_22301],
    check: |cx, sink| {
        for (i, role) in cx.plan.roles.iter().enumerate() {
            if role.members.is_empty() {
                let finding = sink
                    .finding(
                        pointer!["roles", i, "members"],
                        format!("role `{}` is filled by nobody", role.id),
                    )
                    .with_hint("add the primary and at least one deputy to `members`")
                    .with_subject("roles", role.id.as_str());
                sink.push(finding);
            }
        }
    },
};

pub const ROLE_WITHOUT_DEPUTY: Rule = Rule {
    name: "role-without-deputy",
    severity: Severity::Warning,
    summary: "A crisis-team role has no deputy",
    rationale: "Incidents happen during holidays, illness and at night. A crisis-team role held by one person fails when that person is unavailable (the staff-unavailability scenario). NIST SP 800-34 asks for a line of succession: each role has a primary and at least one alternate.",
    sources: &[NIST_800_34, ISO_22301],
    check: |cx, sink| {
        for (i, role) in cx.plan.roles.iter().enumerate() {
            // Counted as people, not entries: listing the primary twice is not a deputy.
            let distinct: crate::hash::HashSet<&str> =
                role.members.iter().map(|m| m.as_str()).collect();
            if role.crisis_team && distinct.len() == 1 {
                let finding = sink
                    .finding(
                        pointer!["roles", i, "members"],
                        format!(
                            "crisis-team role `{}` has only one member and no deputy",
                            role.id
                        ),
                    )
                    .with_hint("add a deputy after the primary in `members`")
                    .with_subject("roles", role.id.as_str());
                sink.push(finding);
            }
        }
    },
};

fn has_phone(person: &Person) -> bool {
    !person.phones.is_empty()
}

fn after_hours(person: &Person) -> bool {
    person.phones.iter().any(|p| p.after_hours)
}

pub const PERSON_UNREACHABLE: Rule = Rule {
    name: "person-unreachable",
    severity: Severity::Warning,
    summary: "A person who fills a role has no phone number",
    rationale: "During an ICT incident e-mail and the directory may be down; the crisis team is called by phone. Everyone who fills a role must have at least one phone number in the plan, preferably one that does not depend on the organisation's own telephony. The source page asks for the key actors' contact details.",
    sources: &[AUDIT_VLAANDEREN, NIST_800_34],
    check: |cx, sink| {
        let mut reported = <crate::hash::HashSet<_> as crate::hash::HashSetExt>::new();
        for role in &cx.plan.roles {
            for member in &role.members {
                let Some(person) = cx.person(member.as_str()) else {
                    continue;
                };
                if has_phone(person) || !reported.insert(person.id.as_str()) {
                    continue;
                }
                let index = cx
                    .plan
                    .people
                    .iter()
                    .position(|p| p.id == person.id)
                    .unwrap_or(0);
                let finding = sink
                    .finding(
                        pointer!["people", index, "phones"],
                        format!(
                            "`{}` fills role `{}` but has no phone number",
                            person.id, role.id
                        ),
                    )
                    .with_hint("add a mobile number under `phones`")
                    .with_subject("people", person.id.as_str());
                sink.push(finding);
            }
        }
    },
};

pub const NO_AFTER_HOURS_CONTACT: Rule = Rule {
    name: "no-after-hours-contact",
    severity: Severity::Error,
    summary: "A crisis-team role cannot be reached outside office hours",
    rationale: "Ransomware and power failures do not wait for office hours. For each crisis-team role at least one member must have a phone marked `after_hours`, otherwise the plan cannot be activated at night or in the weekend. If no role is marked as crisis team at all, the plan has no crisis team to call.",
    sources: &[NIST_800_34, ISO_22301, CYFUN],
    check: |cx, sink| {
        let crisis_roles: Vec<(usize, &crate::model::Role)> = cx
            .plan
            .roles
            .iter()
            .enumerate()
            .filter(|(_, r)| r.crisis_team)
            .collect();
        if crisis_roles.is_empty() && !cx.plan.roles.is_empty() {
            let finding = sink
                .finding(
                    pointer!["roles"],
                    "no role is marked `crisis_team`, so there is no crisis team to call",
                )
                .with_hint("set `crisis_team: true` on the roles that form the crisis team");
            sink.push(finding);
        }
        for (i, role) in crisis_roles {
            if role.members.is_empty() {
                continue;
            }
            let reachable = role
                .members
                .iter()
                .filter_map(|m| cx.person(m.as_str()))
                .any(after_hours);
            if !reachable {
                let finding = sink
                    .finding(
                        pointer!["roles", i, "members"],
                        format!("nobody in crisis-team role `{}` can be reached outside office hours", role.id),
                    )
                    .with_hint("mark a phone that is answered at night and in weekends with `after_hours: true`")
                    .with_subject("roles", role.id.as_str());
                sink.push(finding);
            }
        }
    },
};
