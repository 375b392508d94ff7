//! The files of an exported site, read strictly enough to refuse what this viewer does not
//! understand and leniently enough to accept fields a newer exporter adds.

use continuity_schema::diff::{self, Diff, RecordedFinding};
use continuity_schema::types::Date;
use continuity_schema::{Classification, Plan};
use serde::Deserialize;
use serde_json::Value;

use super::DataError;
use super::objects::Objects;

/// The version of the site data format this viewer reads.
pub const SITE_FORMAT: u64 = 2;

/// `data/site.json`: the entry point.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SiteInfo {
    pub format: u64,
    #[serde(default)]
    pub generator: String,
    #[serde(default)]
    pub generated_at: String,
    #[serde(default)]
    pub plan_path: String,
    pub history: HistoryInfo,
    /// The revision index's file name below `data/`.
    pub index: String,
    /// The revision shown first (normally 0, the newest).
    #[serde(default)]
    pub current: usize,
    #[serde(default)]
    pub redacted: bool,
    /// The classification of the newest plan, shown on every page.
    #[serde(default)]
    pub classification: Option<Classification>,
    /// The date the current revision's findings were computed for (the export's date).
    #[serde(default)]
    pub as_of: Option<Date>,
}

/// How complete the exported history is.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct HistoryInfo {
    /// `complete`, `shallow`, `broken` or `unavailable`.
    pub state: String,
    #[serde(default)]
    pub note: Option<String>,
}

/// One revision of the index.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Revision {
    pub id: String,
    #[serde(default)]
    pub author: String,
    #[serde(default)]
    pub email: String,
    /// RFC 3339, with the author's offset.
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub path: String,
    #[serde(default)]
    pub change: String,
    #[serde(default)]
    pub renamed_from: Option<String>,
    /// `checked`, `absent` or `unreadable`.
    pub state: String,
    #[serde(default)]
    pub error: Option<String>,
    /// The content hash of the plan (equal hashes: equal plans).
    #[serde(default)]
    pub plan: Option<String>,
    /// `snapshots/<hash>.json` or `chunks/<hash>.json`.
    #[serde(default)]
    pub load: Option<String>,
    #[serde(default)]
    pub findings: Counts,
    /// `findings/<hash>.json`: where this revision's findings are listed.
    #[serde(default)]
    pub findings_file: Option<String>,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub sections: Vec<String>,
    #[serde(default)]
    pub impacts: Vec<String>,
}

/// Finding counts of a revision, validated at its own date by the exporter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
pub struct Counts {
    #[serde(default)]
    pub errors: usize,
    #[serde(default)]
    pub warnings: usize,
    #[serde(default)]
    pub infos: usize,
    #[serde(default)]
    pub allowed: usize,
}

impl Revision {
    /// The calendar date of the revision (in the author's time zone), when readable.
    pub fn day(&self) -> Option<Date> {
        self.date.get(..10)?.parse().ok()
    }

    /// The first line of the message.
    pub fn title(&self) -> &str {
        self.message.lines().next().unwrap_or_default()
    }

    /// The id as shown and linked: 12 characters are plenty to be unique in one plan's history.
    pub fn short_id(&self) -> &str {
        self.id.get(..12).unwrap_or(&self.id)
    }

    pub fn is_checked(&self) -> bool {
        self.state == "checked"
    }
}

/// A chunk: the diffs from a snapshot (`base`) to each following revision in turn.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Chunk {
    pub format: u64,
    pub base: String,
    pub steps: Vec<ChunkStep>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ChunkStep {
    /// The content hash of the plan after this step.
    pub plan: String,
    pub diff: Diff,
}

/// `findings/<hash>.json`: the findings of a block of revisions, each distinct finding once.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct FindingsFile {
    pub format: u64,
    pub findings: Vec<RecordedFinding>,
    /// Oldest first.
    pub revisions: Vec<RevisionFindings>,
}

/// Which findings of a [`FindingsFile`] a revision has.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct RevisionFindings {
    pub id: String,
    /// `[from, start, length]`: `length` entries from `start` of the previous revision's list
    /// (`from` 0) or of the file's `findings` (`from` 1), in file order.
    pub pieces: Vec<[usize; 3]>,
}

