//! Keeps docs/json-output.md complete: every field of each `--format json` output is documented.
//!
//! Each command runs on a scripted history, and every key path it prints must have a row in the
//! command's section of the page. The history is built so that the outputs hold their optional
//! parts: a rename of the plan, a revision that is JSON but not a plan, a half-saved file, a
//! deleted and restored plan, changes to an RTO and to the crisis team, entities added, removed
//! and moved, ids added, removed and reordered, findings with hints and an allowed one, an
//! approval and changes since it, reviews and exercises that fall overdue, and a shallow clone
//! where history stops. Key paths are written as the page writes them
//! (`files[].findings[].code`) and stop at fields that hold plan content (a diff change's `old`,
//! `new` and `value`, a blamed field's `value`). A path the page does not document fails the
//! test, naming the command; so does a documented path that no output has, so that a removed or
//! misspelt field does not linger on the page.

use std::collections::BTreeSet;
use std::fs;

use continuity_tests::repo::{
    AN, Action, BERT, Edit, GitRepo, Sandbox, Step, base_plan, cloud_supplier, edited,
};
use continuity_tests::{Run, repo_root};
use serde_json::{Value, json};

/// The page under test, relative to the repository's root.
const PAGE: &str = "docs/json-output.md";

/// The date the commands validate against: after the last commit.
const TODAY: &str = "2026-06-20";

/// A year later, for the audit: the review and the tabletop exercise are overdue by then.
const LATER: &str = "2027-06-01";

/// Indexes into the commits of [`scripted`], oldest first.
const FIRST: usize = 0;
const TIGHTENED: usize = 1;
const CREW: usize = 2;
const TYPO: usize = 3;
const REPAIRED: usize = 5;

/// The plan's path before and after the rename.
const OLD_PATH: &str = "plans/old.json";
const PATH: &str = "plans/heidebeek.json";

/// The plan at each commit, oldest first; `None` for the commits that do not write a plan.
fn plans() -> Vec<Option<Value>> {
    let first = base_plan();
    // The library's RTO becomes shorter than civil affairs' although its priority is lower, and
    // the server loses its standby: a single point of failure the plan accepts.
    let tightened = edited(
        &first,
        &[
            Edit::Set("/services/1/rto", json!("4h")),
            Edit::Set("/systems/1/redundancy", json!("none")),
            Edit::Set(
                "/allow",
                json!([{
                    "rule": "single-point-of-failure",
                    "subject": "systems/server",
                    "reason": "A second server is budgeted for 2027.",
                    "accepted_by": "an"
                }]),
            ),
        ],
    );
    // The crisis team's primary changes; ids are added to and reordered in lists; entities are
    // added, removed and moved; fields appear and disappear.
    let crew = edited(
        &tightened,
        &[
            Edit::Set("/roles/0/members", json!(["bert", "an"])),
            Edit::Push("/services/0/depends_on", json!("server")),
            Edit::Set(
                "/services/0/manual_fallback",
                json!("Paper forms in the safe"),
            ),
            Edit::Remove("/systems/0/backup/immutable_copy"),
            Edit::Remove("/communication/templates/2"),
            Edit::Push("/suppliers", cloud_supplier()),
        ],
    );
    let crew = {
        // The two locations swap places.
        let mut plan = crew;
        if let Some(locations) = plan["locations"].as_array_mut() {
            locations.reverse();
        }
        plan
    };
    // Well-formed JSON that is not a plan: a misspelt field.
    let typo = edited(&crew, &[Edit::Set("/services/1/priorty", json!(2))]);
    let repaired = edited(&crew, &[Edit::Set("/services/1/rpo", json!("3d"))]);
    // The approved version also schedules a call-tree exercise that was never held: overdue
    // from this revision on.
    let approved = edited(
        &repaired,
        &[
            Edit::Set("/plan/version", json!("2026.2")),
            Edit::Push(
                "/exercise_schedule",
                json!({"id": "call-tree", "kind": "call_tree", "interval_months": 6}),
            ),
            Edit::Push(
                "/plan/approvals",
                json!({
                    "version": "2026.2",
                    "date": "2026-05-08",
                    "approved_by": "College",
                    "reference": "CBS 8/5/2026"
                }),
            ),
        ],
    );
    let loosened = edited(
        &approved,
        &[
            Edit::Set("/people/0/phones/0/number", json!("+32 470 00 00 99")),
            Edit::Set("/services/1/rto", json!("1d")),
        ],
    );
    vec![
        Some(first),
        Some(tightened),
        Some(crew),
        Some(typo),
        None,
        Some(repaired),
        Some(approved.clone()),
        Some(approved),
        Some(loosened.clone()),
        None,
        Some(loosened),
    ]
}

