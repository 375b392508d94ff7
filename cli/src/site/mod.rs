//! `continuity site`: exports the plan and its history as a static site with the viewer.

mod data;
mod findings;
mod publish;
mod serve;
mod viewer_assets;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use continuity_schema::Plan;
use continuity_schema::types::Date;

use anyhow::{Context as _, bail};
use serde::Serialize;

use crate::history::{Change, PlanRepo, Revision, WalkOptions, open_plan_repo};
use crate::output::shown;
use crate::revisions::PlanState;
use crate::schema_check::SchemaCheck;
use crate::{Outcome, print};

pub use data::SITE_FORMAT;

/// Export the plan, its history and the viewer as a static site.
///
/// The site works from any static host, under any sub-path, and makes no request beyond its
/// own files. Exporting again into the same folder writes only what changed.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan file (default: plan.json, or the only plans/*.json).
    #[arg(long, value_name = "PATH")]
    pub plan: Option<PathBuf>,
    /// The folder to write the site to.
    #[arg(short = 'o', long, value_name = "DIR", default_value = "site")]
    pub output: PathBuf,
    /// Remove personal data (people's names, phone numbers and e-mail addresses; roles and
    /// functions stay) from every exported revision, commit authors and messages included.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub redact: Option<crate::report::Redact>,
    /// Export a plan classified confidential (or TLP AMBER+STRICT or RED) without redaction:
    /// only for a site that stays where only the plan's readers can open it.
    #[arg(long)]
    pub allow_confidential: bool,
    /// Store a whole plan every this many revisions (tests use small values to exercise chunk
    /// boundaries on short histories).
    #[arg(long, hide = true, default_value_t = data::KEYFRAME)]
    pub keyframe: usize,
    /// Serve the site on 127.0.0.1 after exporting it, until interrupted.
    #[arg(long)]
    pub serve: bool,
    /// The port to serve on (0: any free port).
    #[arg(long, default_value_t = 0, requires = "serve")]
    pub port: u16,
}

#[derive(Serialize)]
struct SiteJson<'a> {
    format: u32,
    generator: &'static str,
    generated_at: String,
    plan_path: &'a str,
    history: HistoryState,
    index: &'a str,
    current: usize,
    /// The date the current revision's findings were computed for.
    as_of: String,
    redacted: bool,
    /// The classification of the newest readable plan, shown on every page of the viewer.
    classification: Option<&'static str>,
}

#[derive(Serialize)]
struct HistoryState {
    state: &'static str,
    note: Option<String>,
}

pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let (plan_path, sources, history, repo) = collect(args.plan.as_deref())?;
    if sources.is_empty() {
        bail!("there is no plan to export: {plan_path} has no readable revision");
    }
    let redaction = args.redact.map(|_| learn(&sources, repo.as_ref()));
    let options = ReadOptions {
        keyframe_every: args.keyframe,
        redaction: redaction.as_ref(),
        allow_confidential: args.allow_confidential,
    };
    let revisions = read_revisions(sources, repo.as_ref(), &options)?;
    let (files, index) = data::build(&revisions, args.keyframe)?;
    let site = SiteJson {
        format: SITE_FORMAT,
        generator: concat!("continuity ", env!("CARGO_PKG_VERSION")),
        generated_at: crate::history::rfc3339(time::OffsetDateTime::now_utc().unix_timestamp(), 0),
        plan_path: &plan_path,
        history,
        index: &index,
        current: 0,
        as_of: crate::clock::today().to_string(),
        redacted: redaction.is_some(),
        classification: revisions
            .iter()
            .find_map(data::SourceRevision::classification)
            .map(|c| c.label()),
    };
    let mut site_json = serde_json::to_vec_pretty(&site)?;
    site_json.push(b'\n');
    let report = write_site(&args.output, &files, &site_json)?;
    print(&format!(
        "exported {} revisions of {} to {}: {} files written, {} unchanged, {} removed\n",
        revisions.len(),
        shown(&plan_path),
        shown(&args.output.display().to_string()),
        report.written,
        report.unchanged,
        report.removed
    ))?;
    if let Some(note) = &site.history.note {
        // Also in site.json and on the viewer's history page; said here so that whoever runs
        // the export (often a CI log) sees it.
        eprintln!("note: {}", shown(note));
    }
    if args.serve {
        serve::serve(&args.output, args.port)?;
    }
    Ok(Outcome::Success)
}

/// A revision to export, before its plan is read.
struct Source {
    /// Its metadata, with the state still to be read.
    revision: data::SourceRevision,
    plan: PlanSource,
    /// The date to validate the plan as of.
    date: Date,
}

/// Where a revision's plan is read from.
enum PlanSource {
    /// The working tree's file (or a plan outside any repository).
    Bytes(Vec<u8>),
    Blob(git2::Oid),
    Absent,
}

impl Source {
    /// The plan's bytes, as read now.
    fn bytes(&self, repo: Option<&PlanRepo>) -> Option<Vec<u8>> {
        match (&self.plan, repo) {
            (PlanSource::Bytes(bytes), _) => Some(bytes.clone()),
            (PlanSource::Blob(blob), Some(repo)) => match repo.read_blob(*blob) {
                Ok(crate::history::PlanAt::Bytes(bytes)) => Some(bytes),
                _ => None,
            },
            _ => None,
        }
    }
}

