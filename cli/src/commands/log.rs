//! `continuity log`: the revisions that touched the plan, newest first, each with what it
//! changed and whether the plan was valid at that point.

use std::fmt::Write as _;
use std::path::PathBuf;

use anstyle::{AnsiColor, Style};
use serde::Serialize;

use crate::history::{Change, History, Revision, WalkOptions, open_plan_repo};
use crate::output::shown;
use crate::revisions::{PlanState, RevisionReader};
use crate::{Outcome, print};

/// Show the revisions that changed the plan, with a semantic summary and validity.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Start from this revision instead of HEAD.
    #[arg(value_name = "REV")]
    pub start: Option<String>,
    /// The plan file (default: plan.json, or the only plans/*.json).
    #[arg(long, value_name = "PATH")]
    pub plan: Option<PathBuf>,
    /// Follow every parent of merges instead of only the first.
    #[arg(long)]
    pub all_parents: bool,
    /// Only list commits: no semantic summary and no validation (fast on long histories).
    #[arg(long)]
    pub no_summary: bool,
    /// Show at most this many revisions.
    #[arg(short = 'n', long, value_name = "N")]
    pub max_count: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
}

/// One line of the log, with what was computed for it.
struct Entry<'a> {
    revision: &'a Revision,
    validity: Option<Validity>,
    summary: Option<String>,
}

pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let repo = open_plan_repo(args.plan.as_deref())?;
    if args.no_summary && !args.all_parents {
        crate::history::read_each_object_once();
    }
    let start = match &args.start {
        Some(spec) => repo.commit_id(spec)?,
        None => repo.head()?,
    };
    let history = repo.history(
        start,
        WalkOptions {
            first_parent: !args.all_parents,
        },
    )?;
    let shown = args
        .max_count
        .unwrap_or(usize::MAX)
        .min(history.revisions.len());
    let mut entries: Vec<Entry<'_>> = history.revisions[..shown]
        .iter()
        .map(|revision| Entry {
            revision,
            validity: None,
            summary: None,
        })
        .collect();
    if !args.no_summary {
        summarise(&repo, &history, &mut entries, args.all_parents)?;
    }
    let text = match args.format {
        Format::Human => human(&repo.path, &entries, &history),
        Format::Json => json(&repo.path, &entries, &history)?,
    };
    print(&text)?;
    // The process ends after this command. Dropping the repository frees libgit2's object
    // cache, one tree at a time, which took an eighth of the run on a long history; the
    // operating system reclaims it all at once instead.
    std::mem::forget(repo);
    Ok(Outcome::Success)
}

/// Fills in each entry's state and one-line summary.
///
/// Along the first-parent line a revision is compared with the last readable revision before
/// it (so a repair still says what it changed); with all parents, with its own first parent.
fn summarise(
    repo: &crate::history::PlanRepo,
    history: &History,
    entries: &mut [Entry<'_>],
    all_parents: bool,
) -> anyhow::Result<()> {
    let mut reader = RevisionReader::new(repo)?;
    let revisions = &history.revisions;
    let shown = entries.len();
    // Only the states the walk still needs are held (not every revision's plan): the one just
    // older than the one being summarised, and the nearest readable one.
    let mut previous_state: Option<PlanState> = None;
    let mut last_readable: Option<PlanState> = None;
    for (j, revision) in revisions.iter().enumerate().skip(shown) {
        let state = reader.state(revision);
        if j == shown {
            previous_state = Some(state.clone());
        }
        if state.plan().is_some() {
            last_readable = Some(state);
            break;
        }
    }
    // With all parents, each revision's first parent is read too, by a reader of its own
    // (the main one validates ahead on other threads).
    let mut parents = if all_parents {
        Some(RevisionReader::new(repo)?)
    } else {
        None
    };
    let oldest_first: Vec<&Revision> = revisions[..shown].iter().rev().collect();
    let mut i = shown;
    reader.each_state(&oldest_first, |revision, current| {
        i -= 1;
        let (previous, base) = match parents.as_mut() {
            Some(parents) => {
                let date = crate::history::date_of(revision.time, revision.offset_minutes);
                // A revision that added the plan has nothing before it; otherwise its first
                // parent had the plan (or, when the parent lacked it, the plan was absent there).
                let previous = match (&revision.change, revision.parent_blob) {
                    (Change::Added | Change::Truncated, _) => None,
                    (_, Some(blob)) => Some(parents.blob_state(blob, date)),
                    (_, None) => Some(PlanState::Absent),
                };
                (previous.clone(), previous)
            }
            None => (previous_state.take(), last_readable.clone()),
        };
        let diff = match (base.as_ref().and_then(PlanState::plan), current.plan()) {
            (Some(a), Some(b)) => Some(continuity_schema::diff::diff(a, b)),
            _ => None,
        };
        let truncated = revision.change == Change::Truncated;
        entries[i].summary = Some(crate::revisions::describe_change(
            previous.as_ref().map(PlanState::kind),
            current.kind(),
            diff.as_ref(),
            truncated,
        ));
        entries[i].validity = Some(Validity::of(&current));
        if current.plan().is_some() {
            last_readable = Some(current.clone());
        }
        previous_state = Some(current);
        Ok(())
    })
}

/// What validation said of a revision, without its plan.
enum Validity {
    Absent,
    Unreadable { error: String },
    Checked { summary: crate::output::Summary },
}

impl Validity {
    fn of(state: &PlanState) -> Validity {
        match state {
            PlanState::Absent => Validity::Absent,
            PlanState::Unreadable { error } => Validity::Unreadable {
                error: error.clone(),
            },
            PlanState::Checked { summary, .. } => Validity::Checked { summary: *summary },
        }
    }
}

fn human(path: &str, entries: &[Entry<'_>], history: &History) -> String {
    let commit_style = AnsiColor::Yellow.on_default();
    let dim = AnsiColor::Blue.on_default();
    // About 150 bytes a revision: one allocation instead of a dozen doublings, each of which
    // touches fresh memory on a long history.
    let mut out = String::with_capacity(entries.len() * 160);
    for entry in entries {
        let r = entry.revision;
        let date = crate::history::date_of(r.time, r.offset_minutes);
        let _ = writeln!(
            out,
            "{commit_style}{}{commit_style:#} {date} {} {dim}<{}>{dim:#}",
            r.short_id(),
            shown(&r.author_name),
            shown(&r.author_email)
        );
        let _ = writeln!(out, "    {}", shown(r.summary()));
        match &r.change {
            Change::Renamed { from } => {
                let _ = writeln!(out, "    {dim}renamed from {}{dim:#}", shown(from));
            }
            Change::Deleted => {
                let _ = writeln!(out, "    {dim}deleted {}{dim:#}", shown(&r.path));
            }
            Change::Added | Change::Modified | Change::Truncated => {}
        }
        if let Some(summary) = &entry.summary {
            let _ = writeln!(out, "    {summary}");
        }
        if let Some(validity) = &entry.validity {
            let (style, text) = describe_validity(validity);
            let _ = writeln!(out, "    {style}{}{style:#}", shown(&text));
        }
        out.push('\n');
    }
    if entries.is_empty() {
        let _ = writeln!(out, "no commit touched {}", shown(path));
    }
    if let Some(boundary) = &history.boundary {
        let _ = writeln!(out, "note: {}", shown(&boundary.explain()));
    }
    out
}

fn describe_validity(validity: &Validity) -> (Style, String) {
    match validity {
        Validity::Absent => (AnsiColor::Blue.on_default(), "plan absent".into()),
        Validity::Unreadable { error } => (
            AnsiColor::Red.on_default().bold(),
            format!("not a readable plan: {error}"),
        ),
        Validity::Checked { summary } if summary.errors > 0 => (
            AnsiColor::Red.on_default().bold(),
            format!("invalid ({})", summary.describe()),
        ),
        Validity::Checked { summary } => (
            AnsiColor::Green.on_default(),
            format!("valid ({})", summary.describe()),
        ),
    }
}

#[derive(Serialize)]
struct JsonLog<'a> {
    version: u32,
    plan: &'a str,
    revisions: Vec<JsonRevision<'a>>,
    boundary: Option<JsonBoundary>,
}

#[derive(Serialize)]
struct JsonRevision<'a> {
    commit: String,
    author: JsonAuthor<'a>,
    date: String,
    message: &'a str,
    path: &'a str,
    change: &'static str,
    renamed_from: Option<&'a str>,
    is_merge: bool,
    summary: Option<&'a str>,
    validation: Option<JsonValidation>,
}

