//! `continuity blame`: for each entity, and for each field when asked, the revision, author and
//! date that last changed it.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use anstyle::AnsiColor;
use anyhow::{anyhow, bail};
use continuity_schema::diff::{self, Op, Path as DiffPath};
use continuity_schema::json::{Pointer, Segment};
use continuity_schema::references::Collection;
use serde::Serialize;
use serde_json::Value;

use crate::history::{Revision, WalkOptions, open_plan_repo};
use crate::output::shown;
use crate::replay::{Replay, Step, replay};
use crate::revisions::RevisionReader;
use crate::{Outcome, print};

/// Show which revision last changed each entity of the plan, or each field of one entity.
///
/// TARGET is an entity id (`burgerzaken`), `collection/id` (`services/burgerzaken`), a path
/// with keys (`services/burgerzaken/rto`), or a JSON Pointer into the current plan
/// (`/services/0/rto`). Without TARGET, every entity is listed.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to blame (default: every entity).
    #[arg(value_name = "TARGET")]
    pub target: Option<String>,
    /// The plan file (default: plan.json, or the only plans/*.json).
    #[arg(long, value_name = "PATH")]
    pub plan: Option<PathBuf>,
    /// Start from this revision instead of HEAD.
    #[arg(long, value_name = "REV")]
    pub rev: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
}

/// The last step (index into the replay) that touched each path, as a trie of path segments.
#[derive(Default)]
struct Touches {
    /// The last step that changed exactly this path (or set it as a whole).
    own: Option<usize>,
    /// The last step that changed anything at or below this path.
    below: Option<usize>,
    children: HashMap<String, Touches>,
}

impl Touches {
    fn record(&mut self, path: &[String], step: usize) {
        self.below = self.below.max(Some(step));
        match path.split_first() {
            None => self.own = self.own.max(Some(step)),
            Some((first, rest)) => self
                .children
                .entry(first.clone())
                .or_default()
                .record(rest, step),
        }
    }

    /// The last step that changed `path`: a change of an ancestor (which set it as a whole)
    /// or of anything below it.
    fn last(&self, path: &[String]) -> Option<usize> {
        let mut node = self;
        let mut best = node.own;
        for segment in path {
            match node.children.get(segment) {
                Some(child) => {
                    node = child;
                    best = best.max(node.own);
                }
                None => return best,
            }
        }
        best.max(node.below)
    }
}

pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let repo = open_plan_repo(args.plan.as_deref())?;
    let start = match &args.rev {
        Some(spec) => repo.commit_id(spec)?,
        None => repo.head()?,
    };
    let history = repo.history(start, WalkOptions { first_parent: true })?;
    let mut reader = RevisionReader::new(&repo)?;
    let Replay { steps, current } = replay(&mut reader, &history, |_| ())?;
    let Some((current_step, current)) = current
        .as_ref()
        .and_then(|(i, state)| state.plan().map(|plan| (*i, plan)))
    else {
        let why = history
            .boundary
            .as_ref()
            .map(|boundary| format!(": {}", boundary.explain()))
            .unwrap_or_default();
        bail!("{} has no readable revision to blame{why}", repo.path);
    };
    let current_value = serde_json::to_value(current)?;
    let mut touches = Touches::default();
    for (i, step) in steps.iter().enumerate().take(current_step + 1) {
        if !step.readable {
            continue;
        }
        match &step.diff {
            Some(diff) => {
                for change in &diff.changes {
                    record_change(&mut touches, change, i);
                }
            }
            // The first readable revision (or one after a gap with no readable plan before it)
            // introduced everything it holds.
            None => {
                touches.record(&[], i);
            }
        }
    }
    let mut base_len = 0;
    let rows: Vec<Row> = match &args.target {
        None => entities(&current_value)
            .into_iter()
            .map(|path| Row {
                last: touches.last(path.segments()),
                value: None,
                path,
            })
            .collect(),
        Some(target) => {
            let base = target_path(target, &current_value)?;
            base_len = base.segments().len().saturating_sub(1);
            diff::leaf_paths(&current_value, &base)
                .into_iter()
                .map(|path| Row {
                    last: touches.last(path.segments()),
                    value: diff::resolve(&current_value, &path).cloned(),
                    path,
                })
                .collect()
        }
    };
    let text = match args.format {
        Format::Human => human(&repo.path, &rows, &steps, &current_value, base_len),
        Format::Json => json(
            &repo.path,
            &rows,
            &steps,
            history.boundary.as_ref().map(|b| b.explain()),
        )?,
    };
    print(&text)?;
    if let Some(boundary) = &history.boundary {
        let mut stderr = anstream::stderr();
        let _ = std::io::Write::write_all(
            &mut stderr,
            format!(
                "note: {}; earlier changes are attributed to the oldest revision available\n",
                shown(&boundary.explain())
            )
            .as_bytes(),
        );
    }
    Ok(Outcome::Success)
}

