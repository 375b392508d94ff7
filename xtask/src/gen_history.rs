//! `cargo xtask gen-history`: a git repository with a long, realistic plan history, written
//! with `git fast-import` so that 10,000 commits take seconds, for the history benchmarks.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context as _, bail};
use continuity_schema::Plan;
use continuity_schema::model::ActionStatus;
use continuity_schema::types::{Date, Duration, Phone};

use crate::gen_plan::{self, DEFAULT_TODAY, Options};
use crate::rng::Rng;

/// Generate a git repository whose plan changes in every commit (or in one of every few).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Number of commits that write the plan.
    #[arg(long, default_value_t = 10_000)]
    pub commits: usize,
    /// Commits that change only another file (`docs/notes.md`) after each plan commit, as in
    /// a repository that holds more than the plan.
    #[arg(long, default_value_t = 0)]
    pub other_commits: usize,
    /// Services in the plan (50 gives a plan of about 200 KB).
    #[arg(long, default_value_t = 50)]
    pub services: usize,
    /// Seed of the random generator.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The repository to create (it must not exist yet).
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,
}

/// Where the plan lives in the generated repository.
pub const PLAN_PATH: &str = "plans/plan.json";

const AUTHORS: &[(&str, &str)] = &[
    ("An Peeters", "an.peeters@heidebeek.example"),
    ("Pieter Goossens", "pieter.goossens@heidebeek.example"),
    ("Els Jacobs", "els.jacobs@heidebeek.example"),
];

const RTOS: &[Duration] = &[
    Duration::hours(1),
    Duration::hours(2),
    Duration::hours(4),
    Duration::hours(8),
    Duration::days(1),
    Duration::days(2),
];

/// One small, realistic edit; returns the commit message.
fn edit(plan: &mut Plan, rng: &mut Rng, day: Date) -> String {
    match rng.below(6) {
        0 if !plan.services.is_empty() => {
            let i = rng.below(plan.services.len());
            let rto = *rng.pick(RTOS);
            let service = &mut plan.services[i];
            service.rto = Some(rto);
            format!("RTO van {} naar {rto}", service.id)
        }
        1 if !plan.people.is_empty() => {
            let i = rng.below(plan.people.len());
            let person = &mut plan.people[i];
            if let Some(phone) = person.phones.first_mut() {
                let number = format!(
                    "+32 470 {:02} {:02} {:02}",
                    rng.below(100),
                    rng.below(100),
                    rng.below(100)
                );
                if let Ok(number) = Phone::new(number) {
                    phone.number = number;
                }
            }
            format!("Nieuw gsm-nummer voor {}", person.name)
        }
        2 if !plan.systems.is_empty() => {
            let i = rng.below(plan.systems.len());
            let system = &mut plan.systems[i];
            if let Some(backup) = &mut system.backup {
                backup.last_restore_test = Some(day);
            }
            format!("Hersteltest {} op {day}", system.id)
        }
        3 if !plan.actions.is_empty() => {
            let i = rng.below(plan.actions.len());
            let action = &mut plan.actions[i];
            action.status = if action.status.is_pending() {
                ActionStatus::Done
            } else {
                ActionStatus::Open
            };
            action.completed = (action.status == ActionStatus::Done).then_some(day);
            format!("Actie {} bijgewerkt", action.id)
        }
        4 if !plan.systems.is_empty() => {
            let i = rng.below(plan.systems.len());
            let system = &mut plan.systems[i];
            let note = format!(" Nagekeken op {day}.");
            let description = system.description.get_or_insert_with(String::new);
            // Keep descriptions from growing without bound over thousands of commits.
            if let Some(cut) = description.find(" Nagekeken op ") {
                description.truncate(cut);
            }
            description.push_str(&note);
            format!("Beschrijving {} aangevuld", system.id)
        }
        _ => {
            plan.plan.last_review = Some(day);
            "Plan doorgelopen".to_owned()
        }
    }
}

pub fn run(args: &Args) -> anyhow::Result<()> {
    generate(args)
}

