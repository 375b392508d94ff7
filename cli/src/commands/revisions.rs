//! `continuity revisions`: every stored version of the plan, read from git, optionally written
//! out as files: for an auditor who wants each revision as it was, and as the plumbing the
//! history benchmarks measure (reading every revision is what log, blame, audit and site do).

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::{Context as _, bail};
use serde::Serialize;

use crate::history::{PlanAt, WalkOptions, open_plan_repo};
use crate::output::shown;
use crate::{Outcome, print};

/// List (and optionally save) every revision of the plan, reading each from git.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan file (default: plan.json, or the only plans/*.json).
    #[arg(long, value_name = "PATH")]
    pub plan: Option<PathBuf>,
    /// Follow every parent of merges instead of only the first.
    #[arg(long)]
    pub all_parents: bool,
    /// Write each revision's plan into this folder as `<date>-<commit>.json`.
    #[arg(short = 'o', long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
}

#[derive(Serialize)]
struct Entry {
    commit: String,
    date: String,
    path: String,
    blob: Option<String>,
    bytes: Option<u64>,
    state: &'static str,
    file: Option<String>,
}

pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let repo = open_plan_repo(args.plan.as_deref())?;
    let history = repo.history(
        repo.head()?,
        WalkOptions {
            first_parent: !args.all_parents,
        },
    )?;
    if let Some(dir) = &args.output {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let mut entries = Vec::with_capacity(history.revisions.len());
    for revision in &history.revisions {
        let date = crate::history::date_of(revision.time, revision.offset_minutes);
        let (state, bytes, content) = match revision.blob.map(|blob| repo.read_blob(blob)) {
            None => ("deleted", None, None),
            Some(Ok(PlanAt::Bytes(content))) => {
                ("stored", Some(content.len() as u64), Some(content))
            }
            Some(Ok(PlanAt::TooLarge(size))) => ("too-large", Some(size), None),
            Some(Ok(PlanAt::Absent)) => ("deleted", None, None),
            Some(Err(err)) => {
                let mut stderr = anstream::stderr();
                let _ = std::io::Write::write_all(
                    &mut stderr,
                    format!(
                        "warning: {}: {}\n",
                        revision.short_id(),
                        shown(&format!("{err:#}"))
                    )
                    .as_bytes(),
                );
                ("unreadable", None, None)
            }
        };
        let file = match (&args.output, content) {
            (Some(dir), Some(content)) => {
                let name = format!("{date}-{}.json", revision.short_id());
                let path = dir.join(&name);
                if path.exists() {
                    bail!("{} already exists; choose an empty folder", path.display());
                }
                std::fs::write(&path, content)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                Some(name)
            }
            _ => None,
        };
        entries.push(Entry {
            commit: revision.commit.to_string(),
            date: crate::history::rfc3339(revision.time, revision.offset_minutes),
            path: revision.path.clone(),
            blob: revision.blob.map(|b| b.to_string()),
            bytes,
            state,
            file,
        });
    }
    let text = match args.format {
        Format::Json => {
            let mut text = serde_json::to_string_pretty(&serde_json::json!({
                "version": 1,
                "plan": repo.path,
                "revisions": entries,
                "boundary": history.boundary.as_ref().map(|b| b.explain()),
            }))?;
            text.push('\n');
            text
        }
        Format::Human => {
            let mut out = String::new();
            for e in &entries {
                let size = e.bytes.map(|b| format!("{b} bytes")).unwrap_or_default();
                let _ = writeln!(
                    out,
                    "{} {} {} {} {size}",
                    &e.commit[..10],
                    &e.date[..10],
                    e.state,
                    shown(&e.path)
                );
            }
            if let Some(boundary) = &history.boundary {
                let _ = writeln!(out, "note: {}", shown(&boundary.explain()));
            }
            out
        }
    };
    print(&text)?;
    Ok(Outcome::Success)
}
