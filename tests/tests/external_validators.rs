//! The generated JSON Schema under independent validators, and their agreement with `continuity`.
//!
//! `continuity schema` must produce a schema that other tools accept as draft 2020-12 without
//! complaint: ajv in strict mode (with ajv-formats) and Python's `jsonschema`
//! (`Draft202012Validator.check_schema`, then validation with a format checker). Plan files must
//! then come out the same way under all three: every `plans/*.json` (and a minimal fixture) is
//! valid for each of them, and a set of broken documents is rejected by each of them, at the
//! place that was broken.
//!
//! The tools are installed by `.ci/run`, which exports where they are:
//! - `CONTINUITY_AJV`: the `ajv` of ajv-cli (default `tests/external/node_modules/.bin/ajv`,
//!   from `npm ci` in `tests/external`);
//! - `CONTINUITY_PYTHON`: a Python with the packages of `tests/external/requirements.txt`
//!   (default `python3`).
//!
//! Without a tool, these tests fail when `CI` is set, and otherwise print a note and pass.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use continuity_tests::{Run, continuity, fixture, repo_root};
use serde_json::Value;

/// `continuity validate --today` for the agreement checks, so that they do not depend on the date.
const TODAY: &str = "2026-06-01";

// ---------------------------------------------------------------------------------------------
// Locating the tools
// ---------------------------------------------------------------------------------------------

fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty())
}

/// Reports a missing tool: a failure in CI, a note (and `None`) elsewhere.
fn unavailable<T>(tool: &str, why: &str) -> Option<T> {
    let message = format!(
        "{tool} is not available ({why}); run `.ci/run` to install the external validators \
         (or set CONTINUITY_AJV / CONTINUITY_PYTHON)"
    );
    assert!(
        !in_ci(),
        "CI is set, so the external validators must run: {message}"
    );
    eprintln!("note: skipping this check: {message}");
    None
}

/// The `ajv` command of ajv-cli.
fn ajv() -> Option<PathBuf> {
    let (path, from) = match std::env::var_os("CONTINUITY_AJV") {
        Some(path) if !path.is_empty() => (PathBuf::from(path), "CONTINUITY_AJV"),
        _ => (
            repo_root().join("tests/external/node_modules/.bin/ajv"),
            "the default path",
        ),
    };
    if path.is_file() {
        Some(path)
    } else {
        unavailable(
            "ajv",
            &format!("{} ({from}) does not exist", path.display()),
        )
    }
}

/// A Python whose `jsonschema` can check every format the schema uses.
fn python() -> Option<PathBuf> {
    static PROBE: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    let probe = PROBE.get_or_init(|| {
        let python = std::env::var_os("CONTINUITY_PYTHON")
            .filter(|p| !p.is_empty())
            .map_or_else(|| PathBuf::from("python3"), PathBuf::from);
        let output = Command::new(&python)
            .args(["-c", "import jsonschema"])
            .output();
        match output {
            Err(err) => return Err(format!("{} does not run: {err}", python.display())),
            Ok(out) if !out.status.success() => {
                return Err(format!(
                    "{} cannot import jsonschema: {}",
                    python.display(),
                    String::from_utf8_lossy(&out.stderr).trim()
                ));
            }
            Ok(_) => {}
        }
        // Without its optional packages, jsonschema passes some formats unchecked.
        let report = run_python_check(&python, schema_path(), &[]);
        let unchecked: Vec<&str> = report.json["unchecked_formats"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        if unchecked.is_empty() {
            Ok(python)
        } else {
            Err(format!(
                "{} has jsonschema without checkers for the formats {} \
                 (install tests/external/requirements.txt)",
                python.display(),
                unchecked.join(", ")
            ))
        }
    });
    match probe {
        Ok(python) => Some(python.clone()),
        Err(why) => unavailable("Python jsonschema", why),
    }
}

// ---------------------------------------------------------------------------------------------
// The schema and the documents
// ---------------------------------------------------------------------------------------------

/// A scratch directory under cargo's `target/tmp`.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("external-validators")
        .join(name);
    if dir.exists() {
        fs::remove_dir_all(&dir).expect("clearing the scratch directory");
    }
    fs::create_dir_all(&dir).expect("creating the scratch directory");
    dir
}

