//! `continuity fmt`: one canonical layout for plans, so that pull-request diffs stay minimal.
//!
//! Key order follows the schema, indentation is two spaces, and the file ends with a newline.
//! A file is rewritten only when it is a valid plan (JSON, schema and model) and its canonical
//! form reads back as the same plan; the new text replaces the old atomically.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use continuity_schema::Plan;
use continuity_schema::load::{parse_json, plan_from_value};

use crate::check::check_file;
use crate::files::default_plans;
use crate::output;
use crate::schema_check::SchemaCheck;
use crate::{Outcome, print};

/// Rewrite plans in the canonical layout (or, with --check, list those that differ).
///
/// Without PLAN, formats `plan.json`, or else every `plans/*.json`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Plan files to format.
    #[arg(value_name = "PLAN")]
    pub plans: Vec<PathBuf>,
    /// Change nothing; exit 1 if a file is not in canonical layout.
    #[arg(long)]
    pub check: bool,
}

/// The canonical text of a plan.
pub fn canonical_text(plan: &Plan) -> anyhow::Result<String> {
    let mut text = serde_json::to_string_pretty(plan)?;
    text.push('\n');
    Ok(text)
}

pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let paths = if args.plans.is_empty() {
        default_plans()?
    } else {
        args.plans.clone()
    };
    let schema = SchemaCheck::new()?;
    let mut outcome = Outcome::Success;
    let mut report = String::new();
    let mut unreadable = Vec::new();
    for path in &paths {
        if path == Path::new("-") {
            bail!("fmt works on files; `-` (standard input) cannot be rewritten");
        }
        // The date only matters to rules, which do not decide whether a file can be formatted.
        let checked = check_file(path, crate::clock::today(), &schema)?;
        let Some(plan) = checked.plan else {
            unreadable.push(checked.result);
            outcome = Outcome::Failure;
            continue;
        };
        let display = checked.result.path;
        let canonical = canonical_text(&plan)?;
        if canonical.as_bytes() == checked.bytes.as_slice() {
            continue;
        }
        ensure_round_trip(&plan, &canonical)
            .with_context(|| format!("{display} was not formatted"))?;
        if args.check {
            // Quoted when needed, so that the command can be pasted into a shell as it is.
            let quoted = shlex::try_quote(&display).unwrap_or(display.as_str().into());
            report.push_str(&format!(
                "{}: not in canonical layout (run `continuity fmt {}`)\n",
                output::shown(&display),
                output::shown(&quoted)
            ));
            outcome = Outcome::Failure;
        } else {
            write_atomically(path, canonical.as_bytes())
                .with_context(|| format!("cannot write {display}"))?;
            report.push_str(&format!("{}: formatted\n", output::shown(&display)));
        }
    }
    if !unreadable.is_empty() {
        let mut text = output::human(&unreadable, false);
        for result in &unreadable {
            text.push_str(&format!(
                "{}: not formatted, because it is not a valid plan (fix the errors above first)\n",
                output::shown(&result.path)
            ));
        }
        let mut stderr = anstream::stderr();
        stderr.write_all(text.as_bytes())?;
    }
    print(&report)?;
    Ok(outcome)
}

/// Refuses to write a canonical text that does not read back as the very same plan.
fn ensure_round_trip(plan: &Plan, canonical: &str) -> anyhow::Result<()> {
    let reread = parse_json(canonical.as_bytes())
        .map_err(|_| anyhow::anyhow!("internal error: the canonical text is not valid JSON"))
        .and_then(|(_, value)| {
            plan_from_value(&value).map_err(|_| {
                anyhow::anyhow!("internal error: the canonical text does not read back as a plan")
            })
        })?;
    if &reread != plan {
        bail!("internal error: the canonical text does not read back as the same plan");
    }
    Ok(())
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`, keeping the
/// original's permissions: a crash leaves either the old or the new file, never half of one.
fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    // Write through a symbolic link to its target, so that the link stays a link.
    let resolved = std::fs::canonicalize(path)?;
    let path = resolved.as_path();
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    if let Ok(metadata) = std::fs::metadata(path) {
        std::fs::set_permissions(temp.path(), metadata.permissions())?;
    }
    temp.persist(path)?;
    Ok(())
}
