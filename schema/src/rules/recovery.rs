//! Recovery logic: objectives are set, achievable along the dependency graph, and consistent
//! with each other and with the restart priority.

use super::Rule;
use super::context::list_some;
use super::sources::*;
use crate::analysis::minutes_label;
use crate::finding::Severity;
use crate::pointer;

pub const SERVICE_OBJECTIVES_MISSING: Rule = Rule {
    name: "service-objectives-missing",
    severity: Severity::Error,
    summary: "A service has no priority, RTO or RPO",
    rationale: "Audit Vlaanderen noted that the reviewed plan listed critical systems without a restart priority, and recommends recording for each service the recovery time objective (how soon it must run again) and the recovery point objective (how much data may be lost). Without them nobody can decide what to restart first, and none of the recovery checks can run. ISO 22301 calls these the prioritised time frames of the business impact analysis.",
    sources: &[AUDIT_VLAANDEREN, ISO_22301, NIST_800_34],
    check: |cx, sink| {
        for (i, service) in cx.plan.services.iter().enumerate() {
            let missing = [
                (
                    "priority",
                    service.priority.is_none(),
                    "the restart priority (1 comes back first)",
                ),
                (
                    "rto",
                    service.rto.is_none(),
                    "the recovery time objective, such as 4h",
                ),
                (
                    "rpo",
                    service.rpo.is_none(),
                    "the recovery point objective, such as 1d",
                ),
            ];
            for (field, absent, what) in missing {
                if absent {
                    let finding = sink
                        .finding(
                            pointer!["services", i, field],
                            format!("service `{}` has no `{field}`", service.id),
                        )
                        .with_hint(format!("add `{field}`: {what}"))
                        .with_subject("services", service.id.as_str());
                    sink.push(finding);
                }
            }
        }
    },
};

pub const RTO_BELOW_RECOVERY_CHAIN: Rule = Rule {
    name: "rto-below-recovery-chain",
    severity: Severity::Error,
    summary: "A service's RTO is shorter than the time to recover the systems beneath it",
    rationale: "A service runs again only when every system it depends on runs again, and each of those only after the systems beneath it. The time to recover a service is therefore the slowest path through its dependency graph, adding each system's estimated recovery time. An RTO shorter than that path is a promise the organisation cannot keep; NIST SP 800-34 asks that recovery strategies be checked against the RTO found in the business impact analysis.",
    sources: &[NIST_800_34, ISO_22301, AUDIT_VLAANDEREN],
    check: |cx, sink| {
        for (i, service) in cx.plan.services.iter().enumerate() {
            let Some(rto) = service.rto else { continue };
            let roots = cx.graph.service_roots(service);
            let (minutes, path) = cx.graph.slowest_path(&cx.chains, &roots);
            if rto.as_minutes() >= minutes {
                continue;
            }
            let steps: Vec<String> = path
                .iter()
                .map(|&s| {
                    let system = &cx.plan.systems[s];
                    match &system.recovery {
                        Some(r) => format!("{} {}", system.id, r.time),
                        None => format!("{} ?", system.id),
                    }
                })
                .collect();
            let finding = sink
                .finding(
                    pointer!["services", i, "rto"],
                    format!(
                        "RTO {rto} of `{}` is shorter than the {} needed to recover the systems beneath it ({})",
                        service.id,
                        minutes_label(minutes),
                        steps.join(" → ")
                    ),
                )
                .with_hint(format!(
                    "raise the RTO to at least {}, or shorten recovery along that chain (redundancy, standby, faster restore)",
                    minutes_label(minutes)
                ))
                .with_subject("services", service.id.as_str());
            sink.push(finding);
        }
    },
};

