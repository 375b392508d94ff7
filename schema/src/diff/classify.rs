//! Reads the generic changes as a reviewer would: which loosen or tighten recovery objectives,
//! touch the crisis team, weaken or strengthen backups and redundancy, or change a supplier's
//! emergency contacts.
//!
//! It interprets paths (`services/<id>/rto`) against both plans, so that a change to a
//! person's phone counts when that person is in the crisis team before or after the change.

use crate::hash::{HashSet, HashSetExt as _};
use std::cmp::Ordering;

use serde_json::Value;

use super::{Change, IdsDelta, Impact, Op, Section};
use crate::model::{Plan, Redundancy};
use crate::references::Collection;
use crate::types::Duration;

/// Who and what make up the crisis team in either plan.
pub(crate) struct CrisisTeam<'p> {
    roles: HashSet<&'p str>,
    people: HashSet<&'p str>,
}

impl<'p> CrisisTeam<'p> {
    pub(crate) fn of_plans(plans: [&'p Plan; 2]) -> Self {
        let mut team = CrisisTeam {
            roles: HashSet::new(),
            people: HashSet::new(),
        };
        for role in plans
            .iter()
            .flat_map(|p| &p.roles)
            .filter(|r| r.crisis_team)
        {
            team.roles.insert(role.id.as_str());
            team.people.extend(role.members.iter().map(|m| m.as_str()));
        }
        team
    }

    pub(crate) fn of_values(plans: [&'p Value; 2]) -> Self {
        let mut team = CrisisTeam {
            roles: HashSet::new(),
            people: HashSet::new(),
        };
        for plan in plans {
            let roles = plan
                .get("roles")
                .and_then(Value::as_array)
                .map(Vec::as_slice)
                .unwrap_or_default();
            for role in roles.iter().filter(|r| is_crisis_role(r)) {
                if let Some(id) = role.get("id").and_then(Value::as_str) {
                    team.roles.insert(id);
                }
                let members = role
                    .get("members")
                    .and_then(Value::as_array)
                    .map(Vec::as_slice)
                    .unwrap_or_default();
                team.people.extend(members.iter().filter_map(Value::as_str));
            }
        }
        team
    }
}

fn is_crisis_role(role: &Value) -> bool {
    role.get("crisis_team").and_then(Value::as_bool) == Some(true)
}

/// Fills in the impacts of each change.
pub(crate) fn classify(changes: &mut [Change], team: CrisisTeam<'_>) {
    for change in changes.iter_mut() {
        change.impacts = impacts(change, &team);
    }
}

fn impacts(change: &Change, team: &CrisisTeam<'_>) -> Vec<Impact> {
    let Some(depth) = change.section.entity_depth() else {
        return Vec::new();
    };
    let path = change.path.segments();
    let Some(key) = path.get(depth - 1) else {
        return Vec::new();
    };
    let field: Vec<&str> = path[depth..].iter().map(String::as_str).collect();
    let mut out = Vec::new();
    match (change.section, field.as_slice(), &change.op) {
        (Section::Collection(Collection::Services), [objective], Op::Set { old, new }) => {
            let order = match *objective {
                "rto" | "rpo" | "mtd" | "wrt" => {
                    compare(old.as_ref(), new.as_ref(), duration_minutes)
                }
                "priority" => compare(old.as_ref(), new.as_ref(), Value::as_u64),
                _ => None,
            };
            // Absent objectives promise nothing, so dropping one loosens and setting one tightens.
            out.extend(
                order.and_then(|o| pick(o, Impact::ObjectiveLoosened, Impact::ObjectiveTightened)),
            );
        }
        (Section::Collection(Collection::Systems), ["redundancy"], Op::Set { old, new }) => {
            let order = compare(old.as_ref(), new.as_ref(), |v| {
                serde_json::from_value::<Redundancy>(v.clone()).ok()
            });
            out.extend(order.and_then(|o| {
                pick(
                    o.reverse(),
                    Impact::RedundancyLowered,
                    Impact::RedundancyRaised,
                )
            }));
        }
        (Section::Collection(Collection::Systems), ["backup", rest @ ..], Op::Set { old, new }) => {
            backup_impacts(rest, old.as_ref(), new.as_ref(), &mut out);
        }
        (Section::Collection(Collection::Roles), ["members"], op)
            if team.roles.contains(key.as_str()) =>
        {
            members_impacts(op, &mut out);
        }
        (Section::Collection(Collection::Roles), ["crisis_team"], Op::Set { .. }) => {
            out.push(Impact::CrisisTeamChanged)
        }
        (
            Section::Collection(Collection::Roles),
            [],
            Op::Add { value, .. } | Op::Remove { value },
        ) if is_crisis_role(value) => {
            out.push(Impact::CrisisTeamChanged);
        }
        (Section::Collection(Collection::People), ["phones" | "email" | "name", ..], _)
            if team.people.contains(key.as_str()) =>
        {
            out.push(Impact::CrisisContactChanged);
        }
        (Section::Collection(Collection::Suppliers), ["contacts"], Op::Set { old, new })
            if emergency_contacts(old.as_ref()) != emergency_contacts(new.as_ref()) =>
        {
            out.push(Impact::SupplierEmergencyContactChanged);
        }
        _ => {}
    }
    out
}

/// Loosened when the value grows (`Greater`), tightened when it shrinks.
fn pick(order: Ordering, grows: Impact, shrinks: Impact) -> Option<Impact> {
    match order {
        Ordering::Greater => Some(grows),
        Ordering::Less => Some(shrinks),
        Ordering::Equal => None,
    }
}

/// How `new` compares with `old`, where an absent value counts as larger than any present one
/// (no objective, no limit). `None` when a present value cannot be read.
fn compare<T: Ord>(
    old: Option<&Value>,
    new: Option<&Value>,
    read: impl Fn(&Value) -> Option<T>,
) -> Option<Ordering> {
    let read = |v: Option<&Value>| v.map(&read).map_or(Some(None), |x| x.map(Some));
    let (old, new) = (read(old)?, read(new)?);
    Some(match (old, new) {
        (Some(old), Some(new)) => new.cmp(&old),
        (Some(_), None) => Ordering::Greater,
        (None, Some(_)) => Ordering::Less,
        (None, None) => Ordering::Equal,
    })
}

fn duration_minutes(value: &Value) -> Option<u64> {
    value
        .as_str()?
        .parse::<Duration>()
        .ok()
        .map(Duration::as_minutes)
}

/// What protects data in a backup, as far as comparison goes.
struct BackupStrength {
    frequency: Option<u64>,
    retention: Option<u64>,
    offline: bool,
    immutable: bool,
}

impl BackupStrength {
    fn of(backup: &Value) -> Self {
        let flag = |name: &str| backup.get(name).and_then(Value::as_bool).unwrap_or(false);
        BackupStrength {
            frequency: backup.get("frequency").and_then(duration_minutes),
            retention: backup.get("retention").and_then(duration_minutes),
            offline: flag("offline_copy"),
            immutable: flag("immutable_copy"),
        }
    }
}

/// Impacts of a change at `backup` (`field` empty) or one of its fields.
fn backup_impacts(field: &[&str], old: Option<&Value>, new: Option<&Value>, out: &mut Vec<Impact>) {
    let mut weaker = false;
    let mut stronger = false;
    let mut note = |order: Option<Ordering>| match order {
        Some(Ordering::Less) => weaker = true,
        Some(Ordering::Greater) => stronger = true,
        _ => {}
    };
    let flag = |v: Option<&Value>| v.and_then(Value::as_bool).unwrap_or(false);
    match field {
        [] => match (old, new) {
            (Some(_), None) => note(Some(Ordering::Less)),
            (None, Some(_)) => note(Some(Ordering::Greater)),
            (Some(old), Some(new)) => {
                let (old, new) = (BackupStrength::of(old), BackupStrength::of(new));
                // A longer interval loses more data; a shorter retention keeps fewer restore points.
                note(old.frequency.zip(new.frequency).map(|(o, n)| o.cmp(&n)));
                note(old.retention.zip(new.retention).map(|(o, n)| n.cmp(&o)));
                note(Some(new.offline.cmp(&old.offline)));
                note(Some(new.immutable.cmp(&old.immutable)));
            }
            (None, None) => {}
        },
        ["frequency"] => note(compare(old, new, duration_minutes).map(Ordering::reverse)),
        ["retention"] => note(
            old.and_then(duration_minutes)
                .zip(new.and_then(duration_minutes))
                .map(|(o, n)| n.cmp(&o)),
        ),
        ["offline_copy" | "immutable_copy"] => note(Some(flag(new).cmp(&flag(old)))),
        _ => {}
    }
    if weaker {
        out.push(Impact::BackupWeakened);
    }
    if stronger {
        out.push(Impact::BackupStrengthened);
    }
}

/// A change of primary is reported as such; other membership changes of a crisis-team role
/// (a deputy added, removed or reordered) as a crisis-team change.
fn members_impacts(op: &Op, out: &mut Vec<Impact>) {
    match op {
        Op::Ids(IdsDelta {
            added,
            removed,
            moved,
            first,
        }) => {
            let in_first = |id: &str| {
                first
                    .as_ref()
                    .is_some_and(|f| f.old.as_deref() == Some(id) || f.new.as_deref() == Some(id))
            };
            if first.is_some() {
                out.push(Impact::CrisisTeamPrimaryChanged);
            }
            let others = added
                .iter()
                .map(|p| p.id.as_str())
                .chain(removed.iter().map(String::as_str))
                .chain(moved.iter().map(|m| m.id.as_str()));
            if others.filter(|id| !in_first(id)).count() > 0 {
                out.push(Impact::CrisisTeamChanged);
            }
        }
        Op::Set { old, new } => {
            let first = |v: &Option<Value>| v.as_ref().and_then(|v| v.get(0)).cloned();
            if first(old) != first(new) {
                out.push(Impact::CrisisTeamPrimaryChanged);
            }
            out.push(Impact::CrisisTeamChanged);
        }
        Op::Add { .. } | Op::Remove { .. } | Op::Move { .. } => out.push(Impact::CrisisTeamChanged),
    }
}

/// The emergency contacts among a supplier's contacts, in order.
fn emergency_contacts(contacts: Option<&Value>) -> Vec<&Value> {
    let contacts = contacts
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    contacts
        .iter()
        .filter(|c| c.get("emergency").and_then(Value::as_bool) == Some(true))
        .collect()
}
