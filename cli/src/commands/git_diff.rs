//! Git integration: `continuity git-diff` is a git external diff driver, and
//! `continuity textconv` a text conversion, so that `git diff` shows the semantic diff of plan
//! files and `git log -p` a readable, line-per-field view of them.
//!
//! Set up (what `continuity init` does):
//!
//! ```text
//! git config diff.continuity.command "continuity git-diff"
//! git config diff.continuity.textconv "continuity textconv"
//! echo 'plan.json diff=continuity' >> .gitattributes
//! ```
//!
//! Git runs an external diff for `git diff` and `git show`, and the text conversion for
//! `git log -p` (which ignores external diffs unless given `--ext-diff`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use continuity_schema::diff::{self, Path as DiffPath};

use crate::output::{shown, shown_lines};
use crate::{Outcome, print};

/// Git external diff driver for plan files (git passes the seven arguments).
#[derive(Debug, clap::Args)]
pub struct GitDiffArgs {
    /// The path of the plan in the repository.
    pub path: String,
    pub old_file: PathBuf,
    pub old_hex: String,
    pub old_mode: String,
    pub new_file: PathBuf,
    pub new_hex: String,
    pub new_mode: String,
}

/// Print a plan as one line per field, for `git log -p` (git's textconv).
#[derive(Debug, clap::Args)]
pub struct TextconvArgs {
    /// The plan file git hands over.
    pub file: PathBuf,
}

/// Reads one side of a git diff: `/dev/null` (or a missing file) means the plan is absent.
fn side(path: &Path) -> Option<Vec<u8>> {
    std::fs::read(path).ok()
}

pub fn run_git_diff(args: &GitDiffArgs) -> anyhow::Result<Outcome> {
    let mut out = format!("continuity diff {}\n", shown(&args.path));
    let read = |path: &Path| side(path).map(super::diff::read_content);
    match (read(&args.old_file), read(&args.new_file)) {
        (Some(Ok(a)), Some(Ok(b))) => {
            for (content, which) in [(&a, "old"), (&b, "new")] {
                if let Some(problem) = content.problem() {
                    let _ = writeln!(
                        out,
                        "the {which} side does not load ({}); compared as JSON",
                        shown(problem)
                    );
                }
            }
            let diff = super::diff::compare_contents(&a, &b)?;
            let _ = writeln!(out, "{}", diff.summary());
            for change in &diff.changes {
                let _ = writeln!(out, "  {}", shown(&change.label()));
            }
        }
        (None, Some(Ok(_))) => out.push_str("new plan\n"),
        (Some(Ok(_)), None) => out.push_str("plan deleted\n"),
        _ => {
            // Not JSON on both sides: a plain line diff is still better than nothing, and git
            // gives up on the whole diff if an external driver fails. The files are read again
            // rather than kept: a plan can be tens of megabytes, and this case is rare.
            out.push_str("(not a readable plan on both sides; showing a line diff)\n");
            // Escaped like all plan text (newlines kept): the file may hold anything.
            let text = |path: &Path| {
                let bytes = side(path).unwrap_or_default();
                shown_lines(&String::from_utf8_lossy(&bytes)).into_owned()
            };
            let (a, b) = (text(&args.old_file), text(&args.new_file));
            let lines = similar::TextDiff::from_lines(&a, &b);
            out.push_str(
                &lines
                    .unified_diff()
                    .header(&format!("a/{}", args.path), &format!("b/{}", args.path))
                    .to_string(),
            );
        }
    }
    print(&out)?;
    Ok(Outcome::Success)
}

pub fn run_textconv(args: &TextconvArgs) -> anyhow::Result<Outcome> {
    let bytes = std::fs::read(&args.file)?;
    // Field by field as written, whether or not it loads as a plan, while it is JSON.
    let value = continuity_schema::load::parse_json(&bytes)
        .ok()
        .map(|(_, value)| value);
    let text = match value {
        Some(value) => {
            let mut out = String::new();
            for path in diff::leaf_paths(&value, &DiffPath(Vec::new())) {
                if let Some(leaf) = diff::resolve(&value, &path) {
                    let _ = writeln!(
                        out,
                        "{} = {}",
                        shown(&path.segments().join("/")),
                        shown(&serde_json::to_string(leaf).unwrap_or_default())
                    );
                }
            }
            out
        }
        // Not JSON: git shows the text itself (escaped like all plan text, newlines kept).
        None => shown_lines(&String::from_utf8_lossy(&bytes)).into_owned(),
    };
    print(&text)?;
    Ok(Outcome::Success)
}
