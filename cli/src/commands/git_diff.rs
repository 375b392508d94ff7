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

use crate::revisions::{PlanState, state_of};
use crate::schema_check::SchemaCheck;
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
fn side(path: &Path, schema: &SchemaCheck) -> (Option<String>, PlanState) {
    let Ok(bytes) = std::fs::read(path) else {
        return (None, PlanState::Absent);
    };
    let text = String::from_utf8_lossy(&bytes).into_owned();
    (Some(text), state_of(&bytes, crate::clock::today(), schema))
}

pub fn run_git_diff(args: &GitDiffArgs) -> anyhow::Result<Outcome> {
    let schema = SchemaCheck::new()?;
    let (old_text, old) = side(&args.old_file, &schema);
    let (new_text, new) = side(&args.new_file, &schema);
    let mut out = format!("continuity diff {}\n", args.path);
    match (old.plan(), new.plan()) {
        (Some(a), Some(b)) => {
            let diff = diff::diff(a, b);
            let _ = writeln!(out, "{}", diff.summary());
            for change in &diff.changes {
                let _ = writeln!(out, "  {}", change.label());
            }
        }
        (None, Some(_)) if matches!(old, PlanState::Absent) => out.push_str("new plan\n"),
        (Some(_), None) if matches!(new, PlanState::Absent) => out.push_str("plan deleted\n"),
        _ => {
            // Not plans on both sides: a plain line diff is still better than nothing, and git
            // gives up on the whole diff if an external driver fails.
            out.push_str("(not a readable plan on both sides; showing a line diff)\n");
            let (a, b) = (old_text.unwrap_or_default(), new_text.unwrap_or_default());
            let text = similar::TextDiff::from_lines(&a, &b);
            out.push_str(
                &text
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
    let schema = SchemaCheck::new()?;
    let text = match state_of(&bytes, crate::clock::today(), &schema)
        .plan()
        .and_then(|p| serde_json::to_value(p).ok())
    {
        Some(value) => {
            let mut out = String::new();
            for path in diff::leaf_paths(&value, &DiffPath(Vec::new())) {
                if let Some(leaf) = diff::resolve(&value, &path) {
                    let _ = writeln!(
                        out,
                        "{} = {}",
                        path.segments().join("/"),
                        serde_json::to_string(leaf).unwrap_or_default()
                    );
                }
            }
            out
        }
        // Not a plan: git shows the text itself.
        None => String::from_utf8_lossy(&bytes).into_owned(),
    };
    print(&text)?;
    Ok(Outcome::Success)
}
