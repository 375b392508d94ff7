//! Plan text, file names, commit authors and messages cannot drive the terminal: every human
//! output, in colour as on a terminal, shows their escape sequences, newlines and bidirectional
//! overrides escaped, so that a plan change under review can neither clear the screen, hide or
//! recolour text, nor fake lines of a diff.

use std::fs;
use std::path::Path;
use std::process::Command;

use continuity_tests::repo::{AN, Action, Edit, Sandbox, Step, base_plan, edited, isolate};
use continuity_tests::{Run, binary};
use serde_json::{Value, json};

/// Clears the screen, sets the window title, conceals what follows, starts a fake line and
/// reverses the text after it.
const PAYLOAD: &str = "\u{1b}[2J\u{1b}]0;title\u{7}\u{1b}[8m\nFAKE LINE \u{202e}";

/// Every free-text field that the human outputs quote, with the payload in it.
fn poisoned() -> Value {
    let with = |text: &str| json!(format!("{text}{PAYLOAD}"));
    edited(
        &base_plan(),
        &[
            Edit::Set("/plan/title", with("Plan")),
            Edit::Set("/plan/version", with("2026.2")),
            Edit::Set("/plan/approvals/0/approved_by", with("College")),
            Edit::Set("/plan/approvals/0/reference", with("CBS")),
            Edit::Set("/services/0/name", with("Civil affairs")),
            Edit::Set("/services/1/rto", json!("2d")),
            Edit::Set("/people/0/name", with("An")),
        ],
    )
}

/// `continuity args` in `dir`, coloured as on a terminal.
fn coloured(dir: &Path, home: &Path, args: &[&str]) -> Run {
    let mut command = Command::new(binary());
    isolate(&mut command, home);
    let run: Run = command
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("GITHUB_ACTIONS")
        .env("CLICOLOR_FORCE", "1")
        .output()
        .expect("continuity runs")
        .into();
    run.assert_no_panic();
    run
}