pub const RPO_BELOW_BACKUP_INTERVAL: Rule = Rule {
    name: "rpo-below-backup-interval",
    severity: Severity::Error,
    summary: "A service's RPO is shorter than the backup interval of a system it depends on",
    rationale: "After a loss, data is restored from the last good backup: everything since is gone. A service can therefore lose up to the longest backup interval among the systems it depends on, directly or beneath, and a system that holds data without any backup loses everything. The source page stresses that the most recent uncompromised backups are used to restore; the RPO recorded for the service must be achievable with them.",
    sources: &[AUDIT_VLAANDEREN, NIST_800_34, CYFUN],
    check: |cx, sink| {
        for (i, service) in cx.plan.services.iter().enumerate() {
            let Some(rpo) = service.rpo else { continue };
            let roots = cx.graph.service_roots(service);
            let worst_interval = roots
                .iter()
                .filter_map(|&r| cx.backups[r].interval.map(|(m, _)| m))
                .max();
            let unprotected = roots.iter().any(|&r| cx.backups[r].unprotected.is_some());
            if !unprotected && worst_interval.is_none_or(|m| m <= rpo.as_minutes()) {
                continue;
            }
            let offenders: Vec<String> = cx
                .graph
                .closure(&roots)
                .into_iter()
                .filter_map(|s| {
                    let system = &cx.plan.systems[s];
                    match &system.backup {
                        Some(b) if b.frequency > rpo => {
                            Some(format!("{} backs up every {}", system.id, b.frequency))
                        }
                        None if system.kind.holds_data() => {
                            Some(format!("{} holds data without a backup", system.id))
                        }
                        _ => None,
                    }
                })
                .collect();
            let finding = sink
                .finding(
                    pointer!["services", i, "rpo"],
                    format!(
                        "RPO {rpo} of `{}` cannot be met: {}",
                        service.id,
                        list_some(&offenders, 5)
                    ),
                )
                .with_hint(format!(
                    "back those systems up at least every {rpo}, or raise the RPO"
                ))
                .with_subject("services", service.id.as_str());
            sink.push(finding);
        }
    },
};

pub const RTO_WRT_EXCEED_MTD: Rule = Rule {
    name: "rto-wrt-exceed-mtd",
    severity: Severity::Error,
    summary: "RTO plus work recovery time exceeds the maximum tolerable downtime",
    rationale: "When the systems are back (RTO), staff still need time to check data and catch up with the backlog (work recovery time, WRT) before the service is really delivered again. NIST SP 800-34 defines the maximum tolerable downtime as the total the organisation can bear, so RTO + WRT must fit within it; otherwise the objectives contradict each other.",
    sources: &[NIST_800_34, ISO_22301],
    check: |cx, sink| {
        for (i, service) in cx.plan.services.iter().enumerate() {
            let (Some(rto), Some(mtd)) = (service.rto, service.mtd) else {
                continue;
            };
            let wrt = service.wrt.map_or(0, |w| w.as_minutes());
            let total = rto.as_minutes().saturating_add(wrt);
            if total > mtd.as_minutes() {
                let wrt_text = service
                    .wrt
                    .map(|w| format!(" + WRT {w}"))
                    .unwrap_or_default();
                let finding = sink
                    .finding(
                        pointer!["services", i, "mtd"],
                        format!(
                            "RTO {rto}{wrt_text} = {} for `{}` exceeds its maximum tolerable downtime {mtd}",
                            minutes_label(total),
                            service.id
                        ),
                    )
                    .with_hint("shorten the RTO or the work recovery time, or review the maximum tolerable downtime")
                    .with_subject("services", service.id.as_str());
                sink.push(finding);
            }
        }
    },
};

