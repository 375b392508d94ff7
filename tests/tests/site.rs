//! End-to-end tests of `continuity site`: the exported data on real repositories (every
//! revision rebuilt from snapshots and chunks equals the committed plan), incremental exports,
//! a plan outside git, redaction over a whole history, and the refusal to publish a confidential
//! plan. The viewer itself is tested in a browser by `site_browser.rs`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use continuity_schema::Plan;
use continuity_schema::diff::{Diff, apply};
use continuity_tests::personal::Personal;
use continuity_tests::repo::{AN, Action, BERT, Edit, GitRepo, Sandbox, Step, base_plan, edited};
use continuity_tests::site_data::recorded_findings;
use continuity_tests::{Run, repo_root, run_in};
use serde_json::{Value, json};

/// An exported site read back: its entry point and its revision index.
struct Site {
    dir: PathBuf,
    info: Value,
    index: Vec<Value>,
}

impl Site {
    fn read(dir: &Path) -> Site {
        let info = read_json(&dir.join("data/site.json"));
        let index_name = info["index"].as_str().expect("site.json names the index");
        let index = read_json(&dir.join("data").join(index_name));
        Site {
            dir: dir.to_path_buf(),
            info,
            index: index.as_array().expect("the index is an array").clone(),
        }
    }

    /// The plan of revision `i` (newest first), rebuilt as the viewer does it.
    fn plan(&self, i: usize) -> Plan {
        let entry = &self.index[i];
        let load = entry["load"]
            .as_str()
            .expect("a checked revision has a load");
        let hash = entry["plan"]
            .as_str()
            .expect("a checked revision has a hash");
        if let Some(name) = load.strip_prefix("snapshots/") {
            assert_eq!(
                name,
                format!("{hash}.json"),
                "a snapshot is named by its plan"
            );
            return parse_plan(&fs::read_to_string(self.data(load)).expect("read the snapshot"));
        }
        let chunk = read_json(&self.data(load));
        let base = chunk["base"].as_str().expect("a chunk names its base");
        let mut plan = parse_plan(
            &fs::read_to_string(self.data(&format!("snapshots/{base}.json")))
                .expect("as set up by the test"),
        );
        for step in chunk["steps"].as_array().expect("steps") {
            let diff: Diff = serde_json::from_value(step["diff"].clone()).expect("a diff");
            plan = apply(&plan, &diff).expect("the diff applies");
            if step["plan"] == entry["plan"] {
                return plan;
            }
        }
        panic!("revision {i} is not in its chunk {load}");
    }

    /// The findings recorded for revision `i`, as `(code, message)` in file order.
    fn findings(&self, i: usize) -> Option<Vec<(String, String)>> {
        let findings = recorded_findings(&self.dir, &self.index[i])?;
        let text = |f: &Value, key: &str| f[key].as_str().expect("a text").to_owned();
        Some(
            findings
                .iter()
                .map(|f| (text(f, "code"), text(f, "message")))
                .collect(),
        )
    }

    fn data(&self, relative: &str) -> PathBuf {
        self.dir.join("data").join(relative)
    }

    /// Every file of the site with its bytes, by path relative to the site's root.
    fn files(&self) -> BTreeMap<String, Vec<u8>> {
        let mut files = BTreeMap::new();
        collect_files(&self.dir, &self.dir, &mut files);
        files
    }
}

fn collect_files(root: &Path, dir: &Path, files: &mut BTreeMap<String, Vec<u8>>) {
    for entry in fs::read_dir(dir).expect("read the site folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            collect_files(root, &path, files);
        } else {
            let relative = path
                .strip_prefix(root)
                .expect("as set up by the test")
                .to_string_lossy()
                .into_owned();
            files.insert(relative, fs::read(&path).expect("read a site file"));
        }
    }
}