/// The text that `continuity schema` prints.
fn generated_schema_text() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let run: Run = continuity()
            .arg("schema")
            .output()
            .expect("continuity runs")
            .into();
        assert_eq!(run.code, 0, "`continuity schema` failed:\n{}", run.stderr);
        run.stdout
    })
}

/// The schema that `continuity schema` prints, written to a file for the other validators.
fn schema_path() -> &'static Path {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let path = scratch("schema").join("plan.schema.json");
        fs::write(&path, generated_schema_text()).expect("writing the schema");
        path
    })
}

/// Plans that are valid by schema: every `plans/*.json`, and a minimal plan of the tests
/// (`tests/fixtures/external/valid-minimal.json`, which also passes the rules).
fn valid_plans() -> Vec<PathBuf> {
    let mut plans = vec![fixture("external/valid-minimal.json")];
    if let Ok(entries) = fs::read_dir(repo_root().join("plans")) {
        let mut found: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|ext| ext == "json"))
            .collect();
        found.sort();
        plans.extend(found);
    }
    plans
}

/// One way to break the minimal plan.
struct Breakage {
    name: &'static str,
    /// Where the change is made, as a JSON pointer.
    pointer: &'static str,
    /// The new value; `None` removes the field.
    value: Option<Value>,
    /// The code `continuity validate` must report for it.
    code: &'static str,
}

fn breakages() -> Vec<Breakage> {
    let set = |name, pointer, value, code| Breakage {
        name,
        pointer,
        value: Some(value),
        code,
    };
    vec![
        set(
            "unknown-field",
            "/organisation/nmae",
            Value::from("Gemeente Voorbeeldegem"),
            "unknown-field",
        ),
        set(
            "unknown-top-level-field",
            "/contacts",
            Value::Array(vec![]),
            "unknown-field",
        ),
        set(
            "wrong-type-integer-as-string",
            "/plan/review_interval_months",
            Value::from("12"),
            "wrong-type",
        ),
        set(
            "wrong-type-object-for-array",
            "/roles/0/members",
            serde_json::json!({"0": "ann-jacobs"}),
            "wrong-type",
        ),
        set(
            "bad-duration-pattern",
            "/services/0/rto",
            Value::from("4 hours"),
            "invalid-value",
        ),
        set(
            "bad-id",
            "/services/0/id",
            Value::from("Burger Zaken"),
            "invalid-value",
        ),
        set(
            "unknown-enum-value",
            "/services/0/criticality",
            Value::from("urgent"),
            "invalid-value",
        ),
        set(
            "out-of-range",
            "/plan/review_interval_months",
            Value::from(0),
            "invalid-value",
        ),
        set(
            "impossible-date",
            "/plan/last_review",
            Value::from("2026-02-30"),
            "invalid-value",
        ),
        set(
            "bad-uri",
            "/organisation/website",
            Value::from("https://exa<mple.example/"),
            "invalid-value",
        ),
        set(
            "null-for-optional-field",
            "/services/0/rto",
            Value::Null,
            "wrong-type",
        ),
        set(
            "other-format-version",
            "/format_version",
            Value::from(2),
            "unsupported-format-version",
        ),
        Breakage {
            name: "missing-required-field",
            pointer: "/people/0/name",
            value: None,
            code: "missing-field",
        },
        Breakage {
            name: "missing-required-section",
            pointer: "/actions",
            value: None,
            code: "missing-field",
        },
    ]
}

