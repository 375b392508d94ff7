//! The generic part of the diff: walks two JSON values side by side and emits changes with
//! stable paths, using the shape table to match entities by key and to compare id lists as
//! sets. Linear in the size of the documents, apart from sorting moves (n log n).

use crate::hash::HashMap;

use serde_json::{Map, Value};

use super::items::{self, Item, Scratch};
use super::shape::{self, EntityList, ListKind};
use super::{Change, EntityRef, IdsDelta, MovedId, Op, Path, PlacedId, Section};

/// The changes from `a` to `b`, unclassified.
pub(crate) fn diff(a: &Value, b: &Value) -> Vec<Change> {
    let mut walker = Walker::default();
    if a != b {
        walker.value(a, b);
    }
    walker.out
}

/// Walks two documents side by side, keeping track of where it is.
#[derive(Debug, Default)]
pub(crate) struct Walker {
    path: Vec<String>,
    shape: String,
    section: Section,
    entity: Option<EntityRef>,
    scratch: Scratch,
    pub(crate) out: Vec<Change>,
}

impl Walker {
    fn emit(&mut self, op: Op) {
        self.out.push(Change {
            path: Path(self.path.clone()),
            section: self.section,
            entity: self.entity.clone(),
            op,
            impacts: Vec::new(),
        });
    }

    fn set(&mut self, old: Option<&Value>, new: Option<&Value>) {
        self.emit(Op::Set {
            old: old.cloned(),
            new: new.cloned(),
        });
    }

    /// Compares two values known to differ.
    fn value(&mut self, a: &Value, b: &Value) {
        match (a, b) {
            (Value::Object(a), Value::Object(b)) => self.object(a, b),
            (Value::Array(a), Value::Array(b)) => self.array(a, b),
            _ => self.set(Some(a), Some(b)),
        }
    }

    /// Fields in `b`'s order, then those only `a` has.
    fn object(&mut self, a: &Map<String, Value>, b: &Map<String, Value>) {
        for (key, new) in b {
            match a.get(key) {
                Some(old) if old == new => {}
                old => self.field(key, old, Some(new)),
            }
        }
        for (key, old) in a {
            if !b.contains_key(key) {
                self.field(key, Some(old), None);
            }
        }
    }

    /// Runs `body` inside field `key`.
    pub(crate) fn enter_field(&mut self, key: &str, body: impl FnOnce(&mut Self)) {
        let saved_section = self.section;
        let shape_len = self.shape.len();
        if self.path.is_empty() {
            self.section = Section::of_top_level(key);
        }
        if !self.shape.is_empty() {
            self.shape.push('.');
        }
        self.shape.push_str(key);
        self.path.push(key.to_owned());
        body(self);
        self.path.pop();
        self.shape.truncate(shape_len);
        self.section = saved_section;
    }

    /// Compares one field, present on at least one side.
    pub(crate) fn field(&mut self, key: &str, old: Option<&Value>, new: Option<&Value>) {
        self.enter_field(key, |w| match (old, new) {
            (Some(old), Some(new)) => w.value(old, new),
            // A list that is absent on one side is an empty list: adding the first dependency
            // or the first incident is an addition, not a replaced value.
            (None, Some(Value::Array(new))) if w.is_keyed_list() => w.array(&[], new),
            (Some(Value::Array(old)), None) if w.is_keyed_list() => w.array(old, &[]),
            _ => w.set(old, new),
        });
    }

    fn is_keyed_list(&self) -> bool {
        shape::list_kind(&self.shape) != ListKind::Whole
    }

    fn array(&mut self, a: &[Value], b: &[Value]) {
        match shape::list_kind(&self.shape) {
            ListKind::Entities(list) => self.entities(a, b, &list),
            ListKind::Ids { first_matters } => self.ids(a, b, first_matters),
            ListKind::Whole => self.whole(a, b),
        }
    }

    fn whole<E: Item>(&mut self, a: &[E], b: &[E]) {
        let list =
            |items: &[E]| Value::Array(items.iter().map(|x| x.json().into_owned()).collect());
        self.set(Some(&list(a)), Some(&list(b)));
    }

