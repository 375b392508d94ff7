//! The entries of a keyed list as the diff sees them: JSON values, or the model's typed
//! entities. Typed entities let a plan of 20,000 systems be compared without turning every
//! unchanged system into a JSON tree; only entities that differ are converted.

use crate::hash::{HashMap, HashMapExt as _, HashSet, HashSetExt as _};
use std::borrow::Cow;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::shape::{EntityList, KeyRule};
use crate::model::*;

/// Reusable buffers for comparing serializations.
#[derive(Debug, Default)]
pub(crate) struct Scratch(Vec<u8>, Vec<u8>);

/// One entry of a keyed list.
pub(crate) trait Item: Sized {
    /// The key as written (before occurrence suffixes), or `None` when the entry has none.
    fn raw_key(&self, rule: KeyRule) -> Option<Cow<'_, str>>;
    /// The name shown in labels.
    fn name(&self, list: &EntityList) -> Option<String>;
    /// The entry as JSON, exactly as the plan file holds it.
    fn json(&self) -> Cow<'_, Value>;
    /// Whether two entries are the same, down to how durations are written.
    fn same(&self, other: &Self, scratch: &mut Scratch) -> bool;
    /// Changes the entry through its JSON form.
    fn edit<E>(
        &mut self,
        edit: impl FnOnce(&mut Value) -> Result<(), E>,
        invalid: impl FnOnce(String) -> E,
    ) -> Result<(), E>;
    /// The entry from JSON (for additions).
    fn from_json(value: Value) -> Result<Self, String>;
}

impl Item for Value {
    fn raw_key(&self, rule: KeyRule) -> Option<Cow<'_, str>> {
        match rule {
            KeyRule::Field(field) => self.get(field)?.as_str().map(Cow::Borrowed),
            KeyRule::RuleSubject => {
                let rule = self.get("rule")?.as_str()?;
                match self.get("subject") {
                    None => Some(Cow::Borrowed(rule)),
                    Some(subject) => Some(Cow::Owned(format!("{rule} {}", subject.as_str()?))),
                }
            }
        }
    }

    fn name(&self, list: &EntityList) -> Option<String> {
        self.get(list.name?)?.as_str().map(str::to_owned)
    }

    fn json(&self) -> Cow<'_, Value> {
        Cow::Borrowed(self)
    }

    fn same(&self, other: &Self, _: &mut Scratch) -> bool {
        self == other
    }

    fn edit<E>(
        &mut self,
        edit: impl FnOnce(&mut Value) -> Result<(), E>,
        _: impl FnOnce(String) -> E,
    ) -> Result<(), E> {
        edit(self)
    }

    fn from_json(value: Value) -> Result<Self, String> {
        Ok(value)
    }
}

/// A typed entity's key and name.
pub(crate) trait Keyed {
    fn key(&self) -> &str;
    fn title(&self) -> Option<&str>;
}

impl<T: Keyed + Serialize + DeserializeOwned + PartialEq> Item for T {
    fn raw_key(&self, _: KeyRule) -> Option<Cow<'_, str>> {
        Some(Cow::Borrowed(self.key()))
    }

    fn name(&self, _: &EntityList) -> Option<String> {
        self.title().map(str::to_owned)
    }

    fn json(&self) -> Cow<'_, Value> {
        // Serializing the model cannot fail (string keys, infallible value types).
        Cow::Owned(serde_json::to_value(self).unwrap_or(Value::Null))
    }

    fn same(&self, other: &Self, scratch: &mut Scratch) -> bool {
        // Compared as written, not with `==`: the model treats `24h` and `1d` as equal, the
        // file and the diff do not. Equal text means equal entities, so one pass suffices.
        scratch.0.clear();
        scratch.1.clear();
        serde_json::to_writer(&mut scratch.0, self).is_ok()
            && serde_json::to_writer(&mut scratch.1, other).is_ok()
            && scratch.0 == scratch.1
    }

    fn edit<E>(
        &mut self,
        edit: impl FnOnce(&mut Value) -> Result<(), E>,
        invalid: impl FnOnce(String) -> E,
    ) -> Result<(), E> {
        let mut value = self.json().into_owned();
        edit(&mut value)?;
        *self = T::from_json(value).map_err(invalid)?;
        Ok(())
    }

    fn from_json(value: Value) -> Result<Self, String> {
        serde_json::from_value(value).map_err(|e| e.to_string())
    }
}

