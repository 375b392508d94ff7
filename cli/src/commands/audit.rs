//! `continuity audit`: replays the plan's history for an auditor: when the plan had errors and
//! for how long, every change to recovery objectives and the crisis team with who made it,
//! whether reviews and exercises were on time, and what was approved when.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use anstyle::{AnsiColor, Style};
use anyhow::bail;
use continuity_schema::Plan;
use continuity_schema::diff::{self, Impact};
use continuity_schema::finding::Severity;
use continuity_schema::types::Date;
use serde::Serialize;

use crate::history::{Revision, WalkOptions, open_plan_repo};
use crate::output::{Summary, shown};
use crate::replay::{Replay, Step, replay};
use crate::revisions::{PlanState, RevisionReader};
use crate::{Outcome, print};

/// Replay the plan's history and report what an auditor asks about.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only report what happened on or after this date.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub since: Option<Date>,
    /// The end of the audited period (default: today, UTC).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<Date>,
    /// The plan file (default: plan.json, or the only plans/*.json).
    #[arg(long, value_name = "PATH")]
    pub plan: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
}

/// A revision as the report names it.
#[derive(Debug, Clone, Serialize)]
struct At {
    commit: String,
    date: Date,
    author: String,
    message: String,
}

impl At {
    fn of(r: &Revision) -> At {
        At {
            commit: r.commit.to_string(),
            date: crate::history::date_of(r.time, r.offset_minutes),
            author: r.author_name.clone(),
            message: r.summary().to_owned(),
        }
    }

    fn short(&self) -> &str {
        &self.commit[..self.commit.len().min(10)]
    }
}

/// A stretch of history in which something was wrong.
#[derive(Debug, Clone, Serialize)]
struct Period {
    /// What was wrong, in a few words.
    what: String,
    from: Date,
    /// The revision that started it, when a revision did (rather than a date passing).
    started_by: Option<At>,
    /// When it ended; `None` when it still lasts.
    until: Option<Date>,
    ended_by: Option<At>,
    days: i64,
    /// For a period with errors: each later revision in it that changed what was wrong (other
    /// errors, another read error), so that a problem added during the period is not hidden
    /// behind the one that started it. Not kept for overdue periods.
    #[serde(skip_serializing_if = "Option::is_none")]
    changes: Option<Vec<PeriodChange>>,
}

/// What was wrong from a revision on, within a period.
#[derive(Debug, Clone, Serialize)]
struct PeriodChange {
    what: String,
    at: At,
}

/// A change an auditor asks about.
#[derive(Debug, Clone, Serialize)]
struct Event {
    at: At,
    label: String,
    impacts: Vec<Impact>,
}

#[derive(Debug, Serialize)]
struct Approval {
    version: String,
    date: Date,
    approved_by: String,
    reference: Option<String>,
    /// The revision that recorded the approval: the plan as approved.
    recorded_in: Option<At>,
}

#[derive(Debug, Serialize)]
struct Report {
    version: u32,
    plan: String,
    period: (Option<Date>, Date),
    revisions: usize,
    history_note: Option<String>,
    current: Current,
    invalid_periods: Vec<Period>,
    objective_changes: Vec<Event>,
    crisis_team_changes: Vec<Event>,
    overdue: Vec<Period>,
    approvals: Vec<Approval>,
    since_last_approval: Option<SinceApproval>,
}

#[derive(Debug, Serialize)]
struct Current {
    state: &'static str,
    errors: usize,
    warnings: usize,
    version: Option<String>,
    approved: bool,
}

#[derive(Debug, Serialize)]
struct SinceApproval {
    version: String,
    summary: String,
    changes: Vec<String>,
}

pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let today = args.today.unwrap_or_else(crate::clock::today);
    let repo = open_plan_repo(args.plan.as_deref())?;
    let history = repo.history(repo.head()?, WalkOptions { first_parent: true })?;
    if history.revisions.is_empty() {
        bail!("no commit touched {}", repo.path);
    }
    let mut reader = RevisionReader::new(&repo)?;
    let Replay { steps, current } = replay(&mut reader, &history, Facts::of)?;
    let current_plan = current.as_ref().and_then(|(_, state)| state.plan());
    // "Now" means as of --today: reviews and exercises fall due after the last commit too.
    let now = history
        .revisions
        .first()
        .and_then(|newest| newest.blob)
        .map(|blob| reader.blob_state(blob, today));
    let since = args.since;
    let report = Report {
        version: 1,
        plan: repo.path.clone(),
        period: (since, today),
        revisions: steps
            .iter()
            .filter(|s| since.is_none_or(|d| At::of(s.revision).date >= d))
            .count(),
        history_note: history.boundary.as_ref().map(|b| b.explain()),
        current: self::current(&steps, current.as_ref(), now.as_ref()),
        invalid_periods: clip(invalid_periods(&steps, today), since),
        objective_changes: events(&steps, since, |i| {
            matches!(i, Impact::ObjectiveLoosened | Impact::ObjectiveTightened)
        }),
        crisis_team_changes: events(&steps, since, |i| {
            matches!(
                i,
                Impact::CrisisTeamChanged
                    | Impact::CrisisTeamPrimaryChanged
                    | Impact::CrisisContactChanged
            )
        }),
        overdue: clip(overdue_periods(&steps, today), since),
        approvals: current_plan.map_or_else(Vec::new, |plan| approvals(&steps, plan)),
        since_last_approval: match current_plan {
            Some(plan) => since_last_approval(&mut reader, &steps, plan),
            None => None,
        },
    };
    let text = match args.format {
        Format::Human => human(&report),
        Format::Json => {
            let mut text = serde_json::to_string_pretty(&report)?;
            text.push('\n');
            text
        }
    };
    print(&text)?;
    Ok(Outcome::Success)
}

