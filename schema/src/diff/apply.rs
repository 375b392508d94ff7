//! Replays a diff on the plan it was made from, so a revision can be rebuilt from the one
//! before it (the viewer stores one snapshot and a chain of diffs).
//!
//! Every change checks what it replaces (`old` values, removed entities, keys that must or
//! must not exist), so a diff applied to the wrong revision fails instead of producing a plan
//! nobody wrote. Changes are grouped by path level by level, so applying is linear in the
//! size of the plan plus the diff, whatever the order of the changes.

use crate::hash::{HashMap, HashMapExt as _, HashSet, HashSetExt as _};
use std::fmt;

use serde_json::{Map, Value};

use super::items::{self, Item};
use super::shape::{self, EntityList, ListKind};
use super::{Change, Diff, IdsDelta, Op, Path};
use crate::model::Plan;

/// Why a diff could not be applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplyError {
    /// Where it failed.
    pub path: Path,
    pub kind: ApplyErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApplyErrorKind {
    /// The value found is not the `old` value (or removed entity) the diff expects: the diff
    /// was made from another revision.
    Conflict,
    /// The path names a field or entity that does not exist.
    NotFound,
    /// An entity to add already exists.
    AlreadyExists,
    /// A list's entries cannot be matched by key (missing or repeated keys).
    NotKeyed,
    /// The diff contradicts itself (two changes to one place, an anchor that is never placed).
    Inconsistent,
    /// The result does not load as a plan.
    NotAPlan(String),
}

impl fmt::Display for ApplyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.path.0.is_empty() {
            "the root".to_owned()
        } else {
            format!("`{}`", self.path)
        };
        match &self.kind {
            ApplyErrorKind::Conflict => write!(
                f,
                "the diff does not fit this plan at {at}: the value there is not the one it was made from"
            ),
            ApplyErrorKind::NotFound => {
                write!(f, "the diff refers to {at}, which this plan does not have")
            }
            ApplyErrorKind::AlreadyExists => {
                write!(f, "the diff adds {at}, which this plan already has")
            }
            ApplyErrorKind::NotKeyed => write!(f, "the entries of {at} cannot be matched by key"),
            ApplyErrorKind::Inconsistent => write!(f, "the diff is inconsistent at {at}"),
            ApplyErrorKind::NotAPlan(why) => {
                write!(f, "applying the diff gives no valid plan: {why}")
            }
        }
    }
}

impl std::error::Error for ApplyError {}

pub(crate) type Result<T> = std::result::Result<T, ApplyError>;

pub(crate) fn fail<T>(path: &[String], kind: ApplyErrorKind) -> Result<T> {
    Err(ApplyError {
        path: Path(path.to_vec()),
        kind,
    })
}

/// Applies `diff` to plan `a`: `apply(&a, &diff(&a, &b)) == Ok(b)`.
pub fn apply(a: &Plan, diff: &Diff) -> Result<Plan> {
    apply_owned(a.clone(), diff)
}

/// Like [`apply`], consuming the plan (saves a copy when rebuilding a chain of revisions).
/// Only entities the diff touches go through JSON.
pub fn apply_owned(mut plan: Plan, diff: &Diff) -> Result<Plan> {
    let changes: Vec<&Change> = diff.changes.iter().collect();
    super::typed::apply_plan(&mut plan, &changes)?;
    Ok(plan)
}

/// Applies `diff` to a JSON document. The result equals the document the diff was made to,
/// except that a keyed list or id list may be `[]` where that document left it out (the diff
/// treats an absent list as empty; both load as the same plan).
pub fn apply_value(a: &Value, diff: &Diff) -> Result<Value> {
    apply_value_owned(a.clone(), diff)
}

/// Like [`apply_value`], consuming the document. The viewer rebuilds revisions this way: it
/// needs no typed patching code, which keeps its WebAssembly small.
pub fn apply_value_owned(mut value: Value, diff: &Diff) -> Result<Value> {
    let changes: Vec<&Change> = diff.changes.iter().collect();
    apply_at(&mut value, "", 0, &changes)?;
    Ok(value)
}

