//! `continuity site`: exports the plan and its history as a static site with the viewer.

mod data;
mod findings;
mod publish;
mod serve;
mod viewer_assets;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use anyhow::{Context as _, bail};
use serde::Serialize;

use crate::history::{Change, Revision, WalkOptions, open_plan_repo};
use crate::revisions::{PlanState, read_state, state_of};
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
    let (plan_path, mut revisions, history) = collect(args.plan.as_deref())?;
    if revisions.is_empty() {
        bail!("there is no plan to export: {plan_path} has no readable revision");
    }
    let redacted = args.redact.is_some();
    publish::check_classification(&revisions, redacted, args.allow_confidential)?;
    if redacted {
        publish::redact(&mut revisions)?;
    }
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
        redacted,
        classification: revisions
            .iter()
            .find_map(|r| r.state.plan())
            .map(|p| p.plan.classification.label()),
    };
    let mut site_json = serde_json::to_vec_pretty(&site)?;
    site_json.push(b'\n');
    let report = write_site(&args.output, &files, &site_json)?;
    print(&format!(
        "exported {} revisions of {plan_path} to {}: {} files written, {} unchanged, {} removed\n",
        revisions.len(),
        args.output.display(),
        report.written,
        report.unchanged,
        report.removed
    ))?;
    if args.serve {
        serve::serve(&args.output, args.port)?;
    }
    Ok(Outcome::Success)
}

/// The revisions to export (newest first), the plan's path and the state of its history.
fn collect(
    plan: Option<&Path>,
) -> anyhow::Result<(String, Vec<data::SourceRevision>, HistoryState)> {
    let schema = SchemaCheck::new()?;
    let repo = match open_plan_repo(plan) {
        Ok(repo) => repo,
        Err(err) => return collect_without_history(plan, &schema, &format!("{err:#}")),
    };
    let Ok(head) = repo.head() else {
        return collect_without_history(plan, &schema, "the repository has no commits yet");
    };
    let history = repo.history(head, WalkOptions { first_parent: true })?;
    let mut revisions: Vec<data::SourceRevision> = Vec::with_capacity(history.revisions.len() + 1);
    // Uncommitted changes are shown on top, so that an author can preview before committing.
    if let Ok(crate::history::PlanAt::Bytes(bytes)) = repo.read_worktree() {
        let head_blob = history.revisions.first().and_then(|r| r.blob);
        let worktree_blob = git2::Oid::hash_object(git2::ObjectType::Blob, &bytes).ok();
        if head_blob != worktree_blob {
            let state = state_of(&bytes, crate::clock::today(), &schema);
            revisions.push(worktree_revision(&repo.path, bytes, state));
        }
    }
    for revision in &history.revisions {
        // The revision the viewer opens is judged as of today, like `validate`; past ones as
        // of their own date (was the plan valid then?).
        let date = if revisions.is_empty() {
            crate::clock::today()
        } else {
            crate::history::date_of(revision.time, revision.offset_minutes)
        };
        let (state, bytes) = match revision.blob {
            Some(blob) => read_state(&repo, blob, date, &schema),
            None => (PlanState::Absent, None),
        };
        let text = bytes.map(|bytes| Rc::new(String::from_utf8_lossy(&bytes).into_owned()));
        revisions.push(source_revision(revision, state, text));
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
    Ok((repo.path.clone(), revisions, state))
}

/// Without a repository (a source archive), only the current plan is exported.
fn collect_without_history(
    plan: Option<&Path>,
    schema: &SchemaCheck,
    why: &str,
) -> anyhow::Result<(String, Vec<data::SourceRevision>, HistoryState)> {
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
    let state = state_of(&bytes, crate::clock::today(), schema);
    let revision = worktree_revision(&display, bytes, state);
    let note = format!("history is unavailable ({why}); only the current plan is shown");
    Ok((
        display,
        vec![revision],
        HistoryState {
            state: "unavailable",
            note: Some(note),
        },
    ))
}

fn worktree_revision(path: &str, bytes: Vec<u8>, state: PlanState) -> data::SourceRevision {
    let text = matches!(state, PlanState::Checked { .. })
        .then(|| Rc::new(String::from_utf8_lossy(&bytes).into_owned()));
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let mut revision = source_state(state, text);
    revision.id = "worktree".into();
    revision.message = "Uncommitted changes".into();
    revision.date = crate::history::rfc3339(now, 0);
    revision.path = path.to_owned();
    revision
}

fn source_revision(
    r: &Revision,
    state: PlanState,
    text: Option<Rc<String>>,
) -> data::SourceRevision {
    let mut revision = source_state(state, text);
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

fn source_state(state: PlanState, text: Option<Rc<String>>) -> data::SourceRevision {
    let text = text.filter(|_| matches!(state, PlanState::Checked { .. }));
    data::SourceRevision {
        id: String::new(),
        author: String::new(),
        email: String::new(),
        date: String::new(),
        message: String::new(),
        path: String::new(),
        change: "modified",
        renamed_from: None,
        text,
        state,
    }
}

/// What writing the site did.
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
        let is_empty = std::fs::read_dir(dir)
            .with_context(|| format!("cannot read {}", dir.display()))?
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