/// The text without the colour sequences (`ESC [ digits ; m`) the output uses itself.
fn without_styles(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("\u{1b}[") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let end = after
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap_or(after.len());
        if after[end..].starts_with('m') && !after[..end].split(';').any(|n| n == "8") {
            rest = &after[end + 1..];
        } else {
            // Not one of ours: kept, so that the check below finds it.
            out.push_str("\u{1b}[");
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Fails when `text` holds anything of the payload that a terminal would act on, or (unless
/// the output is a file's own lines) a line that plan text started.
fn assert_inert(what: &str, text: &str, lines_of_a_file: bool) {
    let plain = without_styles(text);
    for (bad, name) in [
        ('\u{1b}', "an escape sequence"),
        ('\u{7}', "a bell"),
        ('\u{202e}', "a right-to-left override"),
    ] {
        assert!(
            !plain.contains(bad),
            "{what} passes {name} to the terminal:\n{}",
            text.escape_debug()
        );
    }
    assert!(
        lines_of_a_file || !plain.lines().any(|line| line.starts_with("FAKE LINE")),
        "{what} lets plan text start a line of its own:\n{plain}"
    );
}

#[test]
fn plan_and_git_text_cannot_drive_the_terminal() {
    let sandbox = Sandbox::new();
    let home = sandbox.home();
    let repo = sandbox.init("work");
    let mut unknown_field = poisoned();
    unknown_field["services"][1][format!("note{PAYLOAD}")] = json!("x");
    repo.script(&[Step {
        author: AN,
        date: "2026-03-02",
        message: "First version",
        action: Action::Plan("plan.json", base_plan()),
    }]);
    repo.write_plan("plan.json", &poisoned());
    // git keeps a newline out of an author's name (it would end the header line).
    let author = format!("Evil{}", PAYLOAD.replace('\n', " "));
    repo.commit_with_raw_author(
        author.as_bytes(),
        None,
        "evil@example.org",
        "2026-03-03",
        &format!("Poison{PAYLOAD}"),
    );
    repo.write_plan("plan.json", &unknown_field).commit(
        AN,
        "2026-03-04",
        &format!("Unknown field{PAYLOAD}"),
    );
    repo.write_plan("plan.json", &poisoned())
        .commit(AN, "2026-03-05", "Readable again");
    let dir = repo.path();
    let named = format!("copy{PAYLOAD}.json");
    fs::write(
        dir.join(&named),
        serde_json::to_string(&unknown_field).expect("JSON"),
    )
    .expect("write");
    fs::write(dir.join("old.json"), plan_bytes(&base_plan())).expect("write");
    fs::write(dir.join("new.json"), plan_bytes(&poisoned())).expect("write");
    fs::write(dir.join("broken.txt"), format!("not json{PAYLOAD}\n")).expect("write");
    let site = sandbox.join("site");
    let site = site.to_str().expect("UTF-8");
    let report = sandbox.join("report.html");
    let report = report.to_str().expect("UTF-8");

    let missing = format!("missing{PAYLOAD}.json");
    let runs: Vec<(&str, Vec<&str>)> = vec![
        (
            "validate of a missing file",
            vec!["validate", "plan.json", &missing, &missing],
        ),
        (
            "report of a missing file",
            vec!["report", "--plan", &missing],
        ),
        ("validate", vec!["validate", "plan.json", &named]),
        (
            "validate for GitHub",
            vec!["validate", "--format", "github", "plan.json", &named],
        ),
        ("fmt --check", vec!["fmt", "--check", &named, "plan.json"]),
        ("diff of two revisions", vec!["diff", "HEAD~3", "HEAD~2"]),
        (
            "diff into a JSON comparison",
            vec!["diff", "HEAD~2", "HEAD~1"],
        ),
        ("diff of two files", vec!["diff", "old.json", "new.json"]),
        ("log", vec!["log"]),
        ("log without summaries", vec!["log", "--no-summary"]),
        ("blame", vec!["blame"]),
        (
            "blame of a service",
            vec!["blame", "services/civil-affairs"],
        ),
        ("blame of an unknown id", vec!["blame", &named]),
        ("audit", vec!["audit", "--today", "2026-04-01"]),
        ("revisions", vec!["revisions"]),
        ("report", vec!["report", "-o", report]),
        ("report as Markdown", vec!["report", "--format", "markdown"]),
        ("report as HTML", vec!["report", "--format", "html"]),
        (
            "diff as Markdown",
            vec!["diff", "HEAD~3", "HEAD~2", "--format", "markdown"],
        ),
        ("site", vec!["site", "-o", site]),
        (
            "the git diff driver",
            vec![
                "git-diff", &named, "old.json", "0000000", "100644", "new.json", "0000000",
                "100644",
            ],
        ),
        (
            "the git diff driver's line diff",
            vec![
                "git-diff",
                "plan.json",
                "broken.txt",
                "0000000",
                "100644",
                "old.json",
                "0000000",
                "100644",
            ],
        ),
        ("textconv", vec!["textconv", "broken.txt"]),
        ("textconv of a plan", vec!["textconv", &named]),
    ];
    for (what, args) in runs {
        let run = coloured(dir, &home, &args);
        // Text that is not JSON goes through textconv line by line, as git shows any file; the
        // HTML report keeps the line breaks of plan text (its style sheet shows them).
        let lines_of_a_file = matches!(what, "textconv" | "report as HTML");
        assert_inert(what, &run.stdout, lines_of_a_file);
        assert_inert(&format!("{what} (errors)"), &run.stderr, false);
    }
    // The payload is shown, escaped, rather than dropped.
    let run = coloured(dir, &home, &["diff", "HEAD~3", "HEAD~2"]);
    let diff = format!("{}{}", run.stdout, run.stderr);
    assert!(
        diff.contains(
            "Civil affairs\\u{1b}[2J\\u{1b}]0;title\\u{7}\\u{1b}[8m\\nFAKE LINE \\u{202e}"
        ),
        "{}",
        diff.escape_debug()
    );
}

fn plan_bytes(plan: &Value) -> String {
    serde_json::to_string_pretty(plan).expect("JSON")
}
