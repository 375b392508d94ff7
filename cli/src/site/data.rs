//! The site's data: a revision index and plan snapshots and deltas, all named by content hash,
//! so that a static host serves them forever and a new export writes only what is new.
//!
//! Layout (format 2, documented in `docs/site-data.md`):
//! - `data/site.json`: the entry point: generator, plan path, history state, index file name.
//! - `data/revisions-<hash>.json`: every revision, newest first, with its summary and validity.
//! - `data/snapshots/<hash>.json`: whole plans: the newest revision, and every `KEYFRAME`-th.
//! - `data/chunks/<hash>.json`: a keyframe's hash and the diffs that lead from it to each newer
//!   revision up to the next keyframe.
//! - `data/findings/<hash>.json`: the findings of every revision of a block of `KEYFRAME`
//!   revisions (see `findings.rs`).

use std::collections::BTreeMap;
use std::rc::Rc;

use continuity_schema::Plan;
use continuity_schema::diff::{self, Diff, RecordedFinding};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::findings;
use crate::output::Summary;
use crate::revisions::{PlanState, describe_change};

/// Every this many revisions (counted from the oldest) a whole plan is stored, so that rebuilding
/// any revision applies at most this many diffs. Counting from the oldest keeps the choice
/// stable as history grows at the top.
pub const KEYFRAME: usize = 512;

/// The version of the site data format.
pub const SITE_FORMAT: u32 = 2;

/// One revision as the exporter knows it.
#[derive(Debug, Clone)]
pub struct SourceRevision {
    pub id: String,
    pub author: String,
    pub email: String,
    pub date: String,
    pub message: String,
    pub path: String,
    pub change: &'static str,
    pub renamed_from: Option<String>,
    /// The plan text as published (possibly redacted), when the revision holds a readable plan.
    pub text: Option<Rc<String>>,
    /// The plan and its validation at the revision's date.
    pub state: PlanState,
}

impl SourceRevision {
    fn plan(&self) -> Option<&Rc<Plan>> {
        match &self.state {
            PlanState::Checked { plan, .. } => Some(plan),
            _ => None,
        }
    }

    fn state_name(&self) -> &'static str {
        match &self.state {
            PlanState::Checked { .. } => "checked",
            PlanState::Absent => "absent",
            PlanState::Unreadable { .. } => "unreadable",
        }
    }

    /// The findings as the site records them (none when there is no plan).
    fn recorded(&self) -> Option<Vec<RecordedFinding>> {
        match &self.state {
            PlanState::Checked { plan, findings, .. } => {
                Some(RecordedFinding::record(plan, findings))
            }
            _ => None,
        }
    }

    /// Finding counts as validated at the revision's own date (zero when there is no plan).
    fn counts(&self) -> Summary {
        match &self.state {
            PlanState::Checked { summary, .. } => *summary,
            _ => Summary::default(),
        }
    }
}

/// A file of the site's `data/` folder: its path below `data/` and its bytes.
#[derive(Debug, Clone)]
pub struct DataFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

#[derive(Serialize)]
struct IndexEntry<'a> {
    id: &'a str,
    author: &'a str,
    email: &'a str,
    date: &'a str,
    message: &'a str,
    path: &'a str,
    change: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    renamed_from: Option<&'a str>,
    state: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    /// The content hash of the plan at this revision (equal hashes: equal plans).
    #[serde(skip_serializing_if = "Option::is_none")]
    plan: Option<String>,
    /// Where to load the plan from: `snapshots/<hash>.json` or `chunks/<hash>.json`.
    #[serde(skip_serializing_if = "Option::is_none")]
    load: Option<String>,
    findings: Summary,
    /// Where the findings are listed: `findings/<hash>.json`.
    #[serde(skip_serializing_if = "Option::is_none")]
    findings_file: Option<String>,
    /// What changed since the previous (older) revision, in one line.
    summary: String,
    sections: Vec<&'static str>,
    impacts: Vec<&'static str>,
}

#[derive(Serialize)]
struct Chunk<'a> {
    format: u32,
    base: &'a str,
    steps: Vec<ChunkStep<'a>>,
}

#[derive(Serialize)]
struct ChunkStep<'a> {
    plan: &'a str,
    diff: &'a Diff,
}

/// The content hash used in file names: the first 20 hex digits of SHA-256.
pub fn content_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().take(10).map(|b| format!("{b:02x}")).collect()
}

