//! `continuity diff`: what changed in the plan between two revisions, entity by entity, for a
//! terminal, a pull-request comment, or a tool.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anstyle::{AnsiColor, Style};
use anyhow::{anyhow, bail};
use continuity_schema::Plan;
use continuity_schema::diff::{self, Change, Diff, FindingsDelta, Impact, Op, Section, Tone};
use continuity_schema::load::parse_json;
use continuity_schema::types::Date;
use serde::Serialize;

use crate::history::{PlanAt, PlanRepo, open_plan_repo};
use crate::output::shown;
use crate::{Outcome, print};

/// Show what changed in the plan between two revisions (exit 1 when something did).
///
/// Without REV, compares HEAD with the working tree; with one, that revision with the working
/// tree; `A..B` or `A B` compares two revisions; `A...B` compares B with where it branched from
/// A, as a pull request does. Two plan files outside a repository can be compared with
/// `--no-index OLD NEW`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Revisions (or, with --no-index, two plan files).
    #[arg(value_name = "REV", num_args = 0..=2)]
    pub revisions: Vec<String>,
    /// The plan file (default: plan.json, or the only plans/*.json).
    #[arg(long, value_name = "PATH")]
    pub plan: Option<PathBuf>,
    /// Compare two files instead of revisions (works outside a repository).
    #[arg(long)]
    pub no_index: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// The date rules measure against when comparing findings (default: today, UTC).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<Date>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Grouped by section, coloured on a terminal.
    Human,
    /// For a pull-request comment: a summary line, sections, long parts folded.
    Markdown,
    /// A versioned JSON document, including the applicable diff.
    Json,
}

/// One side of the comparison.
pub struct Side {
    /// How to name it: `HEAD (de59f91)`, `working tree`, a file name.
    pub label: String,
    pub commit: Option<String>,
    pub content: Content,
}

/// What one side holds.
pub enum Content {
    /// A plan that loads, with its text: compared with a side that does not load, or shown
    /// field by field, it is the JSON as written, not the model's serialization (which spells
    /// out defaults the author left out).
    Plan(Box<Plan>, Vec<u8>),
    /// Well-formed JSON that does not load as a plan (a wrong type, an unknown field, another
    /// format version): still compared, as JSON, because a reviewer most needs the diff of the
    /// change that broke the plan.
    Json {
        value: serde_json::Value,
        /// The first problem, with its line and column.
        problem: String,
    },
}

impl Content {
    fn plan(&self) -> Option<&Plan> {
        match self {
            Content::Plan(plan, _) => Some(plan),
            Content::Json { .. } => None,
        }
    }

    /// Why this side is compared as JSON, if it is.
    pub fn problem(&self) -> Option<&str> {
        match self {
            Content::Plan(..) => None,
            Content::Json { problem, .. } => Some(problem),
        }
    }

    pub fn value(&self) -> anyhow::Result<std::borrow::Cow<'_, serde_json::Value>> {
        Ok(match self {
            Content::Plan(_, text) => std::borrow::Cow::Owned(
                parse_json(text)
                    .map_err(|findings| anyhow!(crate::revisions::first_problem(&findings)))?
                    .1,
            ),
            Content::Json { value, .. } => std::borrow::Cow::Borrowed(value),
        })
    }
}

/// The semantic diff between two sides: typed when both are plans, else as JSON.
pub fn compare_contents(old: &Content, new: &Content) -> anyhow::Result<Diff> {
    Ok(match (old, new) {
        (Content::Plan(a, _), Content::Plan(b, _)) => diff::diff(a, b),
        _ => diff::diff_values(&*old.value()?, &*new.value()?),
    })
}

/// The comparison, ready to render.
pub struct Comparison {
    pub path: String,
    pub old: Side,
    pub new: Side,
    pub diff: Diff,
    pub findings: FindingsDelta,
}

pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let today = args.today.unwrap_or_else(crate::clock::today);
    let files_given =
        args.revisions.len() == 2 && args.revisions.iter().all(|r| Path::new(r).is_file());
    let (path, old, new) =
        if args.no_index || (files_given && open_plan_repo(args.plan.as_deref()).is_err()) {
            let [a, b] = args.revisions.as_slice() else {
                bail!("--no-index compares exactly two plan files");
            };
            (
                "".to_owned(),
                file_side(Path::new(a))?,
                file_side(Path::new(b))?,
            )
        } else {
            let repo = open_plan_repo(args.plan.as_deref())?;
            let (old, new) = resolve(&repo, &args.revisions)?;
            let old = repo_side(&repo, &old)?;
            let new = repo_side(&repo, &new)?;
            (repo.path.clone(), old, new)
        };
    let comparison = compare_read(path, old, new, today)?;
    let text = match args.format {
        Format::Human => human(&comparison),
        Format::Markdown => markdown(&comparison, MARKDOWN_LIMIT),
        Format::Json => json(&comparison)?,
    };
    print(&text)?;
    Ok(if comparison.diff.is_empty() {
        Outcome::Success
    } else {
        Outcome::Failure
    })
}

/// One side as read from git or a file, not yet parsed.
struct ReadSide {
    label: String,
    commit: Option<String>,
    bytes: Vec<u8>,
}

/// Reads both sides on two threads, then compares them while the rules run on each side on
/// threads of their own: on a large plan reading, checking and comparing each take about as
/// long, and the comparison needs no findings.
fn compare_read(
    path: String,
    old: ReadSide,
    new: ReadSide,
    today: Date,
) -> anyhow::Result<Comparison> {
    let read = |side: ReadSide| -> anyhow::Result<Side> {
        let content = readable(side.bytes, &side.label)?;
        Ok(Side {
            label: side.label,
            commit: side.commit,
            content,
        })
    };
    let failed = |what: &str| anyhow!("{what} failed");
    let (old, new) = std::thread::scope(|scope| {
        let old = scope.spawn(|| read(old));
        let new = read(new);
        let old = old
            .join()
            .unwrap_or_else(|_| Err(failed("reading the older plan")));
        (old, new)
    });
    let (old, new) = (old?, new?);
    let (Some(old_plan), Some(new_plan)) = (old.content.plan(), new.content.plan()) else {
        // Findings are only compared between two plans that load: against a side that does not,
        // every finding would look introduced or fixed.
        let diff = compare_contents(&old.content, &new.content)?;
        return Ok(Comparison {
            path,
            old,
            new,
            diff,
            findings: FindingsDelta::default(),
        });
    };
    let (diff, old_findings, new_findings) = std::thread::scope(|scope| {
        let old_findings = scope.spawn(|| diff::stable_findings(old_plan, today));
        let new_findings = scope.spawn(|| diff::stable_findings(new_plan, today));
        let diff = diff::diff(old_plan, new_plan);
        (diff, old_findings.join(), new_findings.join())
    });
    let old_findings = old_findings.map_err(|_| failed("checking the older plan"))?;
    let new_findings = new_findings.map_err(|_| failed("checking the newer plan"))?;
    Ok(Comparison {
        path,
        old,
        new,
        diff,
        findings: diff::delta(old_findings, new_findings),
    })
}

/// A point to compare: a revision, or the working tree.
enum Point {
    Commit(String),
    Worktree,
}

fn resolve(repo: &PlanRepo, revisions: &[String]) -> anyhow::Result<(Point, Point)> {
    let commit = |spec: &str| -> anyhow::Result<Point> {
        Ok(Point::Commit(repo.commit_id(spec)?.to_string()))
    };
    match revisions {
        [] => Ok((commit("HEAD")?, Point::Worktree)),
        [one] if one.contains("...") => {
            let (a, b) = one.split_once("...").unwrap_or_default();
            let (a, b) = (
                if a.is_empty() { "HEAD" } else { a },
                if b.is_empty() { "HEAD" } else { b },
            );
            let base = repo.merge_base(repo.commit_id(a)?, repo.commit_id(b)?)?;
            Ok((Point::Commit(base.to_string()), commit(b)?))
        }
        [one] if one.contains("..") => {
            let (a, b) = one.split_once("..").unwrap_or_default();
            let (a, b) = (
                if a.is_empty() { "HEAD" } else { a },
                if b.is_empty() { "HEAD" } else { b },
            );
            Ok((commit(a)?, commit(b)?))
        }
        [one] => Ok((commit(one)?, Point::Worktree)),
        [a, b] => Ok((commit(a)?, commit(b)?)),
        _ => bail!("give at most two revisions"),
    }
}