/// Applies a breakage to a copy of `plan`.
fn broken(plan: &Value, breakage: &Breakage) -> Value {
    let mut plan = plan.clone();
    let (parent, key) = breakage
        .pointer
        .rsplit_once('/')
        .expect("a pointer with a parent");
    let container = plan
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("{}: no {parent} in the plan", breakage.name));
    match (container, &breakage.value) {
        (Value::Object(map), Some(value)) => {
            map.insert(key.to_owned(), value.clone());
        }
        (Value::Object(map), None) => {
            assert!(
                map.shift_remove(key).is_some(),
                "{}: no {} in the plan",
                breakage.name,
                breakage.pointer
            );
        }
        (Value::Array(list), Some(value)) => {
            let index: usize = key.parse().expect("an array index");
            list[index] = value.clone();
        }
        _ => panic!("{}: cannot change {}", breakage.name, breakage.pointer),
    }
    plan
}

/// Whether a validator's error at `at` is about `pointer`: the value itself, or (for unknown
/// and missing fields, which validators report on the object) the object that holds it.
fn points_at(at: &str, pointer: &str) -> bool {
    let parent = pointer.rsplit_once('/').map_or("", |(parent, _)| parent);
    at == pointer || at == parent
}

// ---------------------------------------------------------------------------------------------
// Running the validators
// ---------------------------------------------------------------------------------------------

/// ajv's verdict on one document: `None` if valid, else the instance paths of its errors.
type AjvVerdict = Option<Vec<String>>;

/// The common ajv options: draft 2020-12, strict mode, the formats of ajv-formats.
fn ajv_command(ajv: &Path, subcommand: &str) -> Command {
    let mut command = Command::new(ajv);
    command
        .args([
            subcommand,
            "--spec=draft2020",
            "--strict=true",
            "-c",
            "ajv-formats",
            "-s",
        ])
        .arg(schema_path());
    command
}

fn run_ajv(ajv: &Path, documents: &[PathBuf]) -> Vec<AjvVerdict> {
    let mut command = ajv_command(ajv, "validate");
    command.args(["--all-errors", "--errors=json"]);
    for document in documents {
        command.arg("-d").arg(document);
    }
    let run: Run = command.output().expect("ajv runs").into();
    assert!(
        run.code == 0 || run.code == 1,
        "ajv validate failed to run (exit {}):\n{}\n{}",
        run.code,
        run.stdout,
        run.stderr
    );
    documents
        .iter()
        .map(|document| {
            let path = document.display().to_string();
            let valid = run.stdout.lines().any(|l| l == format!("{path} valid"));
            let marker = format!("{path} invalid\n");
            let invalid = run.stderr.find(&marker);
            match (valid, invalid) {
                (true, None) => None,
                (false, Some(at)) => {
                    let rest = &run.stderr[at + marker.len()..];
                    let errors = serde_json::Deserializer::from_str(rest)
                        .into_iter::<Value>()
                        .next()
                        .and_then(Result::ok)
                        .unwrap_or_else(|| {
                            panic!("ajv printed no JSON errors for {path}:\n{}", run.stderr)
                        });
                    let paths = errors
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|e| e["instancePath"].as_str().unwrap_or("?").to_owned())
                        .collect();
                    Some(paths)
                }
                _ => panic!(
                    "ajv gave no single verdict on {path}:\nstdout:\n{}\nstderr:\n{}",
                    run.stdout, run.stderr
                ),
            }
        })
        .collect()
}

/// What `tests/external/jsonschema_check.py` printed, and its exit code.
struct PythonReport {
    code: i32,
    json: Value,
    stderr: String,
}

fn run_python_check(python: &Path, schema: &Path, documents: &[PathBuf]) -> PythonReport {
    let script = repo_root().join("tests/external/jsonschema_check.py");
    let run: Run = Command::new(python)
        .arg(&script)
        .arg(schema)
        .args(documents)
        .output()
        .expect("python runs")
        .into();
    let json = serde_json::from_str(&run.stdout).unwrap_or_else(|e| {
        panic!(
            "{} printed no JSON report ({e}), exit {}:\n{}\n{}",
            script.display(),
            run.code,
            run.stdout,
            run.stderr
        )
    });
    PythonReport {
        code: run.code,
        json,
        stderr: run.stderr,
    }
}

