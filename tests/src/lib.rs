//! Helpers for the end-to-end tests: the built `continuity` binary and paths in this repository.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

pub mod browser;
pub mod personal;
pub mod repo;
pub mod site_data;

/// The repository's root directory.
pub fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap_or(Path::new("."))
}

/// A file under `tests/fixtures/`.
pub fn fixture(relative: &str) -> PathBuf {
    repo_root().join("tests").join("fixtures").join(relative)
}

/// The `continuity` binary, built once per test process with the same profile as the tests.
pub fn binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let status = Command::new(cargo)
            .args([
                "build",
                "--quiet",
                "--package",
                "continuity",
                "--bin",
                "continuity",
            ])
            .current_dir(repo_root())
            .status()
            .expect("cargo runs");
        assert!(status.success(), "building the continuity binary failed");
        let target = std::env::var_os("CARGO_TARGET_DIR")
            .map_or_else(|| repo_root().join("target"), PathBuf::from);
        let target = if target.is_absolute() {
            target
        } else {
            repo_root().join(target)
        };
        target
            .join("debug")
            .join(format!("continuity{}", std::env::consts::EXE_SUFFIX))
    })
}

/// A `continuity` command with a clean, colourless environment.
pub fn continuity() -> Command {
    let mut command = Command::new(binary());
    command
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("GITHUB_ACTIONS");
    command
}

/// The result of running a command, with text output.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(output: Output) -> Self {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

/// Runs `continuity` with `args` in `dir`.
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    continuity()
        .args(args)
        .current_dir(dir)
        .output()
        .expect("continuity runs")
        .into()
}

/// The date the validation fixtures are written against (`--today`).
pub const FIXTURE_TODAY: &str = "2026-06-01";

impl Run {
    /// Fails the test if the process panicked or was killed instead of exiting with a code.
    pub fn assert_no_panic(&self) -> &Self {
        assert!(
            !self.stderr.contains("panicked"),
            "continuity panicked:\n{}",
            self.stderr
        );
        assert!(
            !self.stdout.contains("panicked"),
            "continuity panicked:\n{}",
            self.stdout
        );
        assert!(
            self.code >= 0,
            "continuity was killed by a signal:\n{}",
            self.stderr
        );
        self
    }

    /// Standard output parsed as JSON (for `--format json`).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }
}

/// The findings of every file in a `validate --format json` document, one line each:
/// `<code> <severity> <line>:<column> <json-pointer>`, followed by ` allowed` for a finding the
/// plan allows; `-` stands for a missing position.
pub fn finding_lines(document: &serde_json::Value) -> Vec<String> {
    let mut lines = Vec::new();
    for file in document["files"].as_array().into_iter().flatten() {
        for f in file["findings"].as_array().into_iter().flatten() {
            let at = match (f["line"].as_u64(), f["column"].as_u64()) {
                (Some(line), Some(column)) => format!("{line}:{column}"),
                _ => "-".to_owned(),
            };
            let code = f["code"].as_str().unwrap_or("?");
            let severity = f["severity"].as_str().unwrap_or("?");
            let pointer = f["path"].as_str().unwrap_or("?");
            let mut line = format!("{code} {severity} {at} {pointer}")
                .trim_end()
                .to_owned();
            if !f["allowed"].is_null() {
                line.push_str(" allowed");
            }
            lines.push(line);
        }
    }
    lines
}

/// Runs `continuity validate --format json --today FIXTURE_TODAY` with `args` in `dir`.
pub fn validate_json(dir: &Path, args: &[&str]) -> (Run, serde_json::Value) {
    let mut all = vec!["validate", "--format", "json", "--today", FIXTURE_TODAY];
    all.extend_from_slice(args);
    let run = run_in(dir, &all);
    run.assert_no_panic();
    let document = run.json();
    (run, document)
}
