//! `continuity validate`: the JSON Schema and the audit rules, with positions and hints.

use std::path::PathBuf;

use continuity_schema::finding::{Finding, Severity};
use continuity_schema::json::{Pointer, Position};
use continuity_schema::load::codes;
use continuity_schema::types::Date;

use crate::check::check_plan;
use crate::files::{Input, default_plans, display_path, read_plan};
use crate::output::{self, FileResult, Summary, sort_findings};
use crate::schema_check::SchemaCheck;
use crate::{Outcome, print};

/// Check plans against the schema and the audit rules.
///
/// Without PLAN, checks `plan.json`, or else every `plans/*.json`. `-` reads standard input.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Plan files to check.
    #[arg(value_name = "PLAN")]
    pub plans: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// The date time-based rules measure against (default: today, UTC).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<Date>,
    /// Also fail on findings of this severity.
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub deny: Option<Deny>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Grouped findings with the offending line, coloured on a terminal.
    Human,
    /// A versioned JSON document.
    Json,
    /// GitHub Actions annotations.
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Deny {
    /// Warnings fail validation too.
    Warnings,
}

pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let paths = if args.plans.is_empty() {
        default_plans()?
    } else {
        args.plans.clone()
    };
    let today = args.today.unwrap_or_else(crate::clock::today);
    let deny_warnings = args.deny == Some(Deny::Warnings);
    let schema = SchemaCheck::new()?;
    let mut results = Vec::with_capacity(paths.len());
    for path in &paths {
        results.push(validate_file(path, today, &schema)?);
    }
    let text = match args.format {
        Format::Human => output::human(&results, deny_warnings),
        Format::Json => output::json(&results, &today.to_string(), deny_warnings),
        Format::Github => output::github(&results, deny_warnings),
    };
    print(&text)?;
    let failed = results
        .iter()
        .any(|r| Summary::of(&r.findings).fails(deny_warnings));
    Ok(if failed {
        Outcome::Failure
    } else {
        Outcome::Success
    })
}

/// Validates one file; only failures to read it at all are errors of the tool.
pub fn validate_file(
    path: &std::path::Path,
    today: Date,
    schema: &SchemaCheck,
) -> anyhow::Result<FileResult> {
    let display = display_path(path);
    let bytes = match read_plan(path)? {
        Input::Bytes(bytes) => bytes,
        Input::TooLarge(size) => {
            let mut finding = Finding::new(
                codes::FILE_TOO_LARGE,
                Severity::Error,
                Pointer::root(),
                format!(
                    "the file is {size} bytes; a plan may have at most {} bytes",
                    continuity_schema::load::MAX_PLAN_BYTES
                ),
            )
            .with_hint("check that this is the plan file; it was not read");
            finding.position = Some(Position { line: 1, column: 1 });
            return Ok(FileResult {
                path: display,
                source: String::new(),
                findings: vec![finding],
            });
        }
    };
    let mut checked = check_plan(&bytes, today, schema);
    sort_findings(&mut checked.findings);
    Ok(FileResult {
        path: display,
        source: String::from_utf8_lossy(&bytes).into_owned(),
        findings: checked.findings,
    })
}
