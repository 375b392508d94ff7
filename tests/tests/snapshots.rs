//! Snapshots of what people and tools read: the three output formats of `validate` on a plan with
//! errors, warnings, an info and an allowed finding; `continuity rules`; and the help texts.
//!
//! Commands run in `tests/fixtures/validate/` with relative paths, so no temporary path appears;
//! the version in the JSON document's `tool` is replaced by `[VERSION]`.
//! Review changes with `cargo insta review` (or `INSTA_UPDATE=always` and `git diff`).

use continuity_tests::{FIXTURE_TODAY, Run, continuity, fixture, run_in};

fn run(args: &[&str]) -> Run {
    let mut command = continuity();
    // Help is wrapped to the terminal width; make it independent of the caller's terminal.
    command.env_remove("COLUMNS").env_remove("LINES");
    let run: Run = command
        .args(args)
        .current_dir(fixture("validate"))
        .output()
        .expect("continuity runs")
        .into();
    run.assert_no_panic();
    run
}

fn validate(format: &str) -> Run {
    let run = run(&[
        "validate",
        "--format",
        format,
        "--today",
        FIXTURE_TODAY,
        "mixed.json",
    ]);
    assert_eq!(
        run.code, 1,
        "the mixed plan has errors:\n{}{}",
        run.stdout, run.stderr
    );
    assert_eq!(run.stderr, "");
    run
}

/// `continuity <version>`, as `--version` prints it.
fn tool() -> String {
    let run = run(&["--version"]);
    assert_eq!(run.code, 0);
    run.stdout.trim().to_owned()
}

#[test]
fn validate_human() {
    insta::assert_snapshot!(validate("human").stdout);
}

#[test]
fn validate_json() {
    let run = validate("json");
    let document = run.json();
    assert_eq!(document["tool"], tool(), "`tool` names this build");
    let text = run.stdout.replace(
        &format!("\"tool\": \"{}\"", tool()),
        "\"tool\": \"continuity [VERSION]\"",
    );
    insta::assert_snapshot!(text);
}

#[test]
fn validate_github() {
    insta::assert_snapshot!(validate("github").stdout);
}

#[test]
fn validate_human_several_files() {
    let run = run(&[
        "validate",
        "--today",
        FIXTURE_TODAY,
        "warning-only.json",
        "info-only.json",
        "allow-warning.json",
    ]);
    assert_eq!(run.code, 0);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn rules_human() {
    let run = run(&["rules"]);
    assert_eq!(run.code, 0);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn help() {
    let run = run(&["--help"]);
    assert_eq!(run.code, 0);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn validate_help() {
    let run = run(&["validate", "--help"]);
    assert_eq!(run.code, 0);
    insta::assert_snapshot!(run.stdout);
}

// --- Colour ------------------------------------------------------------------------------------

const ESCAPE: &str = "\u{1b}[";

/// Runs `continuity args` with `CLICOLOR_FORCE=1` and, optionally, `NO_COLOR=1`.
fn forced_colour(args: &[&str], no_color: bool) -> Run {
    let mut command = continuity();
    command.env_remove("NO_COLOR").env("CLICOLOR_FORCE", "1");
    if no_color {
        command.env("NO_COLOR", "1");
    }
    let run: Run = command
        .args(args)
        .current_dir(fixture("validate"))
        .output()
        .expect("continuity runs")
        .into();
    run.assert_no_panic();
    run
}

const MIXED: &[&str] = &["validate", "--today", FIXTURE_TODAY, "mixed.json"];
const MISSING: &[&str] = &["validate", "missing.json"];

#[test]
fn clicolor_force_colours_the_output() {
    let plain = run_in(&fixture("validate"), MIXED);
    assert!(
        !plain.stdout.contains(ESCAPE),
        "the helper's NO_COLOR keeps output plain"
    );
    let coloured = forced_colour(MIXED, false);
    assert_eq!(coloured.code, 1);
    assert!(
        coloured.stdout.contains(&format!("{ESCAPE}31m")),
        "no red in {:?}",
        coloured.stdout
    );
    assert!(
        coloured.stdout.contains(&format!("{ESCAPE}33m")),
        "no yellow in {:?}",
        coloured.stdout
    );
    // Without the escapes, the text is exactly the plain output.
    assert_eq!(strip_ansi(&coloured.stdout), plain.stdout);
    // Errors of the tool itself are coloured too.
    let error = forced_colour(MISSING, false);
    assert_eq!(error.code, 2);
    assert!(error.stderr.starts_with(ESCAPE), "{:?}", error.stderr);
}

#[test]
fn no_color_wins_over_clicolor_force() {
    let run = forced_colour(MIXED, true);
    assert_eq!(run.code, 1);
    assert!(!run.stdout.contains(ESCAPE), "{:?}", run.stdout);
    assert!(
        run.stdout.contains("error[dangling-reference]"),
        "{}",
        run.stdout
    );
    let error = forced_colour(MISSING, true);
    assert_eq!(error.code, 2);
    assert!(!error.stderr.contains(ESCAPE), "{:?}", error.stderr);
    assert!(
        error.stderr.starts_with("error: cannot read missing.json"),
        "{:?}",
        error.stderr
    );
}

/// Removes ANSI SGR sequences (`ESC [ ... m`).
fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(ESCAPE) {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        match rest.find('m') {
            Some(end) => rest = &rest[end + 1..],
            None => rest = "",
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn github_annotations_follow_deny_warnings() {
    let args = |deny: bool| {
        let mut args = vec!["validate", "--format", "github", "--today", FIXTURE_TODAY];
        if deny {
            args.extend(["--deny", "warnings"]);
        }
        args.extend(["warning-only.json", "allow-warning.json", "info-only.json"]);
        run(&args)
    };
    let lenient = args(false);
    assert_eq!(lenient.code, 0);
    assert!(
        lenient.stdout.starts_with(
            "::warning file=warning-only.json,line=16,col=20,title=continuity review-overdue::"
        ),
        "{}",
        lenient.stdout
    );
    assert!(
        lenient
            .stdout
            .ends_with("continuity validate: valid (1 warning, 1 info, 1 allowed)\n"),
        "{}",
        lenient.stdout
    );
    let strict = args(true);
    assert_eq!(strict.code, 1);
    assert!(
        strict.stdout.starts_with(
            "::error file=warning-only.json,line=16,col=20,title=continuity review-overdue::"
        ),
        "{}",
        strict.stdout
    );
    // Allowed findings and infos stay notices.
    assert!(strict.stdout.contains("::notice file=allow-warning.json,line=126,col=21,title=continuity single-point-of-failure::"), "{}", strict.stdout);
    assert!(
        strict.stdout.contains(
            "::notice file=info-only.json,line=9,col=16,title=continuity version-not-approved::"
        ),
        "{}",
        strict.stdout
    );
    assert!(
        strict
            .stdout
            .ends_with("continuity validate: invalid (1 warning, 1 info, 1 allowed)\n"),
        "{}",
        strict.stdout
    );
}