fn record_change(touches: &mut Touches, change: &diff::Change, step: usize) {
    // A moved entity has a new place, not new content: its fields keep their revisions.
    if let Op::Move { .. } = change.op {
        return;
    }
    touches.record(change.path.segments(), step);
}

struct Row {
    path: DiffPath,
    last: Option<usize>,
    value: Option<Value>,
}

/// Every entity of the plan, and the single-object sections, in plan order.
fn entities(plan: &Value) -> Vec<DiffPath> {
    let mut out: Vec<DiffPath> = ["organisation", "plan", "activation"]
        .iter()
        .map(|s| DiffPath(vec![(*s).to_owned()]))
        .collect();
    for collection in Collection::ALL {
        let base: Vec<String> = collection.name().split('.').map(str::to_owned).collect();
        for path in diff::leaf_paths(plan, &DiffPath(base.clone())) {
            let entity: Vec<String> = path
                .segments()
                .iter()
                .take(base.len() + 1)
                .cloned()
                .collect();
            if out.last().map(DiffPath::segments) != Some(entity.as_slice()) {
                out.push(DiffPath(entity));
            }
        }
    }
    out
}

/// Turns a target as the user writes it into a diff path.
fn target_path(target: &str, plan: &Value) -> anyhow::Result<DiffPath> {
    if target.starts_with('/') {
        let pointer =
            Pointer::parse(target).ok_or_else(|| anyhow!("`{target}` is not a JSON Pointer"))?;
        return pointer_to_path(&pointer, plan);
    }
    let segments: Vec<String> = target
        .split('/')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    let path = DiffPath(segments.clone());
    if segments.len() >= 2 && diff::resolve(plan, &path).is_some() {
        return Ok(path);
    }
    if let Some((collection, rest)) = target.split_once('/') {
        if let Some(c) = Collection::from_name(collection) {
            let mut full: Vec<String> = c.name().split('.').map(str::to_owned).collect();
            full.extend(rest.split('/').map(str::to_owned));
            let full = DiffPath(full);
            if diff::resolve(plan, &full).is_some() {
                return Ok(full);
            }
        }
        bail!("`{target}` names nothing in the current plan");
    }
    // A bare id: look for it in every collection.
    let found: Vec<DiffPath> = Collection::ALL
        .into_iter()
        .filter(|c| {
            diff::resolve(
                plan,
                &DiffPath(
                    c.name()
                        .split('.')
                        .map(str::to_owned)
                        .chain([target.to_owned()])
                        .collect(),
                ),
            )
            .is_some()
        })
        .map(|c| {
            DiffPath(
                c.name()
                    .split('.')
                    .map(str::to_owned)
                    .chain([target.to_owned()])
                    .collect(),
            )
        })
        .collect();
    match found.len() {
        1 => Ok(found.into_iter().next().unwrap_or_default()),
        0 if diff::resolve(plan, &path).is_some() => Ok(path),
        0 => bail!("no entity has the id `{target}`"),
        _ => bail!(
            "several entities have the id `{target}`: name one as {}",
            found
                .iter()
                .map(|p| format!("`{}`", p.segments().join("/")))
                .collect::<Vec<_>>()
                .join(" or ")
        ),
    }
}

