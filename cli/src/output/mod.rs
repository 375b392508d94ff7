//! Renders validation results as text for people, versioned JSON for tools, or GitHub annotations.

mod github;
mod human;
mod json;
mod terminal;

use continuity_schema::finding::{Finding, Severity};

pub use github::render as github;
pub use human::render as human;
pub use json::render as json;
pub use terminal::{shown, shown_lines, shown_owned};

/// The result of validating one file.
#[derive(Debug)]
pub struct FileResult {
    /// The path as given on the command line (or as found).
    pub path: String,
    /// The file's text (lossily decoded), for excerpts.
    pub source: String,
    pub findings: Vec<Finding>,
    /// Errors found but not listed, past the cap on schema errors.
    pub omitted: usize,
}

impl FileResult {
    /// The counts of this file's findings, omitted errors included.
    pub fn summary(&self) -> Summary {
        let mut summary = Summary::of(&self.findings);
        summary.errors += self.omitted;
        summary
    }
}

/// Counts per kind of finding.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub allowed: usize,
}

impl Summary {
    pub fn of<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Summary {
        let mut summary = Summary::default();
        for f in findings {
            if f.allowed.is_some() {
                summary.allowed += 1;
                continue;
            }
            match f.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
        }
        summary
    }

    pub fn add(&mut self, other: Summary) {
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.infos += other.infos;
        self.allowed += other.allowed;
    }

    /// Whether these findings fail validation.
    pub fn fails(&self, deny_warnings: bool) -> bool {
        self.errors > 0 || (deny_warnings && self.warnings > 0)
    }

    /// "2 errors, 1 warning" (or "no findings").
    pub fn describe(&self) -> String {
        let parts: Vec<String> = [
            (self.errors, "error", "errors"),
            (self.warnings, "warning", "warnings"),
            (self.infos, "info", "infos"),
            (self.allowed, "allowed", "allowed"),
        ]
        .into_iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
        .collect();
        if parts.is_empty() {
            "no findings".into()
        } else {
            parts.join(", ")
        }
    }
}

/// The order findings are shown in: errors, warnings, infos, then allowed ones; within each,
/// grouped by rule in the order of `continuity rules` (input errors first), and within a rule
/// in the order the rule reported them (document order, or the source page's steps for
/// `section-empty`, so that a new plan's findings read as a to-do list).
pub fn sort_findings(findings: &mut [Finding]) {
    let rank = |code: &str| {
        continuity_schema::rules::RULES
            .iter()
            .position(|r| r.name == code)
            .map_or(0, |i| i + 1)
    };
    // Input errors (rank 0) come from the schema check in no useful order: show them by position.
    findings.sort_by_key(|f| {
        let rank = rank(&f.code);
        (
            f.allowed.is_some(),
            f.severity,
            rank,
            if rank == 0 { f.position } else { None },
        )
    });
}