/// Applies `changes`, whose paths all lead through `value` (at path depth `depth`).
pub(crate) fn apply_at(
    value: &mut Value,
    shape: &str,
    depth: usize,
    changes: &[&Change],
) -> Result<()> {
    let (terminal, deeper): (Vec<&Change>, Vec<&Change>) =
        changes.iter().partition(|c| c.path.0.len() == depth);
    if let Some(change) = terminal.first() {
        let path = &change.path.0;
        if terminal.len() > 1 || !deeper.is_empty() {
            return fail(path, ApplyErrorKind::Inconsistent);
        }
        return match &change.op {
            Op::Set { old, new } => {
                if old.as_ref() != Some(value) {
                    return fail(path, ApplyErrorKind::Conflict);
                }
                match new {
                    Some(new) => *value = new.clone(),
                    None => return fail(path, ApplyErrorKind::Inconsistent),
                }
                Ok(())
            }
            Op::Ids(delta) => match value {
                Value::Array(items) => apply_ids(items, delta, path),
                _ => fail(path, ApplyErrorKind::NotFound),
            },
            Op::Add { .. } | Op::Remove { .. } | Op::Move { .. } => {
                fail(path, ApplyErrorKind::Inconsistent)
            }
        };
    }
    if deeper.is_empty() {
        return Ok(());
    }
    match value {
        Value::Object(map) => apply_object(map, shape, depth, &deeper),
        Value::Array(items) => match shape::list_kind(shape) {
            ListKind::Entities(list) => apply_entities(items, &list, shape, depth, &deeper),
            _ => fail(&deeper[0].path.0[..depth], ApplyErrorKind::NotFound),
        },
        _ => fail(&deeper[0].path.0[..depth], ApplyErrorKind::NotFound),
    }
}

/// Groups changes by their path segment at `depth`, keeping the order of first appearance.
pub(crate) fn group<'c>(changes: &[&'c Change], depth: usize) -> Vec<(&'c str, Vec<&'c Change>)> {
    let mut groups: Vec<(&str, Vec<&Change>)> = Vec::new();
    let mut slots: HashMap<&str, usize> = HashMap::new();
    for change in changes {
        // Callers only pass changes longer than `depth`.
        let Some(segment) = change.path.0.get(depth) else {
            continue;
        };
        let slot = *slots.entry(segment.as_str()).or_insert_with(|| {
            groups.push((segment.as_str(), Vec::new()));
            groups.len() - 1
        });
        groups[slot].1.push(change);
    }
    groups
}

pub(crate) fn apply_object(
    map: &mut Map<String, Value>,
    shape: &str,
    depth: usize,
    changes: &[&Change],
) -> Result<()> {
    for (field, changes) in group(changes, depth) {
        let path = &changes[0].path.0[..=depth];
        if let [change] = changes.as_slice() {
            if let (true, Op::Set { old, new }) = (change.path.0.len() == depth + 1, &change.op) {
                if map.get(field) != old.as_ref() {
                    return fail(path, ApplyErrorKind::Conflict);
                }
                match new {
                    Some(new) => map.insert(field.to_owned(), new.clone()),
                    None => map.shift_remove(field),
                };
                continue;
            }
        }
        let child_shape = shape::child(shape, field);
        match map.get_mut(field) {
            Some(child) => apply_at(child, &child_shape, depth + 1, &changes)?,
            None if shape::list_kind(&child_shape) != ListKind::Whole => {
                // An absent list is an empty one (see `value::Walker::field`).
                let mut list = Value::Array(Vec::new());
                apply_at(&mut list, &child_shape, depth + 1, &changes)?;
                if list.as_array().is_some_and(|l| !l.is_empty()) {
                    map.insert(field.to_owned(), list);
                }
            }
            None => return fail(path, ApplyErrorKind::NotFound),
        }
    }
    Ok(())
}

/// Where an entity or id goes when a list is rebuilt.
enum Placement<E> {
    /// An entry of the current list, by index.
    Existing(usize),
    /// A new entry with its key.
    New(String, E),
}

