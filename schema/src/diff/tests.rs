//! Unit tests of the diff: matching by key, moves, id sets, nested entities, each impact,
//! labels, the summary line, the stored JSON shape, apply's checks and findings deltas.

use serde_json::{Value, json};

use super::fixture::{base, base_value};
use super::*;
use crate::types::Date;

/// The diff from the base plan to the base plan edited by `edit` (on its JSON).
fn edited(edit: impl FnOnce(&mut Value)) -> (Plan, Plan, Diff) {
    let a = base();
    let mut value = base_value();
    edit(&mut value);
    let b: Plan = serde_json::from_value(value).expect("still a plan");
    let d = diff(&a, &b);
    assert_eq!(
        apply(&a, &d).as_ref(),
        Ok(&b),
        "apply must rebuild the edited plan"
    );
    (a, b, d)
}

fn labels(d: &Diff) -> Vec<String> {
    d.changes.iter().map(Change::label).collect()
}

fn impacts(d: &Diff) -> Vec<Impact> {
    d.impacts().collect()
}

fn paths(d: &Diff) -> Vec<String> {
    d.changes.iter().map(|c| c.path.to_string()).collect()
}

#[test]
fn the_fast_path_knows_every_top_level_field_in_order() {
    let mut plan = base();
    plan.schema = Some("plan.schema.json".into());
    let value = serde_json::to_value(&plan).expect("serializes");
    let keys: Vec<&str> = value
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, super::typed::FIELDS);
}

#[test]
fn identical_plans_have_no_changes() {
    let d = diff(&base(), &base());
    assert!(d.is_empty());
    assert_eq!(d.summary().to_string(), "no changes");
}

