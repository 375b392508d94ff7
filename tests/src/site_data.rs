//! Reads an exported site's recorded findings the way `docs/site-data.md` describes them,
//! independently of the viewer's reader, so that the tests check the format and not one
//! implementation against itself.

use std::path::Path;

use serde_json::Value;

/// The findings a site recorded for `revision` (an entry of its revision index), in file
/// order, replayed from the first revision of its block; `None` when the revision lists no
/// findings file or the file does not name it.
pub fn recorded_findings(site: &Path, revision: &Value) -> Option<Vec<Value>> {
    let name = revision["findings_file"].as_str()?;
    let path = site.join("data").join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let file: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(file["format"], 2, "{}", path.display());
    let table = file["findings"].as_array().expect("a findings table");
    let mut previous: Vec<usize> = Vec::new();
    for entry in file["revisions"].as_array().expect("a list of revisions") {
        let mut current = Vec::new();
        for piece in entry["pieces"].as_array().expect("pieces") {
            let n = |k: usize| piece[k].as_u64().expect("a number") as usize;
            let (from, start, len) = (n(0), n(1), n(2));
            match from {
                0 => current.extend_from_slice(&previous[start..start + len]),
                1 => current.extend(start..start + len),
                other => panic!("a piece from {other}"),
            }
        }
        if entry["id"] == revision["id"] {
            return Some(current.iter().map(|&at| table[at].clone()).collect());
        }
        previous = current;
    }
    None
}
