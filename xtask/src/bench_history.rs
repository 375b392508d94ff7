//! `cargo xtask bench-history`: the history commands on a generated 10,000-commit repository,
//! each against git's own plumbing in the same hyperfine run; `diff` on a 20 MB plan; the
//! size of the exported site against the repository's packed objects; and the viewer on that
//! site in headless Chromium.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context as _;
use continuity_schema::types::{Date, Duration};

use crate::bench::{
    Measure, find_program, load_average, read_hyperfine, release_binary, seconds, step,
};
use crate::gen_history;
use crate::gen_history::git;
use crate::gen_plan::{self, DEFAULT_TODAY, Options};

/// Benchmark log, revision reading, diff and site export on generated histories.
///
/// Generates (once) `target/bench/history-<commits>` with `cargo xtask gen-history` and
/// `target/bench/diff-20mb` (two commits of a generated 20 MB plan), then times each command
/// with hyperfine next to its git baseline. Needs hyperfine and git.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Commits in the generated history.
    #[arg(long, default_value_t = 10_000)]
    pub commits: usize,
    /// Services in the history's plan (50: about 200 KB).
    #[arg(long, default_value_t = 50)]
    pub services: usize,
    /// Services in the plan of the diff benchmark (5,000: about 20 MB).
    #[arg(long, default_value_t = 5_000)]
    pub diff_services: usize,
    /// Fewest timed runs of each command.
    #[arg(long, default_value_t = 5)]
    pub min_runs: u32,
    /// Leave out the site export (each export reads the whole history: minutes here).
    #[arg(long)]
    pub skip_site: bool,
    /// Leave out `log` with summaries, `audit` and `blame` (each replays the whole history).
    #[arg(long)]
    pub skip_replays: bool,
}

/// The generated history of `plan_commits` plan commits, each followed by `other_commits`
/// commits of another file, in `dir` (generated once).
fn history_repository(
    dir: &Path,
    plan_commits: usize,
    other_commits: usize,
    services: usize,
) -> anyhow::Result<PathBuf> {
    let repo = match other_commits {
        0 => dir.join(format!("history-{plan_commits}")),
        _ => dir.join(format!("history-{plan_commits}x{}", 1 + other_commits)),
    };
    // A run stopped halfway leaves a repository without the plan: generate again.
    if !repo.join(gen_history::PLAN_PATH).is_file() {
        if repo.exists() {
            std::fs::remove_dir_all(&repo)?;
        }
        step(&format!("generating {}", repo.display()));
        gen_history::run(&gen_history::Args {
            commits: plan_commits,
            other_commits,
            services,
            seed: 1,
            output: repo.clone(),
        })?;
    }
    Ok(repo)
}

/// `log --no-summary` next to `git log --format=%H` on the plan of `repo`.
fn log_against_git(
    binary: &Path,
    repo: &Path,
    export: &Path,
    min_runs: u32,
) -> anyhow::Result<Vec<(String, Measure)>> {
    let plan = repo.join(gen_history::PLAN_PATH);
    hyperfine(
        export,
        min_runs,
        &[
            format!(
                "{} log --no-summary --plan {}",
                binary.display(),
                plan.display()
            ),
            format!(
                "git -C {} log --format=%H -- {}",
                repo.display(),
                gen_history::PLAN_PATH
            ),
        ],
    )
}

/// One comparison: our command, the baseline, and the target ratio.
struct Comparison {
    what: &'static str,
    ours: Measure,
    baseline: Option<Measure>,
    target: &'static str,
}

