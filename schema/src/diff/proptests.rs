//! Property tests of the diff: random revisions of a base plan, checked against a naive
//! entity-by-entity comparison, replayed with `apply`, and sent through JSON.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use proptest::prelude::*;
use serde::Serialize;
use serde_json::Value;

use super::fixture::base;
use super::{Diff, Op, Section, apply, apply_value, diff, diff_values};
use crate::model::*;
use crate::references::Collection;
use crate::types::*;

/// One random edit, as numbers that `mutate` interprets (so that proptest can shrink them).
#[derive(Debug, Clone, Copy)]
struct Edit {
    kind: u8,
    x: usize,
    y: usize,
    z: u8,
}

fn edits(max: usize) -> impl Strategy<Value = Vec<Edit>> {
    prop::collection::vec(
        (0u8..40, 0usize..64, 0usize..64, 0u8..=255).prop_map(|(kind, x, y, z)| Edit {
            kind,
            x,
            y,
            z,
        }),
        0..max,
    )
}

fn id<T>(make: fn(String) -> Result<T, IdError>, text: String) -> T {
    make(text).expect("test ids are slugs")
}

fn pick<T>(items: &[T], x: usize) -> Option<usize> {
    (!items.is_empty()).then(|| x % items.len())
}

fn swap<T>(items: &mut [T], x: usize, y: usize) {
    if !items.is_empty() {
        let n = items.len();
        items.swap(x % n, y % n);
    }
}

fn remove<T>(items: &mut Vec<T>, x: usize) {
    if let Some(i) = pick(items, x) {
        items.remove(i);
    }
}

fn insert<T>(items: &mut Vec<T>, x: usize, item: T) {
    let at = x % (items.len() + 1);
    items.insert(at, item);
}

fn rotate<T>(items: &mut [T], x: usize) {
    if !items.is_empty() {
        let n = items.len();
        items.rotate_left(x % n);
    }
}

fn duration(z: u8) -> Duration {
    match z % 4 {
        0 => Duration::minutes(u32::from(z) * 10),
        1 => Duration::hours(u32::from(z % 48)),
        2 => Duration::days(u32::from(z % 10)),
        _ => Duration::weeks(u32::from(z % 5)),
    }
}

fn system_ids(plan: &Plan, y: usize) -> Option<SystemId> {
    pick(&plan.systems, y).map(|i| plan.systems[i].id.clone())
}

