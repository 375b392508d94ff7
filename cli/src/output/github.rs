//! GitHub Actions workflow commands: one annotation per finding, shown on the changed lines.

use std::fmt::Write;

use continuity_schema::finding::Severity;

use super::{FileResult, Summary, shown};

/// Escapes the message part of a workflow command.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(results: &[FileResult], deny_warnings: bool) -> String {
    let mut out = String::new();
    let mut total = Summary::default();
    for result in results {
        total.add(result.summary());
        for f in &result.findings {
            let command = match (f.allowed.is_some(), f.severity) {
                (false, Severity::Error) => "error",
                (false, Severity::Warning) if deny_warnings => "error",
                (false, Severity::Warning) => "warning",
                _ => "notice",
            };
            let mut properties = format!("file={}", escape_property(&shown(&result.path)));
            if let Some(p) = f.position {
                let _ = write!(properties, ",line={},col={}", p.line, p.column);
            }
            let _ = write!(
                properties,
                ",title={}",
                escape_property(&format!("continuity {}", f.code))
            );
            // GitHub's log viewer acts on colour sequences too: plan text is escaped as for a
            // terminal, and only the newlines put in here separate the lines.
            let mut message = shown(&f.message).into_owned();
            let pointer = f.pointer.to_string();
            if !pointer.is_empty() {
                let _ = write!(message, " (at {})", shown(&pointer));
            }
            if let Some(hint) = &f.hint {
                let _ = write!(message, "\nhint: {}", shown(hint));
            }
            if let Some(reason) = &f.allowed {
                let _ = write!(message, "\nallowed: {}", shown(reason));
            }
            let _ = writeln!(out, "::{command} {properties}::{}", escape_data(&message));
        }
    }
    let verdict = if total.fails(deny_warnings) {
        "invalid"
    } else {
        "valid"
    };
    let _ = writeln!(out, "continuity validate: {verdict} ({})", total.describe());
    out
}