/// Applies changes at `depth` and below to a keyed list, including a change of the whole
/// list (made when its entries have no usable keys).
pub(crate) fn apply_list<E: Item>(
    items: &mut Vec<E>,
    list: &EntityList,
    shape: &str,
    depth: usize,
    changes: &[&Change],
) -> Result<()> {
    let (terminal, deeper): (Vec<&Change>, Vec<&Change>) =
        changes.iter().partition(|c| c.path.0.len() == depth);
    let Some(change) = terminal.first() else {
        return apply_entities(items, list, shape, depth, &deeper);
    };
    let path = &change.path.0;
    if terminal.len() > 1 || !deeper.is_empty() {
        return fail(path, ApplyErrorKind::Inconsistent);
    }
    let Op::Set {
        old: Some(old),
        new: Some(Value::Array(new)),
    } = &change.op
    else {
        return fail(path, ApplyErrorKind::Inconsistent);
    };
    let current: Vec<Value> = items.iter().map(|item| item.json().into_owned()).collect();
    if old.as_array() != Some(&current) {
        return fail(path, ApplyErrorKind::Conflict);
    }
    let invalid = |why| ApplyError {
        path: Path(path.clone()),
        kind: ApplyErrorKind::NotAPlan(why),
    };
    *items = new
        .iter()
        .map(|v| E::from_json(v.clone()).map_err(invalid))
        .collect::<Result<_>>()?;
    Ok(())
}

fn apply_entities<E: Item>(
    items: &mut Vec<E>,
    list: &EntityList,
    shape: &str,
    depth: usize,
    changes: &[&Change],
) -> Result<()> {
    let Some(first) = changes.first() else {
        return Ok(());
    };
    let list_path = &first.path.0[..depth];
    let Some(keys) = items::entity_keys(items, list.key) else {
        return fail(list_path, ApplyErrorKind::NotKeyed);
    };
    let keys: Vec<String> = keys.into_iter().map(|k| k.into_owned()).collect();
    let index: HashMap<&str, usize> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    let mut removed: HashSet<usize> = HashSet::new();
    let mut placements: HashMap<Option<String>, Placement<E>> = HashMap::new();
    for (key, changes) in group(changes, depth) {
        let path = &changes[0].path.0[..=depth];
        let invalid = |why| ApplyError {
            path: Path(path.to_vec()),
            kind: ApplyErrorKind::NotAPlan(why),
        };
        let (terminal, deeper): (Vec<&Change>, Vec<&Change>) =
            changes.iter().partition(|c| c.path.0.len() == depth + 1);
        if terminal.len() > 1 {
            return fail(path, ApplyErrorKind::Inconsistent);
        }
        let found = index.get(key).copied();
        match terminal.first().map(|c| &c.op) {
            None => {}
            Some(Op::Add { value, after }) => {
                if found.is_some() {
                    return fail(path, ApplyErrorKind::AlreadyExists);
                }
                if !deeper.is_empty() {
                    return fail(path, ApplyErrorKind::Inconsistent);
                }
                let item = E::from_json(value.clone()).map_err(invalid)?;
                place(
                    &mut placements,
                    after,
                    Placement::New(key.to_owned(), item),
                    path,
                )?;
            }
            Some(Op::Remove { value }) => {
                let Some(i) = found else {
                    return fail(path, ApplyErrorKind::NotFound);
                };
                if !deeper.is_empty() {
                    return fail(path, ApplyErrorKind::Inconsistent);
                }
                if *items[i].json() != *value {
                    return fail(path, ApplyErrorKind::Conflict);
                }
                removed.insert(i);
            }
            Some(Op::Move { after, .. }) => {
                let Some(i) = found else {
                    return fail(path, ApplyErrorKind::NotFound);
                };
                place(&mut placements, after, Placement::Existing(i), path)?;
            }
            Some(Op::Set { .. } | Op::Ids(_)) => return fail(path, ApplyErrorKind::Inconsistent),
        }
        if !deeper.is_empty() {
            let Some(i) = found else {
                return fail(path, ApplyErrorKind::NotFound);
            };
            items[i].edit(|value| apply_at(value, shape, depth + 1, &deeper), invalid)?;
        }
    }
    if !removed.is_empty() || !placements.is_empty() {
        *items = rebuild(
            std::mem::take(items),
            &keys,
            &removed,
            placements,
            list_path,
        )?;
    }
    Ok(())
}