/// For `--redact personal`: the people and authors of every revision, oldest first, so that
/// each gets one stand-in across the whole history. Only parsed, not validated.
fn learn(sources: &[Source], repo: Option<&PlanRepo>) -> publish::Redaction {
    let mut redaction = publish::Redaction::default();
    for source in sources.iter().rev() {
        if let Some(plan) = source
            .bytes(repo)
            .and_then(|bytes| continuity_schema::load::plan_if_well_formed(&bytes))
        {
            redaction.learn_plan(&plan);
        }
        redaction.learn_author(&source.revision.author, &source.revision.email);
    }
    redaction
}

struct ReadOptions<'a> {
    keyframe_every: usize,
    redaction: Option<&'a publish::Redaction>,
    allow_confidential: bool,
}

/// Reads, validates (and redacts) every revision, newest first, keeping what the site records
/// of each: its findings, its diff from the revision before it, and its text only where the
/// site stores the plan whole. Only a few plans are in memory at a time: those validated
/// ahead on other threads, and the two being compared.
fn read_revisions(
    sources: Vec<Source>,
    repo: Option<&PlanRepo>,
    options: &ReadOptions<'_>,
) -> anyhow::Result<Vec<data::SourceRevision>> {
    let schema = SchemaCheck::new()?;
    let n = sources.len();
    let mut out: Vec<data::SourceRevision> = Vec::with_capacity(n);
    // The plan of the revision read last (the next newer one), to diff against.
    let mut newer: Option<Rc<Plan>> = None;
    let mut interner = data::Interner::new();
    let (inputs, mut metadata): (Vec<_>, Vec<_>) = sources
        .into_iter()
        .map(|source| ((source.plan, source.date), Some(source.revision)))
        .unzip();
    crate::ahead::validate_ahead_with(
        &schema,
        n,
        |k| {
            let (plan, date) = &inputs[k];
            match (plan, repo) {
                (PlanSource::Bytes(bytes), _) => crate::ahead::Input::Text {
                    bytes: bytes.clone(),
                    date: *date,
                },
                (PlanSource::Blob(blob), Some(repo)) => {
                    crate::revisions::read_input(repo, *blob, *date)
                }
                _ => crate::ahead::Input::Absent,
            }
        },
        // Redacting every string of a plan costs as much as validating it: done on the
        // validating threads too.
        |output| publish::Published::of(output, options.redaction),
        |k, published| {
            // Position from the oldest, as the site counts.
            let i = n - 1 - k;
            let (state, text) = published?.into_state();
            let mut revision = metadata[k]
                .take()
                .context("a revision was validated twice")?;
            if let Some(plan) = state.plan() {
                publish::refuse_confidential(
                    &revision.id,
                    plan,
                    options.redaction.is_some(),
                    options.allow_confidential,
                )?;
            }
            if let Some(redaction) = options.redaction {
                redaction.metadata(&mut revision);
            }
            let plan = match &state {
                PlanState::Checked { plan, .. } => Some(plan.clone()),
                _ => None,
            };
            if let Some(newer_revision) = out.last_mut() {
                newer_revision.record_previous(
                    plan.as_deref(),
                    newer.as_deref(),
                    data::stored_whole(i + 1, n, plan.is_some(), options.keyframe_every),
                );
            }
            revision.state = data::SourceState::of(state, text, &mut interner);
            out.push(revision);
            newer = plan;
            Ok(())
        },
    )?;
    Ok(out)
}

/// The revisions to export (newest first, their plans not yet read), the plan's path, the
/// state of its history, and the repository to read the plans from.
fn collect(
    plan: Option<&Path>,
) -> anyhow::Result<(String, Vec<Source>, HistoryState, Option<PlanRepo>)> {
    let repo = match open_plan_repo(plan) {
        Ok(repo) => repo,
        Err(err) => return collect_without_history(plan, &format!("{err:#}")),
    };
    let Ok(head) = repo.head() else {
        return collect_without_history(plan, "the repository has no commits yet");
    };
    let history = repo.history(head, WalkOptions { first_parent: true })?;
    let mut sources: Vec<Source> = Vec::with_capacity(history.revisions.len() + 1);
    // Uncommitted changes are shown on top, so that an author can preview before committing.
    if let Ok(crate::history::PlanAt::Bytes(bytes)) = repo.read_worktree() {
        let head_blob = history.revisions.first().and_then(|r| r.blob);
        let worktree_blob = git2::Oid::hash_object(git2::ObjectType::Blob, &bytes).ok();
        if head_blob != worktree_blob {
            sources.push(worktree_source(&repo.path, bytes));
        }
    }
    for revision in &history.revisions {
        // The revision the viewer opens is judged as of today, like `validate`; past ones as
        // of their own date (was the plan valid then?).
        let date = if sources.is_empty() {
            crate::clock::today()
        } else {
            crate::history::date_of(revision.time, revision.offset_minutes)
        };
        sources.push(Source {
            revision: source_revision(revision),
            plan: revision.blob.map_or(PlanSource::Absent, PlanSource::Blob),
            date,
        });
    }
    let state = match &history.boundary {
        None => HistoryState {
            state: "complete",
            note: None,
        },
        Some(boundary @ crate::history::Boundary::Shallow { .. }) => HistoryState {
            state: "shallow",
            note: Some(boundary.explain()),
        },
        Some(boundary @ crate::history::Boundary::Broken { .. }) => HistoryState {
            state: "broken",
            note: Some(boundary.explain()),
        },
    };
    Ok((repo.path.clone(), sources, state, Some(repo)))
}

