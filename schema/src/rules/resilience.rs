//! Resilience rules: critical systems survive a failure and ransomware, critical services have
//! a fallback, and suppliers of critical systems can be reached in an emergency.

use super::Rule;
use super::sources::*;
use crate::finding::Severity;
use crate::model::{Availability, Criticality, LocationKind, Redundancy};
use crate::pointer;

/// How long a restore test stays valid when the exercise schedule sets no interval for it.
const DEFAULT_RESTORE_TEST_MONTHS: u32 = 12;

pub const SINGLE_POINT_OF_FAILURE: Rule = Rule {
    name: "single-point-of-failure",
    severity: Severity::Warning,
    summary: "A system a critical service depends on has no redundancy",
    rationale: "The source page asks for an overview of the ICT infrastructure with the duplication or redundancy provided for important infrastructure and systems. A system without redundancy beneath a critical service is a single point of failure: its loss stops the service for as long as its recovery takes. Accept it explicitly (with `allow`) when recovery time is within the RTO.",
    sources: &[AUDIT_VLAANDEREN, NIST_800_34, CYFUN],
    check: |cx, sink| {
        for (i, system) in cx.plan.systems.iter().enumerate() {
            if system.redundancy == Redundancy::None && cx.is_critical_system(i) {
                let finding = sink
                    .finding(
                        pointer!["systems", i, "redundancy"],
                        format!("`{}` has no redundancy but a critical service depends on it", system.id),
                    )
                    .with_hint("add a standby or a second instance, or allow the finding with the reason it is acceptable")
                    .with_subject("systems", system.id.as_str());
                sink.push(finding);
            }
        }
    },
};

pub const BACKUP_NOT_RANSOMWARE_SAFE: Rule = Rule {
    name: "backup-not-ransomware-safe",
    severity: Severity::Error,
    summary: "A critical system's backup has no offline or immutable copy",
    rationale: "Ransomware encrypts or deletes every backup it can reach. The source page relies on the most recent uncompromised backups to restore; only an offline (disconnected) or immutable copy is sure to be uncompromised. CyberFundamentals requires backups to be protected and tested, and NIST SP 800-34 asks for backups stored off-site and out of reach.",
    sources: &[AUDIT_VLAANDEREN, CYFUN, NIST_800_34],
    check: |cx, sink| {
        for (i, system) in cx.plan.systems.iter().enumerate() {
            let Some(backup) = &system.backup else {
                continue;
            };
            if cx.is_critical_system(i) && !backup.offline_copy && !backup.immutable_copy {
                let finding = sink
                    .finding(
                        pointer!["systems", i, "backup"],
                        format!("the backup of critical system `{}` has no offline or immutable copy", system.id),
                    )
                    .with_hint("keep an offline or immutable copy and record it with `offline_copy` or `immutable_copy`")
                    .with_subject("systems", system.id.as_str());
                sink.push(finding);
            }
        }
    },
};

pub const RESTORE_TEST_OVERDUE: Rule = Rule {
    name: "restore-test-overdue",
    severity: Severity::Warning,
    summary: "A critical system's backup has not been restored in a test recently",
    rationale: "A backup that has never been restored is a hope, not a backup. CyberFundamentals requires backups to be tested, and ISO 22301 asks that solutions be exercised. The interval is taken from the `restore_test` entry of the exercise schedule, or 12 months when there is none.",
    sources: &[CYFUN, ISO_22301, NIST_800_34],
    check: |cx, sink| {
        let months = cx
            .plan
            .exercise_schedule
            .iter()
            .filter(|e| e.kind == crate::model::ExerciseKind::RestoreTest)
            .map(|e| u32::from(e.interval_months))
            .min()
            .unwrap_or(DEFAULT_RESTORE_TEST_MONTHS);
        for (i, system) in cx.plan.systems.iter().enumerate() {
            let Some(backup) = &system.backup else {
                continue;
            };
            if !cx.is_critical_system(i) {
                continue;
            }
            let message = match backup.last_restore_test {
                None => format!(
                    "the backup of critical system `{}` has never been restored in a test",
                    system.id
                ),
                // No `today` in the message: the same finding on later dates reads the same,
                // so findings compare across revisions and a site stores each once.
                Some(date) if date.add_months(months) < cx.today => format!(
                    "the last restore test of critical system `{}` was on {date}; with one every {months} months the next was due on {}",
                    system.id,
                    date.add_months(months)
                ),
                Some(_) => continue,
            };
            let finding = sink
                .finding(
                    pointer!["systems", i, "backup", "last_restore_test"],
                    message,
                )
                .with_hint(
                    "restore the backup in a test and record the date in `last_restore_test`",
                )
                .with_subject("systems", system.id.as_str());
            sink.push(finding);
        }
    },
};

