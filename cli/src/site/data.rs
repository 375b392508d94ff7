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

use anyhow::Context as _;
use continuity_schema::diff::{self, Diff, RecordedFinding};
use continuity_schema::{Classification, Plan};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::findings;
use crate::output::Summary;
use crate::revisions::{PlanState, StateKind, describe_change};

/// Every this many revisions (counted from the oldest) a whole plan is stored, so that rebuilding
/// any revision applies at most this many diffs. Counting from the oldest keeps the choice
/// stable as history grows at the top.
pub const KEYFRAME: usize = 512;

/// The version of the site data format.
pub const SITE_FORMAT: u32 = 2;

/// One revision as the exporter knows it, newest first. The plan itself is not kept: the
/// exporter reads the revisions one by one and keeps what the site records of each, so that
/// a long history of a large plan needs the memory of two plans, not of all of them.
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
    pub state: SourceState,
}

/// What a revision holds, as the site records it.
#[derive(Debug, Clone)]
pub enum SourceState {
    Absent,
    Unreadable {
        error: String,
    },
    Checked {
        /// The content hash of the plan text as published.
        hash: String,
        /// The text as published (possibly redacted), kept only for the revisions stored
        /// whole (`KEYFRAME`s, the first after a gap, the newest).
        text: Option<Rc<String>>,
        /// The diff from the previous (older) revision, when that one holds a plan.
        diff: Option<Diff>,
        summary: Summary,
        /// Shared between revisions (see [`Interner`]).
        findings: Vec<Rc<RecordedFinding>>,
        classification: Classification,
    },
}

/// One copy of each distinct finding across all revisions: most findings persist from one
/// revision to the next, and a long history would otherwise hold each a thousand times.
pub type Interner = std::collections::HashSet<Rc<RecordedFinding>>;

impl SourceState {
    /// What the site records of a revision read as `state`, whose plan is published as `text`.
    pub fn of(state: PlanState, text: Option<String>, interner: &mut Interner) -> SourceState {
        match state {
            PlanState::Absent => SourceState::Absent,
            PlanState::Unreadable { error } => SourceState::Unreadable { error },
            PlanState::Checked {
                plan,
                summary,
                findings,
            } => {
                let text = text.unwrap_or_default();
                let recorded = RecordedFinding::record(&plan, &findings);
                // A new vector, not `into_iter().collect()`: that would reuse the recorded
                // findings' allocation, 20 times the size of the pointers, and keep it for
                // every revision (0.6 GB over 10,000 revisions of the benchmark history).
                let mut shared = Vec::with_capacity(recorded.len());
                shared.extend(
                    recorded
                        .into_iter()
                        .map(|finding| match interner.get(&finding) {
                            Some(one) => one.clone(),
                            None => {
                                let one = Rc::new(finding);
                                interner.insert(one.clone());
                                one
                            }
                        }),
                );
                SourceState::Checked {
                    hash: content_hash(text.as_bytes()),
                    text: Some(Rc::new(text)),
                    diff: None,
                    summary,
                    findings: shared,
                    classification: plan.plan.classification,
                }
            }
        }
    }
}

impl SourceRevision {
    /// Records what this revision changed from the one before it, once that one is read:
    /// the diff between their plans, when both have one; and drops the text unless the site
    /// stores this revision whole (`keep_text`).
    pub fn record_previous(
        &mut self,
        previous: Option<&Plan>,
        own: Option<&Plan>,
        keep_text: bool,
    ) {
        if let SourceState::Checked { text, diff, .. } = &mut self.state {
            if let (Some(previous), Some(own)) = (previous, own) {
                *diff = Some(diff::diff(previous, own));
            }
            if !keep_text {
                *text = None;
            }
        }
    }

    fn hash(&self) -> Option<&str> {
        match &self.state {
            SourceState::Checked { hash, .. } => Some(hash),
            _ => None,
        }
    }

    fn diff(&self) -> Option<&Diff> {
        match &self.state {
            SourceState::Checked { diff, .. } => diff.as_ref(),
            _ => None,
        }
    }

    pub fn kind(&self) -> StateKind {
        match &self.state {
            SourceState::Checked { .. } => StateKind::Checked,
            SourceState::Absent => StateKind::Absent,
            SourceState::Unreadable { .. } => StateKind::Unreadable,
        }
    }

    /// The plan's classification, when the revision holds a plan.
    pub fn classification(&self) -> Option<Classification> {
        match &self.state {
            SourceState::Checked { classification, .. } => Some(*classification),
            _ => None,
        }
    }

    /// Finding counts as validated at the revision's own date (zero when there is no plan).
    fn counts(&self) -> Summary {
        match &self.state {
            SourceState::Checked { summary, .. } => *summary,
            _ => Summary::default(),
        }
    }
}