/// Python's verdict on each document: `None` if valid, else the instance paths of its errors.
fn run_python(python: &Path, documents: &[PathBuf]) -> Vec<Option<Vec<String>>> {
    let report = run_python_check(python, schema_path(), documents);
    assert!(
        report.code == 0 || report.code == 1,
        "jsonschema_check.py failed (exit {}): {:#}\n{}",
        report.code,
        report.json,
        report.stderr
    );
    let docs = report.json["documents"]
        .as_array()
        .expect("a documents array");
    assert_eq!(
        docs.len(),
        documents.len(),
        "one verdict per document: {:#}",
        report.json
    );
    docs.iter()
        .map(|d| {
            if d["valid"] == Value::Bool(true) {
                None
            } else {
                let errors = d["errors"].as_array().expect("an errors array");
                Some(
                    errors
                        .iter()
                        .map(|e| e["path"].as_str().unwrap_or("?").to_owned())
                        .collect(),
                )
            }
        })
        .collect()
}

/// The codes that mean "not valid by schema" rather than a rule finding: the input error codes.
fn schema_codes() -> BTreeSet<&'static str> {
    continuity_schema::load::codes::ALL
        .iter()
        .map(|(code, _)| *code)
        .collect()
}

/// `continuity validate --format json` on one document: the exit code and every finding as
/// `(code, path, message)`.
fn run_continuity(document: &Path) -> (i32, Vec<(String, String, String)>) {
    let run: Run = continuity()
        .args(["validate", "--format", "json", "--today", TODAY])
        .arg(document)
        .output()
        .expect("continuity runs")
        .into();
    assert!(
        run.code == 0 || run.code == 1,
        "continuity validate failed (exit {}):\n{}",
        run.code,
        run.stderr
    );
    let output: Value = serde_json::from_str(&run.stdout).expect("continuity prints JSON");
    let findings = output["files"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|f| f["findings"].as_array().into_iter().flatten())
        .map(|f| {
            let text = |key: &str| f[key].as_str().unwrap_or_default().to_owned();
            (text("code"), text("path"), text("message"))
        })
        .collect();
    (run.code, findings)
}

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

#[test]
fn committed_schema_is_the_generated_one() {
    let committed = repo_root().join("schema/plan.schema.json");
    match fs::read_to_string(&committed) {
        Ok(text) => assert!(
            text == generated_schema_text(),
            "schema/plan.schema.json differs from `continuity schema`: regenerate it with \
             `cargo run -q -p continuity -- schema > schema/plan.schema.json`"
        ),
        Err(_) => eprintln!(
            "note: {} does not exist yet; checking the generated schema only",
            committed.display()
        ),
    }
    let schema: Value = serde_json::from_str(generated_schema_text()).expect("the schema is JSON");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
}

#[test]
fn ajv_strict_mode_compiles_the_schema() {
    let Some(ajv) = ajv() else { return };
    let run: Run = ajv_command(&ajv, "compile")
        .output()
        .expect("ajv runs")
        .into();
    assert!(
        run.code == 0,
        "ajv (strict mode, draft 2020-12, ajv-formats) rejects the generated schema:\n{}{}",
        run.stdout,
        run.stderr
    );
    // Strict mode reports what it merely dislikes as warnings: there must be none.
    assert!(
        !run.stderr.contains("strict mode") && !run.stderr.contains("warn"),
        "ajv warns about the generated schema:\n{}",
        run.stderr
    );
}

#[test]
fn python_jsonschema_accepts_the_schema_as_draft_2020_12() {
    let Some(python) = python() else { return };
    let report = run_python_check(&python, schema_path(), &[]);
    assert!(
        report.code == 0 && report.json["schema_ok"] == Value::Bool(true),
        "Draft202012Validator.check_schema rejects the generated schema: {:#}\n{}",
        report.json,
        report.stderr
    );
}

