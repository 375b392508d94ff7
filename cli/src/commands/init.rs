//! `continuity init`: creates a plan repository that a municipal IT team can push as is: a plan
//! skeleton whose findings walk the source page's implementation steps, schema wiring for
//! editors, the review-and-publish workflow, git integration and a short guide.
//! It never overwrites a file: what exists is kept and reported.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, anyhow};
use continuity_schema::model::*;
use continuity_schema::types::PersonId;

use crate::{Outcome, print};

/// Create a plan repository (plan skeleton, schema, workflow, git integration, guide).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder to create or complete (default: the current folder).
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
    /// The organisation's name.
    #[arg(long, value_name = "ORG", default_value = "Gemeente")]
    pub name: String,
    /// The language of the plan's texts and guide.
    #[arg(long, value_enum, default_value_t = Lang::Nl)]
    pub lang: Lang,
    /// The continuity release the workflow installs.
    #[arg(long, value_name = "VERSION", default_value = env!("CARGO_PKG_VERSION"))]
    pub continuity_version: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    Nl,
    En,
}

/// Where the repository's plan and schema live.
pub const PLAN_FILE: &str = "plan.json";
pub const SCHEMA_FILE: &str = ".continuity/plan.schema.json";

/// The repository hosting the reusable workflow and the action.
pub const UPSTREAM: &str = "continuity-bcp/continuity";

struct Texts {
    title: &'static str,
    purpose: &'static str,
    scope: &'static str,
    coordinator_name: &'static str,
    coordinator_function: &'static str,
}

fn texts(lang: Lang) -> Texts {
    match lang {
        Lang::Nl => Texts {
            title: "Bedrijfscontinuïteitsplan ICT",
            purpose: "Dit plan beschrijft hoe de organisatie haar dienstverlening na een uitval van ICT-systemen binnen een redelijke termijn en op een gestructureerde manier hervat: wie het plan activeert en stuurt, welke diensten eerst terugkomen, van welke systemen en leveranciers ze afhangen, waar we naartoe uitwijken en wat we wie meedelen.",
            scope: "Alle diensten van de organisatie die van ICT afhangen, op alle locaties. Beschrijf hier wat buiten het plan valt.",
            coordinator_name: "Naam van de BCP-coördinator",
            coordinator_function: "BCP-coördinator",
        },
        Lang::En => Texts {
            title: "Business continuity plan for ICT incidents",
            purpose: "This plan describes how the organisation resumes its services after an ICT outage, within a reasonable time and in a structured way: who activates and leads the plan, which services come back first, which systems and suppliers they depend on, where we fall back to, and what we tell whom.",
            scope: "Every service of the organisation that depends on ICT, at every site. Describe here what the plan leaves out.",
            coordinator_name: "Name of the BCP coordinator",
            coordinator_function: "BCP coordinator",
        },
    }
}

/// The plan skeleton: every section present, so that the findings of `continuity validate`
/// list what to fill in, in the order of the source page's implementation steps.
pub fn skeleton(name: &str, lang: Lang) -> anyhow::Result<Plan> {
    let t = texts(lang);
    let coordinator = PersonId::new("bcp-coordinator").map_err(|e| anyhow!("{e}"))?;
    Ok(Plan {
        schema: Some(SCHEMA_FILE.into()),
        format_version: FORMAT_VERSION,
        organisation: Organisation {
            name: name.into(),
            kind: Some(OrganisationKind::Municipality),
            address: None,
            phone: None,
            email: None,
            website: None,
        },
        plan: PlanInfo {
            title: t.title.into(),
            version: "0.1".into(),
            language: match lang {
                Lang::Nl => "nl".into(),
                Lang::En => "en".into(),
            },
            classification: Classification::Internal,
            purpose: t.purpose.into(),
            scope: t.scope.into(),
            owner: coordinator.clone(),
            contributors: Vec::new(),
            review_interval_months: 12,
            last_review: None,
            approvals: Vec::new(),
            backup_procedure: None,
            related_documents: Vec::new(),
        },
        activation: Activation {
            criteria: Vec::new(),
            authorised_roles: Vec::new(),
            procedure: None,
            full_recovery: Vec::new(),
        },
        people: vec![Person {
            id: coordinator,
            name: t.coordinator_name.into(),
            function: t.coordinator_function.into(),
            organisation: None,
            phones: Vec::new(),
            email: None,
        }],
        roles: Vec::new(),
        services: Vec::new(),
        systems: Vec::new(),
        suppliers: Vec::new(),
        locations: Vec::new(),
        scenarios: Vec::new(),
        risks: Vec::new(),
        communication: Communication {
            audiences: Vec::new(),
            templates: Vec::new(),
        },
        distribution: Vec::new(),
        exercise_schedule: Vec::new(),
        exercises: Vec::new(),
        actions: Vec::new(),
        incidents: Vec::new(),
        allow: Vec::new(),
    })
}