/// Converts an index-based JSON Pointer into a key-based diff path, using the current plan.
fn pointer_to_path(pointer: &Pointer, plan: &Value) -> anyhow::Result<DiffPath> {
    let mut value = plan;
    let mut out = Vec::new();
    for segment in pointer.segments() {
        match (segment, value) {
            (Segment::Key(key), Value::Object(map)) => {
                value = map
                    .get(key)
                    .ok_or_else(|| anyhow!("`{pointer}` names nothing in the current plan"))?;
                out.push(key.clone());
            }
            (Segment::Index(i), Value::Array(items)) => {
                value = items
                    .get(*i)
                    .ok_or_else(|| anyhow!("`{pointer}` names nothing in the current plan"))?;
                let key = ["id", "version", "rule"]
                    .iter()
                    .find_map(|k| value.get(*k).and_then(Value::as_str));
                match key {
                    Some(key) => out.push(key.to_owned()),
                    None => break,
                }
            }
            _ => bail!("`{pointer}` names nothing in the current plan"),
        }
    }
    Ok(DiffPath(out))
}

fn revision_of<'a>(steps: &'a [Step<'_, ()>], last: Option<usize>) -> Option<&'a Revision> {
    last.and_then(|i| steps.get(i)).map(|s| s.revision)
}

/// Rows are labelled by their path from the blamed entity (`base_len` segments are dropped).
fn human(
    path: &str,
    rows: &[Row],
    steps: &[Step<'_, ()>],
    plan: &Value,
    base_len: usize,
) -> String {
    let commit = AnsiColor::Yellow.on_default();
    let dim = AnsiColor::Blue.on_default();
    let labels: Vec<String> = rows
        .iter()
        .map(|r| shown(&label(&r.path, plan, r.value.as_ref(), base_len)).into_owned())
        .collect();
    let width = labels
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
        .min(60);
    let mut out = format!("{}\n", shown(path));
    for (row, label) in rows.iter().zip(&labels) {
        let pad = width.saturating_sub(label.chars().count());
        match revision_of(steps, row.last) {
            Some(r) => {
                let date = crate::history::date_of(r.time, r.offset_minutes);
                let _ = writeln!(
                    out,
                    "{label}{:pad$}  {commit}{}{commit:#} {date} {:<20} {dim}{}{dim:#}",
                    "",
                    r.short_id(),
                    shown(&r.author_name),
                    shown(r.summary())
                );
            }
            None => {
                let _ = writeln!(out, "{label}{:pad$}  (unknown)", "");
            }
        }
    }
    out
}

fn label(path: &DiffPath, plan: &Value, value: Option<&Value>, base_len: usize) -> String {
    let text = path.segments()[base_len.min(path.segments().len())..].join("/");
    let name = diff::resolve(plan, path).and_then(|v| {
        ["name", "title", "subject"]
            .iter()
            .find_map(|k| v.get(*k))
            .and_then(Value::as_str)
    });
    match (value, name) {
        (Some(value), _) => format!("{text} = {}", diff::value_text(value)),
        (None, Some(name)) => format!("{text} \"{name}\""),
        (None, None) => text,
    }
}

#[derive(Serialize)]
struct JsonBlame<'a> {
    version: u32,
    plan: &'a str,
    /// Where history stops (a shallow clone), as in `audit`: attributions to the oldest
    /// revision then stand for "this or earlier".
    history_note: Option<String>,
    entries: Vec<JsonEntry<'a>>,
}

#[derive(Serialize)]
struct JsonEntry<'a> {
    path: &'a [String],
    value: Option<&'a Value>,
    revision: Option<JsonRevision<'a>>,
}

#[derive(Serialize)]
struct JsonRevision<'a> {
    commit: String,
    author: &'a str,
    email: &'a str,
    date: String,
    summary: &'a str,
}

fn json(
    path: &str,
    rows: &[Row],
    steps: &[Step<'_, ()>],
    history_note: Option<String>,
) -> anyhow::Result<String> {
    let entries = rows
        .iter()
        .map(|row| JsonEntry {
            path: row.path.segments(),
            value: row.value.as_ref(),
            revision: revision_of(steps, row.last).map(|r| JsonRevision {
                commit: r.commit.to_string(),
                author: &r.author_name,
                email: &r.author_email,
                date: crate::history::rfc3339(r.time, r.offset_minutes),
                summary: r.summary(),
            }),
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&JsonBlame {
        version: 1,
        plan: path,
        history_note,
        entries,
    })?;
    text.push('\n');
    Ok(text)
}
