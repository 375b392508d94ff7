//! `continuity report`: the offline copy of the plan, for the day the server, the network or
//! the power is gone (Audit Vlaanderen asks for one, kept current).
//!
//! The report puts what the crisis team needs first (activation, crisis team with phone
//! numbers, scenarios, restart order, suppliers' emergency lines, alternate locations,
//! communication), then the rest of the plan. Every page names the revision it was made from
//! and how to check that it is still current, and shows the plan's classification.
//!
//! The content is built once as a document (`sections.rs`, `document.rs`) and rendered as
//! HTML (`html.rs`), Markdown (`markdown.rs`) or PDF (`pdf.rs`: the HTML printed by a local
//! headless Chromium; see there why). A plan with errors still gets its report, errors on top:
//! on the worst day an imperfect plan beats none. Only a file that is not a plan at all is
//! refused (exit 1), like `validate` does.

mod document;
mod html;
mod labels;
mod markdown;
mod pdf;
mod provenance;
mod sections;

use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use continuity_schema::Plan;
use continuity_schema::finding::{Finding, Severity};
use continuity_schema::redact::Redactor;
use continuity_schema::types::Date;

use crate::check::check_file;
use crate::files::default_plans;
use crate::output;
use crate::schema_check::SchemaCheck;
use crate::{Outcome, print};

use document::Meta;
use labels::{Labels, fill};
use provenance::{Provenance, provenance};
use sections::ReportFinding;

/// Write the offline copy of the plan: crisis team, scenarios and contacts first.
///
/// The report is one file that needs no network: HTML (self-contained, for phones, laptops and
/// printing), Markdown (for wikis and e-mail) or PDF (printed by a local Chromium). It names the
/// revision it was made from and how to check that it is current, and shows the plan's
/// classification on every page. A plan with errors still gets a report, with the errors on top.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan file (default: plan.json, or the only plans/*.json); `-` reads standard input.
    #[arg(long, value_name = "PATH")]
    pub plan: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Html)]
    pub format: Format,
    /// The file to write (default: <plan name>-report.<format> here); `-` for standard output
    /// (not for PDF).
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Leave out personal data: names, phone numbers and e-mail addresses of people.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub redact: Option<Redact>,
    /// The date the report is made as of: rules measure against it and it is printed as the
    /// print date (default: today, UTC).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<Date>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One self-contained HTML file (no network needed), for screens and printing.
    Html,
    /// Markdown, for wikis and e-mail.
    Markdown,
    /// PDF, printed from the HTML by a local headless Chromium.
    Pdf,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Pdf => "pdf",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Redact {
    /// Names, phone numbers and e-mail addresses of people (functions and roles stay).
    Personal,
}

pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let to_stdout = args.output.as_deref() == Some(Path::new("-"));
    if to_stdout && args.format == Format::Pdf {
        bail!("a PDF cannot be written to standard output: name a file with -o");
    }
    let path = match &args.plan {
        Some(path) => path.clone(),
        None => single_default_plan()?,
    };
    let today = args.today.unwrap_or_else(crate::clock::today);
    let schema = SchemaCheck::new()?;
    let checked = check_file(&path, today, &schema)?;
    let Some(plan) = checked.plan else {
        // Not a plan at all: nothing to report on. Say why, as `validate` does.
        let mut stderr = anstream::stderr();
        let _ = stderr.write_all(output::human(&[checked.result], false).as_bytes());
        let _ = writeln!(
            stderr,
            "no report written: {} cannot be read as a plan",
            crate::files::display_path(&path)
        );
        return Ok(Outcome::Failure);
    };
    let source = provenance(&path, &checked.bytes);
    let redactor = args.redact.map(|_| {
        let mut redactor = Redactor::new();
        learn_history(&mut redactor, &path);
        redactor.learn(&plan);
        if let Provenance::Git {
            author_name,
            author_email,
            ..
        } = &source
        {
            redactor.learn_author(author_name, author_email);
        }
        redactor
    });
    let findings = report_findings(&checked.result.findings, redactor.as_ref());
    let shown = match &redactor {
        Some(redactor) => redactor.plan(&plan),
        None => plan,
    };
    let meta = meta(&shown, &source, redactor.as_ref(), today);
    let summary = Summary::of(&shown, &findings, &meta, &source);
    let document = sections::build(&shown, &findings, today, meta);
    let bytes = match args.format {
        Format::Html => html::render(&document).into_bytes(),
        Format::Markdown => markdown::render(&document).into_bytes(),
        Format::Pdf => pdf::render(&html::render(&document))?,
    };
    if to_stdout {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(&bytes)?;
        stdout.flush()?;
        eprint!("{}", summary.describe(None));
        return Ok(Outcome::Success);
    }
    let target = match &args.output {
        Some(path) => path.clone(),
        None => default_output(&path, args.format),
    };
    write_report(
        &target,
        &bytes,
        args.format,
        shown.plan.classification.is_confidential(),
    )?;
    print(&summary.describe(Some(&target)))?;
    Ok(Outcome::Success)
}