/// The caller workflow a plan repository commits: it reuses the upstream workflow.
pub fn workflow(version: &str) -> String {
    format!(
        r#"# Reviews plan changes in pull requests (annotations, a semantic diff comment, a failing
# check when the plan has errors) and publishes the viewer to GitHub Pages from main, again
# every week so that the published findings follow the calendar (reviews and exercises due).
# The logic lives upstream in {UPSTREAM}; this file only says which plan and which version.
name: Continuity

on:
  pull_request:
  push:
    branches: [main]
  schedule:
    - cron: "17 5 * * 1"
  workflow_dispatch:

permissions: {{}}

jobs:
  plan:
    uses: {UPSTREAM}/.github/workflows/plan.yml@v{version}
    with:
      plan: {PLAN_FILE}
      continuity-version: "{version}"
    permissions:
      contents: read
      pull-requests: write
      pages: write
      id-token: write
"#
    )
}

const GITATTRIBUTES: &str = "# Plan files diff semantically with `continuity git-diff` (see the README).\nplan.json diff=continuity\n*.json text eol=lf\n";

const GITIGNORE: &str =
    "# Output of `continuity site` and `continuity report`.\n/site/\n/*-report.*\n";

/// The hook refuses a broken or unformatted plan; rule findings are shown but do not block a
/// draft (the pull-request check fails on them instead). Without `continuity` installed it says
/// so and how to go on, rather than the shell's bare "not found".
const PRE_COMMIT: &str = "#!/bin/sh
# Checks the plan before each commit: a readable plan in canonical layout.
# Rule findings are shown; the pull-request check fails on errors.
if ! command -v continuity >/dev/null 2>&1; then
  echo \"pre-commit: continuity is not installed, so the plan was not checked.\" >&2
  echo \"Install it (see README.md), or commit with --no-verify to skip this check once.\" >&2
  exit 1
fi
set -e
continuity fmt --check
continuity validate --advisory
";

fn vscode_settings() -> String {
    format!(
        "{{\n  \"json.schemas\": [\n    {{\n      \"fileMatch\": [\"/{PLAN_FILE}\"],\n      \"url\": \"./{SCHEMA_FILE}\"\n    }}\n  ],\n  \"files.insertFinalNewline\": true,\n  \"editor.tabSize\": 2\n}}\n"
    )
}

fn readme(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "# Bedrijfscontinuïteitsplan ICT – {name}\n\n\
             Het plan staat in `{PLAN_FILE}` en wordt gecontroleerd met [Continuity](https://github.com/{UPSTREAM}).\n\n\
             ## Aan de slag\n\n\
             1. Open de map in VS Code: `{PLAN_FILE}` krijgt aanvulling en uitleg bij elk veld uit `{SCHEMA_FILE}`.\n\
             2. Voer `continuity validate` uit. De meldingen zeggen wat je nog moet invullen, in de volgorde van het stappenplan van Audit Vlaanderen.\n\
             3. Werk in een branch en open een pull request: de workflow zet de inhoudelijke wijzigingen als commentaar bij de pull request en markeert fouten in het plan.\n\
             4. Na het samenvoegen publiceert de workflow het plan en zijn geschiedenis op GitHub Pages (zet Pages op \"GitHub Actions\" in de instellingen van de repository).\n\n\
             ## Controles voor elke commit\n\n\
             `git config core.hooksPath .githooks` (door `continuity init` al gedaan) laat `continuity fmt --check` en `continuity validate` lopen voor elke commit.\n\
             `git diff` toont de wijzigingen in het plan per dienst, systeem en persoon (`diff.continuity.command`).\n\n\
             ## Offline exemplaar\n\n\
             `continuity report --format html` maakt een exemplaar dat zonder netwerk leesbaar is; houd bij wie welk exemplaar heeft in `distribution`.\n"
        ),
        Lang::En => format!(
            "# Business continuity plan for ICT incidents – {name}\n\n\
             The plan is `{PLAN_FILE}`, checked with [Continuity](https://github.com/{UPSTREAM}).\n\n\
             ## Getting started\n\n\
             1. Open the folder in VS Code: `{PLAN_FILE}` gets completion and explanations for every field from `{SCHEMA_FILE}`.\n\
             2. Run `continuity validate`. The findings say what to fill in next, in the order of Audit Vlaanderen's implementation steps.\n\
             3. Work on a branch and open a pull request: the workflow comments the plan's semantic changes on the pull request and marks errors in the plan.\n\
             4. After merging, the workflow publishes the plan and its history to GitHub Pages (set Pages to \"GitHub Actions\" in the repository settings).\n\n\
             ## Checks before every commit\n\n\
             `git config core.hooksPath .githooks` (already done by `continuity init`) runs `continuity fmt --check` and `continuity validate` before each commit.\n\
             `git diff` shows plan changes per service, system and person (`diff.continuity.command`).\n\n\
             ## Offline copy\n\n\
             `continuity report --format html` makes a copy that can be read without a network; record who holds which copy in `distribution`.\n"
        ),
    }
}