fn read_json(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn parse_plan(text: &str) -> Plan {
    serde_json::from_str(text).expect("a plan")
}

fn expect_code(run: &Run, code: i32) {
    assert_eq!(
        run.code, code,
        "exit code\n--- stdout\n{}\n--- stderr\n{}",
        run.stdout, run.stderr
    );
}

fn step(date: &'static str, message: &'static str, plan: Value) -> Step {
    Step {
        author: if message.contains("RTO") { BERT } else { AN },
        date,
        message,
        action: Action::Plan("plan.json", plan),
    }
}

/// `count` revisions of the base plan, each changing the first service's RTO or description.
fn long_history(count: usize) -> Vec<Value> {
    let base = base_plan();
    (0..count)
        .map(|i| {
            edited(
                &base,
                &[Edit::Set(
                    "/services/0/description",
                    json!(format!("Revision {i} of the description.")),
                )],
            )
        })
        .collect()
}

fn committed_plans(repo: &GitRepo, commits: &[String]) -> Vec<Plan> {
    commits
        .iter()
        .map(|c| parse_plan(&repo.git(&["show", &format!("{c}:plan.json")])))
        .collect()
}

#[test]
fn every_revision_is_rebuilt_exactly_from_snapshots_and_chunks() {
    let sandbox = Sandbox::new();
    let repo = sandbox.init("plans");
    // 70 revisions with a snapshot every 16: several chunks, each rebuilt from its snapshot.
    let plans = long_history(70);
    let steps: Vec<Step> = plans
        .iter()
        .map(|p| step("2026-03-01", "Describe the service again", p.clone()))
        .collect();
    let commits = repo.script(&steps);
    let run = repo.run(&["site", "-o", "../site", "--keyframe", "16"]);
    expect_code(&run, 0);
    assert!(
        run.stdout.contains("exported 70 revisions of plan.json"),
        "{}",
        run.stdout
    );
    let site = Site::read(&sandbox.join("site"));
    assert_eq!(site.info["format"], 2);
    assert_eq!(site.info["history"]["state"], "complete");
    assert_eq!(site.info["plan_path"], "plan.json");
    assert_eq!(site.index.len(), 70);
    let expected = committed_plans(&repo, &commits);
    for (i, entry) in site.index.iter().enumerate() {
        // Newest first.
        let commit = &commits[commits.len() - 1 - i];
        assert_eq!(entry["id"], commit.as_str());
        assert_eq!(
            site.plan(i),
            expected[expected.len() - 1 - i],
            "revision {i}"
        );
    }
    let snapshots = fs::read_dir(site.data("snapshots"))
        .expect("as set up by the test")
        .count();
    let chunks = fs::read_dir(site.data("chunks"))
        .expect("as set up by the test")
        .count();
    let findings = fs::read_dir(site.data("findings"))
        .expect("as set up by the test")
        .count();
    // Revisions 0, 16, 32, 48 and 64 counted from the oldest, and the newest.
    assert_eq!(snapshots, 6, "snapshots");
    assert_eq!(chunks, 5, "chunks");
    // One findings file per block of 16 revisions.
    assert_eq!(findings, 5, "findings files");
    for i in 0..site.index.len() {
        assert!(site.findings(i).is_some(), "revision {i} has its findings");
    }
    // Every data file but site.json is named by its content hash.
    for (path, bytes) in site.files() {
        if let Some(rest) = path.strip_prefix("data/") {
            if rest == "site.json" {
                continue;
            }
            let name = Path::new(rest)
                .file_stem()
                .expect("as set up by the test")
                .to_string_lossy()
                .into_owned();
            let hash = name.trim_start_matches("revisions-");
            let digest = sha256_prefix(&bytes);
            // Snapshots are named by the plan's hash, which is their content's hash too.
            assert_eq!(hash, digest, "{path} is not named by its content");
        }
    }
}

fn sha256_prefix(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    use std::fmt::Write as _;
    let digest = sha2::Sha256::digest(bytes);
    digest.iter().take(10).fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

#[test]
fn revisions_after_a_deleted_or_broken_plan_are_rebuilt_exactly() {
    let sandbox = Sandbox::new();
    let repo = sandbox.init("plans");
    let plans = long_history(6);
    let mut steps: Vec<Step> = Vec::new();
    for (i, plan) in plans.iter().enumerate() {
        steps.push(step("2026-03-01", "Edit", plan.clone()));
        match i {
            1 => steps.push(Step {
                author: AN,
                date: "2026-03-02",
                message: "Broken by a merge accident",
                action: Action::Bytes("plan.json", b"{ oops".to_vec()),
            }),
            3 => steps.push(Step {
                author: AN,
                date: "2026-03-03",
                message: "Deleted by mistake",
                action: Action::Delete("plan.json"),
            }),
            _ => {}
        }
    }
    let commits = repo.script(&steps);
    expect_code(&repo.run(&["site", "-o", "../site", "--keyframe", "4"]), 0);
    let site = Site::read(&sandbox.join("site"));
    assert_eq!(site.index.len(), commits.len());
    let mut rebuilt = 0;
    for (i, entry) in site.index.iter().enumerate() {
        let commit = &commits[commits.len() - 1 - i];
        if entry["state"] != "checked" {
            continue;
        }
        let expected = parse_plan(&repo.git(&["show", &format!("{commit}:plan.json")]));
        assert_eq!(
            site.plan(i),
            expected,
            "revision {i} ({})",
            entry["message"]
        );
        rebuilt += 1;
    }
    assert_eq!(rebuilt, 6, "every revision with a plan");
    let states: Vec<&str> = site
        .index
        .iter()
        .map(|e| e["state"].as_str().expect("a state"))
        .collect();
    assert_eq!(
        states,
        [
            "checked",
            "checked",
            "absent",
            "checked",
            "checked",
            "unreadable",
            "checked",
            "checked"
        ]
    );
    assert!(
        site.index[1]["summary"]
            .as_str()
            .is_some_and(|s| s.starts_with("plan restored")),
        "{}",
        site.index[1]
    );
}

#[test]
fn the_index_says_who_changed_what_and_whether_the_plan_was_valid() {
    let sandbox = Sandbox::new();
    let repo = sandbox.init("plans");
    let base = base_plan();
    let rto = edited(&base, &[Edit::Set("/services/0/rto", json!("3d"))]);
    repo.script(&[
        step("2026-03-01", "First version", base.clone()),
        step("2026-03-02", "Loosen the RTO", rto),
        Step {
            author: AN,
            date: "2026-03-03",
            message: "Broken by a merge accident",
            action: Action::Bytes("plan.json", b"{ \"format_version\": 1, oops".to_vec()),
        },
        step("2026-03-04", "Repair", base),
    ]);
    expect_code(&repo.run(&["site", "-o", "../site"]), 0);
    let site = Site::read(&sandbox.join("site"));
    let summary: Vec<(&str, &str, &str)> = site
        .index
        .iter()
        .map(|e| {
            (
                e["message"].as_str().expect("as set up by the test"),
                e["state"].as_str().expect("as set up by the test"),
                e["author"].as_str().expect("as set up by the test"),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("Repair", "checked", "An Peeters"),
            ("Broken by a merge accident", "unreadable", "An Peeters"),
            ("Loosen the RTO", "checked", "Bert Claes"),
            ("First version", "checked", "An Peeters"),
        ]
    );
    let loosened = &site.index[2];
    assert!(
        loosened["summary"]
            .as_str()
            .expect("as set up by the test")
            .contains("1 recovery objective loosened"),
        "{loosened}"
    );
    assert!(
        loosened["impacts"]
            .as_array()
            .expect("as set up by the test")
            .iter()
            .any(|i| i == "objective_loosened"),
        "{loosened}"
    );
    assert!(
        site.index[1]["error"]
            .as_str()
            .expect("as set up by the test")
            .contains("1:")
    );
    assert!(site.index[1].get("load").is_none());
    assert_eq!(site.index[3]["summary"], "first version");
}

#[test]
fn each_revision_records_what_validate_finds_at_its_date_and_the_current_one_as_of_today() {
    let sandbox = Sandbox::new();
    let repo = sandbox.init("plans");
    let base = base_plan();
    let mut unowned = base.clone();
    unowned["services"][0]["owner"] = json!("nobody-here");
    let commits = repo.script(&[
        step("2019-03-01", "First version", base.clone()),
        step("2026-03-02", "Owner left", unowned),
        step("2026-03-04", "Repair", base),
    ]);
    expect_code(&repo.run(&["site", "-o", "../site"]), 0);
    let site = Site::read(&sandbox.join("site"));
    let dates = ["2026-03-04", "2026-03-02", "2019-03-01"];
    let plans = committed_plans(&repo, &commits);
    let mut seen = Vec::new();
    for (i, date) in dates.iter().enumerate() {
        let plan = &plans[plans.len() - 1 - i];
        let file = sandbox.join(&format!("plan-{i}.json"));
        fs::write(&file, serde_json::to_vec_pretty(plan).expect("a plan")).expect("written");
        let file = file.to_str().expect("as set up by the test");
        // The newest revision, the one the viewer opens, is judged as of today.
        let mut args = vec!["validate", "--format", "json", file];
        if i > 0 {
            args.extend(["--today", date]);
        }
        let run = run_in(&sandbox.join("."), &args);
        let report: Value = serde_json::from_str(&run.stdout).expect("a JSON report");
        let mut expected: Vec<(String, String)> = report["files"][0]["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| {
                let text = |key: &str| f[key].as_str().unwrap_or_default().to_owned();
                (text("code"), text("message"))
            })
            .collect();
        let mut recorded = site.findings(i).expect("recorded findings");
        expected.sort();
        recorded.sort();
        assert_eq!(recorded, expected, "revision {i} ({date})");
        seen.push(recorded);
    }
    assert!(
        seen[1].iter().any(|(code, _)| code == "dangling-reference"),
        "the broken owner is found: {:?}",
        seen[1]
    );
    assert_ne!(seen[0], seen[2], "the same plan, judged at different dates");
    assert_eq!(
        site.info["as_of"].as_str().map(str::len),
        Some(10),
        "site.json says as of when the current revision was judged"
    );
}

#[test]
fn a_second_export_after_one_commit_writes_only_what_is_new() {
    let sandbox = Sandbox::new();
    let repo = sandbox.init("plans");
    let plans = long_history(10);
    let steps: Vec<Step> = plans
        .iter()
        .map(|p| step("2026-03-01", "Edit", p.clone()))
        .collect();
    repo.script(&steps);
    expect_code(&repo.run(&["site", "-o", "../site"]), 0);
    let before = Site::read(&sandbox.join("site")).files();
    let next = edited(&plans[9], &[Edit::Set("/services/0/rto", json!("6h"))]);
    repo.script(&[step("2026-03-02", "Tighten", next)]);
    let run = repo.run(&["site", "-o", "../site"]);
    expect_code(&run, 0);
    let after = Site::read(&sandbox.join("site")).files();
    let written: Vec<&String> = after
        .iter()
        .filter(|(path, bytes)| before.get(*path) != Some(bytes))
        .map(|(path, _)| path)
        .collect();
    let removed: Vec<&String> = before.keys().filter(|p| !after.contains_key(*p)).collect();
    // The new snapshot, the chunk that now ends before it, the newest block's findings, the
    // index and site.json.
    assert!(written.len() <= 5, "written: {written:?}\n{}", run.stdout);
    assert!(
        written.iter().any(|p| p.starts_with("data/revisions-")),
        "written: {written:?}\n{}",
        run.stdout
    );
    assert!(written.iter().any(|p| *p == "data/site.json"));
    assert!(
        written.iter().all(|p| p.starts_with("data/")),
        "{written:?}"
    );
    assert!(removed.len() <= 4, "removed: {removed:?}");
    assert!(run.stdout.contains("files written"), "{}", run.stdout);
    assert!(
        run.stdout.contains("exported 11 revisions"),
        "{}",
        run.stdout
    );
    // Nothing new: nothing but site.json (its export time) may be written.
    let run = repo.run(&["site", "-o", "../site"]);
    expect_code(&run, 0);
    assert!(
        run.stdout.contains(": 0 files written") || run.stdout.contains(": 1 files written"),
        "{}",
        run.stdout
    );
}

#[test]
fn outside_git_the_current_plan_is_exported_and_history_is_said_to_be_unavailable() {
    let dir = tempfile::tempdir().expect("as set up by the test");
    fs::write(
        dir.path().join("plan.json"),
        continuity_tests::repo::plan_text(&base_plan()),
    )
    .expect("as set up by the test");
    let run = run_in(dir.path(), &["site", "--plan", "plan.json", "-o", "site"]);
    expect_code(&run, 0);
    let site = Site::read(&dir.path().join("site"));
    assert_eq!(site.info["history"]["state"], "unavailable");
    assert!(
        site.info["history"]["note"]
            .as_str()
            .expect("as set up by the test")
            .contains("only the current plan"),
        "{}",
        site.info
    );
    assert_eq!(site.index.len(), 1);
    assert_eq!(site.index[0]["id"], "worktree");
    assert_eq!(
        site.plan(0),
        parse_plan(
            &fs::read_to_string(dir.path().join("plan.json")).expect("as set up by the test")
        )
    );
    for asset in [
        "index.html",
        "assets/continuity-viewer_bg.wasm",
        "assets/boot.js",
    ] {
        assert!(site.dir.join(asset).is_file(), "{asset} is missing");
    }
}

#[test]
fn uncommitted_changes_are_shown_on_top_of_the_history() {
    let sandbox = Sandbox::new();
    let repo = sandbox.init("plans");
    let base = base_plan();
    repo.script(&[step("2026-03-01", "First version", base.clone())]);
    repo.write_plan(
        "plan.json",
        &edited(&base, &[Edit::Set("/services/0/rto", json!("2d"))]),
    );
    expect_code(&repo.run(&["site", "-o", "../site"]), 0);
    let site = Site::read(&sandbox.join("site"));
    assert_eq!(site.index.len(), 2);
    assert_eq!(site.index[0]["id"], "worktree");
    assert_eq!(
        site.index[0]["summary"],
        "1 service changed — 1 recovery objective loosened"
    );
}

#[test]
fn a_folder_that_is_not_a_site_is_never_overwritten() {
    let sandbox = Sandbox::new();
    let repo = sandbox.init("plans");
    repo.script(&[step("2026-03-01", "First version", base_plan())]);
    fs::create_dir(sandbox.join("docs")).expect("as set up by the test");
    fs::write(sandbox.join("docs/notes.txt"), "mine").expect("as set up by the test");
    let run = repo.run(&["site", "-o", "../docs"]);
    expect_code(&run, 2);
    assert!(
        run.stderr.contains("holds no continuity site"),
        "{}",
        run.stderr
    );
    assert_eq!(
        fs::read_to_string(sandbox.join("docs/notes.txt")).expect("as set up by the test"),
        "mine"
    );
    assert_eq!(
        fs::read_dir(sandbox.join("docs"))
            .expect("as set up by the test")
            .count(),
        1
    );
    // A file named as the folder is left alone too, and the message says what it is.
    let run = repo.run(&["site", "-o", "../docs/notes.txt"]);
    expect_code(&run, 2);
    assert!(
        run.stderr.contains("is a file, not a folder"),
        "{}",
        run.stderr
    );
    assert_eq!(
        fs::read_to_string(sandbox.join("docs/notes.txt")).expect("as set up by the test"),
        "mine"
    );
}

#[test]
fn a_missing_plan_is_a_tool_error() {
    let dir = tempfile::tempdir().expect("as set up by the test");
    let run = run_in(dir.path(), &["site", "--plan", "nope.json", "-o", "site"]);
    expect_code(&run, 2);
    assert!(run.stderr.contains("nope.json"), "{}", run.stderr);
    assert!(!dir.path().join("site").exists());
}

// ---------------------------------------------------------------------------------------------
// Safe publication
// ---------------------------------------------------------------------------------------------

fn confidential(plan: &Value) -> Value {
    edited(
        plan,
        &[Edit::Set("/plan/classification", json!("confidential"))],
    )
}

#[test]
fn a_confidential_plan_is_refused_without_redaction_or_an_explicit_override() {
    let sandbox = Sandbox::new();
    let repo = sandbox.init("plans");
    let base = base_plan();
    // Confidential in an older revision only: the history publishes it all the same.
    repo.script(&[
        step("2026-03-01", "First version", confidential(&base)),
        step("2026-03-02", "Now internal", base.clone()),
    ]);
    let run = repo.run(&["site", "-o", "../site"]);
    expect_code(&run, 2);
    assert!(
        run.stderr.contains("classified confidential"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--redact personal"), "{}", run.stderr);
    assert!(!sandbox.join("site").exists(), "nothing is written");

    let run = repo.run(&["site", "-o", "../redacted", "--redact", "personal"]);
    expect_code(&run, 0);
    let site = Site::read(&sandbox.join("redacted"));
    assert_eq!(site.info["redacted"], true);
    assert_eq!(site.info["classification"], "internal");

    let run = repo.run(&["site", "-o", "../full", "--allow-confidential"]);
    expect_code(&run, 0);
    assert_eq!(Site::read(&sandbox.join("full")).info["redacted"], false);
}

#[test]
fn a_redacted_site_records_no_finding_about_the_removed_contact_details() {
    let sandbox = Sandbox::new();
    let repo = sandbox.init("plans");
    let mut plan = base_plan();
    plan["people"][1]["phones"] = json!([]);
    repo.script(&[step("2026-03-01", "Bert has no phone yet", plan)]);
    let codes = |dir: &str| -> Vec<String> {
        let site = Site::read(&sandbox.join(dir));
        let findings = site.findings(0).expect("recorded findings");
        findings.into_iter().map(|(code, _)| code).collect()
    };
    expect_code(&repo.run(&["site", "-o", "../open"]), 0);
    let open = codes("open");
    assert!(open.iter().any(|c| c == "person-unreachable"), "{open:?}");
    expect_code(
        &repo.run(&["site", "-o", "../redacted", "--redact", "personal"]),
        0,
    );
    let redacted = codes("redacted");
    assert!(
        !redacted
            .iter()
            .any(|c| continuity_schema::redact::hidden_when_redacted(c)),
        "{redacted:?}"
    );
    assert_eq!(
        open.len() - redacted.len(),
        open.iter()
            .filter(|c| continuity_schema::redact::hidden_when_redacted(c))
            .count()
    );
}

#[test]
fn the_redacted_example_history_names_nobody_anywhere_in_the_site() {
    let root = repo_root();
    let (data, revisions) = Personal::of_history(root, "plans/heidebeek.json");
    assert!(
        revisions > 5,
        "the example plan has a history ({revisions} revisions)"
    );
    let out = tempfile::tempdir().expect("as set up by the test");
    let site_dir = out.path().join("site");
    let run = run_in(
        root,
        &[
            "site",
            "--plan",
            "plans/heidebeek.json",
            "--redact",
            "personal",
            "-o",
            site_dir.to_str().expect("as set up by the test"),
        ],
    );
    expect_code(&run, 0);
    let site = Site::read(&site_dir);
    assert!(site.index.len() >= revisions, "every revision is exported");
    for (path, bytes) in site.files() {
        if path.starts_with("assets/") {
            continue;
        }
        let text = String::from_utf8(bytes).expect("data is UTF-8");
        // JSON escapes: a name with an accent may be written as \u00e9.
        let text = match serde_json::from_str::<Value>(&text) {
            Ok(value) => serde_json::to_string(&value).expect("as set up by the test"),
            Err(_) => text,
        };
        data.assert_absent_from(&text, &format!("the redacted site's {path}"));
    }
    // Every revision still rebuilds, and roles and functions stay.
    for i in 0..site.index.len() {
        if site.index[i]["state"] == "checked" {
            let plan = site.plan(i);
            assert!(plan.people.iter().all(|p| p.name == "[redacted]"));
            assert!(plan.roles.iter().all(|r| !r.name.is_empty()));
        }
    }
    assert!(site.index.iter().all(|e| {
        e["author"]
            .as_str()
            .expect("as set up by the test")
            .starts_with("author ")
            || e["id"] == "worktree"
    }));
    // The unredacted site does show what the check looks for.
    let full_dir = out.path().join("full");
    let run = run_in(
        root,
        &[
            "site",
            "--plan",
            "plans/heidebeek.json",
            "-o",
            full_dir.to_str().expect("as set up by the test"),
        ],
    );
    expect_code(&run, 0);
    let full = Site::read(&full_dir);
    let newest = serde_json::to_string(&full.plan(0)).expect("as set up by the test");
    assert!(
        newest.contains(&data.names[0])
            || full
                .index
                .iter()
                .any(|e| e["author"] == data.names[0].as_str())
    );
}