#[test]
fn valid_plans_are_valid_for_every_validator() {
    let plans = valid_plans();
    let codes = schema_codes();
    let minimal = fixture("external/valid-minimal.json");
    for plan in &plans {
        let (code, findings) = run_continuity(plan);
        // The minimal plan has no errors at all, so that exit code 1 on its broken copies
        // (below) comes from the breakage; other plans may break rules.
        if *plan == minimal {
            assert_eq!(
                code,
                0,
                "continuity finds errors in {}: {findings:#?}",
                plan.display()
            );
        }
        let schema_findings: Vec<_> = findings
            .iter()
            .filter(|(code, _, _)| codes.contains(code.as_str()))
            .collect();
        assert!(
            schema_findings.is_empty(),
            "continuity finds {} not valid by schema: {schema_findings:#?}",
            plan.display()
        );
    }
    if let Some(ajv) = ajv() {
        for (plan, verdict) in plans.iter().zip(run_ajv(&ajv, &plans)) {
            assert!(
                verdict.is_none(),
                "ajv finds {} invalid at {verdict:?}",
                plan.display()
            );
        }
    }
    if let Some(python) = python() {
        for (plan, verdict) in plans.iter().zip(run_python(&python, &plans)) {
            assert!(
                verdict.is_none(),
                "Python jsonschema finds {} invalid at {verdict:?}",
                plan.display()
            );
        }
    }
}

#[test]
fn broken_documents_are_rejected_by_every_validator_at_the_same_place() {
    let base_path = fixture("external/valid-minimal.json");
    let base: Value =
        serde_json::from_str(&fs::read_to_string(&base_path).expect("the minimal plan"))
            .expect("JSON");
    let dir = scratch("broken");
    let breakages = breakages();
    let documents: Vec<PathBuf> = breakages
        .iter()
        .map(|b| {
            let path = dir.join(format!("{}.json", b.name));
            let text = serde_json::to_string_pretty(&broken(&base, b)).expect("serialisable");
            fs::write(&path, text + "\n").expect("writing a broken plan");
            path
        })
        .collect();

    let mut disagreements = Vec::new();
    let codes = schema_codes();
    for (b, document) in breakages.iter().zip(&documents) {
        let (code, findings) = run_continuity(document);
        if code != 1 {
            disagreements.push(format!(
                "{}: continuity validate exits {code}, not 1",
                b.name
            ));
        }
        let matching = findings
            .iter()
            .any(|(c, at, _)| c == b.code && points_at(at, b.pointer));
        if !matching {
            let schema_findings: Vec<_> = findings
                .iter()
                .filter(|(c, _, _)| codes.contains(c.as_str()))
                .collect();
            disagreements.push(format!(
                "{}: continuity reports no `{}` at {}; its schema findings: {schema_findings:?}",
                b.name, b.code, b.pointer
            ));
        }
    }
    let mut check = |tool: &str, verdicts: Vec<Option<Vec<String>>>| {
        for (b, verdict) in breakages.iter().zip(verdicts) {
            match verdict {
                None => disagreements.push(format!("{}: {tool} accepts it", b.name)),
                Some(paths) if !paths.iter().any(|at| points_at(at, b.pointer)) => {
                    disagreements.push(format!(
                        "{}: {tool} rejects it, but at {paths:?}, not at {}",
                        b.name, b.pointer
                    ));
                }
                Some(_) => {}
            }
        }
    };
    if let Some(ajv) = ajv() {
        check("ajv", run_ajv(&ajv, &documents));
    }
    if let Some(python) = python() {
        check("Python jsonschema", run_python(&python, &documents));
    }
    assert!(
        disagreements.is_empty(),
        "the validators disagree on broken plans (documents in {}):\n{}",
        dir.display(),
        disagreements.join("\n")
    );
}