/// What happened to one file or setting.
enum Done {
    Created,
    Kept,
}

fn write_new(
    dir: &Path,
    relative: &str,
    contents: &[u8],
    executable: bool,
) -> anyhow::Result<Done> {
    let path = dir.join(relative);
    if path.exists() {
        return Ok(Done::Kept);
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    // `create_new` refuses to replace a file that appeared in the meantime.
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    std::io::Write::write_all(&mut file, contents)?;
    #[cfg(unix)]
    if executable {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))?;
    }
    #[cfg(not(unix))]
    let _ = executable;
    Ok(Done::Created)
}

/// Sets a local git setting unless it is already set.
fn set_config(config: &mut git2::Config, key: &str, value: &str) -> anyhow::Result<Done> {
    if config.get_string(key).is_ok() {
        return Ok(Done::Kept);
    }
    config
        .set_str(key, value)
        .with_context(|| format!("cannot set {key}"))?;
    Ok(Done::Created)
}

pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let dir = &args.dir;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let plan = skeleton(&args.name, args.lang)?;
    let plan_text = crate::commands::fmt::canonical_text(&plan)?;
    let files: Vec<(&str, Vec<u8>, bool)> = vec![
        (PLAN_FILE, plan_text.into_bytes(), false),
        (
            SCHEMA_FILE,
            continuity_schema::generate::plan_schema_text().into_bytes(),
            false,
        ),
        (
            ".github/workflows/continuity.yml",
            workflow(&args.continuity_version).into_bytes(),
            false,
        ),
        (".gitattributes", GITATTRIBUTES.as_bytes().to_vec(), false),
        (".gitignore", GITIGNORE.as_bytes().to_vec(), false),
        (
            ".vscode/settings.json",
            vscode_settings().into_bytes(),
            false,
        ),
        (".githooks/pre-commit", PRE_COMMIT.as_bytes().to_vec(), true),
        (
            "README.md",
            readme(&args.name, args.lang).into_bytes(),
            false,
        ),
    ];
    let mut report = String::new();
    for (relative, contents, executable) in &files {
        let done = write_new(dir, relative, contents, *executable)?;
        report.push_str(&match done {
            Done::Created => format!("created {relative}\n"),
            Done::Kept => format!("kept    {relative} (it already exists)\n"),
        });
    }
    let repo = match git2::Repository::discover(dir) {
        Ok(repo) => repo,
        Err(_) => {
            let mut options = git2::RepositoryInitOptions::new();
            options.initial_head("main");
            report.push_str("created a git repository (branch main)\n");
            git2::Repository::init_opts(dir, &options).context("cannot create a git repository")?
        }
    };
    let config = repo.config().context("cannot open the git configuration")?;
    let mut local = config
        .open_level(git2::ConfigLevel::Local)
        .context("cannot open the repository's git configuration")?;
    for (key, value) in [
        ("diff.continuity.command", "continuity git-diff"),
        ("diff.continuity.textconv", "continuity textconv"),
        ("core.hooksPath", ".githooks"),
    ] {
        report.push_str(&match set_config(&mut local, key, value)? {
            Done::Created => format!("set     git config {key} \"{value}\"\n"),
            Done::Kept => format!("kept    git config {key} (already set)\n"),
        });
    }
    report.push_str("\nNext: run `continuity validate` in that folder; its findings say what to fill in first.\n");
    print(&report)?;
    Ok(Outcome::Success)
}