/// Applies one edit; `fresh` makes ids unique to this revision.
fn mutate(plan: &mut Plan, edit: Edit, fresh: &mut dyn FnMut() -> String, duplicates: bool) {
    let Edit { kind, x, y, z } = edit;
    match kind {
        0 => {
            let service = Service {
                id: id(ServiceId::new, fresh()),
                name: format!("Dienst {z}"),
                description: None,
                owner: None,
                criticality: Criticality::Medium,
                priority: Some(u16::from(z)),
                rto: Some(duration(z)),
                rpo: None,
                mtd: None,
                wrt: None,
                depends_on: system_ids(plan, y).into_iter().collect(),
                manual_fallback: None,
                alternate_locations: Vec::new(),
                peak_periods: Vec::new(),
                impact: None,
            };
            insert(&mut plan.services, x, service);
        }
        1 => remove(&mut plan.services, x),
        2 | 3 => {
            let Some(i) = pick(&plan.services, x) else {
                return;
            };
            let s = &mut plan.services[i];
            match z % 9 {
                0 => s.rto = Some(duration(z)),
                1 => {
                    s.rpo = if s.rpo.is_some() {
                        None
                    } else {
                        Some(duration(z))
                    }
                }
                2 => s.priority = Some(u16::from(z % 7) + 1),
                3 => s.name = format!("Dienst {y}"),
                4 => s.description = Some(format!("Beschrijving {y}")),
                5 => s.mtd = Some(duration(z.wrapping_add(1))),
                6 => s.peak_periods.push(format!("piek {y}")),
                7 => s.criticality = Criticality::Low,
                _ => s.wrt = None,
            }
        }
        4 => swap(&mut plan.services, x, y),
        5 => rotate(&mut plan.services, x),
        6 => {
            let Some(i) = pick(&plan.services, x) else {
                return;
            };
            let dep = system_ids(plan, y);
            let s = &mut plan.services[i];
            match (z % 4, dep) {
                (0, Some(dep)) if !s.depends_on.contains(&dep) => insert(&mut s.depends_on, y, dep),
                (1, _) => remove(&mut s.depends_on, y),
                (2, _) => swap(&mut s.depends_on, y, usize::from(z)),
                _ => rotate(&mut s.depends_on, y),
            }
        }
        7 => {
            let system = System {
                id: id(SystemId::new, fresh()),
                name: format!("Systeem {z}"),
                kind: SystemKind::Server,
                description: None,
                location: None,
                supplier: None,
                owner: None,
                depends_on: system_ids(plan, y).into_iter().collect(),
                redundancy: Redundancy::None,
                backup: (z % 2 == 0).then(|| Backup {
                    frequency: duration(z),
                    retention: None,
                    method: None,
                    location: None,
                    offline_copy: z % 3 == 0,
                    immutable_copy: false,
                    last_restore_test: None,
                }),
                recovery: None,
                replacement: None,
            };
            insert(&mut plan.systems, x, system);
        }
        8 => remove(&mut plan.systems, x),
        9 | 10 => {
            let Some(i) = pick(&plan.systems, x) else {
                return;
            };
            let s = &mut plan.systems[i];
            match z % 7 {
                0 => {
                    s.redundancy = [
                        Redundancy::None,
                        Redundancy::ColdStandby,
                        Redundancy::HotStandby,
                    ][y % 3]
                }
                1 => s.backup = None,
                2 => {
                    if let Some(b) = &mut s.backup {
                        b.frequency = duration(z);
                    }
                }
                3 => {
                    if let Some(b) = &mut s.backup {
                        b.offline_copy = !b.offline_copy;
                    }
                }
                4 => {
                    s.recovery = Some(Recovery {
                        time: duration(z),
                        steps: vec![format!("stap {y}")],
                        procedure: None,
                    });
                }
                5 => swap(&mut s.depends_on, y, usize::from(z)),
                _ => s.description = Some(format!("Systeem {y}")),
            }
        }
        11 => swap(&mut plan.systems, x, y),
        12 => {
            let Some(i) = pick(&plan.people, x) else {
                return;
            };
            let p = &mut plan.people[i];
            match z % 4 {
                0 => p.phones.push(PhoneContact {
                    number: Phone::new(format!("+32 470 {y:02} {z:02} 00")).expect("phone"),
                    kind: PhoneKind::Mobile,
                    after_hours: z % 2 == 0,
                }),
                1 => p.phones.clear(),
                2 => p.name = format!("Persoon {y}"),
                _ => p.email = None,
            }
        }
        13 => {
            let person = Person {
                id: id(PersonId::new, fresh()),
                name: format!("Persoon {z}"),
                function: "Medewerker".into(),
                organisation: None,
                phones: Vec::new(),
                email: None,
            };
            insert(&mut plan.people, x, person);
        }
        14 => swap(&mut plan.people, x, y),
        15 => {
            let Some(i) = pick(&plan.roles, x) else {
                return;
            };
            let person = pick(&plan.people, y).map(|p| plan.people[p].id.clone());
            let r = &mut plan.roles[i];
            match (z % 5, person) {
                (0, Some(p)) if !r.members.contains(&p) => {
                    insert(&mut r.members, usize::from(z), p)
                }
                (1, _) => remove(&mut r.members, y),
                (2, _) => swap(&mut r.members, y, usize::from(z)),
                (3, _) => r.crisis_team = !r.crisis_team,
                _ => rotate(&mut r.members, y),
            }
        }
        16 => swap(&mut plan.roles, x, y),
        17 => {
            let Some(i) = pick(&plan.scenarios, x) else {
                return;
            };
            let role = pick(&plan.roles, y).map(|r| plan.roles[r].id.clone());
            let s = &mut plan.scenarios[i];
            match (z % 5, role) {
                (0, Some(role)) => {
                    let step = Step {
                        id: id(StepId::new, fresh()),
                        action: format!("Actie {z}"),
                        role,
                        duration: None,
                        resources: Vec::new(),
                        systems: Vec::new(),
                        location: None,
                    };
                    insert(&mut s.steps, y, step);
                }
                (1, _) => remove(&mut s.steps, y),
                (2, _) => swap(&mut s.steps, y, usize::from(z)),
                (3, _) => {
                    if let Some(j) = pick(&s.steps, y) {
                        s.steps[j].action = format!("Gewijzigd {z}");
                    }
                }
                _ => s.triggers.push(format!("signaal {y}")),
            }
        }
        18 => swap(&mut plan.scenarios, x, y),
        19 => {
            let Some(i) = pick(&plan.exercises, x) else {
                return;
            };
            let e = &mut plan.exercises[i];
            match z % 4 {
                0 => insert(
                    &mut e.findings,
                    y,
                    ExerciseFinding {
                        id: id(ExerciseFindingId::new, fresh()),
                        description: format!("Bevinding {z}"),
                    },
                ),
                1 => remove(&mut e.findings, y),
                2 => swap(&mut e.findings, y, usize::from(z)),
                _ => {
                    if let Some(j) = pick(&e.findings, y) {
                        e.findings[j].description = format!("Gewijzigd {z}");
                    }
                }
            }
        }
        20 => {
            let approvals = &mut plan.plan.approvals;
            match z % 4 {
                0 => insert(
                    approvals,
                    y,
                    Approval {
                        version: fresh(),
                        date: Date::from_ymd(2026, 1 + z % 12, 1).expect("date"),
                        approved_by: "College".into(),
                        reference: None,
                    },
                ),
                1 => remove(approvals, y),
                2 => swap(approvals, y, usize::from(z)),
                _ => {
                    if let Some(j) = pick(approvals, y) {
                        approvals[j].reference = Some(format!("CBS {z}"));
                    }
                }
            }
        }
        21 => match z % 4 {
            0 => insert(
                &mut plan.allow,
                y,
                Allowance {
                    rule: "role-without-deputy".into(),
                    subject: Some(format!("roles/{}", fresh())),
                    reason: format!("Reden {z}"),
                    accepted_by: None,
                    until: None,
                },
            ),
            1 => remove(&mut plan.allow, y),
            2 => swap(&mut plan.allow, y, usize::from(z)),
            _ => {
                if let Some(j) = pick(&plan.allow, y) {
                    plan.allow[j].reason = format!("Andere reden {z}");
                }
            }
        },
        22 => match z % 3 {
            0 => insert(
                &mut plan.incidents,
                y,
                Incident {
                    id: id(IncidentId::new, fresh()),
                    date: Date::from_ymd(2025, 1 + z % 12, 2).expect("date"),
                    title: format!("Incident {z}"),
                    plan_activated: z % 2 == 0,
                    summary: None,
                },
            ),
            1 => remove(&mut plan.incidents, y),
            _ => plan.incidents.clear(),
        },
        23 => match z % 4 {
            0 => plan.activation.criteria.push(format!("criterium {y}")),
            1 => plan.activation.criteria.clear(),
            2 => plan.plan.title = format!("Plan {y}"),
            _ => swap(&mut plan.plan.contributors, x, y),
        },
        24 => match z % 8 {
            0 => swap(&mut plan.locations, x, y),
            1 => remove(&mut plan.locations, x),
            2 => swap(&mut plan.suppliers, x, y),
            3 => remove(&mut plan.suppliers, x),
            4 => swap(&mut plan.communication.audiences, x, y),
            5 => remove(&mut plan.communication.templates, x),
            6 => swap(&mut plan.risks, x, y),
            _ => remove(&mut plan.distribution, x),
        },
        25 => {
            if let Some(i) = pick(&plan.suppliers, x) {
                let contacts = &mut plan.suppliers[i].contacts;
                match z % 3 {
                    0 => {
                        if let Some(c) = contacts.first_mut() {
                            c.phone =
                                Some(Phone::new(format!("+32 14 {y:02} 00 00")).expect("phone"));
                        }
                    }
                    1 => contacts.reverse(),
                    _ => contacts.truncate(1),
                }
            }
        }
        26 => {
            if let Some(i) = pick(&plan.organisation.name.chars().collect::<Vec<_>>(), x) {
                plan.organisation.name = format!("Gemeente {i}{z}");
            } else {
                plan.organisation.address = Some(format!("Markt {y}"));
            }
        }
        27 if duplicates => {
            if let Some(i) = pick(&plan.services, x) {
                let copy = plan.services[i].clone();
                insert(&mut plan.services, y, copy);
            }
        }
        28 if duplicates => {
            if let Some(i) = pick(&plan.roles, x) {
                if let Some(first) = plan.roles[i].members.first().cloned() {
                    plan.roles[i].members.push(first);
                }
            }
        }
        _ => {}
    }
}

