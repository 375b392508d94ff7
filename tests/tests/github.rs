//! What the GitHub workflows run, tested offline: the pull-request comment for a scripted plan
//! change, the logic that finds and updates the earlier comment (against a recorded API
//! response), the annotation lines, and the git diff driver on a real repository.

use std::fs;
use std::path::Path;
use std::process::Command;

use continuity_tests::{binary, fixture, run_in};
use serde_json::{Value, json};

/// Runs git in `dir` with a fixed identity and no user or system configuration.
fn git(dir: &Path, args: &[&str]) -> String {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("HOME", dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "An Peeters")
        .env("GIT_AUTHOR_EMAIL", "an.peeters@heidebeek.example")
        .env("GIT_AUTHOR_DATE", "2026-11-20T10:00:00+01:00")
        .env("GIT_COMMITTER_NAME", "An Peeters")
        .env("GIT_COMMITTER_EMAIL", "an.peeters@heidebeek.example")
        .env("GIT_COMMITTER_DATE", "2026-11-20T10:00:00+01:00")
        .env("PATH", path_with_continuity())
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// PATH with the built continuity first, as a user who installed it has.
fn path_with_continuity() -> String {
    let dir = binary()
        .parent()
        .expect("binary has a folder")
        .to_path_buf();
    format!(
        "{}:{}",
        dir.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

fn base() -> Value {
    serde_json::from_str(&fs::read_to_string(fixture("rules/base.json")).expect("base plan"))
        .expect("base plan is JSON")
}

fn write_plan(dir: &Path, plan: &Value) {
    let mut text = serde_json::to_string_pretty(plan).expect("serializes");
    text.push('\n');
    fs::write(dir.join("plan.json"), text).expect("write plan");
}

/// The scripted change of a pull request: an RTO loosened, the crisis lead's primary swapped,
/// a backup weakened, the supplier's emergency number changed, and the library's RPO removed
/// (a finding introduced) while civil affairs gets a fallback.
fn changed(mut plan: Value) -> Value {
    plan["services"][0]["rto"] = json!("1d");
    plan["roles"][0]["members"] = json!(["bert", "an"]);
    plan["systems"][0]["backup"]["offline_copy"] = json!(false);
    plan["suppliers"][0]["contacts"][0]["phone"] = json!("+32 9 000 00 99");
    plan["services"][1]
        .as_object_mut()
        .expect("service")
        .remove("rpo");
    plan
}

/// A repository with the base plan on main and the change on a branch.
fn pull_request_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path();
    git(path, &["init", "-q", "-b", "main"]);
    write_plan(path, &base());
    git(path, &["add", "plan.json"]);
    git(path, &["commit", "-q", "-m", "Plan"]);
    git(path, &["checkout", "-q", "-b", "change"]);
    write_plan(path, &changed(base()));
    git(path, &["commit", "-q", "-am", "Change the plan"]);
    dir
}

#[test]
fn pull_request_comment_for_a_scripted_change() {
    let repo = pull_request_repo();
    let run = run_in(
        repo.path(),
        &[
            "diff",
            "--format",
            "markdown",
            "--today",
            "2026-06-01",
            "main...change",
        ],
    );
    assert_eq!(run.code, 1, "changes exit 1\n{}", run.stderr);
    insta::assert_snapshot!("pr_comment_markdown", run.stdout);
    fs::write(repo.path().join("diff.md"), &run.stdout).expect("diff");
    fs::write(repo.path().join("comments.json"), "[]").expect("comments");
    let ops = run_in(
        repo.path(),
        &[
            "pr-comment",
            "--comments",
            "comments.json",
            "--diff",
            "diff.md",
            "--plan",
            "plan.json",
        ],
    );
    assert_eq!(ops.code, 0, "{}", ops.stderr);
    let ops: Value = serde_json::from_str(&ops.stdout).expect("JSON");
    assert_eq!(ops[0]["op"], "create");
    let body = ops[0]["body"].as_str().unwrap_or_default();
    assert!(
        body.starts_with("<!-- continuity:plan-diff plan.json -->"),
        "{body}"
    );
    assert!(
        body.contains("civil-affairs \"Civil affairs\": RTO 8h → 1d")
            || body.contains("RTO 8h → 1d"),
        "{body}"
    );
    assert!(body.chars().count() < 65_536);
}

#[test]
fn the_earlier_comment_is_found_and_updated_from_a_recorded_api_response() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::copy(
        fixture("github/comments.json"),
        dir.path().join("comments.json"),
    )
    .expect("fixture");
    fs::write(
        dir.path().join("diff.md"),
        "**1 service changed — 1 recovery objective tightened**\n",
    )
    .expect("diff");
    let run = run_in(
        dir.path(),
        &[
            "pr-comment",
            "--comments",
            "comments.json",
            "--diff",
            "diff.md",
            "--plan",
            "plan.json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ops: Value = serde_json::from_str(&run.stdout).expect("JSON");
    // The bot's oldest comment for this plan is edited in place; the duplicate from a concurrent
    // run is deleted; a person quoting the marker and the other plan's comment are left alone.
    assert_eq!(ops.as_array().map(Vec::len), Some(2), "{ops:#}");
    assert_eq!(ops[0]["op"], "update");
    assert_eq!(ops[0]["id"], 2002);
    assert!(
        ops[0]["body"]
            .as_str()
            .unwrap_or_default()
            .contains("recovery objective tightened")
    );
    assert_eq!(ops[1], json!({"op": "delete", "id": 2010}));

    // When the pull request no longer changes the plan, the comment is marked outdated, once.
    fs::write(dir.path().join("diff.md"), "").expect("empty diff");
    let run = run_in(
        dir.path(),
        &[
            "pr-comment",
            "--comments",
            "comments.json",
            "--diff",
            "diff.md",
            "--plan",
            "plan.json",
        ],
    );
    let ops: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(ops[0]["op"], "update");
    let outdated = ops[0]["body"].as_str().unwrap_or_default().to_owned();
    assert!(
        outdated.contains("no longer changes the plan"),
        "{outdated}"
    );
    let recorded =
        json!([{"id": 2002, "body": outdated, "user": {"login": "github-actions[bot]"}}]);
    fs::write(dir.path().join("comments.json"), recorded.to_string()).expect("comments");
    let run = run_in(
        dir.path(),
        &[
            "pr-comment",
            "--comments",
            "comments.json",
            "--diff",
            "diff.md",
            "--plan",
            "plan.json",
        ],
    );
    assert_eq!(run.stdout.trim(), "[]");
}

#[test]
fn a_broken_api_response_is_an_error_not_a_silent_new_comment() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(
        dir.path().join("comments.json"),
        r#"{"message": "Bad credentials"}"#,
    )
    .expect("comments");
    fs::write(dir.path().join("diff.md"), "x").expect("diff");
    let run = run_in(
        dir.path(),
        &[
            "pr-comment",
            "--comments",
            "comments.json",
            "--diff",
            "diff.md",
            "--plan",
            "plan.json",
        ],
    );
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr.contains("not a JSON array of GitHub comments"),
        "{}",
        run.stderr
    );
}

#[test]
fn annotations_point_at_the_changed_line() {
    let repo = pull_request_repo();
    let run = run_in(
        repo.path(),
        &[
            "validate",
            "--format",
            "github",
            "--today",
            "2026-06-01",
            "plan.json",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stdout);
    let text = fs::read_to_string(repo.path().join("plan.json")).expect("plan");
    let rpo_line = text
        .lines()
        .position(|l| l.contains("\"id\": \"library\""))
        .expect("library")
        + 1;
    let line = run
        .stdout
        .lines()
        .find(|l| {
            l.starts_with("::error file=plan.json,") && l.contains("service-objectives-missing")
        })
        .unwrap_or_else(|| panic!("no annotation in\n{}", run.stdout));
    // The missing RPO is reported on the library service's object, which starts just above its id.
    assert!(line.contains(&format!("line={}", rpo_line - 1)), "{line}");
    assert!(
        line.contains(
            "title=continuity service-objectives-missing::service `library` has no `rpo`"
        ),
        "{line}"
    );
}

/// Sets up `continuity` as the diff driver and text conversion of `plan.json`, as `init` does.
fn use_driver(path: &Path) {
    git(
        path,
        &["config", "diff.continuity.command", "continuity git-diff"],
    );
    git(
        path,
        &["config", "diff.continuity.textconv", "continuity textconv"],
    );
    fs::write(path.join(".gitattributes"), "plan.json diff=continuity\n").expect("attributes");
}

#[test]
fn git_diff_prints_the_semantic_diff_through_the_driver() {
    let repo = pull_request_repo();
    let path = repo.path();
    use_driver(path);
    let diff = git(path, &["diff", "main", "change", "--", "plan.json"]);
    assert!(diff.starts_with("continuity diff plan.json\n"), "{diff}");
    assert!(diff.contains("civil-affairs"), "{diff}");
    assert!(diff.contains("RTO 8h → 1d"), "{diff}");
    assert!(diff.contains("primary an → bert"), "{diff}");
    assert!(!diff.contains("@@"), "not a line diff:\n{diff}");
    // `git log -p` uses the text conversion: one line per field.
    let log = git(path, &["log", "-p", "-1", "--format=%s", "--", "plan.json"]);
    assert!(
        log.contains("-services/civil-affairs/rto = \"8h\""),
        "{log}"
    );
    assert!(
        log.contains("+services/civil-affairs/rto = \"1d\""),
        "{log}"
    );
}

#[test]
fn the_driver_compares_a_plan_that_does_not_load_as_json() {
    let repo = pull_request_repo();
    let path = repo.path();
    use_driver(path);
    let mut plan = changed(base());
    plan["services"][0]["rto"] = serde_json::json!(false);
    write_plan(path, &plan);
    let diff = git(path, &["diff", "--", "plan.json"]);
    assert!(diff.contains("the new side does not load ("), "{diff}");
    assert!(diff.contains("RTO 1d → false"), "{diff}");
    assert!(!diff.contains("@@"), "not a line diff:\n{diff}");
    git(path, &["commit", "-q", "-am", "Break the RTO"]);
    let log = git(path, &["log", "-p", "-1", "--format=%s", "--", "plan.json"]);
    assert!(log.contains("+services/civil-affairs/rto = false"), "{log}");
}

#[test]
fn the_driver_falls_back_to_a_line_diff_for_a_broken_plan() {
    let repo = pull_request_repo();
    let path = repo.path();
    git(
        path,
        &["config", "diff.continuity.command", "continuity git-diff"],
    );
    fs::write(path.join(".gitattributes"), "plan.json diff=continuity\n").expect("attributes");
    fs::write(path.join("plan.json"), "{ not json").expect("break");
    let diff = git(path, &["diff", "--", "plan.json"]);
    assert!(diff.contains("not a readable plan"), "{diff}");
    assert!(diff.contains("+{ not json"), "{diff}");
}