/// The plan to report on when none is named: exactly one must be found.
fn single_default_plan() -> anyhow::Result<PathBuf> {
    let mut found = default_plans()?;
    if found.len() > 1 {
        let names: Vec<String> = found
            .iter()
            .map(|p| crate::files::display_path(p))
            .collect();
        bail!(
            "several plans found ({}): name one with --plan",
            names.join(", ")
        );
    }
    found.pop().context("no plan found: name it with --plan")
}

/// `<plan name>-report.<ext>` in the current directory.
fn default_output(plan: &Path, format: Format) -> PathBuf {
    let stem = if plan == Path::new("-") {
        "plan".to_owned()
    } else {
        plan.file_stem()
            .map_or_else(|| "plan".to_owned(), |s| s.to_string_lossy().into_owned())
    };
    PathBuf::from(format!("{stem}-report.{}", format.extension()))
}

/// Learns the people of every earlier revision of the plan and every author who changed it, so
/// that a name that survives only in free text ("taken over from An Peeters") is removed too.
/// Outside git there is no history to learn from; git problems leave the current plan's people.
fn learn_history(redactor: &mut Redactor, path: &Path) {
    let Ok(repo) = crate::history::open_plan_repo(Some(path)) else {
        return;
    };
    let Ok(head) = repo.head() else {
        return;
    };
    let options = crate::history::WalkOptions {
        first_parent: false,
    };
    let Ok(history) = repo.history(head, options) else {
        return;
    };
    for revision in history.revisions.iter().rev() {
        redactor.learn_author(&revision.author_name, &revision.author_email);
        let Some(blob) = revision.blob else { continue };
        if let Ok(crate::history::PlanAt::Bytes(bytes)) = repo.read_blob(blob) {
            if let Ok(plan) = serde_json::from_slice::<continuity_schema::Plan>(&bytes) {
                redactor.learn(&plan);
            }
        }
    }
}

/// The findings as the report shows them; with redaction, names, numbers and person ids in
/// their texts are replaced too (rules run on the full plan, so that a redacted phone does not
/// read as a missing one).
fn report_findings(findings: &[Finding], redactor: Option<&Redactor>) -> Vec<ReportFinding> {
    let scrub = |text: &str| match redactor {
        Some(r) => r.prose(text),
        None => text.to_owned(),
    };
    findings
        .iter()
        .map(|f| ReportFinding {
            severity: f.severity,
            code: f.code.to_string(),
            message: scrub(&f.message),
            hint: f.hint.as_deref().map(scrub),
            allowed: f.allowed.as_deref().map(scrub),
        })
        .collect()
}

/// "revision 1a2b3c4d5e (2026-10-19)", or the content hash and the file's date, in `labels`'
/// language.
fn revision_text(source: &Provenance, labels: &Labels) -> String {
    match source {
        Provenance::Git {
            short, date, dirty, ..
        } => {
            let mut revision = format!("{} {short} ({date})", labels.revision);
            if *dirty {
                revision.push_str(&format!(" + {}", labels.uncommitted));
            }
            revision
        }
        Provenance::File { hash, modified, .. } => {
            let mut revision = format!("{} {hash}", labels.content_hash);
            if let Some(modified) = modified {
                revision.push_str(&format!(" ({} {modified})", labels.modified));
            }
            revision
        }
    }
}

fn meta(plan: &Plan, source: &Provenance, redactor: Option<&Redactor>, today: Date) -> Meta {
    let labels = Labels::for_language(&plan.plan.language);
    let version = plan.plan.version.clone();
    let (revision_note, check_current) = match source {
        Provenance::Git {
            short,
            date,
            author_name,
            summary,
            dirty,
            ..
        } => {
            let date = date.to_string();
            let (author, summary) = match redactor {
                Some(r) => (r.author(author_name), r.text(summary)),
                None => (author_name.clone(), summary.clone()),
            };
            let check = if *dirty {
                fill(labels.check_dirty, &[short, &date])
            } else {
                fill(labels.check_git, &[&version, short, &date])
            };
            (Some(format!("{summary} — {author}")), check)
        }
        Provenance::File {
            hash, file_name, ..
        } => (None, fill(labels.check_file, &[&version, hash, file_name])),
    };
    Meta {
        labels,
        language: plan.plan.language.clone(),
        organisation: plan.organisation.name.clone(),
        title: plan.plan.title.clone(),
        version,
        classification: plan.plan.classification.label().to_owned(),
        confidential: plan.plan.classification.is_confidential(),
        redacted: redactor.is_some(),
        revision: revision_text(source, labels),
        revision_note,
        printed: today.to_string(),
        check_current,
    }
}

/// What the command says after writing the report.
struct Summary {
    organisation: String,
    version: String,
    revision: String,
    classification: String,
    redacted: bool,
    errors: usize,
    outdated: usize,
}

