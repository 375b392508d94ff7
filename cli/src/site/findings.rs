//! The findings of every exported revision, recorded by the exporter so that the viewer shows
//! and compares them without carrying the rules.
//!
//! Revisions are grouped in blocks of `KEYFRAME`, counted from the oldest like the snapshots,
//! so that an export after a new commit rewrites only the newest block. A block's file holds
//! each distinct finding once and, per revision, runs of positions into that list: neighbouring
//! revisions mostly share their findings, so a long history costs little.

use std::collections::{BTreeMap, HashMap};

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

/// A revision's findings: `[start, length]` runs of positions in the file's `findings`, in
/// file order.
#[derive(Serialize)]
struct RevisionFindings<'a> {
    id: &'a str,
    runs: Vec<[usize; 2]>,
}

/// One block's revisions: `(revision id, its findings)`, oldest first.
pub type Block<'a> = Vec<(&'a str, &'a [RecordedFinding])>;

/// Writes the file of one block into `files` and returns its name below `data/`.
pub fn write_block(
    files: &mut BTreeMap<String, Vec<u8>>,
    block: &Block<'_>,
) -> anyhow::Result<String> {
    let mut positions: HashMap<&RecordedFinding, usize> = HashMap::new();
    let mut table: Vec<&RecordedFinding> = Vec::new();
    let mut revisions = Vec::with_capacity(block.len());
    for (id, findings) in block {
        let mut runs: Vec<[usize; 2]> = Vec::new();
        for finding in *findings {
            let at = *positions.entry(finding).or_insert_with(|| {
                table.push(finding);
                table.len() - 1
            });
            match runs.last_mut() {
                Some([start, len]) if *start + *len == at => *len += 1,
                _ => runs.push([at, 1]),
            }
        }
        revisions.push(RevisionFindings { id, runs });
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

#[cfg(test)]
mod tests {
    use super::*;
    use continuity_schema::diff::Path;
    use continuity_schema::finding::Severity;

    fn finding(code: &str) -> RecordedFinding {
        RecordedFinding {
            code: code.into(),
            severity: Severity::Warning,
            subject: None,
            path: Path(vec!["services".into()]),
            message: format!("{code} found"),
            hint: None,
            allowed: None,
        }
    }

    #[test]
    fn shared_findings_are_stored_once_and_revisions_list_runs() {
        let (a, b, c) = (finding("a"), finding("b"), finding("c"));
        let first = [a.clone(), b.clone()];
        let second = [a.clone(), b.clone(), c.clone()];
        let third = [c.clone(), a.clone()];
        let block: Block<'_> = vec![("r1", &first), ("r2", &second), ("r3", &third), ("r4", &[])];
        let mut files = BTreeMap::new();
        let name = write_block(&mut files, &block).expect("written");
        let json: serde_json::Value = serde_json::from_slice(&files[&name]).expect("json");
        assert_eq!(json["findings"].as_array().map(Vec::len), Some(3));
        assert_eq!(
            json["revisions"],
            serde_json::json!([
                {"id": "r1", "runs": [[0, 2]]},
                {"id": "r2", "runs": [[0, 3]]},
                {"id": "r3", "runs": [[2, 1], [0, 1]]},
                {"id": "r4", "runs": []},
            ])
        );
        assert!(name.starts_with("findings/") && name.ends_with(".json"));
    }
}