/// Builds the data files for `revisions` (newest first); returns them and the index file name.
pub fn build(
    revisions: &[SourceRevision],
    keyframe_every: usize,
) -> anyhow::Result<(Vec<DataFile>, String)> {
    let keyframe_every = keyframe_every.max(1);
    let n = revisions.len();
    // Work oldest first: position i from the oldest decides keyframes.
    let oldest_first: Vec<&SourceRevision> = revisions.iter().rev().collect();
    let hashes: Vec<Option<String>> = oldest_first
        .iter()
        .map(|r| r.text.as_ref().map(|t| content_hash(t.as_bytes())))
        .collect();
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut loads: Vec<Option<String>> = vec![None; n];
    let mut diffs: Vec<Option<Diff>> = vec![None; n];
    let mut segment: Vec<(usize, Diff)> = Vec::new();
    let mut keyframe: Option<usize> = None;
    for i in 0..n {
        let (Some(plan), Some(hash)) = (oldest_first[i].plan(), &hashes[i]) else {
            flush(&mut files, &mut loads, &hashes, keyframe, &mut segment)?;
            keyframe = None;
            continue;
        };
        let previous = i
            .checked_sub(1)
            .and_then(|p| oldest_first[p].plan().cloned());
        if let Some(previous) = &previous {
            diffs[i] = Some(diff::diff(previous, plan));
        }
        let starts_keyframe = keyframe.is_none() || i % keyframe_every == 0;
        if starts_keyframe {
            flush(&mut files, &mut loads, &hashes, keyframe, &mut segment)?;
            let text = oldest_first[i]
                .text
                .as_ref()
                .map(|t| t.as_bytes().to_vec())
                .unwrap_or_default();
            files.insert(format!("snapshots/{hash}.json"), text);
            loads[i] = Some(format!("snapshots/{hash}.json"));
            keyframe = Some(i);
        } else if let Some(step) = diffs[i].clone() {
            segment.push((i, step));
        }
    }
    flush(&mut files, &mut loads, &hashes, keyframe, &mut segment)?;
    let findings_files = record_findings(&mut files, &oldest_first, keyframe_every)?;
    // The newest revision is what most visitors open: store it whole as well.
    if let (Some(last), Some(Some(hash))) = (n.checked_sub(1), hashes.last()) {
        if let Some(text) = &oldest_first[last].text {
            files.insert(format!("snapshots/{hash}.json"), text.as_bytes().to_vec());
            loads[last] = Some(format!("snapshots/{hash}.json"));
        }
    }
    let entries: Vec<IndexEntry<'_>> = (0..n)
        .rev()
        .map(|i| {
            let r = oldest_first[i];
            let (summary, sections, impacts) = describe(i, &oldest_first, diffs[i].as_ref());
            IndexEntry {
                id: &r.id,
                author: &r.author,
                email: &r.email,
                date: &r.date,
                message: &r.message,
                path: &r.path,
                change: r.change,
                renamed_from: r.renamed_from.as_deref(),
                state: r.state_name(),
                error: match &r.state {
                    PlanState::Unreadable { error } => Some(error.as_str()),
                    _ => None,
                },
                plan: hashes[i].clone(),
                load: loads[i].clone(),
                findings: r.counts(),
                findings_file: findings_files[i].clone(),
                summary,
                sections,
                impacts,
            }
        })
        .collect();
    let index = serde_json::to_vec(&entries)?;
    let index_name = format!("revisions-{}.json", content_hash(&index));
    files.insert(index_name.clone(), index);
    Ok((
        files
            .into_iter()
            .map(|(path, bytes)| DataFile { path, bytes })
            .collect(),
        index_name,
    ))
}

/// Writes the findings of every revision with a plan, one file per block of `block` revisions
/// counted from the oldest; returns each revision's file (oldest first).
fn record_findings(
    files: &mut BTreeMap<String, Vec<u8>>,
    oldest_first: &[&SourceRevision],
    block: usize,
) -> anyhow::Result<Vec<Option<String>>> {
    let recorded: Vec<Option<Vec<RecordedFinding>>> =
        oldest_first.iter().map(|r| r.recorded()).collect();
    let mut names = vec![None; oldest_first.len()];
    for start in (0..oldest_first.len()).step_by(block) {
        let end = (start + block).min(oldest_first.len());
        let members: findings::Block<'_> = (start..end)
            .filter_map(|i| Some((oldest_first[i].id.as_str(), recorded[i].as_deref()?)))
            .collect();
        if members.is_empty() {
            continue;
        }
        let name = findings::write_block(files, &members)?;
        for i in start..end {
            if recorded[i].is_some() {
                names[i] = Some(name.clone());
            }
        }
    }
    Ok(names)
}

/// Writes the chunk of the current segment and records where its revisions load from.
fn flush(
    files: &mut BTreeMap<String, Vec<u8>>,
    loads: &mut [Option<String>],
    hashes: &[Option<String>],
    keyframe: Option<usize>,
    segment: &mut Vec<(usize, Diff)>,
) -> anyhow::Result<()> {
    let (Some(base), false) = (keyframe, segment.is_empty()) else {
        segment.clear();
        return Ok(());
    };
    let base_hash = hashes[base].as_deref().unwrap_or_default();
    let steps = segment
        .iter()
        .map(|(i, diff)| ChunkStep {
            plan: hashes[*i].as_deref().unwrap_or_default(),
            diff,
        })
        .collect();
    let bytes = serde_json::to_vec(&Chunk {
        format: SITE_FORMAT,
        base: base_hash,
        steps,
    })?;
    let name = format!("chunks/{}.json", content_hash(&bytes));
    for (i, _) in segment.iter() {
        loads[*i] = Some(name.clone());
    }
    files.insert(name, bytes);
    segment.clear();
    Ok(())
}

/// The one-line summary, sections and impacts of revision `i` against the one before it.
fn describe(
    i: usize,
    revisions: &[&SourceRevision],
    diff: Option<&Diff>,
) -> (String, Vec<&'static str>, Vec<&'static str>) {
    let current = revisions[i];
    let previous = i.checked_sub(1).map(|p| revisions[p]);
    let text = describe_change(
        previous.map(|p| &p.state),
        &current.state,
        diff,
        current.change == "truncated",
    );
    let Some(diff) = diff else {
        return (text, Vec::new(), Vec::new());
    };
    let mut sections: Vec<&'static str> = diff.changes.iter().map(|c| c.section.name()).collect();
    sections.sort_unstable();
    sections.dedup();
    let mut impacts: Vec<&'static str> = diff.impacts().map(|i| i.name()).collect();
    impacts.sort_unstable();
    impacts.dedup();
    (text, sections, impacts)
}