/// Without a repository (a source archive), only the current plan is exported.
fn collect_without_history(
    plan: Option<&Path>,
    why: &str,
) -> anyhow::Result<(String, Vec<Source>, HistoryState, Option<PlanRepo>)> {
    let path = match plan {
        Some(path) => path.to_path_buf(),
        None => crate::files::default_plans()?
            .into_iter()
            .next()
            .context("no plan found")?,
    };
    let display = crate::files::display_path(&path);
    let bytes = match crate::files::read_plan(&path)? {
        crate::files::Input::Bytes(bytes) => bytes,
        crate::files::Input::TooLarge(_) => bail!("{display} is larger than a plan may be"),
    };
    let note = format!("history is unavailable ({why}); only the current plan is shown");
    Ok((
        display.clone(),
        vec![worktree_source(&display, bytes)],
        HistoryState {
            state: "unavailable",
            note: Some(note),
        },
        None,
    ))
}

fn worktree_source(path: &str, bytes: Vec<u8>) -> Source {
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let mut revision = blank_revision();
    revision.id = "worktree".into();
    revision.message = "Uncommitted changes".into();
    revision.date = crate::history::rfc3339(now, 0);
    revision.path = path.to_owned();
    Source {
        revision,
        plan: PlanSource::Bytes(bytes),
        date: crate::clock::today(),
    }
}

fn source_revision(r: &Revision) -> data::SourceRevision {
    let mut revision = blank_revision();
    revision.id = r.commit.to_string();
    revision.author = r.author_name.clone();
    revision.email = r.author_email.clone();
    revision.date = crate::history::rfc3339(r.time, r.offset_minutes);
    revision.message = r.message.trim_end().to_owned();
    revision.path = r.path.clone();
    revision.change = r.change.name();
    if let Change::Renamed { from } = &r.change {
        revision.renamed_from = Some(from.clone());
    }
    revision
}

fn blank_revision() -> data::SourceRevision {
    data::SourceRevision {
        id: String::new(),
        author: String::new(),
        email: String::new(),
        date: String::new(),
        message: String::new(),
        path: String::new(),
        change: "modified",
        renamed_from: None,
        state: data::SourceState::Absent,
    }
}

struct WriteReport {
    written: usize,
    unchanged: usize,
    removed: usize,
}

/// Writes the site into `dir`: files whose content is unchanged are left alone, data files the
/// new index no longer uses are removed. Refuses a non-empty folder that is not a site, so that
/// a mistyped `-o` never overwrites someone's files.
fn write_site(
    dir: &Path,
    data: &[data::DataFile],
    site_json: &[u8],
) -> anyhow::Result<WriteReport> {
    if dir.exists() {
        if !dir.is_dir() {
            bail!(
                "{} is a file, not a folder; choose an empty or new folder with -o",
                dir.display()
            );
        }
        let is_empty = std::fs::read_dir(dir)
            .with_context(|| format!("cannot read the folder {}", dir.display()))?
            .next()
            .is_none();
        if !is_empty && !dir.join("data").join("site.json").is_file() {
            bail!(
                "{} is not empty and holds no continuity site; choose an empty or new folder",
                dir.display()
            );
        }
    }
    let mut report = WriteReport {
        written: 0,
        unchanged: 0,
        removed: 0,
    };
    let mut keep: BTreeSet<PathBuf> = BTreeSet::new();
    let mut put = |relative: &str, bytes: &[u8], report: &mut WriteReport| -> anyhow::Result<()> {
        let path = dir.join(relative);
        keep.insert(path.clone());
        if std::fs::read(&path).is_ok_and(|existing| existing == bytes) {
            report.unchanged += 1;
            return Ok(());
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
        report.written += 1;
        Ok(())
    };
    for (relative, bytes) in viewer_assets::FILES {
        put(relative, bytes, &mut report)?;
    }
    for file in data {
        put(&format!("data/{}", file.path), &file.bytes, &mut report)?;
    }
    // site.json last: a reader never sees an index that is not fully written.
    put("data/site.json", site_json, &mut report)?;
    for sub in ["data", "data/snapshots", "data/chunks"] {
        let Ok(entries) = std::fs::read_dir(dir.join(sub)) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            let generated = path.extension().is_some_and(|e| e == "json");
            if path.is_file() && generated && !keep.contains(&path) {
                std::fs::remove_file(&path)
                    .with_context(|| format!("cannot remove {}", path.display()))?;
                report.removed += 1;
            }
        }
    }
    Ok(report)
}