#[derive(Serialize)]
struct JsonAuthor<'a> {
    name: &'a str,
    email: &'a str,
}

#[derive(Serialize)]
struct JsonValidation {
    state: &'static str,
    valid: Option<bool>,
    errors: usize,
    warnings: usize,
    infos: usize,
    allowed: usize,
    error: Option<String>,
}

#[derive(Serialize)]
struct JsonBoundary {
    kind: &'static str,
    commit: String,
    message: String,
}

fn json(path: &str, entries: &[Entry<'_>], history: &History) -> anyhow::Result<String> {
    let revisions = entries
        .iter()
        .map(|entry| {
            let r = entry.revision;
            let (change, renamed_from) = (r.change.name(), r.change.renamed_from());
            JsonRevision {
                commit: r.commit.to_string(),
                author: JsonAuthor {
                    name: &r.author_name,
                    email: &r.author_email,
                },
                date: crate::history::rfc3339(r.time, r.offset_minutes),
                message: &r.message,
                path: &r.path,
                change,
                renamed_from,
                is_merge: r.is_merge,
                summary: entry.summary.as_deref(),
                validation: entry.validity.as_ref().map(json_validation),
            }
        })
        .collect();
    let boundary = history.boundary.as_ref().map(|b| {
        let (kind, commit) = match b {
            crate::history::Boundary::Shallow { commit } => ("shallow", commit),
            crate::history::Boundary::Broken { commit, .. } => ("broken", commit),
        };
        JsonBoundary {
            kind,
            commit: commit.to_string(),
            message: b.explain(),
        }
    });
    // About 450 bytes a revision, written into one allocation (as for the human text).
    let mut bytes = Vec::with_capacity(512 + entries.len() * 480);
    serde_json::to_writer_pretty(
        &mut bytes,
        &JsonLog {
            version: 1,
            plan: path,
            revisions,
            boundary,
        },
    )?;
    bytes.push(b'\n');
    Ok(String::from_utf8(bytes)?)
}

fn json_validation(validity: &Validity) -> JsonValidation {
    let empty = crate::output::Summary::default();
    let (name, summary, error) = match validity {
        Validity::Absent => ("absent", empty, None),
        Validity::Unreadable { error } => ("unreadable", empty, Some(error.clone())),
        Validity::Checked { summary } => ("checked", *summary, None),
    };
    JsonValidation {
        state: name,
        valid: matches!(validity, Validity::Checked { .. }).then_some(summary.errors == 0),
        errors: summary.errors,
        warnings: summary.warnings,
        infos: summary.infos,
        allowed: summary.allowed,
        error,
    }
}