pub const CRITICAL_SERVICE_WITHOUT_FALLBACK: Rule = Rule {
    name: "critical-service-without-fallback",
    severity: Severity::Warning,
    summary: "A critical service has neither an alternate location nor a manual fallback",
    rationale: "When its systems or its building are lost, a critical service must carry on somehow: from an alternate location, or manually (paper forms, another channel). The source page asks for alternate locations with minimal ICT and communication means; NIST SP 800-34 and ISO 22301 ask for continuity strategies per prioritised activity.",
    sources: &[AUDIT_VLAANDEREN, ISO_22301, NIST_800_34],
    check: |cx, sink| {
        for (i, service) in cx.plan.services.iter().enumerate() {
            if service.criticality == Criticality::Critical
                && service.alternate_locations.is_empty()
                && service.manual_fallback.is_none()
            {
                let finding = sink
                    .finding(
                        pointer!["services", i],
                        format!("critical service `{}` has no alternate location and no manual fallback", service.id),
                    )
                    .with_hint("add `alternate_locations` or describe a `manual_fallback`")
                    .with_subject("services", service.id.as_str());
                sink.push(finding);
            }
        }
    },
};

pub const NO_ALTERNATE_LOCATION: Rule = Rule {
    name: "no-alternate-location",
    severity: Severity::Warning,
    summary: "The plan has no alternate location",
    rationale: "The source page asks for locations to fall back to when a site is compromised, with minimal ICT and communication means ready and a description of how to get in. A plan whose locations are all primary sites has nowhere to go after a fire, flood or building-wide power loss.",
    sources: &[AUDIT_VLAANDEREN, ISO_22301],
    check: |cx, sink| {
        let plan = cx.plan;
        if !plan.locations.is_empty()
            && !plan
                .locations
                .iter()
                .any(|l| l.kind == LocationKind::Alternate)
        {
            let finding = sink
                .finding(pointer!["locations"], "no location is an alternate (fallback) location")
                .with_hint("add a location with `kind: \"alternate\"`, its capacity, minimal ICT and access instructions");
            sink.push(finding);
        }
    },
};

pub const LOCATION_ACCESS_UNDOCUMENTED: Rule = Rule {
    name: "location-access-undocumented",
    severity: Severity::Warning,
    summary: "An alternate location does not say how to get in",
    rationale: "An alternate location is useless at 3 a.m. if nobody knows who has the key, the badge or the alarm code. The source page explicitly asks to describe access to the alternate locations.",
    sources: &[AUDIT_VLAANDEREN],
    check: |cx, sink| {
        for (i, location) in cx.plan.locations.iter().enumerate() {
            if location.kind == LocationKind::Alternate
                && location
                    .access
                    .as_deref()
                    .is_none_or(|a| a.trim().is_empty())
            {
                let finding = sink
                    .finding(pointer!["locations", i, "access"], format!("alternate location `{}` does not say how to get in", location.id))
                    .with_hint("describe in `access` who holds keys or badges and where alarm codes are kept")
                    .with_subject("locations", location.id.as_str());
                sink.push(finding);
            }
        }
    },
};

