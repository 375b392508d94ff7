//! Machine-readable output: a versioned JSON document whose shape only grows between versions.

use continuity_schema::finding::Finding;
use serde::Serialize;

use super::{FileResult, Summary};

/// The version of the JSON output; bumped only on incompatible changes.
pub const OUTPUT_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    tool: &'static str,
    today: String,
    deny_warnings: bool,
    passed: bool,
    summary: Summary,
    files: Vec<FileDoc<'a>>,
}

#[derive(Serialize)]
struct FileDoc<'a> {
    path: &'a str,
    passed: bool,
    summary: Summary,
    findings: Vec<FindingDoc<'a>>,
}

#[derive(Serialize)]
struct FindingDoc<'a> {
    code: &'a str,
    severity: &'static str,
    message: &'a str,
    hint: Option<&'a str>,
    path: String,
    line: Option<usize>,
    column: Option<usize>,
    subject: Option<String>,
    allowed: Option<&'a str>,
}

impl<'a> From<&'a Finding> for FindingDoc<'a> {
    fn from(f: &'a Finding) -> Self {
        FindingDoc {
            code: &f.code,
            severity: f.severity.label(),
            message: &f.message,
            hint: f.hint.as_deref(),
            path: f.pointer.to_string(),
            line: f.position.map(|p| p.line),
            column: f.position.map(|p| p.column),
            subject: f.subject.as_ref().map(ToString::to_string),
            allowed: f.allowed.as_deref(),
        }
    }
}

pub fn render(results: &[FileResult], today: &str, deny_warnings: bool) -> String {
    let mut total = Summary::default();
    let files: Vec<FileDoc<'_>> = results
        .iter()
        .map(|r| {
            let summary = r.summary();
            total.add(summary);
            FileDoc {
                path: &r.path,
                passed: !summary.fails(deny_warnings),
                summary,
                findings: r.findings.iter().map(FindingDoc::from).collect(),
            }
        })
        .collect();
    let document = Document {
        version: OUTPUT_VERSION,
        tool: concat!("continuity ", env!("CARGO_PKG_VERSION")),
        today: today.to_owned(),
        deny_warnings,
        passed: !total.fails(deny_warnings),
        summary: total,
        files,
    };
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}