impl FindingsFile {
    /// The findings of revision `id`, in file order; `None` when the file does not list it or
    /// a piece points outside what it names.
    pub fn of(&self, id: &str) -> Option<Vec<RecordedFinding>> {
        // Positions in `findings`, replayed from the block's first revision: a few numbers
        // per revision, so even 512 revisions replay at once.
        let mut previous: Vec<usize> = Vec::new();
        for revision in &self.revisions {
            let mut current = Vec::new();
            for &[from, start, len] in &revision.pieces {
                let end = start.checked_add(len)?;
                match from {
                    0 => current.extend_from_slice(previous.get(start..end)?),
                    1 if end <= self.findings.len() => current.extend(start..end),
                    _ => return None,
                }
            }
            if revision.id == id {
                return Some(current.iter().map(|&i| self.findings[i].clone()).collect());
            }
            previous = current;
        }
        None
    }
}

/// Reads a findings file.
pub fn parse_findings(path: &str, text: &str) -> Result<FindingsFile, DataError> {
    let file: FindingsFile = read(path, text)?;
    if file.format != SITE_FORMAT {
        return Err(DataError::Format {
            found: file.format.to_string(),
        });
    }
    Ok(file)
}

/// Reads `site.json`, checking the format version before anything else so that a site from a
/// newer exporter says so instead of failing on some field.
pub fn parse_site(text: &str) -> Result<SiteInfo, DataError> {
    let path = "data/site.json";
    let value: Value = serde_json::from_str(text).map_err(|e| json_error(path, &e))?;
    match value.get("format").and_then(Value::as_u64) {
        Some(SITE_FORMAT) => {}
        Some(other) => {
            return Err(DataError::Format {
                found: other.to_string(),
            });
        }
        None => {
            return Err(DataError::Format {
                found: value
                    .get("format")
                    .map_or_else(|| "?".to_owned(), Value::to_string),
            });
        }
    }
    let site = SiteInfo::deserialize(Objects(&value)).map_err(|e| json_error(path, &e))?;
    if !is_data_path(&site.index, &["revisions-"]) {
        return Err(DataError::BadPath { path: site.index });
    }
    Ok(site)
}

/// Reads the revision index (newest first). An empty index is an error: there is nothing to show.
pub fn parse_index(path: &str, text: &str) -> Result<Vec<Revision>, DataError> {
    let revisions: Vec<Revision> = read(path, text)?;
    if revisions.is_empty() {
        return Err(DataError::Json {
            path: path.to_owned(),
            detail: "the revision index is empty".to_owned(),
        });
    }
    Ok(revisions)
}

/// Reads a snapshot: a whole plan, as the model and as JSON (which the diff compares).
pub fn parse_plan(path: &str, text: &str) -> Result<(Plan, Value), DataError> {
    let value = parse_value(path, text)?;
    Ok((plan_of(path, &value)?, value))
}

/// Reads the plan from its JSON, which the viewer keeps anyway for the diff.
fn plan_of(path: &str, value: &Value) -> Result<Plan, DataError> {
    Plan::deserialize(Objects(value)).map_err(|e| json_error(path, &e))
}

/// Reads a data file as JSON first and then as `T`: every file goes through the one JSON
/// parser, and the WebAssembly holds each type's reader once, for JSON values (a syntax error
/// still names its line and column; a file of the wrong shape names the field).
fn read<T: serde::de::DeserializeOwned>(path: &str, text: &str) -> Result<T, DataError> {
    T::deserialize(Objects(&parse_value(path, text)?)).map_err(|e| json_error(path, &e))
}

/// Reads a chunk.
pub fn parse_chunk(path: &str, text: &str) -> Result<Chunk, DataError> {
    let chunk: Chunk = read(path, text)?;
    if chunk.format != SITE_FORMAT {
        return Err(DataError::Format {
            found: chunk.format.to_string(),
        });
    }
    if !is_hash(&chunk.base) {
        return Err(DataError::BadPath {
            path: format!("snapshots/{}.json", chunk.base),
        });
    }
    Ok(chunk)
}

/// Reads a snapshot as JSON, the base that chunks patch.
pub fn parse_value(path: &str, text: &str) -> Result<Value, DataError> {
    serde_json::from_str(text).map_err(|e| json_error(path, &e))
}

/// Applies the chunk's diffs to its base plan until the plan whose hash is `target`.
///
/// Patching works on JSON and the result is read as a plan once, through the same parser as
/// snapshots: the viewer then carries one plan deserializer and no typed patching code.
pub fn rebuild(
    base: &Value,
    chunk: &Chunk,
    target: &str,
    path: &str,
) -> Result<(Plan, Value), DataError> {
    let mut value = base.clone();
    let mut found = chunk.base == target;
    for step in &chunk.steps {
        if found {
            break;
        }
        value = diff::apply_value_owned(value, &step.diff).map_err(|e| DataError::Apply {
            path: path.to_owned(),
            detail: e.to_string(),
        })?;
        found = step.plan == target;
    }
    if !found {
        return Err(DataError::Apply {
            path: path.to_owned(),
            detail: format!("the chunk does not lead to plan {target}"),
        });
    }
    Ok((plan_of(path, &value)?, value))
}

