//! Human output: findings grouped by file and severity, with the offending line underlined.

use std::fmt::Write;

use anstyle::{AnsiColor, Style};
use continuity_schema::finding::{Finding, Severity};
use continuity_schema::json::LineIndex;

use super::{FileResult, Summary, shown};

const BOLD: Style = Style::new().bold();
const ERROR: Style = AnsiColor::Red.on_default().bold();
const WARNING: Style = AnsiColor::Yellow.on_default().bold();
const INFO: Style = AnsiColor::Cyan.on_default().bold();
const ALLOWED: Style = AnsiColor::Green.on_default();
const DIM: Style = AnsiColor::Blue.on_default().bold();

/// Renders results; styles are ANSI escapes that the caller's stream keeps or strips.
pub fn render(results: &[FileResult], deny_warnings: bool) -> String {
    let mut out = String::new();
    let mut total = Summary::default();
    for (i, result) in results.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let summary = result.summary();
        total.add(summary);
        let lines = LineIndex::new(&result.source);
        for finding in &result.findings {
            render_finding(&mut out, result, &lines, finding);
        }
        if result.omitted > 0 {
            let _ = writeln!(
                out,
                "{ERROR}… and {} more errors not shown{ERROR:#} (fix the ones above first)\n",
                result.omitted
            );
        }
        let verdict = if summary.fails(deny_warnings) {
            format!("{ERROR}invalid{ERROR:#}")
        } else {
            format!("{ALLOWED}valid{ALLOWED:#}")
        };
        let _ = writeln!(
            out,
            "{BOLD}{}{BOLD:#}: {verdict} ({})",
            shown(&result.path),
            summary.describe()
        );
    }
    if results.len() > 1 {
        let _ = writeln!(
            out,
            "{BOLD}{} files{BOLD:#}: {}",
            results.len(),
            total.describe()
        );
    }
    out
}

fn render_finding(out: &mut String, result: &FileResult, lines: &LineIndex, finding: &Finding) {
    let (label, style) = match (finding.allowed.is_some(), finding.severity) {
        (true, _) => ("allowed", ALLOWED),
        (false, Severity::Error) => ("error", ERROR),
        (false, Severity::Warning) => ("warning", WARNING),
        (false, Severity::Info) => ("info", INFO),
    };
    let _ = writeln!(
        out,
        "{style}{label}[{}]{style:#}{BOLD}: {}{BOLD:#}",
        finding.code,
        shown(&finding.message)
    );
    let place = match finding.position {
        Some(p) => format!("{}:{}:{}", shown(&result.path), p.line, p.column),
        None => shown(&result.path).into_owned(),
    };
    let path = finding.pointer.to_string();
    let path = if path.is_empty() {
        String::new()
    } else {
        format!(" at {}", shown(&path))
    };
    // The arrow lines up with the line-number gutter below it, as rustc does.
    let width = finding.position.map_or(1, |p| p.line.to_string().len());
    let _ = writeln!(out, "{:width$}{DIM}-->{DIM:#} {place}{path}", "");
    if let (Some(position), Some(offset)) = (finding.position, finding.offset) {
        let text = lines.line_text(&result.source, position.line);
        if text.chars().count() <= 200 {
            let gutter = position.line.to_string().len();
            let width = token_width(
                &result.source[offset.min(result.source.len())..],
                text.chars().count() + 1 - position.column,
            );
            let _ = writeln!(out, "{DIM}{:gutter$} |{DIM:#}", "");
            let _ = writeln!(out, "{DIM}{} |{DIM:#} {}", position.line, shown(text));
            let pad: String = text
                .chars()
                .take(position.column - 1)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let _ = writeln!(
                out,
                "{DIM}{:gutter$} |{DIM:#} {pad}{style}{}{style:#}",
                "",
                "^".repeat(width.max(1))
            );
        }
    }
    if let Some(hint) = &finding.hint {
        let _ = writeln!(
            out,
            "{:width$} {DIM}={DIM:#} {BOLD}hint{BOLD:#}: {}",
            "",
            shown(hint)
        );
    }
    if let Some(reason) = &finding.allowed {
        let _ = writeln!(
            out,
            "{:width$} {DIM}={DIM:#} {ALLOWED}allowed{ALLOWED:#}: {}",
            "",
            shown(reason)
        );
    }
    out.push('\n');
}

/// How many characters of the token starting `rest` to underline, at most `room`.
fn token_width(rest: &str, room: usize) -> usize {
    let mut chars = rest.chars();
    let width = match chars.next() {
        Some('"') => {
            let mut escaped = false;
            let mut n = 1;
            for c in chars {
                n += 1;
                match c {
                    '\\' if !escaped => escaped = true,
                    '"' if !escaped => break,
                    '\n' => break,
                    _ => escaped = false,
                }
            }
            n
        }
        Some('{' | '[') | None => 1,
        Some(_) => rest
            .chars()
            .take_while(|c| !matches!(c, ',' | '}' | ']' | ' ' | '\n' | '\r' | '\t'))
            .count(),
    };
    width.min(room.max(1))
}
