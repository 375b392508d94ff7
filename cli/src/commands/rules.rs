//! `continuity rules`: every rule with its severity, rationale and sources.

use std::fmt::Write;

use continuity_schema::load::codes;
use continuity_schema::rules::RULES;
use serde::Serialize;

use crate::{Outcome, print};

/// List every rule with its severity, rationale and sources.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Plain text.
    Human,
    /// Markdown, as in docs/rules.md.
    Markdown,
    /// JSON.
    Json,
}

pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let text = match args.format {
        Format::Human => human(),
        Format::Markdown => continuity_schema::docs::rules_markdown(),
        Format::Json => json(),
    };
    print(&text)?;
    Ok(Outcome::Success)
}

fn human() -> String {
    let mut out = String::new();
    for rule in RULES {
        let _ = writeln!(out, "{} ({})\n  {}", rule.name, rule.severity, rule.summary);
        for line in wrap(rule.rationale, 92) {
            let _ = writeln!(out, "  {line}");
        }
        let _ = writeln!(out, "  Sources: {}\n", rule.sources.join("; "));
    }
    let _ = writeln!(
        out,
        "Input errors (always errors; the file is not read as a plan):"
    );
    for (code, meaning) in codes::ALL {
        let _ = writeln!(out, "  {code}: {meaning}");
    }
    out
}

#[derive(Serialize)]
struct RuleDoc {
    name: &'static str,
    severity: &'static str,
    summary: &'static str,
    rationale: &'static str,
    sources: &'static [&'static str],
}

fn json() -> String {
    let rules: Vec<RuleDoc> = RULES
        .iter()
        .map(|r| RuleDoc {
            name: r.name,
            severity: r.severity.label(),
            summary: r.summary,
            rationale: r.rationale,
            sources: r.sources,
        })
        .collect();
    // The codes a finding has when the file is not read as a plan, so that a tool knows every
    // code `validate` can print.
    let input_errors: Vec<serde_json::Value> = codes::ALL
        .iter()
        .map(|(code, meaning)| serde_json::json!({ "code": code, "meaning": meaning }))
        .collect();
    let mut text = serde_json::to_string_pretty(&serde_json::json!({
        "version": 1,
        "rules": rules,
        "input_errors": input_errors,
    }))
    .unwrap_or_default();
    text.push('\n');
    text
}

fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