#[test]
fn loosened_rto_is_labelled_and_summarised() {
    let (_, _, d) = edited(|v| v["services"][0]["rto"] = json!("1d"));
    assert_eq!(labels(&d), [r#"burgerzaken "Burgerzaken": RTO 4h → 1d"#]);
    assert_eq!(impacts(&d), [Impact::ObjectiveLoosened]);
    assert_eq!(
        d.changes[0].section,
        Section::Collection(Collection::Services)
    );
    assert_eq!(
        d.summary().to_string(),
        "1 service changed — 1 recovery objective loosened"
    );
}

#[test]
fn recovery_objectives_loosen_and_tighten() {
    let (_, _, d) = edited(|v| {
        let s = &mut v["services"][0];
        s["rpo"] = json!("30m"); // shorter: tightened
        s["priority"] = json!(2); // later restart: loosened
        s.as_object_mut().expect("object").remove("mtd"); // no objective: loosened
        v["services"][1]["wrt"] = json!("4h"); // newly set: tightened
        v["services"][2]["rto"] = json!("48h"); // 2d written differently: no impact
    });
    let got: Vec<(String, Vec<Impact>)> = d
        .changes
        .iter()
        .map(|c| (c.path.to_string(), c.impacts.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "services/burgerzaken/priority".to_owned(),
                vec![Impact::ObjectiveLoosened]
            ),
            (
                "services/burgerzaken/rpo".to_owned(),
                vec![Impact::ObjectiveTightened]
            ),
            (
                "services/burgerzaken/mtd".to_owned(),
                vec![Impact::ObjectiveLoosened]
            ),
            (
                "services/website/wrt".to_owned(),
                vec![Impact::ObjectiveTightened]
            ),
            ("services/belastingen/rto".to_owned(), vec![]),
        ]
    );
    assert_eq!(
        d.summary().to_string(),
        "3 services changed — 2 recovery objectives loosened, 2 recovery objectives tightened"
    );
    assert!(labels(&d).contains(&r#"burgerzaken "Burgerzaken": MTD 1d removed"#.to_owned()));
    assert!(labels(&d).contains(&r#"website "Website": WRT set to 4h"#.to_owned()));
}

#[test]
fn entities_are_matched_by_id_and_reordering_is_a_move() {
    let (_, _, d) = edited(|v| {
        let services = v["services"].as_array_mut().expect("array");
        services.rotate_right(1); // belastingen, burgerzaken, website
    });
    assert_eq!(d.changes.len(), 1, "{d:#?}");
    assert_eq!(
        d.changes[0].op,
        Op::Move {
            after: None,
            from: 2,
            to: 0
        }
    );
    assert_eq!(
        labels(&d),
        [r#"belastingen "Belastingen": moved to the start"#]
    );
    assert_eq!(d.summary().to_string(), "1 service moved");
}

#[test]
fn added_removed_and_changed_entities_are_counted() {
    let (_, _, d) = edited(|v| {
        v["services"][0]["name"] = json!("Burgerzaken en bevolking");
        v["services"][1]["description"] = json!("De gemeentelijke website");
        v["suppliers"]
            .as_array_mut()
            .expect("array")
            .push(json!({"id": "proximus", "name": "Proximus"}));
        v["locations"].as_array_mut().expect("array").remove(1);
    });
    assert_eq!(
        d.summary().to_string(),
        "2 services changed, 1 supplier added, 1 location removed"
    );
    assert!(labels(&d).contains(&r#"proximus "Proximus": supplier added"#.to_owned()));
    assert!(labels(&d).contains(&r#"bib "Bibliotheek": location removed"#.to_owned()));
    // The name comes from the new revision.
    assert!(labels(&d).contains(&r#"burgerzaken "Burgerzaken en bevolking": name Burgerzaken → "Burgerzaken en bevolking""#.to_owned()));
    let added = d
        .changes
        .iter()
        .find(|c| matches!(c.op, Op::Add { .. }))
        .expect("an addition");
    assert_eq!(
        added.op,
        Op::Add {
            value: json!({"id": "proximus", "name": "Proximus"}),
            after: Some("cipal".into())
        }
    );
}

#[test]
fn id_lists_are_sets_with_moves() {
    let (_, _, d) = edited(|v| v["services"][0]["depends_on"] = json!(["ad", "dms", "san"]));
    assert_eq!(paths(&d), ["services/burgerzaken/depends_on"]);
    let Op::Ids(delta) = &d.changes[0].op else {
        panic!("an id-list change: {d:#?}")
    };
    assert_eq!(
        delta.added,
        [PlacedId {
            id: "san".into(),
            after: Some("dms".into())
        }]
    );
    assert!(delta.removed.is_empty());
    assert_eq!(delta.moved.len(), 1);
    assert_eq!(delta.first, None, "depends_on has no primary");
    assert_eq!(
        delta.moved,
        [MovedId {
            id: "dms".into(),
            after: Some("ad".into()),
            from: 0,
            to: 1
        }]
    );
    assert_eq!(
        labels(&d),
        [r#"burgerzaken "Burgerzaken": depends_on + san, dms moved to position 2"#]
    );
}

#[test]
fn an_absent_list_is_an_empty_one() {
    let (_, _, d) = edited(|v| {
        v["services"][1]["depends_on"] = json!(["dms"]);
        v.as_object_mut().expect("object").remove("incidents");
    });
    assert_eq!(
        labels(&d),
        [
            r#"website "Website": depends_on + dms"#,
            r#"power-2025 "Stroomuitval": incident removed"#
        ]
    );
    assert_eq!(
        d.summary().to_string(),
        "1 service changed, 1 incident removed"
    );
}

#[test]
fn plain_string_lists_change_as_a_whole() {
    let (_, _, d) = edited(|v| {
        v["activation"]["criteria"] = json!(["Uitval langer dan 30 minuten", "Ransomware"])
    });
    assert_eq!(d.changes.len(), 1);
    assert_eq!(d.changes[0].section, Section::Activation);
    assert!(matches!(
        &d.changes[0].op,
        Op::Set {
            old: Some(Value::Array(_)),
            new: Some(Value::Array(_))
        }
    ));
    assert_eq!(d.summary().to_string(), "activation changed");
}

#[test]
fn a_new_primary_is_visible_as_such() {
    let (_, _, d) = edited(|v| v["roles"][0]["members"] = json!(["bert", "an"]));
    assert_eq!(impacts(&d), [Impact::CrisisTeamPrimaryChanged]);
    assert_eq!(
        labels(&d),
        [r#"coordinator "Crisiscoördinator": primary an → bert; members an moved to position 2"#]
    );
    assert_eq!(
        d.summary().to_string(),
        "1 role changed — 1 crisis-team primary changed"
    );
}

#[test]
fn deputies_of_crisis_roles_matter_and_other_roles_do_not() {
    let (_, _, d) = edited(|v| {
        v["roles"][1]["members"] = json!(["bert", "carla", "dirk"]);
        v["roles"][2]["members"] = json!(["dirk", "an"]);
    });
    assert_eq!(impacts(&d), [Impact::CrisisTeamChanged]);
    assert_eq!(labels(&d)[0], r#"ict "ICT": members + dirk"#);
}

#[test]
fn crisis_team_roles_themselves() {
    let (_, _, d) = edited(|v| {
        v["roles"][2]["crisis_team"] = json!(true);
        v["roles"].as_array_mut().expect("array").remove(1);
    });
    assert_eq!(
        impacts(&d),
        [Impact::CrisisTeamChanged, Impact::CrisisTeamChanged]
    );
}

#[test]
fn contact_details_of_crisis_team_members() {
    let (_, _, d) = edited(|v| {
        v["people"][1]["phones"][0]["number"] = json!("+32 470 99 99 99"); // bert: crisis team
        v["people"][3]["phones"] = json!([{"number": "+32 470 44 44 44", "kind": "mobile"}]); // dirk: not
        v["people"][2]["function"] = json!("Woordvoerder"); // carla: not contact details
    });
    let got: Vec<(String, Vec<Impact>)> = d
        .changes
        .iter()
        .map(|c| (c.path.to_string(), c.impacts.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "people/bert/phones".to_owned(),
                vec![Impact::CrisisContactChanged]
            ),
            ("people/carla/function".to_owned(), vec![]),
            ("people/dirk/phones".to_owned(), vec![]),
        ]
    );
    // Someone who joins the crisis team in the same change counts too.
    let (_, _, d) = edited(|v| {
        v["roles"][0]["members"] = json!(["an", "bert", "dirk"]);
        v["people"][3]["email"] = json!("dirk@heidebeek.be");
    });
    assert_eq!(
        impacts(&d),
        [Impact::CrisisContactChanged, Impact::CrisisTeamChanged]
    );
}

#[test]
fn backups_weaken_and_strengthen() {
    let (_, _, d) = edited(|v| {
        v["systems"][0]["backup"]["retention"] = json!("1w"); // ad: shorter retention
        v["systems"][1]["backup"]["frequency"] = json!("1d"); // dms: rarer
        v["systems"][1]["backup"]["offline_copy"] = json!(true); // dms: offline copy added
        v["systems"][2]["backup"] = json!({"frequency": "1d"}); // san: new backup
    });
    let got: Vec<(String, Vec<Impact>)> = d
        .changes
        .iter()
        .map(|c| (c.path.to_string(), c.impacts.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "systems/ad/backup/retention".to_owned(),
                vec![Impact::BackupWeakened]
            ),
            (
                "systems/dms/backup/frequency".to_owned(),
                vec![Impact::BackupWeakened]
            ),
            (
                "systems/dms/backup/offline_copy".to_owned(),
                vec![Impact::BackupStrengthened]
            ),
            (
                "systems/san/backup".to_owned(),
                vec![Impact::BackupStrengthened]
            ),
        ]
    );
    assert_eq!(
        labels(&d)[1],
        r#"dms "Documentbeheer": backup.frequency 1h → 1d"#
    );
    let (_, _, d) = edited(|v| {
        v["systems"][0]
            .as_object_mut()
            .expect("object")
            .remove("backup");
        v["systems"][1]["backup"]["immutable_copy"] = json!(false);
    });
    assert_eq!(
        impacts(&d),
        [Impact::BackupWeakened, Impact::BackupWeakened]
    );
    assert_eq!(
        d.summary().to_string(),
        "2 systems changed — 2 backups weakened"
    );
}

#[test]
fn redundancy_levels() {
    let (_, _, d) = edited(|v| {
        v["systems"][0]["redundancy"] = json!("none");
        v["systems"][1]["redundancy"] = json!("warm_standby");
    });
    assert_eq!(
        impacts(&d),
        [Impact::RedundancyLowered, Impact::RedundancyRaised]
    );
    assert_eq!(
        labels(&d)[0],
        r#"ad "Active Directory": redundancy hot_standby → none"#
    );
}

#[test]
fn supplier_emergency_contacts() {
    let (_, _, d) =
        edited(|v| v["suppliers"][0]["contacts"][0]["phone"] = json!("+32 14 99 99 99"));
    assert_eq!(impacts(&d), [Impact::SupplierEmergencyContactChanged]);
    let (_, _, d) = edited(|v| v["suppliers"][0]["contacts"][1]["name"] = json!("Frank"));
    assert_eq!(impacts(&d), []);
    assert_eq!(d.changes.len(), 1);
}

#[test]
fn scenario_steps_are_matched_by_id() {
    let (_, _, d) = edited(|v| {
        let steps = v["scenarios"][0]["steps"].as_array_mut().expect("array");
        steps.swap(0, 1); // notify, isolate, restore
        steps[2]["action"] = json!("Herstel van de immutable back-up");
        steps.push(json!({"id": "report", "action": "Rapporteer", "role": "coordinator"}));
        v["scenarios"][1]["steps"]
            .as_array_mut()
            .expect("array")
            .clear();
    });
    assert_eq!(
        paths(&d),
        [
            "scenarios/ransomware/steps/isolate",
            "scenarios/ransomware/steps/restore/action",
            "scenarios/ransomware/steps/report",
            "scenarios/power/steps/generator",
        ]
    );
    assert!(
        matches!(d.changes[0].op, Op::Move { .. })
            || matches!(d.changes[0].op, Op::Move { to: 0, .. })
    );
    assert_eq!(
        labels(&d),
        [
            r#"ransomware "Ransomware": steps[isolate] moved after notify"#,
            r#"ransomware "Ransomware": steps[restore].action "Herstel van offline back-up" → "Herstel van de immutable back-up""#,
            r#"ransomware "Ransomware": steps[report] added"#,
            r#"power "Stroomuitval": steps[generator] removed"#,
        ]
    );
    assert_eq!(d.summary().to_string(), "2 scenarios changed");
}

#[test]
fn exercise_findings_are_matched_by_id() {
    let (_, _, d) = edited(|v| {
        let findings = v["exercises"][0]["findings"].as_array_mut().expect("array");
        findings.remove(0);
        findings[0]["description"] = json!("Geen papieren kopie in de crisiskoffer");
    });
    assert_eq!(
        paths(&d),
        [
            "exercises/tabletop-2025/findings/phone-list",
            "exercises/tabletop-2025/findings/no-paper/description"
        ]
    );
}

#[test]
fn approvals_are_keyed_by_version() {
    let (_, _, d) = edited(|v| {
        let approvals = v["plan"]["approvals"].as_array_mut().expect("array");
        approvals[0]["reference"] = json!("CBS 2025/12");
        approvals.insert(
            0,
            json!({"version": "2026.2", "date": "2026-06-01", "approved_by": "Raad"}),
        );
    });
    assert_eq!(
        paths(&d),
        ["plan/approvals/2026.2", "plan/approvals/2025.1/reference"]
    );
    assert!(d.changes.iter().all(|c| c.section == Section::Approvals));
    assert_eq!(
        d.summary().to_string(),
        "1 approval changed, 1 approval added"
    );
    assert_eq!(labels(&d)[0], "2026.2: approval added");
}

#[test]
fn allowances_are_keyed_by_rule_and_subject() {
    let (_, _, d) = edited(|v| {
        v["allow"][0]["reason"] = json!("Vervanging besteld");
        v["allow"].as_array_mut().expect("array").swap(0, 1);
    });
    assert_eq!(d.changes.len(), 2);
    assert_eq!(
        d.changes[1].path.segments(),
        ["allow", "single-point-of-failure systems/dms", "reason"]
    );
    assert_eq!(
        d.summary().to_string(),
        "1 allowance changed, 1 allowance moved"
    );
}

#[test]
fn single_object_sections() {
    let (_, _, d) = edited(|v| {
        v["organisation"]["address"] = json!("Markt 1");
        v["plan"]["title"] = json!("BCP ICT");
        v["plan"]["contributors"] = json!(["bert"]);
    });
    assert_eq!(
        paths(&d),
        ["organisation/address", "plan/title", "plan/contributors"]
    );
    assert_eq!(labels(&d)[0], r#"organisation: address set to "Markt 1""#);
    assert_eq!(labels(&d)[2], "plan: contributors − an");
    assert_eq!(
        d.summary().to_string(),
        "organisation changed, plan metadata changed"
    );
}

#[test]
fn the_summary_reads_like_the_issue() {
    let (_, _, d) = edited(|v| {
        v["services"][0]["rto"] = json!("1d");
        v["services"][1]["name"] = json!("Website en e-loket");
        v["suppliers"]
            .as_array_mut()
            .expect("array")
            .push(json!({"id": "proximus", "name": "Proximus"}));
    });
    assert_eq!(
        d.summary().to_string(),
        "2 services changed, 1 supplier added — 1 recovery objective loosened"
    );
}

#[test]
fn repeated_ids_still_diff_entity_by_entity() {
    let a = base();
    let mut value = base_value();
    let copy = value["services"][1].clone();
    value["services"].as_array_mut().expect("array").push(copy);
    value["services"][3]["rto"] = json!("2d");
    let b: Plan = serde_json::from_value(value).expect("a plan, if not a valid one");
    let d = diff(&a, &b);
    assert_eq!(paths(&d), ["services/website#2"]);
    assert_eq!(apply(&a, &d).as_ref(), Ok(&b));
    let there_and_back = apply(&b, &diff(&b, &a)).expect("applies");
    assert_eq!(there_and_back, a);
}

#[test]
fn lists_without_usable_keys_change_as_a_whole() {
    // `2026.1#2` is both a version and the name the second `2026.1` would get.
    let (_, _, d) = edited(|v| {
        let approvals = v["plan"]["approvals"].as_array_mut().expect("array");
        let copy = approvals[1].clone();
        approvals.push(copy.clone());
        approvals.push(json!({"version": "2026.1#2", "date": "2026-02-01", "approved_by": "Raad"}));
    });
    assert_eq!(paths(&d), ["plan/approvals"]);
    assert_eq!(
        d.summary().to_string(),
        "plan.approvals replaced as a whole"
    );
    // The same for a typed collection, in a diff written by hand.
    let a = base();
    let mut b = a.clone();
    b.incidents.clear();
    let d: Diff = serde_json::from_value(json!({"version": 1, "changes": [{
        "path": ["incidents"], "section": "incidents", "op": "set",
        "old": serde_json::to_value(&a.incidents).expect("json"), "new": []
    }]}))
    .expect("well-formed");
    assert_eq!(apply(&a, &d), Ok(b));
}

#[test]
fn stored_json_shape() {
    let (_, _, d) = edited(|v| {
        v["services"][0]["rto"] = json!("1d");
        v["roles"][0]["members"] = json!(["bert", "an"]);
    });
    let stored = serde_json::to_value(&d).expect("serializes");
    assert_eq!(
        stored,
        json!({
            "version": 1,
            "changes": [
                {
                    "path": ["roles", "coordinator", "members"],
                    "section": "roles",
                    "entity": {"id": "coordinator", "name": "Crisiscoördinator"},
                    "op": "ids",
                    "moved": [{"id": "an", "after": "bert", "from": 0, "to": 1}],
                    "first": {"old": "an", "new": "bert"},
                    "impacts": ["crisis_team_primary_changed"]
                },
                {
                    "path": ["services", "burgerzaken", "rto"],
                    "section": "services",
                    "entity": {"id": "burgerzaken", "name": "Burgerzaken"},
                    "op": "set",
                    "old": "4h",
                    "new": "1d",
                    "impacts": ["objective_loosened"]
                }
            ]
        })
    );
    let back: Diff = serde_json::from_value(stored.clone()).expect("reads back");
    assert_eq!(back, d);
    let mut future = stored;
    future["version"] = json!(2);
    let err = serde_json::from_value::<Diff>(future).expect_err("another version");
    assert!(err.to_string().contains("diff version 1"), "{err}");
}

#[test]
fn explicit_nulls_survive_a_round_trip() {
    let d = Diff {
        changes: vec![Change {
            path: Path(vec!["x".into()]),
            section: Section::Other,
            entity: None,
            op: Op::Set {
                old: Some(Value::Null),
                new: None,
            },
            impacts: Vec::new(),
        }],
    };
    let back: Diff =
        serde_json::from_str(&serde_json::to_string(&d).expect("serializes")).expect("reads back");
    assert_eq!(back, d);
}

#[test]
fn applying_to_the_wrong_revision_fails() {
    let (_, _, d) = edited(|v| v["services"][0]["rto"] = json!("1d"));
    let mut other = base();
    other.services[0].rto = Some(crate::types::Duration::hours(8));
    let err = apply(&other, &d).expect_err("conflict");
    assert_eq!(err.kind, ApplyErrorKind::Conflict);
    assert_eq!(err.path.to_string(), "services/burgerzaken/rto");

    let (_, _, d) = edited(|v| {
        v["services"].as_array_mut().expect("array").remove(1);
    });
    let mut other = base();
    other.services.remove(1);
    assert_eq!(
        apply(&other, &d).map_err(|e| e.kind),
        Err(ApplyErrorKind::NotFound)
    );

    let (_, _, d) = edited(|v| {
        v["suppliers"]
            .as_array_mut()
            .expect("array")
            .push(json!({"id": "x", "name": "X"}))
    });
    let twice = apply(&base(), &d).expect("once");
    assert_eq!(
        apply(&twice, &d).map_err(|e| e.kind),
        Err(ApplyErrorKind::AlreadyExists)
    );
}

#[test]
fn malformed_diffs_are_errors_not_panics() {
    let a = base();
    let cases = [
        json!({"path": [], "section": "other", "op": "remove", "value": 1}),
        json!({"path": ["services"], "section": "services", "op": "move", "after": null, "from": 0, "to": 0}),
        json!({"path": ["services", "nope"], "section": "services", "op": "move", "after": null, "from": 0, "to": 0}),
        json!({"path": ["services", "website"], "section": "services", "op": "move", "after": "nope", "from": 0, "to": 0}),
        json!({"path": ["services", "website", "rto", "deeper"], "section": "services", "op": "set", "new": 1}),
        json!({"path": ["services", "website", "depends_on"], "section": "services", "op": "ids", "removed": ["x"]}),
        json!({"path": ["format_version"], "section": "format", "op": "set", "old": 1, "new": "one"}),
    ];
    for case in cases {
        let d: Diff = serde_json::from_value(json!({"version": 1, "changes": [case]}))
            .expect("well-formed JSON");
        assert!(apply(&a, &d).is_err(), "{case}");
    }
    // Two entities claiming the same place.
    let d: Diff = serde_json::from_value(json!({"version": 1, "changes": [
        {"path": ["services", "website"], "section": "services", "op": "move", "after": null, "from": 1, "to": 0},
        {"path": ["services", "belastingen"], "section": "services", "op": "move", "after": null, "from": 2, "to": 0}
    ]}))
    .expect("well-formed JSON");
    assert_eq!(
        apply(&a, &d).map_err(|e| e.kind),
        Err(ApplyErrorKind::Inconsistent)
    );
}

#[test]
fn documents_that_are_not_plans_still_diff() {
    let a = json!({"services": [{"id": "x", "rto": "1h"}], "extra": [1, 2]});
    let b = json!({"services": [{"id": "x", "rto": "2h"}, {"name": "no id"}], "extra": [2, 1]});
    let d = diff_values(&a, &b);
    assert_eq!(paths(&d), ["services", "extra"]);
    assert_eq!(apply_value(&a, &d), Ok(b));
    assert_eq!(diff_values(&json!(1), &json!("x")).changes.len(), 1);
}

#[test]
fn findings_introduced_and_fixed() {
    let today = Date::from_ymd(2026, 3, 1).expect("date");
    let a = base();
    let mut b = a.clone();
    // ict loses its deputy (introduces role-without-deputy) ...
    b.roles[1].members.truncate(1);
    // ... and moving services around changes no finding.
    b.services.reverse();
    let delta = findings_delta(&a, &b, today);
    let introduced: Vec<(&str, Option<&str>)> = delta
        .introduced
        .iter()
        .map(|f| (f.code.as_str(), f.subject.as_deref()))
        .collect();
    assert!(
        introduced.contains(&("role-without-deputy", Some("roles/ict"))),
        "{delta:#?}"
    );
    assert!(
        delta.introduced.iter().all(|f| !f
            .path
            .segments()
            .iter()
            .any(|s| s.parse::<usize>().is_ok())
            || f.path.segments()[0] == "people"),
        "{delta:#?}"
    );
    let back = findings_delta(&b, &a, today);
    assert_eq!(back.fixed, delta.introduced);
    assert_eq!(back.introduced, delta.fixed);
    assert!(findings_delta(&a, &a, today).is_empty());
}

#[test]
fn findings_are_located_by_key_not_position() {
    let today = Date::from_ymd(2026, 3, 1).expect("date");
    let (a, b, _) = edited(|v| {
        v["scenarios"][0]["steps"][2]["role"] = json!("nobody");
        v["services"][0]["depends_on"] = json!(["dms", "ad", "ghost"]);
    });
    let delta = findings_delta(&a, &b, today);
    let dangling: Vec<String> = delta
        .introduced
        .iter()
        .filter(|f| f.code == "dangling-reference")
        .map(|f| f.path.to_string())
        .collect();
    assert_eq!(
        dangling,
        [
            "services/burgerzaken/depends_on/ghost",
            "scenarios/ransomware/steps/restore/role"
        ],
        "{delta:#?}"
    );
}

#[test]
fn recorded_findings_compare_like_the_findings_the_rules_raise() {
    use crate::diff::{RecordedFinding, stable_findings};
    let plan = fixture::base();
    let today: crate::types::Date = "2026-11-27".parse().expect("a date");
    let findings = crate::rules::check(&plan, today);
    assert!(!findings.is_empty(), "the fixture has findings to record");
    let recorded = RecordedFinding::record(&plan, &findings);
    assert_eq!(recorded.len(), findings.len());
    let changes: Vec<_> = recorded.iter().map(RecordedFinding::change).collect();
    assert_eq!(changes, stable_findings(&plan, today));
    for (r, f) in recorded.iter().zip(&findings) {
        assert_eq!((&r.hint, &r.subject), (&f.hint, &f.subject));
    }
    // Through JSON, as a site stores them.
    let json = serde_json::to_string(&recorded).expect("serializes");
    let back: Vec<RecordedFinding> = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back, recorded);
}