/// Whether revision `i` (counted from the oldest) is stored whole: every `keyframe_every`-th,
/// the first with a plan after one without (a chunk patches a plan, so a gap starts anew), and
/// the newest, which most visitors open.
pub fn stored_whole(i: usize, n: usize, previous_has_plan: bool, keyframe_every: usize) -> bool {
    !previous_has_plan || i % keyframe_every.max(1) == 0 || i + 1 == n
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
        .map(|r| r.hash().map(str::to_owned))
        .collect();
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut loads: Vec<Option<String>> = vec![None; n];
    let mut segment: Vec<(usize, &Diff)> = Vec::new();
    let mut keyframe: Option<usize> = None;
    for i in 0..n {
        let SourceState::Checked {
            hash, text, diff, ..
        } = &oldest_first[i].state
        else {
            flush(&mut files, &mut loads, &hashes, keyframe, &mut segment)?;
            keyframe = None;
            continue;
        };
        let starts_keyframe = keyframe.is_none() || i % keyframe_every == 0;
        if starts_keyframe {
            flush(&mut files, &mut loads, &hashes, keyframe, &mut segment)?;
            let text = text.as_ref().with_context(|| {
                format!(
                    "revision {} is stored whole but its text was not kept",
                    oldest_first[i].id
                )
            })?;
            files.insert(format!("snapshots/{hash}.json"), text.as_bytes().to_vec());
            loads[i] = Some(format!("snapshots/{hash}.json"));
            keyframe = Some(i);
        } else if let Some(step) = diff {
            segment.push((i, step));
        }
    }
    flush(&mut files, &mut loads, &hashes, keyframe, &mut segment)?;
    let findings_files = record_findings(&mut files, &oldest_first, keyframe_every)?;
    // The newest revision is what most visitors open: store it whole as well.
    if let Some(newest) = oldest_first.last() {
        if let SourceState::Checked {
            hash,
            text: Some(text),
            ..
        } = &newest.state
        {
            files.insert(format!("snapshots/{hash}.json"), text.as_bytes().to_vec());
            loads[n - 1] = Some(format!("snapshots/{hash}.json"));
        }
    }
    let entries: Vec<IndexEntry<'_>> = (0..n)
        .rev()
        .map(|i| {
            let r = oldest_first[i];
            let (summary, sections, impacts) = describe(i, &oldest_first);
            IndexEntry {
                id: &r.id,
                author: &r.author,
                email: &r.email,
                date: &r.date,
                message: &r.message,
                path: &r.path,
                change: r.change,
                renamed_from: r.renamed_from.as_deref(),
                state: r.kind().name(),
                error: match &r.state {
                    SourceState::Unreadable { error } => Some(error.as_str()),
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
    let recorded: Vec<Option<&[Rc<RecordedFinding>]>> = oldest_first
        .iter()
        .map(|r| match &r.state {
            SourceState::Checked { findings, .. } => Some(findings.as_slice()),
            _ => None,
        })
        .collect();
    let mut names = vec![None; oldest_first.len()];
    for start in (0..oldest_first.len()).step_by(block) {
        let end = (start + block).min(oldest_first.len());
        let members: findings::Block<'_> = (start..end)
            .filter_map(|i| Some((oldest_first[i].id.as_str(), recorded[i]?)))
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
    segment: &mut Vec<(usize, &Diff)>,
) -> anyhow::Result<()> {
    let (Some(base), false) = (keyframe, segment.is_empty()) else {
        segment.clear();
        return Ok(());
    };
    let base_hash = hashes[base].as_deref().unwrap_or_default();
    let steps = segment
        .iter()
        .map(|&(i, diff)| ChunkStep {
            plan: hashes[i].as_deref().unwrap_or_default(),
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
) -> (String, Vec<&'static str>, Vec<&'static str>) {
    let current = revisions[i];
    let previous = i.checked_sub(1).map(|p| revisions[p].kind());
    let diff = current.diff();
    let text = describe_change(
        previous,
        current.kind(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check_revision;
    use crate::schema_check::SchemaCheck;

    /// A long history keeps every revision's list of findings until the files are written:
    /// a list that kept a larger allocation than its pointers cost 0.6 GB on 10,000 revisions.
    #[test]
    fn a_revisions_findings_keep_no_spare_room() {
        let text = include_str!("../../../tests/fixtures/report/small.json");
        let date = "2026-11-27".parse().expect("a date");
        let schema = SchemaCheck::new().expect("the schema compiles");
        let checked = check_revision(text.as_bytes(), date, &schema);
        let plan = checked.plan.expect("a well-formed plan");
        assert!(checked.findings.len() > 1, "the fixture has findings");
        let state = PlanState::Checked {
            summary: Summary::of(&checked.findings),
            plan: Rc::new(plan),
            findings: Rc::new(checked.findings),
        };
        let mut interner = Interner::new();
        let SourceState::Checked { findings, .. } =
            SourceState::of(state, Some(text.to_owned()), &mut interner)
        else {
            panic!("a checked plan stays checked");
        };
        assert!(!findings.is_empty());
        assert_eq!(findings.capacity(), findings.len());
    }
}
