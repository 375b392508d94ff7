//! The generated files committed in the repository match what the code generates now.
//!
//! Run with `CONTINUITY_BLESS=1` to rewrite them after a change to the model or the rules.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

fn check_file(relative: &str, expected: &str) {
    let path = root().join(relative);
    if std::env::var_os("CONTINUITY_BLESS").is_some() {
        std::fs::write(&path, expected).unwrap_or_else(|e| panic!("cannot write {relative}: {e}"));
        return;
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "{relative} is stale: run `CONTINUITY_BLESS=1 cargo test -p continuity-schema --test generated` and commit the result"
    );
}

#[test]
fn plan_schema_is_current() {
    check_file(
        "schema/plan.schema.json",
        &continuity_schema::generate::plan_schema_text(),
    );
}

#[test]
fn rules_reference_is_current() {
    check_file("docs/rules.md", &continuity_schema::docs::rules_markdown());
}

#[test]
fn format_reference_is_current() {
    let schema = continuity_schema::generate::plan_schema();
    let example = std::fs::read_to_string(root().join("plans/heidebeek.json"))
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok());
    check_file(
        "docs/format.md",
        &continuity_schema::docs::format_markdown(&schema, example.as_ref()),
    );
}
