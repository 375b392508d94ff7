//! The findings of every exported revision, recorded by the exporter so that the viewer shows
//! and compares them without carrying the rules.
//!
//! Revisions are grouped in blocks of `KEYFRAME`, counted from the oldest like the snapshots,
//! so that an export after a new commit rewrites only the newest block. A block's file holds
//! each distinct finding once and, per revision, how its list is made from the previous
//! revision's list and new entries of the table: neighbouring revisions mostly share their
//! findings, so a revision costs a few numbers and a long history little more than its
//! distinct findings.

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use continuity_schema::diff::RecordedFinding;
use serde::Serialize;

use super::data::{SITE_FORMAT, content_hash};

/// `data/findings/<hash>.json`.
#[derive(Serialize)]
struct FindingsFile<'a> {
    format: u32,
    findings: Vec<&'a RecordedFinding>,
    /// Oldest first.
    revisions: Vec<RevisionFindings<'a>>,
}

/// A revision's findings, in file order, as pieces `[from, start, length]`: `length` entries
/// from `start` of the previous revision's list (`from` 0) or of the file's table (`from` 1).
#[derive(Serialize)]
struct RevisionFindings<'a> {
    id: &'a str,
    pieces: Vec<[usize; 3]>,
}

const PREVIOUS: usize = 0;
const TABLE: usize = 1;

/// One block's revisions: `(revision id, its findings)`, oldest first.
pub type Block<'a> = Vec<(&'a str, &'a [Rc<RecordedFinding>])>;

/// Writes the file of one block into `files` and returns its name below `data/`.
pub fn write_block(
    files: &mut BTreeMap<String, Vec<u8>>,
    block: &Block<'_>,
) -> anyhow::Result<String> {
    let mut positions: HashMap<&RecordedFinding, usize> = HashMap::new();
    let mut table: Vec<&RecordedFinding> = Vec::new();
    let mut revisions = Vec::with_capacity(block.len());
    let mut previous: Vec<usize> = Vec::new();
    for (id, findings) in block {
        let current: Vec<usize> = findings
            .iter()
            .map(|finding| {
                let finding: &RecordedFinding = finding;
                *positions.entry(finding).or_insert_with(|| {
                    table.push(finding);
                    table.len() - 1
                })
            })
            .collect();
        revisions.push(RevisionFindings {
            id,
            pieces: pieces(&previous, &current),
        });
        previous = current;
    }
    let bytes = serde_json::to_vec(&FindingsFile {
        format: SITE_FORMAT,
        findings: table,
        revisions,
    })?;
    let name = format!("findings/{}.json", content_hash(&bytes));
    files.insert(name.clone(), bytes);
    Ok(name)
}

/// How `current` (positions in the table) is made of runs of `previous` and of the table.
/// Greedy: any choice decodes to the same list, and findings mostly keep their order.
fn pieces(previous: &[usize], current: &[usize]) -> Vec<[usize; 3]> {
    let mut first_in_previous: HashMap<usize, usize> = HashMap::new();
    for (at, &entry) in previous.iter().enumerate() {
        first_in_previous.entry(entry).or_insert(at);
    }
    let mut pieces: Vec<[usize; 3]> = Vec::new();
    for &entry in current {
        if let Some([from, start, len]) = pieces.last_mut() {
            let next = *start + *len;
            let follows = match *from {
                PREVIOUS => previous.get(next) == Some(&entry),
                _ => next == entry,
            };
            if follows {
                *len += 1;
                continue;
            }
        }
        match first_in_previous.get(&entry) {
            Some(&at) => pieces.push([PREVIOUS, at, 1]),
            None => pieces.push([TABLE, entry, 1]),
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use continuity_schema::diff::Path;
    use continuity_schema::finding::Severity;

    /// A new copy each time: the table is made by value, not by sharing.
    fn finding(code: &str) -> Rc<RecordedFinding> {
        Rc::new(RecordedFinding {
            code: code.into(),
            severity: Severity::Warning,
            subject: None,
            path: Path(vec!["services".into()]),
            message: format!("{code} found"),
            hint: None,
            allowed: None,
        })
    }

    #[test]
    fn shared_findings_are_stored_once_and_revisions_say_what_changed() {
        let first = [finding("a"), finding("b")];
        let second = [finding("a"), finding("b"), finding("c")];
        let third = [finding("c"), finding("a")];
        let block: Block<'_> = vec![("r1", &first), ("r2", &second), ("r3", &third), ("r4", &[])];
        let mut files = BTreeMap::new();
        let name = write_block(&mut files, &block).expect("written");
        let json: serde_json::Value = serde_json::from_slice(&files[&name]).expect("json");
        assert_eq!(json["findings"].as_array().map(Vec::len), Some(3));
        assert_eq!(
            json["revisions"],
            serde_json::json!([
                {"id": "r1", "pieces": [[TABLE, 0, 2]]},
                {"id": "r2", "pieces": [[PREVIOUS, 0, 2], [TABLE, 2, 1]]},
                {"id": "r3", "pieces": [[PREVIOUS, 2, 1], [PREVIOUS, 0, 1]]},
                {"id": "r4", "pieces": []},
            ])
        );
        assert!(name.starts_with("findings/") && name.ends_with(".json"));
    }
}

#[cfg(test)]
mod decoding {
    use super::*;
    use proptest::prelude::*;

    /// What a reader does: replays the pieces from the block's first revision.
    fn decode(lists: &[Vec<[usize; 3]>]) -> Vec<Vec<usize>> {
        let mut out: Vec<Vec<usize>> = Vec::new();
        let mut previous: Vec<usize> = Vec::new();
        for pieces in lists {
            let mut current = Vec::new();
            for &[from, start, len] in pieces {
                match from {
                    PREVIOUS => current.extend_from_slice(&previous[start..start + len]),
                    _ => current.extend(start..start + len),
                }
            }
            out.push(current.clone());
            previous = current;
        }
        out
    }

    proptest! {
        #[test]
        fn pieces_rebuild_every_list(lists in prop::collection::vec(prop::collection::vec(0usize..12, 0..20), 1..8)) {
            // Table positions as the writer assigns them: in order of first appearance.
            let mut seen: Vec<usize> = Vec::new();
            let lists: Vec<Vec<usize>> = lists
                .iter()
                .map(|list| list.iter().map(|x| match seen.iter().position(|s| s == x) {
                    Some(at) => at,
                    None => { seen.push(*x); seen.len() - 1 }
                }).collect())
                .collect();
            let mut previous = Vec::new();
            let mut encoded = Vec::new();
            for list in &lists {
                encoded.push(pieces(&previous, list));
                previous = list.clone();
            }
            prop_assert_eq!(decode(&encoded), lists);
        }
    }
}
