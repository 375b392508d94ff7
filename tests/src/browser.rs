//! Helpers for the browser tests: Chromium (`CONTINUITY_CHROMIUM`, else on `PATH`), Node.js with
//! `tests/browser`'s pinned playwright-core (installed with `npm ci` when missing), and running
//! one of its scripts. Without the tools a test prints a note and passes locally, but fails when
//! `CI` is set.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use serde_json::Value;

use crate::repo_root;

/// Whether this is a CI run, where a missing browser tool must fail the test.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// `found`, or: in CI a failure, locally a note and `None` (the test then returns).
pub fn required<T>(what: &str, found: Option<T>) -> Option<T> {
    if found.is_none() {
        assert!(
            !in_ci(),
            "{what} is missing; CI must have it (.ci/run installs it)"
        );
        eprintln!("note: {what} is missing; skipping this browser test");
    }
    found
}

fn is_executable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        path.is_file()
    }
}

/// Chromium as `continuity report --format pdf` finds it.
pub fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CONTINUITY_CHROMIUM").filter(|v| !v.is_empty()) {
        let path = PathBuf::from(path);
        return is_executable(&path).then_some(path);
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .flat_map(|dir| {
            [
                "chromium",
                "chromium-browser",
                "google-chrome",
                "google-chrome-stable",
            ]
            .map(|name| dir.join(name))
        })
        .find(|candidate| is_executable(candidate))
}

/// `tests/browser` with its pinned packages installed (`npm ci` once per test run when
/// playwright-core is missing or not the locked version); `None` when Node.js is missing.
pub fn browser_tools() -> Option<PathBuf> {
    static TOOLS: OnceLock<Option<PathBuf>> = OnceLock::new();
    TOOLS
        .get_or_init(|| {
            let dir = repo_root().join("tests").join("browser");
            let node = Command::new("node").arg("--version").output();
            if !node.is_ok_and(|o| o.status.success()) {
                return None;
            }
            let locked = locked_version(&dir.join("package-lock.json"));
            let installed = locked_version(&dir.join("node_modules/playwright-core/package.json"));
            if locked.is_none() || installed != locked {
                let status = Command::new("npm")
                    .args(["ci", "--no-audit", "--no-fund", "--prefix"])
                    .arg(&dir)
                    .status()
                    .expect("npm runs");
                assert!(status.success(), "npm ci in tests/browser failed");
            }
            Some(dir)
        })
        .clone()
}

/// The playwright-core version in a lock file or in the installed package.
fn locked_version(path: &Path) -> Option<String> {
    let text = fs::read_to_string(path).ok()?;
    let json: Value = serde_json::from_str(&text).ok()?;
    let version = json["packages"]["node_modules/playwright-core"]["version"]
        .as_str()
        .or_else(|| json["version"].as_str())?;
    Some(version.to_owned())
}

/// Chromium and `tests/browser`, each through [`required`]: `None` when the test should skip.
pub fn tools() -> Option<(PathBuf, PathBuf)> {
    let chromium = required("Chromium", chromium())?;
    let tools = required("Node.js", browser_tools())?;
    Some((chromium, tools))
}

/// Runs `node tests/browser/<script> <args>` and parses the JSON it prints; the error holds
/// everything the script said when it fails or prints something else.
pub fn run_script(tools: &Path, script: &str, args: &[&OsStr]) -> Result<Value, String> {
    let output = Command::new("node")
        .arg(tools.join(script))
        .args(args)
        .output()
        .map_err(|e| format!("cannot run node: {e}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        return Err(format!(
            "the browser script {script} failed ({}):\n--- stderr\n{stderr}\n--- stdout\n{stdout}",
            output.status
        ));
    }
    serde_json::from_str(&stdout).map_err(|e| {
        format!("the browser script {script} did not print JSON ({e}):\n--- stdout\n{stdout}\n--- stderr\n{stderr}")
    })
}
