//! How a change reads from JSON: one flat record whose `op` says which of its fields belong
//! to the change.
//!
//! Derived through `#[serde(flatten)]` and an `op`-tagged enum, serde first buffers every change
//! in a generic form and then reads it again; this reads it in one pass, and keeps the viewer's
//! WebAssembly (which reads every diff of a site) about 20 KB smaller. Writing stays derived.

use serde::Deserialize;
use serde_json::Value;

use super::{
    Change, EntityRef, FirstChange, IdsDelta, Impact, MovedId, Op, Path, PlacedId, Section, present,
};

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum Kind {
    Set,
    Add,
    Remove,
    Move,
    Ids,
}

/// Every field any kind of change has; `op` decides which are read.
#[derive(Deserialize)]
pub(super) struct ChangeRecord {
    path: Path,
    section: Section,
    #[serde(default)]
    entity: Option<EntityRef>,
    op: Kind,
    #[serde(default, deserialize_with = "present")]
    old: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    new: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    value: Option<Value>,
    #[serde(default)]
    after: Option<String>,
    #[serde(default)]
    from: Option<usize>,
    #[serde(default)]
    to: Option<usize>,
    #[serde(default)]
    added: Vec<PlacedId>,
    #[serde(default)]
    removed: Vec<String>,
    #[serde(default)]
    moved: Vec<MovedId>,
    #[serde(default)]
    first: Option<FirstChange>,
    #[serde(default)]
    impacts: Vec<Impact>,
}

impl TryFrom<ChangeRecord> for Change {
    type Error = String;

    fn try_from(r: ChangeRecord) -> Result<Change, String> {
        fn required<T>(field: Option<T>, name: &str, op: &str) -> Result<T, String> {
            field.ok_or_else(|| format!("missing field `{name}` of a change with op `{op}`"))
        }
        let op = match r.op {
            Kind::Set => Op::Set {
                old: r.old,
                new: r.new,
            },
            Kind::Add => Op::Add {
                value: required(r.value, "value", "add")?,
                after: r.after,
            },
            Kind::Remove => Op::Remove {
                value: required(r.value, "value", "remove")?,
            },
            Kind::Move => Op::Move {
                after: r.after,
                from: required(r.from, "from", "move")?,
                to: required(r.to, "to", "move")?,
            },
            Kind::Ids => Op::Ids(IdsDelta {
                added: r.added,
                removed: r.removed,
                moved: r.moved,
                first: r.first,
            }),
        };
        Ok(Change {
            path: r.path,
            section: r.section,
            entity: r.entity,
            op,
            impacts: r.impacts,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read(value: Value) -> Result<Change, String> {
        serde_json::from_value(value).map_err(|e| e.to_string())
    }

    #[test]
    fn each_kind_of_change_reads_back_what_was_written() {
        let base = json!({"path": ["services", "a"], "section": "services"});
        let ops = [
            json!({"op": "set", "old": "4h", "new": null}),
            json!({"op": "set", "new": "1d", "impacts": ["objective_tightened"]}),
            json!({"op": "add", "value": {"id": "a"}, "after": "b"}),
            json!({"op": "add", "value": null, "after": null}),
            json!({"op": "remove", "value": {"id": "a"}}),
            json!({"op": "move", "after": null, "from": 3, "to": 0}),
            json!({"op": "ids", "added": [{"id": "x", "after": null}], "removed": ["y"],
                   "moved": [{"id": "z", "after": "x", "from": 2, "to": 1}],
                   "first": {"old": "y", "new": "x"}}),
        ];
        for op in ops {
            let mut value = base.clone();
            value
                .as_object_mut()
                .expect("an object")
                .extend(op.as_object().expect("an object").clone());
            let change = read(value.clone()).unwrap_or_else(|e| panic!("{value}: {e}"));
            let written = serde_json::to_value(&change).expect("serializes");
            assert_eq!(written, value, "round trip");
        }
    }

    #[test]
    fn a_change_missing_what_its_op_needs_is_refused_by_name() {
        let change = |op: Value| {
            let mut value = json!({"path": [], "section": "services"});
            value
                .as_object_mut()
                .expect("an object")
                .extend(op.as_object().expect("an object").clone());
            read(value)
        };
        let err = change(json!({"op": "add"})).expect_err("no value");
        assert!(err.contains("`value`") && err.contains("`add`"), "{err}");
        let err = change(json!({"op": "move", "from": 1})).expect_err("no to");
        assert!(err.contains("`to`"), "{err}");
        let err = change(json!({"op": "rename"})).expect_err("no such op");
        assert!(err.contains("rename"), "{err}");
        let err = change(json!({"old": 1})).expect_err("no op");
        assert!(err.contains("`op`"), "{err}");
    }
}