fn repo_side(repo: &PlanRepo, point: &Point) -> anyhow::Result<ReadSide> {
    let (label, commit, path, read) = match point {
        Point::Worktree => (
            "working tree".to_owned(),
            None,
            repo.path.clone(),
            repo.read_worktree()?,
        ),
        Point::Commit(id) => {
            let oid = git2::Oid::from_str(id)?;
            let label = short_label(repo, id);
            // The plan may have had another name in an older revision.
            let path = match repo.read_at(oid, &repo.path)? {
                PlanAt::Absent => repo.path_at(oid)?,
                _ => repo.path.clone(),
            };
            let read = repo.read_at(oid, &path)?;
            (label, Some(id.clone()), path, read)
        }
    };
    let bytes = match read {
        PlanAt::Bytes(bytes) => bytes,
        PlanAt::Absent => bail!("{path} does not exist in {label}"),
        PlanAt::TooLarge(size) => {
            bail!("{path} in {label} is {size} bytes, more than a plan may have")
        }
    };
    Ok(ReadSide {
        label,
        commit,
        bytes,
    })
}

fn short_label(repo: &PlanRepo, id: &str) -> String {
    let short = &id[..id.len().min(10)];
    let head = repo.head().ok().map(|h| h.to_string());
    if head.as_deref() == Some(id) {
        format!("HEAD ({short})")
    } else {
        short.to_owned()
    }
}

fn file_side(path: &Path) -> anyhow::Result<ReadSide> {
    let label = crate::files::display_path(path);
    let bytes = match crate::files::read_plan(path)? {
        crate::files::Input::Bytes(bytes) => bytes,
        crate::files::Input::TooLarge(_) => bail!("{label} is larger than a plan may be"),
    };
    Ok(ReadSide {
        label,
        commit: None,
        bytes,
    })
}

/// Reads one side: a plan when it loads, else its JSON, else (not JSON at all) the first
/// problem.
pub fn read_content(bytes: Vec<u8>) -> Result<Content, String> {
    let findings = match crate::check::read_for_diff(&bytes) {
        Ok(plan) => return Ok(Content::Plan(Box::new(plan), bytes)),
        Err(findings) => findings,
    };
    // The reading for a diff skips the JSON Schema, whose messages say more ("expected an
    // object" rather than serde's "invalid length"): worth compiling it for a side that failed.
    let findings = match crate::schema_check::SchemaCheck::new() {
        Ok(schema) => {
            let checked = crate::check::check_plan(&bytes, crate::clock::today(), &schema);
            if checked.findings.is_empty() {
                findings
            } else {
                checked.findings
            }
        }
        Err(_) => findings,
    };
    let problem = crate::revisions::first_problem(&findings);
    match parse_json(&bytes) {
        Ok((_, value)) => Ok(Content::Json { value, problem }),
        Err(_) => Err(problem),
    }
}

fn readable(bytes: Vec<u8>, label: &str) -> anyhow::Result<Content> {
    read_content(bytes).map_err(|problem| {
        anyhow!(
            "the plan in {label} cannot be compared: {problem} (run `continuity validate` on it for all problems)"
        )
    })
}

/// What the reader must know before trusting the comparison, one sentence per side that did
/// not load as a plan.
fn notes(c: &Comparison) -> Vec<String> {
    [&c.old, &c.new]
        .into_iter()
        .filter_map(|side| {
            side.content.problem().map(|problem| {
                format!(
                    "The plan in {} does not load ({problem}): it is compared as JSON, and findings are not compared. Run `continuity validate` on it for all problems.",
                    side.label
                )
            })
        })
        .collect()
}

fn impact_style(impact: Impact) -> Style {
    match impact.tone() {
        Tone::Worse => AnsiColor::Red.on_default().bold(),
        Tone::Better => AnsiColor::Green.on_default(),
        Tone::Attention => AnsiColor::Yellow.on_default().bold(),
    }
}

fn marker(change: &Change) -> char {
    let whole = change.section.entity_depth() == Some(change.path.segments().len());
    match &change.op {
        Op::Add { .. } if whole => '+',
        Op::Remove { .. } if whole => '-',
        Op::Move { .. } => '>',
        _ => '~',
    }
}

/// Changes grouped by section, in plan order.
fn by_section(diff: &Diff) -> Vec<(Section, Vec<&Change>)> {
    let mut groups: Vec<(Section, Vec<&Change>)> = Vec::new();
    for change in &diff.changes {
        match groups.last_mut() {
            Some((section, list)) if *section == change.section => list.push(change),
            _ => groups.push((change.section, vec![change])),
        }
    }
    groups
}