pub fn run(args: &Args) -> anyhow::Result<()> {
    for tool in ["hyperfine", "git"] {
        anyhow::ensure!(
            find_program(tool).is_some(),
            "`{tool}` is not installed (apt-get install -y {tool})"
        );
    }
    let (root, target) = crate::bench::dirs()?;
    let dir = target.join("bench");
    std::fs::create_dir_all(&dir)?;
    let binary = release_binary(&root, &target)?;

    let repo = history_repository(&dir, args.commits, 0, args.services)?;
    let plan = repo.join(gen_history::PLAN_PATH);
    let plan_arg = plan.display().to_string();
    let repo_arg = repo.display().to_string();
    let plan_bytes = std::fs::metadata(&plan)?.len();

    let mut rows = Vec::new();
    step("log: continuity log --no-summary against git log --format=%H");
    let results = log_against_git(&binary, &repo, &dir.join("log.json"), args.min_runs)?;
    rows.push(compare(
        "list the revisions that touched the plan",
        results,
        "≤ 2×",
    ));

    // Most plan repositories hold more than the plan (workflows, notes, other documents):
    // the same number of commits, one in ten writing the plan.
    let mixed = history_repository(&dir, args.commits / 10, 9, args.services)?;
    step("log where one commit in ten touches the plan, against git log --format=%H");
    let results = log_against_git(&binary, &mixed, &dir.join("log-mixed.json"), args.min_runs)?;
    rows.push(compare(
        "the same where one commit in ten touches the plan",
        results,
        "≤ 2×",
    ));

    step(
        "reading every revision: continuity revisions against git rev-list | git cat-file --batch",
    );
    let results = hyperfine(
        &dir.join("read.json"),
        args.min_runs,
        &[
            format!("{} revisions --plan {plan_arg}", binary.display()),
            format!(
                "git -C {repo_arg} rev-list HEAD -- {path} | sed 's|$|:{path}|' | git -C {repo_arg} cat-file --batch > /dev/null",
                path = gen_history::PLAN_PATH
            ),
        ],
    )?;
    rows.push(compare("read every revision of the plan", results, "≤ 3×"));

    let diff_repo = diff_repository(&dir, args.diff_services)?;
    let diff_plan = diff_repo.join("plan.json");
    let diff_bytes = std::fs::metadata(&diff_plan)?.len();
    step("diff of two revisions of the large plan, against git diff");
    let results = hyperfine(
        &dir.join("diff.json"),
        args.min_runs,
        &[
            format!(
                "{} diff HEAD~1 HEAD --plan {} --format json",
                binary.display(),
                diff_plan.display()
            ),
            format!("git -C {} diff HEAD~1 HEAD", diff_repo.display()),
        ],
    )?;
    rows.push(compare("diff two revisions", results, "< 0.5 s"));

    let replays = (!args.skip_replays)
        .then(|| replays(&binary, &plan_arg))
        .transpose()?;
    let site = (!args.skip_site)
        .then(|| site_export(&dir, &binary, &plan_arg, &repo, args.commits))
        .transpose()?;

    let mut out = String::new();
    writeln!(
        out,
        "History: {} commits of a {:.0} KB plan ({}); large plan: {:.1} MB.",
        args.commits,
        plan_bytes as f64 / 1e3,
        repo.display(),
        diff_bytes as f64 / 1e6
    )?;
    writeln!(
        out,
        "Load average (1 min) after the timings: {}.",
        load_average()
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "| task | continuity | git baseline | ratio | target |\n| --- | ---: | ---: | ---: | --- |"
    )?;
    for row in &rows {
        let baseline = row.baseline.as_ref();
        writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            row.what,
            seconds(&row.ours),
            baseline.map_or("–".to_owned(), seconds),
            baseline.map_or("–".to_owned(), |b| format!(
                "{:.2}×",
                row.ours.mean / b.mean
            )),
            row.target
        )?;
    }
    if let Some(replays) = replays {
        writeln!(out)?;
        writeln!(out, "{replays}")?;
    }
    if let Some(site) = site {
        writeln!(out)?;
        writeln!(out, "{site}")?;
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            viewer_timing(&dir.join(format!("site-{}", args.commits)))?
        )?;
    }
    println!("\n{out}");
    std::fs::write(dir.join("history-results.md"), &out)?;
    println!(
        "(also written to {})",
        dir.join("history-results.md").display()
    );
    Ok(())
}