/// Writes the repository at `dir`.
fn generate(args: &Args) -> anyhow::Result<()> {
    let Args {
        commits,
        other_commits,
        services,
        seed,
        output: ref dir,
    } = *args;
    if dir.exists() {
        bail!(
            "{} already exists; remove it or choose another folder",
            dir.display()
        );
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    git(dir, &["init", "-q", "-b", "main"])?;
    let today: Date = DEFAULT_TODAY.parse().map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut plan = gen_plan::generate(&Options {
        services,
        systems: services * 4,
        seed,
        today,
    })?;
    let mut rng = Rng::new(seed ^ 0xC0FFEE);
    let mut child = Command::new("git")
        .args(["fast-import", "--quiet", "--depth=50"])
        .current_dir(dir)
        .stdin(Stdio::piped())
        .spawn()
        .context("cannot run git fast-import")?;
    let stdin = child
        .stdin
        .as_mut()
        .context("git fast-import has no input")?;
    let mut out = std::io::BufWriter::new(stdin);
    // Commits are a few hours apart, ending before `today`.
    let start = 1_600_000_000_i64;
    let mut mark = 0;
    for n in 0..commits {
        let day = today.add_days(-((commits - n) as i64 / 8));
        let message = if n == 0 {
            "Eerste versie van het plan".to_owned()
        } else {
            edit(&mut plan, &mut rng, day)
        };
        let text = gen_plan::plan_text(&plan)?;
        let author = AUTHORS[rng.below(AUTHORS.len())];
        let time = start + (mark as i64 / 2) * 3 * 3600;
        commit(
            &mut out, &mut mark, author, time, &message, PLAN_PATH, &text,
        )?;
        for other in 0..other_commits {
            let notes = format!("# Notities\n\nNotitie {n}.{other}.\n");
            let message = format!("Notities bijgewerkt ({n}.{other})");
            let author = AUTHORS[rng.below(AUTHORS.len())];
            let time = start + (mark as i64 / 2) * 3 * 3600;
            commit(
                &mut out, &mut mark, author, time, &message, NOTES_PATH, &notes,
            )?;
        }
    }
    out.flush()?;
    drop(out);
    let status = child.wait()?;
    if !status.success() {
        bail!("git fast-import failed");
    }
    git(dir, &["checkout", "-q", "main"])?;
    git(dir, &["gc", "-q"])?;
    eprintln!(
        "generated {} commits, {commits} of them writing {PLAN_PATH}, in {}",
        commits * (1 + other_commits),
        dir.display()
    );
    Ok(())
}

/// Where the other commits write, with `--other-commits`.
const NOTES_PATH: &str = "docs/notes.md";

/// Writes one commit on `main` that sets `path` to `text`, after the one before (mark `*mark`).
fn commit(
    out: &mut impl Write,
    mark: &mut usize,
    (name, email): (&str, &str),
    time: i64,
    message: &str,
    path: &str,
    text: &str,
) -> std::io::Result<()> {
    let previous = *mark;
    write!(out, "blob\nmark :{}\ndata {}\n", previous + 1, text.len())?;
    out.write_all(text.as_bytes())?;
    write!(out, "\ncommit refs/heads/main\nmark :{}\n", previous + 2)?;
    writeln!(out, "author {name} <{email}> {time} +0100")?;
    writeln!(out, "committer {name} <{email}> {time} +0100")?;
    write!(out, "data {}\n{message}\n", message.len())?;
    if previous > 0 {
        writeln!(out, "from :{previous}")?;
    }
    write!(out, "M 100644 :{} {path}\n\n", previous + 1)?;
    *mark += 2;
    Ok(())
}

/// Runs git in `dir` without the machine's system configuration.
pub fn git(dir: &Path, args: &[&str]) -> anyhow::Result<()> {
    let status = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .status()
        .context("cannot run git")?;
    if !status.success() {
        bail!("git {} failed", args.join(" "));
    }
    Ok(())
}