    /// Compares the keyed lists `a` and `b` (at the current field).
    pub(crate) fn entities<E: Item>(&mut self, a: &[E], b: &[E], list: &EntityList) {
        let saved_section = self.section;
        if let Some(section) = list.section {
            self.section = section;
        }
        let keyed = items::entity_keys(a, list.key).zip(items::entity_keys(b, list.key));
        let Some((keys_a, keys_b)) = keyed else {
            self.whole(a, b);
            self.section = saved_section;
            return;
        };
        let index_a: HashMap<&str, usize> = keys_a
            .iter()
            .enumerate()
            .map(|(i, k)| (k.as_ref(), i))
            .collect();
        let index_b: HashMap<&str, usize> = keys_b
            .iter()
            .enumerate()
            .map(|(j, k)| (k.as_ref(), j))
            .collect();

        for (i, key) in keys_a.iter().enumerate() {
            if !index_b.contains_key(key.as_ref()) {
                self.enter_entity(key, &a[i], list, |w| {
                    w.emit(Op::Remove {
                        value: a[i].json().into_owned(),
                    })
                });
            }
        }
        let stable = stable_positions(&keys_a, &index_b, b.len());
        for (j, key) in keys_b.iter().enumerate() {
            let after = j.checked_sub(1).map(|p| keys_b[p].to_string());
            match index_a.get(key.as_ref()) {
                None => self.enter_entity(key, &b[j], list, |w| {
                    w.emit(Op::Add {
                        value: b[j].json().into_owned(),
                        after,
                    })
                }),
                Some(&i) => self.enter_entity(key, &b[j], list, |w| {
                    if !stable[j] {
                        w.emit(Op::Move {
                            after,
                            from: i,
                            to: j,
                        });
                    }
                    if !a[i].same(&b[j], &mut w.scratch) {
                        w.value(&a[i].json(), &b[j].json());
                    }
                }),
            }
        }
        self.section = saved_section;
    }

    /// Runs `body` with the path (and, for top-level collections, the entity) set to one entity.
    fn enter_entity<E: Item>(
        &mut self,
        key: &str,
        item: &E,
        list: &EntityList,
        body: impl FnOnce(&mut Self),
    ) {
        let saved_entity = if list.section.is_some() {
            let entity = EntityRef {
                id: key.to_owned(),
                name: item.name(list),
            };
            self.entity.replace(entity)
        } else {
            self.entity.clone()
        };
        self.path.push(key.to_owned());
        body(self);
        self.path.pop();
        self.entity = saved_entity;
    }

    fn ids(&mut self, a: &[Value], b: &[Value], first_matters: bool) {
        let Some((keys_a, keys_b)) = shape::id_keys(a).zip(shape::id_keys(b)) else {
            return self.whole(a, b);
        };
        let index_a: HashMap<&str, usize> =
            keys_a.iter().enumerate().map(|(i, k)| (*k, i)).collect();
        let index_b: HashMap<&str, usize> =
            keys_b.iter().enumerate().map(|(j, k)| (*k, j)).collect();
        let mut delta = IdsDelta {
            removed: keys_a
                .iter()
                .filter(|k| !index_b.contains_key(*k))
                .map(|k| (*k).to_owned())
                .collect(),
            ..IdsDelta::default()
        };
        let stable = stable_positions(&keys_a, &index_b, b.len());
        for (j, id) in keys_b.iter().enumerate() {
            let after = j.checked_sub(1).map(|p| keys_b[p].to_owned());
            match index_a.get(id) {
                None => delta.added.push(PlacedId {
                    id: (*id).to_owned(),
                    after,
                }),
                Some(&from) if !stable[j] => delta.moved.push(MovedId {
                    id: (*id).to_owned(),
                    after,
                    from,
                    to: j,
                }),
                Some(_) => {}
            }
        }
        if first_matters && keys_a.first() != keys_b.first() {
            delta.first = Some(super::FirstChange {
                old: keys_a.first().map(|s| (*s).to_owned()),
                new: keys_b.first().map(|s| (*s).to_owned()),
            });
        }
        if !(delta.added.is_empty() && delta.removed.is_empty() && delta.moved.is_empty()) {
            self.emit(Op::Ids(delta));
        }
    }
}

/// For each position of `b`, whether its element keeps its place: the common elements in the
/// longest run that is in the same order in both lists. The others are the fewest moves that
/// turn `a`'s order into `b`'s.
fn stable_positions<K: AsRef<str>>(
    keys_a: &[K],
    index_b: &HashMap<&str, usize>,
    len_b: usize,
) -> Vec<bool> {
    let sequence: Vec<usize> = keys_a
        .iter()
        .filter_map(|k| index_b.get(k.as_ref()).copied())
        .collect();
    let mut stable = vec![false; len_b];
    for position in longest_increasing(&sequence) {
        if let Some(slot) = stable.get_mut(position) {
            *slot = true;
        }
    }
    stable
}

/// The values of a longest strictly increasing subsequence (patience sorting, n log n).
pub(crate) fn longest_increasing(sequence: &[usize]) -> Vec<usize> {
    // tails[k]: index in `sequence` of the smallest tail of an increasing run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; sequence.len()];
    for (i, &value) in sequence.iter().enumerate() {
        let k = tails.partition_point(|&t| sequence[t] < value);
        previous[i] = k.checked_sub(1).map(|p| tails[p]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut run = Vec::with_capacity(tails.len());
    let mut current = tails.last().copied();
    while let Some(i) = current {
        run.push(sequence[i]);
        current = previous[i];
    }
    run.reverse();
    run
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_increasing_run() {
        assert_eq!(longest_increasing(&[]), Vec::<usize>::new());
        assert_eq!(longest_increasing(&[0, 1, 2]), [0, 1, 2]);
        assert_eq!(longest_increasing(&[2, 1, 0]).len(), 1);
        assert_eq!(longest_increasing(&[3, 0, 1, 4, 2, 5]), [0, 1, 2, 5]);
    }
}