/// The commands that validate and compare every revision (`log` with summaries, `audit`,
/// `blame`), each run once under `/usr/bin/time -v`: time and peak memory, which must stay
/// that of a few plans however long the history.
fn replays(binary: &Path, plan_arg: &str) -> anyhow::Result<String> {
    let mut out = String::from(
        "| replay of every revision | time (one run) | peak memory |\n| --- | ---: | ---: |\n",
    );
    for (what, args) in [
        ("`log` (summaries and validity)", vec!["log"]),
        ("`audit`", vec!["audit", "--today", DEFAULT_TODAY]),
        ("`blame`", vec!["blame"]),
    ] {
        step(&format!("{what}: one run under /usr/bin/time -v"));
        let mut command = vec![binary.display().to_string()];
        command.extend(args.iter().map(|a| a.to_string()));
        command.extend(["--plan".to_owned(), plan_arg.to_owned()]);
        let start = std::time::Instant::now();
        let (kib, exit) = crate::bench::peak_memory(&command)?;
        let elapsed = start.elapsed().as_secs_f64();
        anyhow::ensure!(exit == 0, "{what} exited with {exit}");
        writeln!(out, "| {what} | {elapsed:.1} s | {} MiB |", kib / 1024)?;
    }
    Ok(out)
}

/// Exports the site of the whole history twice (the second time with nothing new, timed once:
/// each export reads every revision) and compares its size with the packed objects.
fn site_export(
    dir: &Path,
    binary: &Path,
    plan_arg: &str,
    repo: &Path,
    commits: usize,
) -> anyhow::Result<String> {
    step("site export of the whole history (first export, then again after no change)");
    let site = dir.join(format!("site-{commits}"));
    if site.exists() {
        std::fs::remove_dir_all(&site)?;
    }
    let export = format!(
        "{} site --allow-confidential --plan {plan_arg} -o {}",
        binary.display(),
        site.display()
    );
    let first = hyperfine_once(&dir.join("site.json"), &export)?;
    let again = hyperfine_once(&dir.join("site-again.json"), &export)?;
    let site_bytes = dir_size(&site)?;
    let data_bytes = dir_size(&site.join("data"))?;
    let packed = packed_size(repo)?;
    Ok(format!(
        "Site export: first export {:.1} s, again with nothing new {:.1} s; site {:.1} MB (data {:.1} MB, viewer {:.1} MB) against packed objects {:.1} MB: **{:.2}×** (target ≤ 3×).",
        first.mean,
        again.mean,
        site_bytes as f64 / 1e6,
        data_bytes as f64 / 1e6,
        (site_bytes - data_bytes) as f64 / 1e6,
        packed as f64 / 1e6,
        site_bytes as f64 / packed as f64
    ))
}

