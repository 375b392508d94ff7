//! Every rule has a fixture that triggers exactly the expected findings at the expected places,
//! and a near miss that does not trigger it; every input error code has a case with its position.
//!
//! `tests/fixtures/rules/base.json` is a small complete plan without findings. Each directory
//! `tests/fixtures/rules/<rule>/` holds `trigger.json` (base with the smallest change that
//! triggers the rule), `pass.json` (a similar change that must not) and `expected.txt`: every
//! finding of `trigger.json`, one per line, as `<code> <severity> <line>:<column> <pointer>`.
//!
//! After an intended change of positions, `CONTINUITY_BLESS=1 cargo test -p continuity-tests
//! --test rules` rewrites the `expected.txt` files; review the diff before committing it.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use continuity_tests::{FIXTURE_TODAY, fixture, run_in, validate_json};

/// The names of all rules, as the binary lists them.
fn rule_names() -> Vec<String> {
    let run = run_in(&fixture("rules"), &["rules", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rules = run.json();
    let names: Vec<String> = rules["rules"]
        .as_array()
        .expect("a `rules` array")
        .iter()
        .map(|r| r["name"].as_str().expect("a rule name").to_owned())
        .collect();
    assert!(names.len() >= 30, "suspiciously few rules: {names:?}");
    names
}

#[test]
fn the_json_list_holds_the_input_error_codes_too() {
    let run = run_in(&fixture("rules"), &["rules", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let codes: Vec<String> = run.json()["input_errors"]
        .as_array()
        .expect("an `input_errors` array")
        .iter()
        .map(|e| {
            assert!(e["meaning"].as_str().is_some_and(|m| !m.is_empty()), "{e}");
            e["code"].as_str().expect("a code").to_owned()
        })
        .collect();
    assert_eq!(codes, input_error_codes());
}

/// The input error codes listed at the end of `continuity rules`.
fn input_error_codes() -> Vec<String> {
    let run = run_in(&fixture("rules"), &["rules"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (_, tail) = run
        .stdout
        .split_once("Input errors")
        .expect("an input errors section");
    let codes: Vec<String> = tail
        .lines()
        .skip(1)
        .filter_map(|line| {
            line.strip_prefix("  ")?
                .split_once(':')
                .map(|(code, _)| code.to_owned())
        })
        .collect();
    assert!(
        codes.len() >= 10,
        "suspiciously few input errors: {codes:?}"
    );
    codes
}

fn rules_dir() -> PathBuf {
    fixture("rules")
}

/// The exit code validation must end with, given the expected finding lines.
fn expected_exit(lines: &[String]) -> i32 {
    i32::from(
        lines
            .iter()
            .any(|l| l.split(' ').nth(1) == Some("error") && !l.ends_with(" allowed")),
    )
}

/// Validates `file` (relative to the rules directory); returns the exit code and finding lines.
fn findings(file: &str) -> (i32, Vec<String>) {
    let (run, document) = validate_json(&rules_dir(), &[file]);
    (run.code, continuity_tests::finding_lines(&document))
}

fn read_lines(path: &Path) -> Vec<String> {
    fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn base_plan_has_no_findings() {
    let (code, lines) = findings("base.json");
    assert_eq!(lines, Vec::<String>::new());
    assert_eq!(code, 0);
    // Also as people read it: a valid plan without any finding.
    let run = run_in(
        &rules_dir(),
        &["validate", "--today", FIXTURE_TODAY, "base.json"],
    );
    assert_eq!(run.stdout, "base.json: valid (no findings)\n");
}

#[test]
fn base_plan_fills_every_section() {
    let text = fs::read_to_string(rules_dir().join("base.json")).expect("base plan");
    let plan: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    for (key, value) in plan.as_object().expect("an object") {
        let filled = match value {
            serde_json::Value::Array(items) => !items.is_empty(),
            serde_json::Value::Object(fields) => fields
                .values()
                .all(|v| !v.as_array().is_some_and(Vec::is_empty)),
            _ => true,
        };
        assert!(filled, "section `{key}` of the base plan is empty");
    }
}

/// Every fixture plan (rules and validate) is written in the canonical layout, so that the
/// line numbers in the expectations are those `continuity fmt` produces.
#[test]
fn fixture_plans_are_in_canonical_layout() {
    let mut files = vec![rules_dir().join("base.json")];
    for entry in fs::read_dir(rules_dir()).expect("rules fixtures") {
        let dir = entry.expect("entry").path();
        if dir.is_dir() {
            files.push(dir.join("trigger.json"));
            files.push(dir.join("pass.json"));
        }
    }
    for entry in fs::read_dir(fixture("validate")).expect("validate fixtures") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            files.push(path);
        }
    }
    let mut args = vec!["fmt".to_owned(), "--check".to_owned()];
    args.extend(files.iter().map(|f| f.to_string_lossy().into_owned()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = run_in(&rules_dir(), &args);
    run.assert_no_panic();
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, "", ""),
        "run `continuity fmt` on the fixtures"
    );
}

#[test]
fn every_rule_has_fixtures_and_every_fixture_a_rule() {
    let names = rule_names();
    let mut problems = String::new();
    for name in &names {
        for file in ["trigger.json", "pass.json", "expected.txt"] {
            if !rules_dir().join(name).join(file).is_file() {
                let _ = writeln!(
                    problems,
                    "rule `{name}` has no tests/fixtures/rules/{name}/{file}"
                );
            }
        }
    }
    for entry in fs::read_dir(rules_dir()).expect("rules fixtures") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if path.is_dir() && !names.contains(&name) {
            let _ = writeln!(
                problems,
                "tests/fixtures/rules/{name}/ is not the name of a rule"
            );
        }
    }
    assert!(problems.is_empty(), "{problems}");
}

/// The heart of it: each trigger yields exactly the expected findings, including one of its rule,
/// and fails validation exactly when one of them is an unallowed error.
#[test]
fn each_trigger_yields_exactly_the_expected_findings() {
    let bless = std::env::var_os("CONTINUITY_BLESS").is_some();
    let mut problems = String::new();
    for name in rule_names() {
        let dir = rules_dir().join(&name);
        if !dir.join("trigger.json").is_file() {
            let _ = writeln!(problems, "{name}: no trigger.json");
            continue;
        }
        let (code, actual) = findings(&format!("{name}/trigger.json"));
        let expected_path = dir.join("expected.txt");
        if bless {
            let text: String = actual.iter().map(|l| format!("{l}\n")).collect();
            fs::write(&expected_path, text).expect("write expected.txt");
        }
        let expected = if expected_path.is_file() {
            read_lines(&expected_path)
        } else {
            Vec::new()
        };
        if actual != expected {
            let _ = writeln!(
                problems,
                "{name}/trigger.json:\n  expected {expected:#?}\n  actual   {actual:#?}"
            );
        }
        if !expected.iter().any(|l| l.starts_with(&format!("{name} "))) {
            let _ = writeln!(problems, "{name}/expected.txt lists no finding of `{name}`");
        }
        if code != expected_exit(&expected) {
            let _ = writeln!(
                problems,
                "{name}/trigger.json: exit {code}, expected {}",
                expected_exit(&expected)
            );
        }
    }
    assert!(problems.is_empty(), "{problems}");
}

/// Each near miss stays clear of its rule (and of every other rule, except allowed findings).
#[test]
fn each_pass_fixture_stays_clear_of_its_rule() {
    let mut problems = String::new();
    for name in rule_names() {
        if !rules_dir().join(&name).join("pass.json").is_file() {
            let _ = writeln!(problems, "{name}: no pass.json");
            continue;
        }
        let (code, actual) = findings(&format!("{name}/pass.json"));
        let own: Vec<&String> = actual
            .iter()
            .filter(|l| l.starts_with(&format!("{name} ")))
            .collect();
        if !own.is_empty() {
            let _ = writeln!(problems, "{name}/pass.json triggers its rule: {own:?}");
        }
        let others: Vec<&String> = actual.iter().filter(|l| !l.ends_with(" allowed")).collect();
        if !others.is_empty() {
            let _ = writeln!(problems, "{name}/pass.json has other findings: {others:?}");
        }
        if code != expected_exit(&actual) {
            let _ = writeln!(problems, "{name}/pass.json: exit {code}");
        }
    }
    assert!(problems.is_empty(), "{problems}");
}

/// A fixture identical to the base plan would test nothing.
#[test]
fn triggers_and_near_misses_change_the_base_plan_a_little() {
    let base = read_lines(&rules_dir().join("base.json"));
    let mut problems = String::new();
    for name in rule_names() {
        for file in ["trigger.json", "pass.json"] {
            let path = rules_dir().join(&name).join(file);
            if !path.is_file() {
                continue;
            }
            let lines = read_lines(&path);
            let changed = changed_lines(&base, &lines);
            // A near miss may need a little context (a new person and role, for example).
            let limit = if file == "trigger.json" { 12 } else { 20 };
            if changed == 0 || changed > limit {
                let _ = writeln!(
                    problems,
                    "{name}/{file} changes {changed} lines of base.json"
                );
            }
        }
    }
    assert!(problems.is_empty(), "{problems}");
}

/// Lines removed plus lines added between `a` and `b` (a longest-common-subsequence diff).
fn changed_lines(a: &[String], b: &[String]) -> usize {
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    a.len() + b.len() - 2 * lcs[0][0]
}

/// The human and GitHub formats point at the same places as the JSON format.
#[test]
fn all_formats_agree_on_positions() {
    let mut problems = String::new();
    for name in rule_names() {
        let file = format!("{name}/trigger.json");
        let expected_path = rules_dir().join(&name).join("expected.txt");
        if !expected_path.is_file() {
            continue;
        }
        let human = run_in(&rules_dir(), &["validate", "--today", FIXTURE_TODAY, &file]);
        let github = run_in(
            &rules_dir(),
            &[
                "validate",
                "--format",
                "github",
                "--today",
                FIXTURE_TODAY,
                &file,
            ],
        );
        for line in read_lines(&expected_path) {
            let parts: Vec<&str> = line.split(' ').collect();
            let [code, severity, at, pointer] = parts[..4] else {
                continue;
            };
            let (row, column) = at.split_once(':').expect("line:column");
            let label = if line.ends_with(" allowed") {
                "allowed"
            } else {
                severity
            };
            let arrow = format!("--> {file}:{at} at {pointer}\n");
            if !human.stdout.contains(&format!("{label}[{code}]: "))
                || !human.stdout.contains(&arrow)
            {
                let _ = writeln!(
                    problems,
                    "{file}: human output lacks {label}[{code}] {arrow}{}",
                    human.stdout
                );
            }
            let command = if severity == "info" {
                "notice"
            } else {
                severity
            };
            let annotation = format!(
                "::{command} file={file},line={row},col={column},title=continuity {code}::"
            );
            if !github.stdout.contains(&annotation) {
                let _ = writeln!(
                    problems,
                    "{file}: GitHub output lacks {annotation}\n{}",
                    github.stdout
                );
            }
        }
    }
    assert!(problems.is_empty(), "{problems}");
}

// ---------------------------------------------------------------------------------------------
// Allowances and --deny warnings, on plans in tests/fixtures/validate/.

/// Validates `file` of `tests/fixtures/validate/` with `args`; checks the exit code and findings.
fn check(file: &str, args: &[&str], code: i32, expected: &[&str]) {
    let mut all = args.to_vec();
    all.push(file);
    let (run, document) = validate_json(&fixture("validate"), &all);
    assert_eq!(
        continuity_tests::finding_lines(&document),
        expected,
        "{file} {args:?}"
    );
    assert_eq!(
        run.code, code,
        "exit code of {file} {args:?}:\n{}",
        run.stdout
    );
    assert_eq!(document["passed"], code == 0, "`passed` of {file} {args:?}");
}

#[test]
fn an_allowed_warning_is_shown_as_allowed_and_passes() {
    check(
        "allow-warning.json",
        &[],
        0,
        &["single-point-of-failure warning 126:21 /systems/1/redundancy allowed"],
    );
    let run = run_in(
        &fixture("validate"),
        &["validate", "--today", FIXTURE_TODAY, "allow-warning.json"],
    );
    assert!(
        run.stdout
            .contains("allowed[single-point-of-failure]: `server` has no redundancy"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "= allowed: The server is replaced within 4 hours under the hardware contract."
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .ends_with("allow-warning.json: valid (1 allowed)\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn an_allowed_warning_passes_even_when_warnings_are_denied() {
    check(
        "allow-warning.json",
        &["--deny", "warnings"],
        0,
        &["single-point-of-failure warning 126:21 /systems/1/redundancy allowed"],
    );
}

#[test]
fn an_allowed_error_passes() {
    check(
        "allow-error.json",
        &[],
        0,
        &["backup-not-ransomware-safe error 112:17 /systems/0/backup allowed"],
    );
}

#[test]
fn an_allowance_without_subject_covers_every_finding_of_its_rule() {
    check(
        "allow-whole-plan.json",
        &["--deny", "warnings"],
        0,
        &[
            "single-point-of-failure warning 111:21 /systems/0/redundancy allowed",
            "single-point-of-failure warning 126:21 /systems/1/redundancy allowed",
        ],
    );
}

#[test]
fn an_expired_allowance_no_longer_allows_and_is_reported() {
    let expected = [
        "single-point-of-failure warning 126:21 /systems/1/redundancy",
        "allowance-unused info 298:5 /allow/0",
    ];
    check("allow-expired.json", &[], 0, &expected);
    check("allow-expired.json", &["--deny", "warnings"], 1, &expected);
    let (_, document) = validate_json(&fixture("validate"), &["allow-expired.json"]);
    let message = document["files"][0]["findings"][1]["message"]
        .as_str()
        .unwrap_or_default();
    assert!(message.contains("expired on 2026-05-31"), "{message}");
}

#[test]
fn an_allowance_for_another_subject_does_not_allow() {
    check(
        "allow-other-subject.json",
        &[],
        0,
        &[
            "single-point-of-failure warning 126:21 /systems/1/redundancy",
            "allowance-unused info 298:5 /allow/0",
        ],
    );
}

#[test]
fn an_allowance_for_a_missing_entity_is_a_dangling_reference() {
    check(
        "allow-missing-subject.json",
        &[],
        1,
        &[
            "dangling-reference error 300:18 /allow/0/subject",
            "single-point-of-failure warning 126:21 /systems/1/redundancy",
            "allowance-unused info 298:5 /allow/0",
        ],
    );
}

#[test]
fn allowance_unused_and_unknown_rule_fixtures() {
    // Through the rule fixtures, with the exit codes their severities imply.
    let (code, lines) = findings("allowance-unused/trigger.json");
    assert_eq!(
        (code, lines),
        (0, vec!["allowance-unused info 298:5 /allow/0".to_owned()])
    );
    let (code, lines) = findings("allowance-unknown-rule/trigger.json");
    assert_eq!(
        (code, lines),
        (
            1,
            vec!["allowance-unknown-rule error 299:15 /allow/0/rule".to_owned()]
        )
    );
    let (_, document) = validate_json(&rules_dir(), &["allowance-unknown-rule/trigger.json"]);
    assert_eq!(
        document["files"][0]["findings"][0]["hint"],
        "did you mean `single-point-of-failure`?"
    );
}

#[test]
fn deny_warnings_turns_a_warning_into_a_failure() {
    let expected = ["review-overdue warning 16:20 /plan/last_review"];
    check("warning-only.json", &[], 0, &expected);
    check("warning-only.json", &["--deny", "warnings"], 1, &expected);
    let (_, document) = validate_json(
        &fixture("validate"),
        &["--deny", "warnings", "warning-only.json"],
    );
    assert_eq!(document["deny_warnings"], true);
    let run = run_in(
        &fixture("validate"),
        &[
            "validate",
            "--deny",
            "warnings",
            "--today",
            FIXTURE_TODAY,
            "warning-only.json",
        ],
    );
    assert!(
        run.stdout
            .ends_with("warning-only.json: invalid (1 warning)\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn deny_warnings_does_not_fail_on_infos() {
    check(
        "info-only.json",
        &["--deny", "warnings"],
        0,
        &["version-not-approved info 9:16 /plan/version"],
    );
}

// ---------------------------------------------------------------------------------------------
// Input errors: each code listed by `continuity rules` has a case with its exact position.

/// The base plan's text with `from` replaced by `to` (exactly once).
fn base_with(from: &str, to: &str) -> Vec<u8> {
    let text = fs::read_to_string(rules_dir().join("base.json")).expect("base plan");
    assert_eq!(
        text.matches(from).count(),
        1,
        "`{from}` must occur once in base.json"
    );
    text.replacen(from, to, 1).into_bytes()
}

/// What an input error case writes: bytes, or a sparse file of a given size.
enum Content {
    Bytes(Vec<u8>),
    Sparse(u64),
}

/// The nesting depth `continuity rules` documents as the limit ("nested more than N levels").
fn documented_nesting_limit() -> usize {
    let run = run_in(&fixture("rules"), &["rules"]);
    let (_, rest) = run
        .stdout
        .split_once("nested more than ")
        .expect("the nesting limit is documented");
    rest.split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a number of levels")
}

fn input_cases() -> Vec<(&'static str, Content, Vec<String>)> {
    use Content::{Bytes, Sparse};
    let max = continuity_schema::load::MAX_PLAN_BYTES;
    let limit = documented_nesting_limit();
    let cases: Vec<(&'static str, Content, &[&str])> = vec![
        (
            "file-too-large",
            Sparse(max + 1),
            &["file-too-large error 1:1"],
        ),
        (
            "empty-file",
            Bytes(b"  \n\t\n".to_vec()),
            &["empty-file error 1:1"],
        ),
        (
            "byte-order-mark",
            Bytes(b"\xEF\xBB\xBF{\"format_version\": 1}".to_vec()),
            &["byte-order-mark error 1:1"],
        ),
        // Columns count characters: `ë` is one column, and the Latin-1 `é` is the 16th.
        (
            "invalid-utf8",
            Bytes(b"{\n  \"naam\": \"Zo\xC3\xAB \xE9\"\n}\n".to_vec()),
            &["invalid-utf8 error 2:16"],
        ),
        (
            "invalid-json",
            Bytes(base_with(
                "\"version\": \"2026.1\",\n    \"language\"",
                "\"version\": \"2026.1\"\n    \"language\"",
            )),
            &["invalid-json error 10:5"],
        ),
        (
            "nesting-too-deep",
            Bytes(
                format!(
                    "{{\n  \"plan\": {}{}\n}}\n",
                    "[".repeat(300),
                    "]".repeat(300)
                )
                .into_bytes(),
            ),
            // Placeholder: the position depends on the documented limit, see below.
            &[],
        ),
        (
            "duplicate-key",
            Bytes(base_with(
                "\"language\": \"nl\",",
                "\"language\": \"nl\",\n    \"version\": \"2026.2\",",
            )),
            &["duplicate-key error 11:5 /plan/version"],
        ),
        (
            "unsupported-format-version",
            Bytes(base_with(
                "\"format_version\": 1,",
                "\"format_version\": 2,",
            )),
            &["unsupported-format-version error 2:21 /format_version"],
        ),
        (
            "unknown-field",
            Bytes(base_with(
                "\"kind\": \"municipality\"",
                "\"knid\": \"municipality\"",
            )),
            &["unknown-field error 5:5 /organisation/knid"],
        ),
        // A missing field points at the object that lacks it.
        (
            "missing-field",
            Bytes(base_with(
                "\"approved_by\": \"College\"",
                "\"reference\": \"B-2026-12\"",
            )),
            &["missing-field error 18:7 /plan/approvals/0/approved_by"],
        ),
        (
            "wrong-type",
            Bytes(base_with(
                "\"review_interval_months\": 12,",
                "\"review_interval_months\": \"12\",",
            )),
            &["wrong-type error 15:31 /plan/review_interval_months"],
        ),
        (
            "invalid-value",
            Bytes(base_with("\"rto\": \"8h\",", "\"rto\": \"8 hours\",")),
            &["invalid-value error 82:14 /services/0/rto"],
        ),
    ];
    cases
        .into_iter()
        .map(|(code, content, expected)| {
            let expected = if code == "nesting-too-deep" {
                // The root object is level 1, so the bracket that goes past the limit is the
                // limit-th one, on line 2 after the 10 characters of `  "plan": `.
                vec![format!("nesting-too-deep error 2:{}", 10 + limit)]
            } else {
                expected.iter().map(|l| (*l).to_owned()).collect()
            };
            (code, content, expected)
        })
        .collect()
}

#[test]
fn every_input_error_has_a_case_at_its_exact_position() {
    let cases = input_cases();
    let mut problems = String::new();
    for code in input_error_codes() {
        if !cases.iter().any(|(c, _, _)| *c == code) {
            let _ = writeln!(
                problems,
                "input error `{code}` has no case in input_cases()"
            );
        }
    }
    let dir = tempfile::tempdir().expect("tempdir");
    for (code, content, expected) in cases {
        let name = format!("{code}.json");
        let path = dir.path().join(&name);
        match content {
            Content::Bytes(bytes) => fs::write(&path, bytes).expect("write"),
            Content::Sparse(size) => fs::File::create(&path)
                .and_then(|f| f.set_len(size))
                .expect("sparse file"),
        }
        let (run, document) = validate_json(dir.path(), &[&name]);
        let actual = continuity_tests::finding_lines(&document);
        if actual != expected {
            let _ = writeln!(problems, "{code}: expected {expected:?}, got {actual:?}");
        }
        if run.code != 1 {
            let _ = writeln!(problems, "{code}: exit {}, expected 1", run.code);
        }
    }
    assert!(problems.is_empty(), "{problems}");
}

// ---------------------------------------------------------------------------------------------
// Rule behaviour beyond the fixtures.

/// Validates the base plan with `from` replaced by `to`; returns the exit code and the document.
fn validate_base_with(from: &str, to: &str) -> (i32, serde_json::Value) {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("plan.json"), base_with(from, to)).expect("write plan");
    let (run, document) = validate_json(dir.path(), &["plan.json"]);
    (run.code, document)
}

/// BUG: `role-without-deputy` counts entries of `members`, not people: a crisis-team role that
/// lists the same person twice (a copy-paste slip) has no deputy, but is not reported.
#[test]
fn a_crisis_role_listing_one_person_twice_has_no_deputy() {
    let (code, document) =
        validate_base_with("\"an\",\n        \"bert\"", "\"an\",\n        \"an\"");
    assert_eq!(code, 0);
    assert_eq!(
        continuity_tests::finding_lines(&document),
        ["role-without-deputy warning 70:18 /roles/0/members"]
    );
}

/// BUG (message): an action one day late reads "(1 days late)".
#[test]
fn an_action_one_day_late_says_day() {
    let (_, document) = validate_base_with("\"due\": \"2026-09-01\"", "\"due\": \"2026-05-31\"");
    let message = document["files"][0]["findings"][0]["message"]
        .as_str()
        .unwrap_or_default();
    assert!(message.contains("was due on 2026-05-31"), "{message}");
    assert!(message.contains("(1 day late)"), "{message}");
}

#[test]
fn an_action_two_days_late_says_days() {
    let (_, document) = validate_base_with("\"due\": \"2026-09-01\"", "\"due\": \"2026-05-30\"");
    let message = document["files"][0]["findings"][0]["message"]
        .as_str()
        .unwrap_or_default();
    assert!(message.contains("(2 days late)"), "{message}");
}

#[test]
fn a_system_that_depends_on_itself_is_a_cycle() {
    let (code, document) = validate_base_with(
        "\"kind\": \"server\",",
        "\"kind\": \"server\",\n      \"depends_on\": [\n        \"server\"\n      ],",
    );
    assert_eq!(code, 1);
    assert_eq!(
        continuity_tests::finding_lines(&document),
        ["dependency-cycle error 127:9 /systems/1/depends_on/0"]
    );
    assert_eq!(
        document["files"][0]["findings"][0]["message"],
        "systems depend on each other in a cycle: server → server"
    );
}

#[test]
fn done_and_cancelled_actions_are_never_overdue() {
    for status in ["done", "cancelled"] {
        let (code, document) = validate_base_with(
            "\"due\": \"2026-09-01\",\n      \"status\": \"open\"",
            &format!("\"due\": \"2020-01-01\",\n      \"status\": \"{status}\""),
        );
        assert_eq!(
            (code, continuity_tests::finding_lines(&document)),
            (0, vec![]),
            "{status}"
        );
    }
}