/// The scripted history in `<sandbox>/work`; returns the repository and the commit ids, oldest
/// first.
fn scripted(sandbox: &Sandbox) -> (GitRepo, Vec<String>) {
    let plans = plans();
    let half_saved = {
        let text = serde_json::to_string_pretty(plans[CREW].as_ref().expect("a plan"))
            .expect("the plan serializes");
        text.as_bytes()[..text.len() / 2].to_vec()
    };
    let plan = |i: usize| plans[i].clone().expect("a plan");
    let step = |author, date, message, action| Step {
        author,
        date,
        message,
        action,
    };
    let steps = [
        step(
            AN,
            "2026-03-02",
            "First version of the plan",
            Action::Plan(OLD_PATH, plan(0)),
        ),
        step(
            BERT,
            "2026-03-16",
            "Library must reopen within four hours; server without standby, accepted",
            Action::Plan(OLD_PATH, plan(1)),
        ),
        step(
            BERT,
            "2026-04-06",
            "Bert leads the crisis team; CloudCo; paper fallback",
            Action::Plan(OLD_PATH, plan(2)),
        ),
        step(
            AN,
            "2026-04-13",
            "Library priority",
            Action::Plan(OLD_PATH, plan(3)),
        ),
        step(
            AN,
            "2026-04-20",
            "Half-saved plan",
            Action::Bytes(OLD_PATH, half_saved),
        ),
        step(
            AN,
            "2026-04-27",
            "Repair the plan; library RPO three days",
            Action::Plan(OLD_PATH, plan(5)),
        ),
        step(
            AN,
            "2026-05-11",
            "Version 2026.2 approved by the college",
            Action::Plan(OLD_PATH, plan(6)),
        ),
        step(
            BERT,
            "2026-05-18",
            "Name the plan after the town",
            Action::Rename(OLD_PATH, PATH, plan(7)),
        ),
        step(
            BERT,
            "2026-06-01",
            "New mobile number for An; library back to one day",
            Action::Plan(PATH, plan(8)),
        ),
        step(AN, "2026-06-08", "Remove the plan", Action::Delete(PATH)),
        step(
            AN,
            "2026-06-15",
            "Restore the plan",
            Action::Plan(PATH, plan(10)),
        ),
    ];
    let repo = sandbox.init("work");
    let ids = repo.script(&steps);
    // An uncommitted edit, for the diff of HEAD against the working tree: an id removed.
    let uncommitted = edited(&plan(10), &[Edit::Set("/risks/0/scenarios", json!([]))]);
    repo.write_plan(PATH, &uncommitted);
    (repo, ids)
}

/// Runs `continuity` with `args` in `repo`, expects exit code `code`, and parses its output.
fn json_of(repo: &GitRepo, args: &[&str], code: i32) -> Value {
    let run: Run = repo.run(args);
    assert_eq!(
        run.code,
        code,
        "exit code of `continuity {}`\nstdout:\n{}\nstderr:\n{}",
        args.join(" "),
        run.stdout,
        run.stderr
    );
    run.json()
}

/// Adds the key path of every field in `value` to `out`, below `prefix`: keys joined with `.`,
/// `[]` for the elements of an array. Fields listed in `content` hold plan content: they are
/// added, but not what is inside them.
fn key_paths(value: &Value, prefix: &str, content: &[&str], out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                if !content.contains(&path.as_str()) {
                    key_paths(child, &path, content, out);
                }
                out.insert(path);
            }
        }
        Value::Array(items) => {
            let path = format!("{prefix}[]");
            for item in items {
                key_paths(item, &path, content, out);
            }
        }
        _ => {}
    }
}

/// The section of the page about `command`: from its `## `continuity <command>` heading to the
/// next `## ` heading.
fn section<'p>(page: &'p str, command: &str) -> Option<&'p str> {
    let heading = format!("## `continuity {command} ");
    let start = page
        .match_indices("\n## ")
        .map(|(at, _)| at + 1)
        .find(|&at| page[at..].starts_with(&heading))?;
    let end = page[start + 3..]
        .find("\n## ")
        .map_or(page.len(), |at| start + 3 + at + 1);
    Some(&page[start..end])
}