/// Whether `path` is a data file this format can name: `<prefix><hash>.json` for one of the
/// prefixes. The viewer fetches nothing else, so data can never send it elsewhere.
pub fn is_data_path(path: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|prefix| {
        path.strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(".json"))
            .is_some_and(is_hash)
    })
}

fn is_hash(text: &str) -> bool {
    (1..=64).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn json_error(path: &str, err: &serde_json::Error) -> DataError {
    DataError::Json {
        path: path.to_owned(),
        detail: err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_json_of_another_format_says_so() {
        let err = parse_site(r#"{"format": 3, "whatever": true}"#);
        assert_eq!(err, Err(DataError::Format { found: "3".into() }));
        let err = parse_site(r#"{"no": "format"}"#);
        assert_eq!(err, Err(DataError::Format { found: "?".into() }));
        assert!(matches!(
            parse_site("not json"),
            Err(DataError::Json { .. })
        ));
    }

    #[test]
    fn site_json_may_not_point_outside_the_data_folder() {
        for index in [
            "https://evil.example/x.json",
            "../x.json",
            "revisions-zz.json",
            "revisions-.json",
        ] {
            let text = format!(
                r#"{{"format": 2, "history": {{"state": "complete"}}, "index": "{index}"}}"#
            );
            assert!(
                matches!(parse_site(&text), Err(DataError::BadPath { .. })),
                "{index}"
            );
        }
        let ok = r#"{"format": 2, "history": {"state": "complete"}, "index": "revisions-0a1b.json", "new_field": 1}"#;
        assert!(parse_site(ok).is_ok());
    }

    #[test]
    fn data_paths() {
        assert!(is_data_path(
            "snapshots/0123abcd.json",
            &["snapshots/", "chunks/"]
        ));
        assert!(!is_data_path("snapshots/../x.json", &["snapshots/"]));
        assert!(!is_data_path("chunks/ABC.json", &["chunks/"]));
        assert!(!is_data_path("//evil/a.json", &["snapshots/"]));
    }

    #[test]
    fn an_empty_index_is_an_error() {
        assert!(parse_index("data/r.json", "[]").is_err());
        assert!(parse_index("data/r.json", "{}").is_err());
    }

    #[test]
    fn findings_files_rebuild_each_revision_from_the_one_before() {
        let text = r#"{"format": 2, "findings": [
            {"code": "a", "severity": "error", "path": [], "message": "A"},
            {"code": "b", "severity": "info", "path": ["services", "x"], "message": "B",
             "subject": {"collection": "services", "id": "x"}}],
            "revisions": [{"id": "r1", "pieces": [[1, 1, 1], [1, 0, 1]]},
                          {"id": "r2", "pieces": [[0, 1, 1]]},
                          {"id": "r3", "pieces": []},
                          {"id": "bad", "pieces": [[1, 1, 5]]},
                          {"id": "worse", "pieces": [[0, 0, 1]]}]}"#;
        let file = parse_findings("data/findings/ab.json", text).expect("parses");
        let codes = |id| {
            file.of(id)
                .map(|f| f.iter().map(|f| f.code.clone()).collect::<Vec<_>>())
        };
        assert_eq!(codes("r1"), Some(vec!["b".to_owned(), "a".to_owned()]));
        assert_eq!(
            codes("r2"),
            Some(vec!["a".to_owned()]),
            "from the previous list"
        );
        assert_eq!(codes("r3"), Some(vec![]));
        assert_eq!(codes("bad"), None, "past the table");
        assert_eq!(codes("worse"), None, "past the previous (empty) list");
        assert_eq!(codes("unknown"), None);
        let old = text.replacen(r#""format": 2"#, r#""format": 1"#, 1);
        assert_eq!(
            parse_findings("data/findings/ab.json", &old),
            Err(DataError::Format { found: "1".into() })
        );
    }

    #[test]
    fn revision_dates_and_ids() {
        let r: Revision = serde_json::from_str(
            r#"{"id": "89617c5a1b2c3d4e5f", "state": "checked", "date": "2025-09-30T16:00:00+02:00", "message": "RTO\n\nbody"}"#,
        )
        .expect("a revision");
        assert_eq!(r.day().map(|d| d.to_string()), Some("2025-09-30".into()));
        assert_eq!(r.short_id(), "89617c5a1b2c");
        assert_eq!(r.title(), "RTO");
    }
}