fn human(c: &Comparison) -> String {
    let bold = Style::new().bold();
    let dim = AnsiColor::Blue.on_default();
    let mut out = String::new();
    let what = if c.path.is_empty() {
        String::new()
    } else {
        format!("{}: ", shown(&c.path))
    };
    let _ = writeln!(
        out,
        "{bold}{what}{} → {}{bold:#}",
        shown(&c.old.label),
        shown(&c.new.label)
    );
    let warn = AnsiColor::Yellow.on_default().bold();
    for note in notes(c) {
        let _ = writeln!(out, "{warn}{}{warn:#}", shown(&note));
    }
    let _ = writeln!(out, "{}", c.diff.summary());
    for (section, changes) in by_section(&c.diff) {
        let _ = writeln!(out, "\n{bold}{}{bold:#}", section.title());
        for change in changes {
            let (added, removed) = (AnsiColor::Green.on_default(), AnsiColor::Red.on_default());
            let style = match marker(change) {
                '+' => added,
                '-' => removed,
                _ => Style::new(),
            };
            let _ = write!(
                out,
                "  {style}{} {}{style:#}",
                marker(change),
                shown(&change.label())
            );
            for impact in &change.impacts {
                let s = impact_style(*impact);
                let _ = write!(out, "  {s}[{}]{s:#}", impact.label());
            }
            out.push('\n');
        }
    }
    if !c.findings.is_empty() {
        let _ = writeln!(out, "\n{bold}findings{bold:#}");
        for f in &c.findings.introduced {
            let s = AnsiColor::Red.on_default();
            let _ = writeln!(
                out,
                "  {s}introduced{s:#} {}[{}]: {}",
                f.severity,
                f.code,
                shown(&f.message)
            );
        }
        for f in &c.findings.fixed {
            let s = AnsiColor::Green.on_default();
            let _ = writeln!(
                out,
                "  {s}fixed{s:#} {}[{}]: {}",
                f.severity,
                f.code,
                shown(&f.message)
            );
        }
    }
    if c.diff.is_empty() {
        let _ = writeln!(out, "{dim}the plans are the same (layout aside){dim:#}");
    }
    out
}

/// GitHub's limit on a comment body is 65,536 characters; this leaves room for a marker and
/// the text around the diff.
pub const MARKDOWN_LIMIT: usize = 60_000;

/// More changes than this in one section are folded into a `<details>` block.
const FOLD_AFTER: usize = 10;

/// The diff as Markdown for a pull-request comment, never longer than `limit` characters.
pub fn markdown(c: &Comparison, limit: usize) -> String {
    let mut out = String::new();
    let summary = c.diff.summary();
    let _ = writeln!(out, "**{}**\n", escape_md(&summary.to_string()));
    let what = if c.path.is_empty() {
        String::new()
    } else {
        format!("`{}`: ", c.path)
    };
    let _ = writeln!(
        out,
        "{what}{} → {}\n",
        escape_md(&c.old.label),
        escape_md(&c.new.label)
    );
    for note in notes(c) {
        let _ = writeln!(out, "> [!WARNING]\n> {}\n", escape_md(&note));
    }
    let mut body = String::new();
    if !c.findings.is_empty() {
        let _ = writeln!(body, "### Findings\n");
        for f in &c.findings.introduced {
            let _ = writeln!(
                body,
                "- ⚠️ introduced **{}** `{}`: {}",
                f.severity,
                f.code,
                escape_md(&f.message)
            );
        }
        for f in &c.findings.fixed {
            let _ = writeln!(
                body,
                "- ✅ fixed {} `{}`: {}",
                f.severity,
                f.code,
                escape_md(&f.message)
            );
        }
        body.push('\n');
    }
    for (section, changes) in by_section(&c.diff) {
        let _ = writeln!(
            body,
            "### {} ({})\n",
            capitalise(section.title()),
            changes.len()
        );
        let lines: Vec<String> = changes.iter().map(|change| markdown_line(change)).collect();
        let (shown, folded) = lines.split_at(lines.len().min(FOLD_AFTER));
        for line in shown {
            let _ = writeln!(body, "{line}");
        }
        if !folded.is_empty() {
            let _ = writeln!(
                body,
                "\n<details><summary>{} more</summary>\n",
                folded.len()
            );
            for line in folded {
                let _ = writeln!(body, "{line}");
            }
            let _ = writeln!(body, "\n</details>");
        }
        body.push('\n');
    }
    if c.diff.is_empty() {
        body.push_str("The plans are the same (layout aside).\n");
    }
    let room = limit.saturating_sub(out.len() + 200);
    if body.len() > room {
        let mut cut = room;
        while !body.is_char_boundary(cut) {
            cut -= 1;
        }
        // Cut at a line end so that no Markdown construct is left half open.
        let cut = body[..cut].rfind('\n').unwrap_or(0);
        let open_details =
            body[..cut].matches("<details>").count() > body[..cut].matches("</details>").count();
        out.push_str(&body[..cut]);
        if open_details {
            out.push_str("\n</details>\n");
        }
        let _ = writeln!(
            out,
            "\n_The diff is too long for a comment and was cut here; run `continuity diff` locally for all {} changes._",
            c.diff.changes.len()
        );
    } else {
        out.push_str(&body);
    }
    out
}