pub const SUPPLIER_WITHOUT_EMERGENCY_CONTACT: Rule = Rule {
    name: "supplier-without-emergency-contact",
    severity: Severity::Error,
    summary: "The supplier of a critical system has no 24/7 emergency phone contact",
    rationale: "The source page asks for an overview of the contact persons at IT service providers in case of emergency. For a supplier of a system beneath a critical service, the plan must hold a contact marked `emergency`, with a phone number, reachable 24/7: the incident will not wait for the service desk to open.",
    sources: &[AUDIT_VLAANDEREN, CYFUN, NIST_800_34],
    check: |cx, sink| {
        let mut critical_suppliers = vec![false; cx.plan.suppliers.len()];
        for (i, system) in cx.plan.systems.iter().enumerate() {
            if let Some(s) = system
                .supplier
                .as_ref()
                .and_then(|s| cx.supplier_index(s.as_str()))
            {
                critical_suppliers[s] |= cx.is_critical_system(i);
            }
        }
        for (i, supplier) in cx.plan.suppliers.iter().enumerate() {
            if !critical_suppliers[i] {
                continue;
            }
            let ok = supplier.contacts.iter().any(|c| {
                c.emergency && c.phone.is_some() && c.availability == Availability::AlwaysAvailable
            });
            if !ok {
                let finding = sink
                    .finding(
                        pointer!["suppliers", i, "contacts"],
                        format!("`{}` supplies a critical system but has no 24/7 emergency contact with a phone number", supplier.id),
                    )
                    .with_hint("add a contact with `emergency: true`, `availability: \"24/7\"` and a `phone`")
                    .with_subject("suppliers", supplier.id.as_str());
                sink.push(finding);
            }
        }
    },
};

pub const SLA_EXCEEDS_RTO: Rule = Rule {
    name: "sla-exceeds-rto",
    severity: Severity::Warning,
    summary: "A supplier's contracted recovery time exceeds the RTO of a service that needs it",
    rationale: "When a system is recovered by its supplier, the supplier's contracted recovery time bounds how fast it comes back. If that is longer than the RTO of a service depending on the system, the RTO relies on the supplier doing better than the contract says. CyberFundamentals asks that response and recovery planning be done with suppliers.",
    sources: &[CYFUN, ISO_22301],
    check: |cx, sink| {
        // The supplier and its contracted recovery time, looked up once per system.
        let contracted: Vec<Option<(usize, crate::types::Duration)>> = cx
            .plan
            .systems
            .iter()
            .map(|system| {
                let index = cx.supplier_index(system.supplier.as_ref()?.as_str())?;
                let sla = cx.plan.suppliers[index].contract.as_ref()?.sla.as_ref()?;
                Some((index, sla.recovery_time?))
            })
            .collect();
        let mut reported = <crate::hash::HashSet<_> as crate::hash::HashSetExt>::new();
        let (mut seen, mut closure) = (Vec::new(), Vec::new());
        for service in &cx.plan.services {
            let Some(rto) = service.rto else { continue };
            cx.graph
                .closure_into(&cx.graph.service_roots(service), &mut seen, &mut closure);
            for &s in &closure {
                let Some((index, recovery)) = contracted[s] else {
                    continue;
                };
                let (system, supplier) = (&cx.plan.systems[s], &cx.plan.suppliers[index]);
                if recovery > rto && reported.insert((index, service.id.as_str())) {
                    let finding = sink
                        .finding(
                            pointer!["suppliers", index, "contract", "sla", "recovery_time"],
                            format!(
                                "`{}` may take {recovery} to recover `{}`, longer than the RTO {rto} of `{}`",
                                supplier.id, system.id, service.id
                            ),
                        )
                        .with_hint("negotiate a shorter recovery time, add redundancy, or raise the RTO")
                        .with_subject("suppliers", supplier.id.as_str());
                    sink.push(finding);
                }
            }
        }
    },
};
