//! `continuity validate`: the JSON Schema and the audit rules, with positions and hints.

use std::io::Write as _;
use std::path::PathBuf;

use continuity_schema::types::Date;

use crate::check::check_file;
use crate::files::default_plans;
use crate::output;
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
    /// Report rule findings without failing on them; fail only when a file is not a readable
    /// plan (not JSON, breaks the schema). Pre-commit hooks use this, so that a draft with open
    /// findings can still be committed while a broken file cannot.
    #[arg(long, conflicts_with = "deny")]
    pub advisory: bool,
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
    // A file that cannot be read does not hide what the others say; it fails the run at the end.
    let mut unreadable = Vec::new();
    for path in &paths {
        match check_file(path, today, &schema) {
            Ok(checked) => results.push(checked.result),
            Err(err) => unreadable.push(err),
        }
    }
    let text = match args.format {
        Format::Human => output::human(&results, deny_warnings),
        Format::Json => output::json(&results, &today.to_string(), deny_warnings),
        Format::Github => output::github(&results, deny_warnings),
    };
    print(&text)?;
    if let Some(last) = unreadable.pop() {
        let mut stderr = anstream::stderr();
        for err in &unreadable {
            let _ = writeln!(stderr, "error: {}", output::shown(&format!("{err:#}")));
        }
        return Err(last);
    }
    let failed = if args.advisory {
        results
            .iter()
            .any(|r| r.findings.iter().any(|f| is_input_error(&f.code)))
    } else {
        results.iter().any(|r| r.summary().fails(deny_warnings))
    };
    Ok(if failed {
        Outcome::Failure
    } else {
        Outcome::Success
    })
}

/// Whether a finding says the file could not be read as a plan (rather than a rule finding).
fn is_input_error(code: &str) -> bool {
    continuity_schema::load::codes::ALL
        .iter()
        .any(|(c, _)| *c == code)
}