fn markdown_line(change: &Change) -> String {
    let impacts: Vec<String> = change
        .impacts
        .iter()
        .map(|i| {
            let emoji = match i.tone() {
                Tone::Worse => "🔻",
                Tone::Better => "🔺",
                Tone::Attention => "👀",
            };
            format!(" {emoji} *{}*", i.label())
        })
        .collect();
    // Inside a code span Markdown and HTML are shown literally; only a backtick could end it.
    // Control characters and bidirectional overrides are shown, not obeyed (see `shown`).
    let label = change.label().replace('`', "'").replace(['\n', '\r'], " ");
    let label = shown(&label);
    format!("- {} `{label}`{}", marker_word(change), impacts.join(""))
}

fn marker_word(change: &Change) -> &'static str {
    match marker(change) {
        '+' => "➕",
        '-' => "➖",
        '>' => "↕️",
        _ => "✏️",
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Escapes what Markdown would otherwise interpret in plan text (and keeps HTML inert).
/// Text between backticks is a code span, shown literally: it is only kept from breaking out.
fn escape_md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let parts: Vec<&str> = text.split('`').collect();
    // An odd number of parts means the backticks pair up.
    let paired = parts.len() % 2 == 1;
    for (i, part) in parts.iter().enumerate() {
        let in_code = paired && i % 2 == 1;
        if i > 0 {
            out.push(if paired { '`' } else { '\'' });
        }
        for c in part.chars() {
            match c {
                '\n' | '\r' => out.push(' '),
                _ if in_code => out.push(c),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '&' => out.push_str("&amp;"),
                '\\' | '*' | '_' | '[' | ']' | '#' | '|' => {
                    out.push('\\');
                    out.push(c);
                }
                _ => out.push(c),
            }
        }
    }
    // Control characters and bidirectional overrides are shown, not obeyed (see `shown`).
    crate::output::shown_owned(out)
}

#[derive(Serialize)]
struct JsonDiff<'a> {
    version: u32,
    plan: &'a str,
    from: JsonSide<'a>,
    to: JsonSide<'a>,
    summary: JsonSummary,
    findings: &'a FindingsDelta,
    diff: &'a Diff,
}

#[derive(Serialize)]
struct JsonSide<'a> {
    label: &'a str,
    commit: Option<&'a str>,
    /// Set when this side does not load as a plan and was compared as JSON.
    #[serde(skip_serializing_if = "Option::is_none")]
    problem: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonSummary {
    text: String,
    #[serde(flatten)]
    counts: diff::Summary,
}

fn json(c: &Comparison) -> anyhow::Result<String> {
    let summary = c.diff.summary();
    let document = JsonDiff {
        version: 1,
        plan: &c.path,
        from: JsonSide {
            label: &c.old.label,
            commit: c.old.commit.as_deref(),
            problem: c.old.content.problem(),
        },
        to: JsonSide {
            label: &c.new.label,
            commit: c.new.commit.as_deref(),
            problem: c.new.content.problem(),
        },
        summary: JsonSummary {
            text: summary.to_string(),
            counts: summary,
        },
        findings: &c.findings,
        diff: &c.diff,
    };
    let mut text = serde_json::to_string_pretty(&document)?;
    text.push('\n');
    Ok(text)
}