impl Summary {
    fn of(plan: &Plan, findings: &[ReportFinding], meta: &Meta, source: &Provenance) -> Summary {
        let last = plan.plan.approvals.iter().max_by_key(|a| a.date);
        let outdated = last.map_or(0, |last| {
            plan.distribution
                .iter()
                .filter(|c| c.version != last.version)
                .count()
        });
        Summary {
            organisation: meta.organisation.clone(),
            version: meta.version.clone(),
            revision: revision_text(source, &labels::ENGLISH),
            classification: meta.classification.clone(),
            redacted: meta.redacted,
            errors: findings
                .iter()
                .filter(|f| f.severity == Severity::Error && f.allowed.is_none())
                .count(),
            outdated,
        }
    }

    fn describe(&self, target: Option<&Path>) -> String {
        let mut out = String::new();
        let what = match target {
            Some(path) => format!("wrote {}", crate::files::display_path(path)),
            None => "wrote the report to standard output".to_owned(),
        };
        out.push_str(&format!(
            "{what}: {}, version {}, {}; classification {}{}\n",
            output::shown(&self.organisation),
            output::shown(&self.version),
            self.revision,
            self.classification,
            if self.redacted {
                ", personal data redacted"
            } else {
                ""
            }
        ));
        if self.errors > 0 {
            out.push_str(&format!(
                "note: the plan has {} error(s); they are listed at the top of the report (run `continuity validate` for details)\n",
                self.errors
            ));
        }
        if self.outdated > 0 {
            out.push_str(&format!(
                "note: {} cop{} in the distribution list {} not the last approved version\n",
                self.outdated,
                if self.outdated == 1 { "y" } else { "ies" },
                if self.outdated == 1 { "is" } else { "are" },
            ));
        }
        out
    }
}

/// Writes the report atomically (a temporary file in the same folder, then a rename), and never
/// over a file that is not an earlier report: `-o plans/plan.json` must not destroy the plan.
fn write_report(
    target: &Path,
    bytes: &[u8],
    format: Format,
    confidential: bool,
) -> anyhow::Result<()> {
    let shown = crate::files::display_path(target);
    let existing = match std::fs::symlink_metadata(target) {
        Ok(metadata) => Some(metadata),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
        Err(err) => return Err(err).with_context(|| format!("cannot write the report to {shown}")),
    };
    if let Some(metadata) = &existing {
        if !metadata.is_file() {
            bail!("{shown} exists and is not a regular file; choose another file with -o");
        }
        if metadata.len() > 0 && !is_earlier_report(target, format) {
            bail!(
                "{shown} exists and was not written by `continuity report`; remove it or choose another file with -o"
            );
        }
    }
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("cannot create a file in {}", dir.display()))?;
    temp.write_all(bytes)
        .with_context(|| format!("cannot write {shown}"))?;
    temp.as_file().sync_all()?;
    set_permissions(temp.path(), existing.as_ref(), confidential)?;
    temp.persist(target)
        .with_context(|| format!("cannot write {shown}"))?;
    Ok(())
}

/// Keeps the permissions of the report being replaced; a new report is readable by everyone
/// unless the plan is confidential (then only by its owner, the temporary file's default).
fn set_permissions(
    temp: &Path,
    existing: Option<&std::fs::Metadata>,
    confidential: bool,
) -> anyhow::Result<()> {
    if let Some(existing) = existing {
        std::fs::set_permissions(temp, existing.permissions())?;
        return Ok(());
    }
    #[cfg(unix)]
    if !confidential {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(temp, std::fs::Permissions::from_mode(0o644))?;
    }
    #[cfg(not(unix))]
    let _ = confidential;
    Ok(())
}

/// Whether `path` holds a report this command wrote (in any format), judged by its start.
fn is_earlier_report(path: &Path, format: Format) -> bool {
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut head = Vec::with_capacity(4096);
    if std::io::Read::read_to_end(&mut std::io::Read::take(file, 4096), &mut head).is_err() {
        return false;
    }
    let text = String::from_utf8_lossy(&head);
    match format {
        Format::Html => text.contains("<meta name=\"generator\" content=\"continuity report\">"),
        Format::Markdown => text.starts_with("<!-- continuity report"),
        // Chromium writes the PDF; any PDF under the report's name is taken to be an earlier one.
        Format::Pdf => head.starts_with(b"%PDF-"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_ids_are_scrubbed() {
        let plan: Plan =
            serde_json::from_str(include_str!("../../../tests/fixtures/rules/base.json"))
                .expect("base plan");
        let mut redactor = Redactor::new();
        redactor.learn(&plan);
        let text = redactor.prose("`an` (An Peeters) has no copy; `app` is fine");
        assert!(!text.contains("`an`"), "{text}");
        assert!(!text.contains("An Peeters"), "{text}");
        assert!(text.contains("`app`"), "{text}");
    }

    #[test]
    fn default_output_is_named_after_the_plan() {
        assert_eq!(
            default_output(Path::new("plans/heidebeek.json"), Format::Markdown),
            PathBuf::from("heidebeek-report.md")
        );
        assert_eq!(
            default_output(Path::new("-"), Format::Pdf),
            PathBuf::from("plan-report.pdf")
        );
    }
}