macro_rules! keyed {
    ($($t:ty => $name:ident;)*) => {$(
        impl Keyed for $t {
            fn key(&self) -> &str {
                self.id.as_str()
            }
            fn title(&self) -> Option<&str> {
                keyed!(@title self $name)
            }
        }
    )*};
    (@title $self:ident none) => { None };
    (@title $self:ident $name:ident) => { Some($self.$name.as_str()) };
}

keyed! {
    Person => name;
    Role => name;
    Service => name;
    System => name;
    Supplier => name;
    Location => name;
    Scenario => name;
    Risk => title;
    PlanCopy => none;
    ExerciseSchedule => none;
    Exercise => title;
    Action => title;
    Incident => title;
}

/// The keys of a list's entries, in order, or `None` when some entry has no key or keys
/// cannot be made unique. Repeated keys get an occurrence suffix (`x`, `x#2`, `x#3`).
pub(crate) fn entity_keys<E: Item>(items: &[E], rule: KeyRule) -> Option<Vec<Cow<'_, str>>> {
    let mut keys = Vec::with_capacity(items.len());
    for item in items {
        keys.push(item.raw_key(rule)?);
    }
    let mut seen: HashSet<&str> = HashSet::with_capacity(keys.len());
    if keys.iter().all(|k| seen.insert(k)) {
        return Some(keys);
    }
    // Keyed by `&str` like the maps of `value.rs`, so the viewer's WebAssembly holds one copy
    // of the hash map's code for both.
    let mut occurrences: HashMap<&str, usize> = HashMap::new();
    let keys: Vec<Cow<'_, str>> = keys
        .iter()
        .map(|key| {
            let n = occurrences.entry(key).or_insert(0);
            *n += 1;
            if *n == 1 {
                key.clone()
            } else {
                Cow::Owned(format!("{key}#{n}"))
            }
        })
        .collect();
    let mut seen: HashSet<&str> = HashSet::with_capacity(keys.len());
    keys.iter().all(|k| seen.insert(k)).then_some(keys)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn repeated_keys_get_occurrence_suffixes() {
        let items = vec![
            json!({"id": "a"}),
            json!({"id": "b"}),
            json!({"id": "a"}),
            json!({"id": "a"}),
        ];
        let keys = entity_keys(&items, KeyRule::Field("id")).expect("keyable");
        assert_eq!(keys, ["a", "b", "a#2", "a#3"]);
        let clash = vec![json!({"id": "a"}), json!({"id": "a"}), json!({"id": "a#2"})];
        assert_eq!(entity_keys(&clash, KeyRule::Field("id")), None);
        assert_eq!(
            entity_keys(&[json!({"name": "x"})], KeyRule::Field("id")),
            None
        );
    }

    #[test]
    fn allowances_are_keyed_by_rule_and_subject() {
        let items = vec![
            json!({"rule": "a"}),
            json!({"rule": "a", "subject": "systems/x"}),
        ];
        let keys = entity_keys(&items, KeyRule::RuleSubject).expect("keyable");
        assert_eq!(keys, ["a", "a systems/x"]);
    }

    #[test]
    fn typed_entities_are_compared_as_written() {
        let mut scratch = Scratch::default();
        let a: Service = serde_json::from_value(
            json!({"id": "s", "name": "S", "criticality": "low", "rto": "24h"}),
        )
        .expect("service");
        let mut b = a.clone();
        b.rto = Some(crate::types::Duration::days(1));
        assert_eq!(a, b, "the model sees no difference");
        assert!(!a.same(&b, &mut scratch), "the diff does");
        assert!(a.same(&a.clone(), &mut scratch));
    }
}