/// What the audit keeps of each revision's state, so that the replay need not hold every
/// revision's plan.
struct Facts {
    /// `checked`, `unreadable` or `absent`.
    state: &'static str,
    summary: Summary,
    /// What was wrong with the plan, if anything (see [`problem`]).
    problem: Option<(&'static str, String)>,
    /// When the review and each scheduled exercise were due; `None` without a plan.
    due: Option<Vec<(String, Option<Date>)>>,
    /// The versions whose approval the plan records.
    approved_versions: Vec<String>,
}

impl Facts {
    fn of(state: &PlanState) -> Facts {
        let plan = state.plan();
        Facts {
            state: state.kind().name(),
            summary: match state {
                PlanState::Checked { summary, .. } => *summary,
                _ => Summary::default(),
            },
            problem: problem(state),
            due: plan.map(due_dates),
            approved_versions: plan
                .map(|p| p.plan.approvals.iter().map(|a| a.version.clone()).collect())
                .unwrap_or_default(),
        }
    }
}

/// The newest revision: its state, and its findings as of today (`now`, the newest revision's
/// plan validated again as of `--today`) when it holds a plan.
fn current(
    steps: &[Step<'_, Facts>],
    current: Option<&(usize, PlanState)>,
    now: Option<&PlanState>,
) -> Current {
    let last = steps.len().checked_sub(1);
    // The plan's version only when the newest revision holds the plan.
    let plan = current
        .filter(|(i, _)| Some(*i) == last)
        .and_then(|(_, state)| state.plan());
    let (state, errors, warnings) = match (now, steps.last()) {
        (Some(PlanState::Checked { summary, .. }), _) => {
            ("checked", summary.errors, summary.warnings)
        }
        (_, Some(step)) => (
            step.kept.state,
            step.kept.summary.errors,
            step.kept.summary.warnings,
        ),
        (_, None) => ("absent", 0, 0),
    };
    Current {
        state,
        errors,
        warnings,
        version: plan.map(|p| p.plan.version.clone()),
        approved: plan
            .is_some_and(|p| last_approval(p).is_some_and(|a| a.version == p.plan.version)),
    }
}

fn last_approval(plan: &Plan) -> Option<&continuity_schema::model::Approval> {
    plan.plan.approvals.iter().max_by_key(|a| a.date)
}

/// What was wrong with the plan at a step, if anything: a kind (a new kind starts a new
/// period) and a description.
fn problem(state: &PlanState) -> Option<(&'static str, String)> {
    match state {
        PlanState::Checked {
            findings, summary, ..
        } if summary.errors > 0 => {
            let mut codes: Vec<&str> = findings
                .iter()
                .filter(|f| f.severity == Severity::Error && f.allowed.is_none())
                .map(|f| f.code.as_ref())
                .collect();
            codes.sort_unstable();
            codes.dedup();
            Some((
                "errors",
                format!(
                    "{} ({})",
                    count(summary.errors as i64, "error", "errors"),
                    codes.join(", ")
                ),
            ))
        }
        PlanState::Checked { .. } => None,
        PlanState::Unreadable { error } => {
            Some(("unreadable", format!("not a readable plan: {error}")))
        }
        PlanState::Absent => Some(("absent", "the plan file was missing".into())),
    }
}

fn count(n: impl std::fmt::Display + PartialEq<i64>, one: &str, many: &str) -> String {
    let word = if n == 1 { one } else { many };
    format!("{n} {word}")
}

/// Stretches of consecutive revisions in which the plan had errors, could not be read, or was
/// missing; each lasts until the first revision without the problem (or until `today`).
fn invalid_periods(steps: &[Step<'_, Facts>], today: Date) -> Vec<Period> {
    let mut periods: Vec<Period> = Vec::new();
    let mut open: Option<(&'static str, Period)> = None;
    for step in steps {
        let at = At::of(step.revision);
        let problem = step.kept.problem.clone();
        // A period ends at the first revision without its kind of problem.
        if let Some((kind, mut period)) = open.take() {
            if let Some((_, what)) = problem.as_ref().filter(|(k, _)| *k == kind) {
                let changes = period.changes.get_or_insert_with(Vec::new);
                let before = changes.last().map_or(&period.what, |change| &change.what);
                if what != before {
                    changes.push(PeriodChange {
                        what: what.clone(),
                        at,
                    });
                }
                open = Some((kind, period));
                continue;
            }
            period.days = period.from.days_until(at.date);
            period.until = Some(at.date);
            period.ended_by = Some(at.clone());
            periods.push(period);
        }
        if let Some((kind, what)) = problem {
            open = Some((
                kind,
                Period {
                    what,
                    from: at.date,
                    started_by: Some(at),
                    until: None,
                    ended_by: None,
                    days: 0,
                    changes: Some(Vec::new()),
                },
            ));
        }
    }
    if let Some((_, mut period)) = open {
        period.days = period.from.days_until(today);
        periods.push(period);
    }
    periods
}

/// Changes with one of the wanted impacts, on or after `since`.
fn events(
    steps: &[Step<'_, Facts>],
    since: Option<Date>,
    wanted: impl Fn(Impact) -> bool,
) -> Vec<Event> {
    let mut out = Vec::new();
    for step in steps {
        let at = At::of(step.revision);
        if since.is_some_and(|s| at.date < s) {
            continue;
        }
        let Some(diff) = &step.diff else { continue };
        for change in &diff.changes {
            let impacts: Vec<Impact> = change
                .impacts
                .iter()
                .copied()
                .filter(|i| wanted(*i))
                .collect();
            if !impacts.is_empty() {
                out.push(Event {
                    at: at.clone(),
                    label: change.label(),
                    impacts,
                });
            }
        }
    }
    out
}

/// When reviews and scheduled exercises were overdue, evaluating each revision's plan over the
/// days until the next revision (or `today`): a due date passing between commits counts.
/// A stretch of days an item was overdue under one revision.
struct Stretch {
    from: Date,
    until: Date,
    started_by: At,
    ended_by: Option<At>,
}

fn overdue_periods(steps: &[Step<'_, Facts>], today: Date) -> Vec<Period> {
    // Per item (the review, or one exercise kind): the stretches it was overdue, each with the
    // revision in force and the next one (which may have recorded the review or exercise).
    let mut stretches: BTreeMap<String, Vec<Stretch>> = BTreeMap::new();
    for (i, step) in steps.iter().enumerate() {
        let Some(due) = &step.kept.due else {
            continue;
        };
        let start = crate::history::date_of(step.revision.time, step.revision.offset_minutes);
        let next = steps.get(i + 1);
        let end = next
            .map(|next| crate::history::date_of(next.revision.time, next.revision.offset_minutes))
            .unwrap_or(today)
            .max(start);
        for (item, due) in due {
            // Never done: overdue from the first revision that asks for it.
            let from = due.unwrap_or(start).max(start);
            if from < end {
                stretches.entry(item.clone()).or_default().push(Stretch {
                    from,
                    until: end,
                    started_by: At::of(step.revision),
                    ended_by: next.map(|next| At::of(next.revision)),
                });
            }
        }
    }
    let mut periods = Vec::new();
    for (item, list) in stretches {
        let mut merged: Vec<Stretch> = Vec::new();
        for stretch in list {
            match merged.last_mut() {
                Some(last) if last.until >= stretch.from => {
                    if stretch.until >= last.until {
                        last.until = stretch.until;
                        last.ended_by = stretch.ended_by;
                    }
                }
                _ => merged.push(stretch),
            }
        }
        for stretch in merged {
            let ongoing = stretch.until >= today;
            periods.push(Period {
                what: format!("{item} overdue"),
                from: stretch.from,
                started_by: Some(stretch.started_by).filter(|a| a.date == stretch.from),
                until: (!ongoing).then_some(stretch.until),
                // The revision that ended it (recording the review or exercise, or removing
                // the plan), when it ended on that revision's date.
                ended_by: stretch
                    .ended_by
                    .filter(|a| !ongoing && a.date == stretch.until),
                days: stretch.from.days_until(stretch.until),
                changes: None,
            });
        }
    }
    periods.sort_by_key(|p| p.from);
    periods
}

/// Keeps the periods that reach into `since` or later.
fn clip(periods: Vec<Period>, since: Option<Date>) -> Vec<Period> {
    let Some(since) = since else { return periods };
    periods
        .into_iter()
        .filter(|p| p.until.is_none_or(|u| u >= since))
        .collect()
}

/// When the review and each scheduled exercise fall due under `plan`.
fn due_dates(plan: &Plan) -> Vec<(String, Option<Date>)> {
    let mut due: Vec<(String, Option<Date>)> = Vec::new();
    let review_months = u32::from(plan.plan.review_interval_months);
    due.push((
        "plan review".into(),
        plan.plan.last_review.map(|d| d.add_months(review_months)),
    ));
    for entry in &plan.exercise_schedule {
        let last = plan
            .exercises
            .iter()
            .filter(|e| e.kind == entry.kind)
            .map(|e| e.date)
            .max();
        due.push((
            format!("{} exercise", entry.kind.label()),
            last.map(|d| d.add_months(u32::from(entry.interval_months))),
        ));
    }
    due
}

/// Every approval recorded in the current plan, with the revision that recorded it.
fn approvals(steps: &[Step<'_, Facts>], current: &Plan) -> Vec<Approval> {
    current
        .plan
        .approvals
        .iter()
        .map(|a| Approval {
            version: a.version.clone(),
            date: a.date,
            approved_by: a.approved_by.clone(),
            reference: a.reference.clone(),
            recorded_in: recorded_in(steps, &a.version).map(|s| At::of(s.revision)),
        })
        .collect()
}

/// The first revision whose plan records the approval of `version`.
fn recorded_in<'s, 'h>(steps: &'s [Step<'h, Facts>], version: &str) -> Option<&'s Step<'h, Facts>> {
    steps
        .iter()
        .find(|s| s.kept.approved_versions.iter().any(|v| v == version))
}

/// What changed between the plan as last approved and the current plan (the approved one is
/// read again: the replay keeps no plan but the current one).
fn since_last_approval(
    reader: &mut RevisionReader<'_>,
    steps: &[Step<'_, Facts>],
    current: &Plan,
) -> Option<SinceApproval> {
    let last = last_approval(current)?;
    let approved = reader.state(recorded_in(steps, &last.version)?.revision);
    let diff = diff::diff(approved.plan()?, current);
    Some(SinceApproval {
        version: last.version.clone(),
        summary: diff.summary().to_string(),
        changes: diff
            .changes
            .iter()
            .filter(|c| !c.impacts.is_empty())
            .map(diff::Change::label)
            .collect(),
    })
}

fn human(r: &Report) -> String {
    let bold = Style::new().bold();
    let bad = AnsiColor::Red.on_default().bold();
    let good = AnsiColor::Green.on_default();
    let dim = AnsiColor::Blue.on_default();
    let mut out = String::new();
    let from = r.period.0.map(|d| format!("from {d} ")).unwrap_or_default();
    let _ = writeln!(
        out,
        "{bold}Audit of {}{bold:#} ({from}until {}; {} revisions)",
        shown(&r.plan),
        r.period.1,
        r.revisions
    );
    if let Some(note) = &r.history_note {
        let _ = writeln!(out, "{dim}note: {}{dim:#}", shown(note));
    }
    let c = &r.current;
    let status = match c.state {
        "checked" if c.errors == 0 => format!("{good}valid{good:#} ({} warnings)", c.warnings),
        "checked" => format!(
            "{bad}invalid{bad:#} ({} errors, {} warnings)",
            c.errors, c.warnings
        ),
        other => format!("{bad}{other}{bad:#}"),
    };
    let approval = match (&c.version, c.approved) {
        (Some(v), true) => format!("; version {}, approved", shown(v)),
        (Some(v), false) => format!("; version {}, {bad}not approved{bad:#}", shown(v)),
        (None, _) => String::new(),
    };
    let _ = writeln!(out, "Now: {status}{approval}");

    let _ = writeln!(out, "\n{bold}Periods with errors{bold:#}");
    if r.invalid_periods.is_empty() {
        let _ = writeln!(out, "  {good}none{good:#}");
    }
    for p in &r.invalid_periods {
        period_line(&mut out, p);
    }
    for (title, events) in [
        ("Recovery objective changes", &r.objective_changes),
        ("Crisis-team changes", &r.crisis_team_changes),
    ] {
        let _ = writeln!(out, "\n{bold}{title}{bold:#}");
        if events.is_empty() {
            let _ = writeln!(out, "  none");
        }
        for e in events {
            let _ = writeln!(
                out,
                "  {} {dim}{}{dim:#} {}: {} [{}]",
                e.at.date,
                e.at.short(),
                shown(&e.at.author),
                shown(&e.label),
                e.impacts
                    .iter()
                    .map(|impact| impact.label())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
    }
    let _ = writeln!(out, "\n{bold}Reviews and exercises{bold:#}");
    if r.overdue.is_empty() {
        let _ = writeln!(out, "  {good}on time throughout{good:#}");
    }
    for p in &r.overdue {
        period_line(&mut out, p);
    }
    let _ = writeln!(out, "\n{bold}Approvals{bold:#}");
    if r.approvals.is_empty() {
        let _ = writeln!(out, "  {bad}the plan records no approval{bad:#}");
    }
    for a in &r.approvals {
        let recorded = a
            .recorded_in
            .as_ref()
            .map(|at| {
                format!(
                    ", recorded in {} on {} by {}",
                    at.short(),
                    at.date,
                    shown(&at.author)
                )
            })
            .unwrap_or_default();
        let reference = a
            .reference
            .as_ref()
            .map(|r| format!(" ({})", shown(r)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  version {} approved on {} by {}{reference}{recorded}",
            shown(&a.version),
            a.date,
            shown(&a.approved_by)
        );
    }
    if let Some(since) = &r.since_last_approval {
        let _ = writeln!(
            out,
            "  since version {} was approved: {}",
            shown(&since.version),
            since.summary
        );
        for change in &since.changes {
            let _ = writeln!(out, "    {}", shown(change));
        }
    }
    out
}

fn period_line(out: &mut String, p: &Period) {
    let bad = AnsiColor::Red.on_default();
    let dim = AnsiColor::Blue.on_default();
    let start = p
        .started_by
        .as_ref()
        .map(|a| format!(" {dim}({} by {}){dim:#}", a.short(), shown(&a.author)))
        .unwrap_or_default();
    let end = match (&p.until, &p.ended_by) {
        (Some(until), Some(at)) => format!(
            "until {until} {dim}({} by {}){dim:#}",
            at.short(),
            shown(&at.author)
        ),
        (Some(until), None) => format!("until {until}"),
        (None, _) => format!("{bad}still{bad:#}"),
    };
    let _ = writeln!(
        out,
        "  {}: from {}{start} {end} — {}",
        shown(&p.what),
        p.from,
        count(p.days, "day", "days")
    );
    for change in p.changes.iter().flatten() {
        let _ = writeln!(
            out,
            "    then {}: from {} {dim}({} by {}){dim:#}",
            shown(&change.what),
            change.at.date,
            change.at.short(),
            shown(&change.at.author)
        );
    }
}