fn place<E>(
    placements: &mut HashMap<Option<String>, Placement<E>>,
    after: &Option<String>,
    placement: Placement<E>,
    path: &[String],
) -> Result<()> {
    // Each entry has one predecessor in the new list, so two entries cannot follow the same one.
    if placements.insert(after.clone(), placement).is_some() {
        return fail(path, ApplyErrorKind::Inconsistent);
    }
    Ok(())
}

fn apply_ids(items: &mut Vec<Value>, delta: &IdsDelta, path: &[String]) -> Result<()> {
    let Some(keys) = shape::id_keys(items) else {
        return fail(path, ApplyErrorKind::NotKeyed);
    };
    let keys: Vec<String> = keys.into_iter().map(str::to_owned).collect();
    let index: HashMap<&str, usize> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    let mut removed = HashSet::new();
    let mut placements = HashMap::new();
    for id in &delta.removed {
        let Some(&i) = index.get(id.as_str()) else {
            return fail(path, ApplyErrorKind::NotFound);
        };
        if !removed.insert(i) {
            return fail(path, ApplyErrorKind::Inconsistent);
        }
    }
    for moved in &delta.moved {
        let Some(&i) = index.get(moved.id.as_str()) else {
            return fail(path, ApplyErrorKind::NotFound);
        };
        place(&mut placements, &moved.after, Placement::Existing(i), path)?;
    }
    for added in &delta.added {
        if index.contains_key(added.id.as_str()) {
            return fail(path, ApplyErrorKind::AlreadyExists);
        }
        place(
            &mut placements,
            &added.after,
            Placement::New(added.id.clone(), Value::String(added.id.clone())),
            path,
        )?;
    }
    *items = rebuild(std::mem::take(items), &keys, &removed, placements, path)?;
    Ok(())
}

/// Rebuilds a list: entries neither removed nor moved keep their order; each moved or added
/// entry goes right after its anchor, which is either such a kept entry or an entry placed
/// before it (anchors always name the predecessor in the new list).
fn rebuild<E>(
    items: Vec<E>,
    keys: &[String],
    removed: &HashSet<usize>,
    placements: HashMap<Option<String>, Placement<E>>,
    path: &[String],
) -> Result<Vec<E>> {
    let moved: HashSet<usize> = placements
        .values()
        .filter_map(|p| match p {
            Placement::Existing(i) => Some(*i),
            Placement::New(..) => None,
        })
        .collect();
    if moved.iter().any(|i| removed.contains(i)) {
        return fail(path, ApplyErrorKind::Inconsistent);
    }
    let mut state = Rebuild {
        slots: items.into_iter().map(Some).collect(),
        keys,
        placements,
        out: Vec::new(),
        path,
    };
    state.follow(None)?;
    for (i, key) in keys.iter().enumerate() {
        if removed.contains(&i) || moved.contains(&i) {
            continue;
        }
        let Some(value) = state.slots[i].take() else {
            return fail(path, ApplyErrorKind::Inconsistent);
        };
        state.out.push(value);
        state.follow(Some(key.clone()))?;
    }
    if !state.placements.is_empty() {
        // An anchor that names no entry of the new list.
        return fail(path, ApplyErrorKind::NotFound);
    }
    Ok(state.out)
}

struct Rebuild<'a, E> {
    slots: Vec<Option<E>>,
    keys: &'a [String],
    placements: HashMap<Option<String>, Placement<E>>,
    out: Vec<E>,
    path: &'a [String],
}

impl<E> Rebuild<'_, E> {
    /// Appends the chain of entries placed after `anchor`, each after the one before.
    fn follow(&mut self, mut anchor: Option<String>) -> Result<()> {
        // Every step removes one placement, so this ends.
        while let Some(placement) = self.placements.remove(&anchor) {
            let (key, value) = match placement {
                Placement::Existing(i) => match (
                    self.keys.get(i),
                    self.slots.get_mut(i).and_then(Option::take),
                ) {
                    (Some(key), Some(value)) => (key.clone(), value),
                    _ => return fail(self.path, ApplyErrorKind::Inconsistent),
                },
                Placement::New(key, value) => (key, value),
            };
            self.out.push(value);
            anchor = Some(key);
        }
        Ok(())
    }
}
