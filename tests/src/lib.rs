//! Helpers for the end-to-end tests: the built `continuity` binary and paths in this repository.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// The repository's root directory.
pub fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap_or(Path::new("."))
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
            .args(["build", "--quiet", "--package", "continuity", "--bin", "continuity"])
            .current_dir(repo_root())
            .status()
            .expect("cargo runs");
        assert!(status.success(), "building the continuity binary failed");
        let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| repo_root().join("target"), PathBuf::from);
        let target = if target.is_absolute() { target } else { repo_root().join(target) };
        target.join("debug").join(format!("continuity{}", std::env::consts::EXE_SUFFIX))
    })
}

/// A `continuity` command with a clean, colourless environment.
pub fn continuity() -> Command {
    let mut command = Command::new(binary());
    command.env("NO_COLOR", "1").env_remove("CLICOLOR_FORCE").env_remove("GITHUB_ACTIONS");
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
    continuity().args(args).current_dir(dir).output().expect("continuity runs").into()
}