/// The paths a section documents: the code spans in the first cell of its table rows.
fn documented(section: &str) -> BTreeSet<String> {
    let mut paths = BTreeSet::new();
    for line in section.lines() {
        let Some(row) = line.strip_prefix('|') else {
            continue;
        };
        let first = row.split('|').next().unwrap_or_default();
        for (i, span) in first.split('`').enumerate() {
            if i % 2 == 1 {
                paths.insert(span.to_owned());
            }
        }
    }
    paths
}

/// One command's JSON outputs on the scripted history.
struct Outputs {
    /// The subcommand, as the page's section heading names it.
    command: &'static str,
    documents: Vec<Value>,
    /// Fields that hold plan content.
    content: &'static [&'static str],
}

#[test]
fn every_field_of_every_json_output_is_documented() {
    let page_path = repo_root().join(PAGE);
    let page =
        fs::read_to_string(&page_path).unwrap_or_else(|e| panic!("{}: {e}", page_path.display()));

    let sandbox = Sandbox::new();
    let (repo, ids) = scripted(&sandbox);
    let url = format!("file://{}", repo.path().display());
    sandbox.git_in(".", &["clone", "--quiet", "--depth", "3", &url, "shallow"]);
    let shallow = sandbox.open("shallow");
    let saved = sandbox.join("revisions");
    let saved = saved.to_str().expect("a UTF-8 temporary folder");

    let diff = |from: usize, to: usize| {
        json_of(
            &repo,
            &[
                "diff", &ids[from], &ids[to], "--format", "json", "--today", TODAY,
            ],
            1,
        )
    };
    let outputs = [
        Outputs {
            command: "validate",
            documents: vec![json_of(
                &repo,
                &["validate", "--format", "json", "--today", TODAY],
                0,
            )],
            content: &[],
        },
        Outputs {
            command: "diff",
            documents: vec![
                // Recovery objectives, an allowance, findings introduced (one allowed).
                diff(FIRST, TIGHTENED),
                // The crisis team, ids added and moved, entities added, removed and moved.
                diff(TIGHTENED, CREW),
                // Into and out of a revision that is JSON but not a plan.
                diff(CREW, TYPO),
                diff(TYPO, REPAIRED),
                // Findings fixed.
                diff(TIGHTENED, FIRST),
                // HEAD against the working tree (no commit on that side): an id removed.
                json_of(&repo, &["diff", "--format", "json", "--today", TODAY], 1),
            ],
            content: &[
                "diff.changes[].old",
                "diff.changes[].new",
                "diff.changes[].value",
            ],
        },
        Outputs {
            command: "log",
            documents: vec![
                json_of(&repo, &["log", "--format", "json"], 0),
                json_of(&shallow, &["log", "--format", "json"], 0),
            ],
            content: &[],
        },
        Outputs {
            command: "blame",
            documents: vec![
                json_of(&repo, &["blame", "--format", "json"], 0),
                json_of(&repo, &["blame", "services/library", "--format", "json"], 0),
            ],
            content: &["entries[].value"],
        },
        Outputs {
            command: "audit",
            documents: vec![
                json_of(&repo, &["audit", "--format", "json", "--today", LATER], 0),
                json_of(
                    &shallow,
                    &["audit", "--format", "json", "--today", LATER],
                    0,
                ),
            ],
            content: &[],
        },
        Outputs {
            command: "rules",
            documents: vec![json_of(&repo, &["rules", "--format", "json"], 0)],
            content: &[],
        },
        Outputs {
            command: "revisions",
            documents: vec![
                json_of(&repo, &["revisions", "--format", "json", "-o", saved], 0),
                json_of(&shallow, &["revisions", "--format", "json"], 0),
            ],
            content: &[],
        },
    ];

    let mut problems = Vec::new();
    for output in &outputs {
        let Some(section) = section(&page, output.command) else {
            problems.push(format!(
                "{PAGE} has no section `## `continuity {} --format json``",
                output.command
            ));
            continue;
        };
        let mut produced = BTreeSet::new();
        for document in &output.documents {
            key_paths(document, "", output.content, &mut produced);
        }
        let documented = documented(section);
        for path in produced.difference(&documented) {
            problems.push(format!(
                "`continuity {} --format json` prints `{path}`, which {PAGE} does not document in that command's section",
                output.command
            ));
        }
        for path in documented.difference(&produced) {
            problems.push(format!(
                "{PAGE} documents `{path}` for `continuity {} --format json`, which no output of the scripted history has (a removed or misspelt field?)",
                output.command
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