pub const PRIORITY_ORDER_INVERTED: Rule = Rule {
    name: "priority-order-inverted",
    severity: Severity::Warning,
    summary: "A higher-priority service has a longer RTO than a lower-priority one",
    rationale: "The priority is the restart order: priority 1 comes back first. If a service with a higher priority may take longer to come back than one with a lower priority, either the priority or the RTO is wrong, and the crisis team would get contradicting instructions. Audit Vlaanderen asks for a prioritisation that distinguishes processes that must run (almost) continuously from those that can wait.",
    sources: &[AUDIT_VLAANDEREN, ISO_22301],
    check: |cx, sink| {
        let mut ranked: Vec<(u16, u64, usize)> = cx
            .plan
            .services
            .iter()
            .enumerate()
            .filter_map(|(i, s)| Some((s.priority?, s.rto?.as_minutes(), i)))
            .collect();
        // From the lowest priority (largest number) upwards, keep the shortest RTO seen among
        // strictly lower priorities: a service whose RTO exceeds it is out of order.
        ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.2.cmp(&b.2)));
        let mut best_lower: Option<(u64, usize)> = None;
        let mut group_best: Option<(u64, usize)> = None;
        let mut group_priority = None;
        let mut reports = Vec::new();
        for &(priority, rto, i) in &ranked {
            if group_priority != Some(priority) {
                best_lower = min_rto(best_lower, group_best);
                group_best = None;
                group_priority = Some(priority);
            }
            if let Some((lower_rto, j)) = best_lower {
                if rto > lower_rto {
                    reports.push((i, j));
                }
            }
            group_best = min_rto(group_best, Some((rto, i)));
        }
        reports.sort_unstable();
        for (i, j) in reports {
            let (service, other) = (&cx.plan.services[i], &cx.plan.services[j]);
            let (Some(p), Some(rto), Some(q), Some(other_rto)) =
                (service.priority, service.rto, other.priority, other.rto)
            else {
                continue;
            };
            let finding = sink
                .finding(
                    pointer!["services", i, "rto"],
                    format!(
                        "`{}` has priority {p} but RTO {rto}, longer than the RTO {other_rto} of `{}` with priority {q}",
                        service.id, other.id
                    ),
                )
                .with_hint("give services that come back first the shorter RTO, or change the priorities")
                .with_subject("services", service.id.as_str());
            sink.push(finding);
        }
    },
};

fn min_rto(a: Option<(u64, usize)>, b: Option<(u64, usize)>) -> Option<(u64, usize)> {
    match (a, b) {
        (Some(x), Some(y)) => Some(if y.0 < x.0 { y } else { x }),
        (x, None) => x,
        (None, y) => y,
    }
}

pub const RECOVERY_TIME_UNKNOWN: Rule = Rule {
    name: "recovery-time-unknown",
    severity: Severity::Warning,
    summary: "A system beneath a service with an RTO has no estimated recovery time",
    rationale: "The RTO of a service can only be checked against the time to recover the systems beneath it when each of those systems has an estimated recovery time. NIST SP 800-34 asks for recovery procedures and their duration per system; without an estimate the RTO is a wish, not a plan.",
    sources: &[NIST_800_34, AUDIT_VLAANDEREN],
    check: |cx, sink| {
        let systems = cx.plan.systems.len();
        let mut needed_by: Vec<Option<usize>> = vec![None; systems];
        let mut queue = Vec::new();
        for (i, service) in cx.plan.services.iter().enumerate() {
            if service.rto.is_none() {
                continue;
            }
            for root in cx.graph.service_roots(service) {
                if needed_by[root].is_none() {
                    needed_by[root] = Some(i);
                    queue.push(root);
                }
            }
        }
        let mut next = 0;
        while next < queue.len() {
            let node = queue[next];
            next += 1;
            for &d in cx.graph.dependencies(node) {
                if needed_by[d].is_none() {
                    needed_by[d] = needed_by[node];
                    queue.push(d);
                }
            }
        }
        for (s, service) in needed_by.iter().enumerate() {
            let (Some(service), None) = (service, &cx.plan.systems[s].recovery) else {
                continue;
            };
            let system = &cx.plan.systems[s];
            let finding = sink
                .finding(
                    pointer!["systems", s, "recovery"],
                    format!(
                        "system `{}` has no estimated recovery time, so the RTO of `{}` cannot be checked",
                        system.id, cx.plan.services[*service].id
                    ),
                )
                .with_hint("add `recovery` with the estimated `time` and the recovery steps")
                .with_subject("systems", system.id.as_str());
            sink.push(finding);
        }
    },
};