fn revision(base: &Plan, edits: &[Edit], prefix: &str, duplicates: bool) -> Plan {
    let mut plan = base.clone();
    let mut counter = 0;
    let mut fresh = || {
        counter += 1;
        format!("{prefix}{counter}")
    };
    for edit in edits {
        mutate(&mut plan, *edit, &mut fresh, duplicates);
    }
    plan
}

fn json<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("serializable")
}

/// What a naive comparison says changed, per section: keys added, removed and changed.
#[derive(Debug, Default, PartialEq, Eq)]
struct Entities {
    added: BTreeSet<(String, String)>,
    removed: BTreeSet<(String, String)>,
    changed: BTreeSet<(String, String)>,
    /// Single-object sections whose value differs.
    sections: BTreeSet<String>,
}

fn keyed<T: Serialize>(items: &[T], key: impl Fn(&T) -> String) -> Vec<(String, Value)> {
    items.iter().map(|item| (key(item), json(item))).collect()
}

fn collections(plan: &Plan) -> Vec<(Section, Vec<(String, Value)>)> {
    let by_id = |c: Collection| -> Vec<(String, Value)> {
        let items = json(plan);
        let mut at = &items;
        for part in c.name().split('.') {
            at = &at[part];
        }
        at.as_array()
            .map(|items| {
                items
                    .iter()
                    .map(|v| (v["id"].as_str().unwrap_or_default().to_owned(), v.clone()))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut out: Vec<(Section, Vec<(String, Value)>)> = Collection::ALL
        .into_iter()
        .map(|c| (Section::Collection(c), by_id(c)))
        .collect();
    out.push((
        Section::Approvals,
        keyed(&plan.plan.approvals, |a| a.version.clone()),
    ));
    out.push((
        Section::Allow,
        keyed(&plan.allow, |a| match &a.subject {
            Some(subject) => format!("{} {subject}", a.rule),
            None => a.rule.clone(),
        }),
    ));
    out
}

fn naive(a: &Plan, b: &Plan) -> Entities {
    let mut out = Entities::default();
    for ((section, old), (_, new)) in collections(a).into_iter().zip(collections(b)) {
        let old: BTreeMap<String, Value> = old.into_iter().collect();
        let new: BTreeMap<String, Value> = new.into_iter().collect();
        let name = section.name().to_owned();
        for (key, value) in &new {
            match old.get(key) {
                None => out.added.insert((name.clone(), key.clone())),
                Some(previous) if previous != value => {
                    out.changed.insert((name.clone(), key.clone()))
                }
                Some(_) => false,
            };
        }
        for key in old.keys().filter(|k| !new.contains_key(*k)) {
            out.removed.insert((name.clone(), key.clone()));
        }
    }
    let (mut va, mut vb) = (json(a), json(b));
    for v in [&mut va, &mut vb] {
        if let Some(plan) = v["plan"].as_object_mut() {
            plan.remove("approvals");
        }
    }
    for (key, section) in [
        ("format_version", "format"),
        ("organisation", "organisation"),
        ("plan", "plan"),
        ("activation", "activation"),
    ] {
        if va.get(key) != vb.get(key) {
            out.sections.insert(section.to_owned());
        }
    }
    out
}

fn reported(d: &Diff) -> Entities {
    let mut out = Entities::default();
    for change in &d.changes {
        let name = change.section.name().to_owned();
        let Some(depth) = change.section.entity_depth() else {
            out.sections.insert(name);
            continue;
        };
        let path = change.path.segments();
        let key = path.get(depth - 1).cloned().unwrap_or_default();
        match (&change.op, path.len() == depth) {
            (Op::Add { .. }, true) => out.added.insert((name, key)),
            (Op::Remove { .. }, true) => out.removed.insert((name, key)),
            (Op::Move { .. }, true) => false,
            _ => out.changed.insert((name, key)),
        };
    }
    out
}

/// The fewest moves that turn one order into the other, computed the slow way.
fn naive_moves(old: &[String], new: &[String]) -> usize {
    let position: HashMap<&str, usize> = new
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    let seq: Vec<usize> = old
        .iter()
        .filter_map(|k| position.get(k.as_str()).copied())
        .collect();
    let mut best = vec![1; seq.len()];
    for i in 0..seq.len() {
        for j in 0..i {
            if seq[j] < seq[i] {
                best[i] = best[i].max(best[j] + 1);
            }
        }
    }
    seq.len() - best.iter().copied().max().unwrap_or(0)
}

proptest! {
    // 256 cases by default; set PROPTEST_CASES for a longer run.
    #[test]
    fn a_plan_does_not_differ_from_itself(edits in edits(12)) {
        let a = revision(&base(), &edits, "a", true);
        prop_assert!(diff(&a, &a).is_empty());
    }

    #[test]
    fn the_diff_names_exactly_the_entities_that_differ(before in edits(12), after in edits(12)) {
        let a = revision(&base(), &before, "a", false);
        let b = revision(&a, &after, "b", false);
        let d = diff(&a, &b);
        prop_assert_eq!(reported(&d), naive(&a, &b));
        for ((section, old), (_, new)) in collections(&a).into_iter().zip(collections(&b)) {
            let keys = |items: Vec<(String, Value)>| items.into_iter().map(|(k, _)| k).collect::<Vec<_>>();
            let moves = d.changes.iter().filter(|c| c.section == section && matches!(c.op, Op::Move { .. })
                && Some(c.path.segments().len()) == section.entity_depth()).count();
            prop_assert_eq!(moves, naive_moves(&keys(old), &keys(new)), "moves in {}", section);
        }
    }

    #[test]
    fn plans_diff_like_their_json(before in edits(12), after in edits(12)) {
        let a = revision(&base(), &before, "a", true);
        let b = revision(&a, &after, "b", true);
        prop_assert_eq!(diff(&a, &b), diff_values(&json(&a), &json(&b)));
    }

    #[test]
    fn applying_the_diff_gives_the_new_plan(before in edits(12), after in edits(12)) {
        let a = revision(&base(), &before, "a", true);
        let b = revision(&a, &after, "b", true);
        let d = diff(&a, &b);
        let rebuilt = apply(&a, &d);
        prop_assert_eq!(rebuilt.as_ref().map(json), Ok(json(&b)));
        // The same on JSON values, without going through the model.
        prop_assert!(diff_values(&json(&b), &apply_value(&json(&a), &d).expect("applies")).is_empty());
    }

    #[test]
    fn the_diff_survives_a_json_round_trip(before in edits(12), after in edits(12)) {
        let a = revision(&base(), &before, "a", true);
        let b = revision(&a, &after, "b", true);
        let d = diff(&a, &b);
        let text = serde_json::to_string(&d).expect("serializes");
        let back: Diff = serde_json::from_str(&text).expect("deserializes");
        prop_assert_eq!(&back, &d);
        prop_assert_eq!(apply(&a, &back).map(|p| json(&p)), Ok(json(&b)));
    }

    #[test]
    fn the_reverse_diff_undoes_the_change(before in edits(8), after in edits(8)) {
        let a = revision(&base(), &before, "a", false);
        let b = revision(&a, &after, "b", false);
        let there = apply(&a, &diff(&a, &b)).expect("forward");
        let back = apply(&there, &diff(&b, &a)).expect("backward");
        prop_assert_eq!(json(&back), json(&a));
    }
}
