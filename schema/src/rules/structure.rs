//! Structural rules: ids are unique, references resolve, dependencies form no cycle.

use crate::hash::{HashMap, HashMapExt as _};

use super::sources::*;
use super::{Rule, Sink};
use crate::finding::Severity;
use crate::pointer;
use crate::references::{Collection, references_where};

pub const DUPLICATE_ID: Rule = Rule {
    name: "duplicate-id",
    severity: Severity::Error,
    summary: "Two entities in one collection share an id",
    rationale: "Every reference, diff, blame and checklist tick names an entity by its id. When two entities share one, a reference silently points at the first, and the history of one is mixed with the other. Ids must be unique within their collection (steps within their scenario, findings within their exercise).",
    sources: &[CONTINUITY, ISO_22301],
    check: |cx, sink| {
        for collection in Collection::ALL {
            report_duplicates(
                sink,
                collection.pointer(),
                collection.singular(),
                &collection.ids(cx.plan),
            );
        }
        for (i, scenario) in cx.plan.scenarios.iter().enumerate() {
            let ids: Vec<&str> = scenario.steps.iter().map(|s| s.id.as_str()).collect();
            report_duplicates(sink, pointer!["scenarios", i, "steps"], "step", &ids);
        }
        for (i, exercise) in cx.plan.exercises.iter().enumerate() {
            let ids: Vec<&str> = exercise.findings.iter().map(|f| f.id.as_str()).collect();
            report_duplicates(
                sink,
                pointer!["exercises", i, "findings"],
                "exercise finding",
                &ids,
            );
        }
    },
};

fn report_duplicates(sink: &mut Sink<'_>, at: crate::json::Pointer, what: &str, ids: &[&str]) {
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(ids.len());
    for (i, id) in ids.iter().enumerate() {
        if let Some(&earlier) = first.get(id) {
            let finding = sink
                .finding(
                    at.join(i).join("id"),
                    format!("{what} id `{id}` is already used at {at}/{earlier}"),
                )
                .with_hint("give each entity its own id; references use the id to find it");
            sink.push(finding);
        } else {
            first.insert(id, i);
        }
    }
}

pub const DANGLING_REFERENCE: Rule = Rule {
    name: "dangling-reference",
    severity: Severity::Error,
    summary: "A reference names an entity that does not exist",
    rationale: "A service that depends on a system the plan does not describe, or a step assigned to a role nobody fills, fails exactly when the plan is needed. Every reference must name an existing entity of the right collection; this also catches typos and entities removed without updating what pointed at them.",
    sources: &[CONTINUITY, NIST_800_34],
    check: |cx, sink| {
        let plan = cx.plan;
        let known: HashMap<Collection, crate::hash::HashSet<&str>> = Collection::ALL
            .into_iter()
            .map(|c| (c, c.ids(plan).into_iter().collect()))
            .collect();
        let dangles = |target: Collection, id: &str| !known[&target].contains(id);
        for reference in references_where(plan, dangles) {
            let finding = sink
                .finding(
                    reference.pointer,
                    format!(
                        "no {} has the id `{}`",
                        reference.target.singular(),
                        reference.id
                    ),
                )
                .with_hint(suggest(
                    reference.id,
                    &known[&reference.target],
                    reference.target,
                ));
            sink.push(finding);
        }
        for (i, action) in plan.actions.iter().enumerate() {
            let Some(finding_id) = &action.finding else {
                continue;
            };
            let exercise = action
                .exercise
                .as_ref()
                .and_then(|e| plan.exercises.iter().find(|x| &x.id == e));
            let message = match (&action.exercise, exercise) {
                (None, _) => Some(format!(
                    "finding `{finding_id}` is named without the exercise it belongs to"
                )),
                (Some(_), Some(exercise))
                    if !exercise.findings.iter().any(|f| &f.id == finding_id) =>
                {
                    Some(format!(
                        "exercise `{}` has no finding with the id `{finding_id}`",
                        exercise.id
                    ))
                }
                _ => None,
            };
            if let Some(message) = message {
                let finding = sink
                    .finding(pointer!["actions", i, "finding"], message)
                    .with_hint(
                        "name the exercise in `exercise` and one of its findings' ids in `finding`",
                    );
                sink.push(finding);
            }
        }
        for (i, allowance) in plan.allow.iter().enumerate() {
            if let Some(subject) = &allowance.subject {
                if !super::subject_exists(plan, subject) {
                    let finding = sink
                        .finding(
                            pointer!["allow", i, "subject"],
                            format!("`{subject}` names no entity of the plan"),
                        )
                        .with_hint(
                            "write the subject as collection/id, for example systems/firewall",
                        );
                    sink.push(finding);
                }
            }
        }
    },
};

/// A hint naming the closest existing id, if one is close.
fn suggest(id: &str, known: &crate::hash::HashSet<&str>, target: Collection) -> String {
    let closest = known
        .iter()
        .map(|candidate| (strsim::levenshtein(id, candidate), *candidate))
        .filter(|&(distance, candidate)| distance <= 2.max(candidate.len() / 4))
        .min();
    match closest {
        Some((_, candidate)) => format!("did you mean `{candidate}`?"),
        None => format!(
            "add the {} to `{}` or fix the id",
            target.singular(),
            target.name()
        ),
    }
}

pub const DEPENDENCY_CYCLE: Rule = Rule {
    name: "dependency-cycle",
    severity: Severity::Error,
    summary: "Systems depend on each other in a cycle",
    rationale: "Recovery follows dependencies: a system comes back after the systems it depends on. When dependencies form a cycle there is no order in which to restart them, and the recovery time of every service above the cycle is undefined. A cycle is usually a mistake in `depends_on`, or a real circular dependency that the plan must break (for example a hypervisor that needs the directory that runs on it).",
    sources: &[NIST_800_34, ISO_22301],
    check: |cx, sink| {
        for cycle in cx.graph.cycles() {
            let names: Vec<&str> = cycle.iter().map(|&i| cx.system_id(i)).collect();
            let last = *cycle.last().unwrap_or(&cycle[0]);
            let first_id = cx.system_id(cycle[0]);
            let position = cx.plan.systems[last]
                .depends_on
                .iter()
                .position(|d| d.as_str() == first_id)
                .unwrap_or(0);
            let finding = sink
                .finding(
                    pointer!["systems", last, "depends_on", position],
                    format!("systems depend on each other in a cycle: {} → {}", names.join(" → "), names[0]),
                )
                .with_hint("remove one dependency of the cycle, or describe how the cycle is broken during recovery")
                .with_subject("systems", cx.system_id(last));
            sink.push(finding);
        }
    },
};