/// The viewer on the exported site of the long history, in headless Chromium
/// (`tests/browser/history-timing.mjs`): the history page, a filter, time travel to the
/// revision farthest from a snapshot and its diff with the oldest revision. Skipped, with a note, without Node's
/// playwright-core or a Chromium (`CONTINUITY_CHROMIUM`, else `chromium` on the PATH).
fn viewer_timing(site: &Path) -> anyhow::Result<String> {
    let tools = crate::workspace_root().join("tests/browser");
    let chromium = std::env::var_os("CONTINUITY_CHROMIUM")
        .map(PathBuf::from)
        .or_else(|| find_program("chromium"));
    let (Some(node), Some(chromium)) = (find_program("node"), chromium) else {
        return Ok("Viewer timing skipped: needs `node` and Chromium.".to_owned());
    };
    if !tools.join("node_modules/playwright-core").is_dir() {
        return Ok(format!(
            "Viewer timing skipped: run `npm ci --prefix {}` first.",
            tools.display()
        ));
    }
    step("the viewer on the exported site in headless Chromium (5 fresh contexts)");
    let output = Command::new(node)
        .arg(tools.join("history-timing.mjs"))
        .arg(site)
        .arg(&chromium)
        .arg("5")
        .current_dir(&tools)
        .output()
        .context("cannot run node")?;
    anyhow::ensure!(
        output.status.success(),
        "history-timing.mjs failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let result: serde_json::Value =
        serde_json::from_slice(&output.stdout).context("history-timing.mjs printed no JSON")?;
    let ms = |key: &str| result["medianMs"][key].as_u64().unwrap_or_default();
    Ok(format!(
        "Viewer on that site ({} revisions, Chromium {}, median of {} fresh contexts): history page painted {} ms after navigation; filtered by author {} ms; time travel to the revision farthest from a snapshot ({} diffs) {} ms; diff of the oldest revision and that one {} ms.",
        result["revisions"],
        result["chromium"].as_str().unwrap_or("?"),
        result["runs"],
        ms("history"),
        ms("filter"),
        result["deepestDiffs"],
        ms("timeTravel"),
        ms("diff")
    ))
}

fn compare(
    what: &'static str,
    results: Vec<(String, Measure)>,
    target: &'static str,
) -> Comparison {
    let mut results = results.into_iter().map(|(_, m)| m);
    Comparison {
        what,
        ours: results.next().unwrap_or_default(),
        baseline: results.next(),
        target,
    }
}

/// Times `commands` with hyperfine (through a shell, for the pipelines; non-zero exits are
/// allowed, since `diff` exits 1 when the plans differ).
fn hyperfine(
    export: &Path,
    min_runs: u32,
    commands: &[String],
) -> anyhow::Result<Vec<(String, Measure)>> {
    let status = Command::new("hyperfine")
        .args(["--warmup", "1", "--min-runs", &min_runs.to_string(), "-i"])
        .arg("--export-json")
        .arg(export)
        .args(commands)
        .status()
        .context("cannot run hyperfine")?;
    anyhow::ensure!(status.success(), "hyperfine failed");
    read_hyperfine(export)
}

/// One timed run without warm-up (the first export is what it is only once).
fn hyperfine_once(export: &Path, command: &str) -> anyhow::Result<Measure> {
    let status = Command::new("hyperfine")
        .args(["--runs", "1"])
        .arg("--export-json")
        .arg(export)
        .arg(command)
        .status()
        .context("cannot run hyperfine")?;
    anyhow::ensure!(status.success(), "hyperfine failed");
    Ok(read_hyperfine(export)?
        .into_iter()
        .next()
        .map(|(_, m)| m)
        .unwrap_or_default())
}

/// A repository with two commits of a generated large plan: the second changes one RTO and
/// one description, as a typical pull request does.
fn diff_repository(dir: &Path, services: usize) -> anyhow::Result<PathBuf> {
    let repo = dir.join(format!("diff-{services}"));
    if git(&repo, &["rev-parse", "-q", "--verify", "HEAD~1"]).is_ok() {
        return Ok(repo);
    }
    if repo.exists() {
        std::fs::remove_dir_all(&repo)?;
    }
    step(&format!("generating {}", repo.display()));
    std::fs::create_dir_all(&repo)?;
    let today: Date = DEFAULT_TODAY.parse()?;
    let mut plan = gen_plan::generate(&Options {
        services,
        systems: services * 4,
        seed: 1,
        today,
    })?;
    git(&repo, &["init", "--quiet"])?;
    std::fs::write(repo.join("plan.json"), gen_plan::plan_text(&plan)?)?;
    git(&repo, &["add", "plan.json"])?;
    commit(&repo, "Large plan")?;
    if let Some(service) = plan.services.get_mut(services / 2) {
        service.rto = Some(Duration::days(3));
        service.description = Some("Rewritten after the exercise.".into());
    }
    std::fs::write(repo.join("plan.json"), gen_plan::plan_text(&plan)?)?;
    commit(&repo, "Loosen one RTO")?;
    Ok(repo)
}

fn commit(repo: &Path, message: &str) -> anyhow::Result<()> {
    git(
        repo,
        &[
            "-c",
            "user.name=Bench",
            "-c",
            "user.email=bench@example.invalid",
            "commit",
            "--quiet",
            "-a",
            "-m",
            message,
        ],
    )
}

/// `size-pack` of `git count-objects -v`, in bytes.
fn packed_size(repo: &Path) -> anyhow::Result<u64> {
    let output = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(["count-objects", "-v"])
        .output()?;
    let text = String::from_utf8_lossy(&output.stdout);
    let kib: u64 = text
        .lines()
        .find_map(|l| l.strip_prefix("size-pack:"))
        .context("no size-pack in git count-objects -v")?
        .trim()
        .parse()?;
    Ok(kib * 1024)
}

fn dir_size(dir: &Path) -> anyhow::Result<u64> {
    let mut total = 0;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let meta = entry.metadata()?;
        total += if meta.is_dir() {
            dir_size(&entry.path())?
        } else {
            meta.len()
        };
    }
    Ok(total)
}
