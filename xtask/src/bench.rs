//! `cargo xtask bench-validate`: whole-process `continuity validate` against check-jsonschema on
//! generated plans of growing size, timed by hyperfine in one run, with peak memory from GNU time.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context as _, bail};
use continuity_schema::types::Date;
use serde_json::Value;

use crate::gen_plan::{self, DEFAULT_TODAY, Options};

/// Benchmark `continuity validate` against check-jsonschema on generated plans.
///
/// Generates plans into `target/bench/`, builds the release binary, installs check-jsonschema
/// into `target/bench/venv` when it is not on PATH, then times both tools on each plan with
/// hyperfine and measures their peak memory with `/usr/bin/time -v`.
/// Needs hyperfine and GNU time (`apt-get install -y hyperfine time`) and python3.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Plan sizes, as numbers of services (each plan has 4 systems per service).
    #[arg(long, value_delimiter = ',', default_values_t = [1250, 2500, 5000, 10000])]
    pub services: Vec<usize>,
    /// Seed of the plan generator.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Warm-up runs of each command before timing.
    #[arg(long, default_value_t = 1)]
    pub warmup: u32,
    /// Fewest timed runs of each command (hyperfine adds runs for fast commands, up to 3 s).
    #[arg(long, default_value_t = 5)]
    pub min_runs: u32,
    /// Time only `continuity validate` (no check-jsonschema).
    #[arg(long)]
    pub no_baseline: bool,
}

/// One tool's measurements on one plan.
#[derive(Debug, Clone, Default)]
pub struct Measure {
    /// Wall-clock seconds.
    pub mean: f64,
    pub stddev: f64,
    /// Processor seconds (user + system), less sensitive than wall-clock time to other load.
    pub cpu: f64,
    pub runs: usize,
    pub peak_kib: u64,
}

/// Measurements of one plan.
#[derive(Debug)]
struct Row {
    services: usize,
    systems: usize,
    bytes: u64,
    continuity: Measure,
    baseline: Option<Measure>,
}

pub fn run(args: &Args) -> anyhow::Result<()> {
    anyhow::ensure!(
        !args.services.is_empty(),
        "give at least one plan size with --services"
    );
    let (root, target) = dirs()?;
    let dir = target.join("bench");
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    for (tool, package) in [("hyperfine", "hyperfine"), ("/usr/bin/time", "time")] {
        if find_program(tool).is_none() {
            bail!(
                "`{tool}` is not installed: run `apt-get install -y {package}` (Debian) and try again"
            );
        }
    }

    let binary = release_binary(&root, &target)?;

    let today: Date = DEFAULT_TODAY.parse()?;
    let mut plans = Vec::new();
    for &services in &args.services {
        let options = Options {
            services,
            systems: services * 4,
            seed: args.seed,
            today,
        };
        let path = dir.join(format!("plan-{services}.json"));
        let text = gen_plan::plan_text(&gen_plan::generate(&options)?)?;
        if std::fs::read(&path).ok().as_deref() != Some(text.as_bytes()) {
            std::fs::write(&path, &text)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        step(&format!(
            "plan with {services} services and {} systems: {} ({:.1} MB)",
            options.systems,
            path.display(),
            text.len() as f64 / 1e6
        ));
        plans.push((options, path, text.len() as u64));
    }

    let schema = dir.join("plan.schema.json");
    let output = Command::new(&binary).arg("schema").output()?;
    anyhow::ensure!(output.status.success(), "`continuity schema` failed");
    std::fs::write(&schema, &output.stdout)?;

    let baseline = if args.no_baseline {
        None
    } else {
        Some(check_jsonschema(&dir)?)
    };
    let versions = versions(&binary, baseline.as_deref())?;
    let load_before = load_average();

    let mut rows = Vec::new();
    for (options, plan, bytes) in &plans {
        let label = format!("{:.0} MB", *bytes as f64 / 1e6);
        let ours = vec![
            path_arg(&binary),
            "validate".into(),
            "--today".into(),
            today.to_string(),
            path_arg(plan),
        ];
        let theirs = baseline.as_ref().map(|b| {
            vec![
                path_arg(b),
                "--schemafile".into(),
                path_arg(&schema),
                path_arg(plan),
            ]
        });
        step(&format!("{label}: peak memory (/usr/bin/time -v)"));
        let (ours_kib, ours_exit) = peak_memory(&ours)?;
        anyhow::ensure!(
            ours_exit <= 1,
            "`continuity validate` could not check {} (exit {ours_exit})",
            plan.display()
        );
        if ours_exit == 1 {
            eprintln!(
                "note: the plan has errors (exit 1); validation stops before the full rule pass"
            );
        }
        let theirs_mem = match &theirs {
            Some(command) => {
                let (kib, exit) = peak_memory(command)?;
                if exit != 0 {
                    eprintln!(
                        "note: check-jsonschema exited with {exit} on {}",
                        plan.display()
                    );
                }
                Some((kib, exit))
            }
            None => None,
        };
        step(&format!("{label}: timing with hyperfine"));
        let export = dir.join(format!("hyperfine-{}.json", options.services));
        let mut hyperfine = Command::new("hyperfine");
        hyperfine
            .args([
                "--shell=none",
                "--warmup",
                &args.warmup.to_string(),
                "--min-runs",
                &args.min_runs.to_string(),
                "--export-json",
            ])
            .arg(&export)
            .args(["--command-name", "continuity validate", &shell_words(&ours)]);
        if ours_exit != 0 || theirs_mem.is_some_and(|(_, exit)| exit != 0) {
            hyperfine.arg("--ignore-failure");
        }
        if let Some(command) = &theirs {
            hyperfine.args(["--command-name", "check-jsonschema", &shell_words(command)]);
        }
        let status = hyperfine.status().context("cannot run hyperfine")?;
        anyhow::ensure!(status.success(), "hyperfine failed");
        let results = read_hyperfine(&export)?;
        let pick = |name: &str, kib: u64| -> anyhow::Result<Measure> {
            let mut measure = results
                .iter()
                .find(|(command, _)| command == name)
                .map(|(_, m)| m.clone())
                .context("missing hyperfine result")?;
            measure.peak_kib = kib;
            Ok(measure)
        };
        rows.push(Row {
            services: options.services,
            systems: options.systems,
            bytes: *bytes,
            continuity: pick("continuity validate", ours_kib)?,
            baseline: match theirs_mem {
                Some((kib, _)) => Some(pick("check-jsonschema", kib)?),
                None => None,
            },
        });
    }

    let table = table(&rows);
    let load = format!(
        "Load average (1 min) before the timings: {load_before}; after: {} (on {} cores; other work on the machine inflates wall-clock times, less so CPU times).\n",
        load_average(),
        std::thread::available_parallelism().map_or(0, usize::from)
    );
    let report = format!("{versions}{load}\n{table}");
    std::fs::write(dir.join("results.md"), &report)?;
    println!("\n{report}");
    println!("(also written to {})", dir.join("results.md").display());
    Ok(())
}

/// The workspace root and the target folder (`CARGO_TARGET_DIR` when set).
pub fn dirs() -> anyhow::Result<(PathBuf, PathBuf)> {
    let root = crate::workspace_root();
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
    let target = if target.is_absolute() {
        target
    } else {
        root.join(target)
    };
    Ok((root, target))
}

/// Builds the release binary of `continuity` and returns its path.
pub fn release_binary(root: &Path, target: &Path) -> anyhow::Result<PathBuf> {
    step("building the release binary (cargo build --release -p continuity)");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--release", "-p", "continuity"])
        .current_dir(root)
        .status()?;
    anyhow::ensure!(status.success(), "building the continuity binary failed");
    Ok(target
        .join("release")
        .join(format!("continuity{}", std::env::consts::EXE_SUFFIX)))
}

pub fn step(message: &str) {
    eprintln!("==> {message}");
}

/// The program's path if it is executable here (an absolute path, or a name found on PATH).
pub fn find_program(name: &str) -> Option<PathBuf> {
    let path = Path::new(name);
    if path.is_absolute() {
        return path.is_file().then(|| path.to_path_buf());
    }
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// check-jsonschema from PATH, or installed from PyPI into `target/bench/venv`.
fn check_jsonschema(dir: &Path) -> anyhow::Result<PathBuf> {
    if let Some(found) = find_program("check-jsonschema") {
        return Ok(found);
    }
    let venv = dir.join("venv");
    let bin = venv.join("bin").join("check-jsonschema");
    if bin.is_file() {
        return Ok(bin);
    }
    step("installing check-jsonschema into target/bench/venv (pip install check-jsonschema)");
    let python =
        find_program("python3").context("python3 is needed to install check-jsonschema")?;
    let status = Command::new(python)
        .args(["-m", "venv"])
        .arg(&venv)
        .status()?;
    anyhow::ensure!(
        status.success(),
        "cannot create the virtual environment {}",
        venv.display()
    );
    let status = Command::new(venv.join("bin").join("pip"))
        .args(["install", "--quiet", "check-jsonschema"])
        .status()?;
    anyhow::ensure!(
        status.success() && bin.is_file(),
        "pip install check-jsonschema failed"
    );
    Ok(bin)
}

/// The machine and tool versions, as Markdown.
fn versions(binary: &Path, baseline: Option<&Path>) -> anyhow::Result<String> {
    let first_line = |program: &Path, arg: &str| -> String {
        Command::new(program)
            .arg(arg)
            .output()
            .ok()
            .map(|o| {
                String::from_utf8_lossy(&o.stdout)
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_owned()
            })
            .unwrap_or_default()
    };
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .and_then(|l| l.split_once(':'))
        .map_or("unknown", |(_, m)| m.trim());
    let cores = cpuinfo
        .lines()
        .filter(|l| l.starts_with("processor"))
        .count();
    let mut out = String::new();
    writeln!(out, "Machine: {cores} × {model}.")?;
    writeln!(
        out,
        "Tools: {}, {}",
        first_line(binary, "--version"),
        first_line(Path::new("hyperfine"), "--version")
    )?;
    if let Some(b) = baseline {
        writeln!(
            out,
            "Baseline: check-jsonschema {}",
            first_line(b, "--version").trim_start_matches("check-jsonschema, version ")
        )?;
    }
    Ok(out)
}

/// The 1-minute load average, as /proc/loadavg gives it.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "unknown".to_owned())
}

/// Runs a command under `/usr/bin/time -v`: peak resident memory in KiB, and its exit code.
pub fn peak_memory(command: &[String]) -> anyhow::Result<(u64, i32)> {
    let output = Command::new("/usr/bin/time")
        .arg("-v")
        .args(command)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()?;
    let report = String::from_utf8_lossy(&output.stderr);
    let field = |name: &str| {
        report
            .lines()
            .find_map(|l| l.trim().strip_prefix(name))
            .map(str::trim)
    };
    let peak = field("Maximum resident set size (kbytes):")
        .context("no peak memory in the report of /usr/bin/time -v")?
        .parse()?;
    let exit = field("Exit status:")
        .and_then(|s| s.parse().ok())
        .unwrap_or(-1);
    Ok((peak, exit))
}

/// Each command's name and measurements in a hyperfine export (peak memory not yet known).
pub fn read_hyperfine(path: &Path) -> anyhow::Result<Vec<(String, Measure)>> {
    let json: Value = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    let results = json["results"]
        .as_array()
        .context("no results in the hyperfine export")?;
    let number = |r: &Value, key: &str| r[key].as_f64().unwrap_or(f64::NAN);
    Ok(results
        .iter()
        .map(|r| {
            let measure = Measure {
                mean: number(r, "mean"),
                stddev: r["stddev"].as_f64().unwrap_or(0.0),
                cpu: number(r, "user") + number(r, "system"),
                runs: r["times"].as_array().map_or(0, Vec::len),
                peak_kib: 0,
            };
            (
                r["command"].as_str().unwrap_or_default().to_owned(),
                measure,
            )
        })
        .collect())
}

fn path_arg(path: &Path) -> String {
    path.display().to_string()
}

/// A command line for hyperfine's `--shell=none`, quoting arguments with spaces.
fn shell_words(words: &[String]) -> String {
    words
        .iter()
        .map(|w| {
            if w.contains([' ', '\'', '"', '\\']) {
                format!("'{}'", w.replace('\'', "'\\''"))
            } else {
                w.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The results as a Markdown table.
fn table(rows: &[Row]) -> String {
    let mut out = String::new();
    out.push_str("| plan | services / systems | tool | time (mean ± σ) | CPU time | runs | peak RSS | check-jsonschema ÷ continuity | time vs previous plan |\n");
    out.push_str("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    let mut previous: Option<&Row> = None;
    for row in rows {
        let size = format!("{:.1} MB", row.bytes as f64 / 1e6);
        let counts = format!("{} / {}", row.services, row.systems);
        let growth = |now: &Measure, before: Option<&Measure>| match (before, previous) {
            (Some(b), Some(p)) => format!(
                "{:.2}× (plan {:.2}×)",
                now.mean / b.mean,
                row.bytes as f64 / p.bytes as f64
            ),
            _ => "–".to_owned(),
        };
        let ratio = row.baseline.as_ref().map_or("–".to_owned(), |b| {
            format!("**{:.0}×**", b.mean / row.continuity.mean)
        });
        let c = &row.continuity;
        let _ = writeln!(
            out,
            "| {size} | {counts} | continuity validate | {} | {} | {} | {} | {ratio} | {} |",
            seconds(c),
            cpu(c),
            c.runs,
            mib(c.peak_kib),
            growth(c, previous.map(|p| &p.continuity))
        );
        if let Some(b) = &row.baseline {
            let _ = writeln!(
                out,
                "| {size} | {counts} | check-jsonschema | {} | {} | {} | {} | | {} |",
                seconds(b),
                cpu(b),
                b.runs,
                mib(b.peak_kib),
                growth(b, previous.and_then(|p| p.baseline.as_ref()))
            );
        }
        previous = Some(row);
    }
    out
}

pub fn seconds(m: &Measure) -> String {
    if m.mean < 1.0 {
        format!("{:.0} ms ± {:.0} ms", m.mean * 1e3, m.stddev * 1e3)
    } else {
        format!("{:.2} s ± {:.2} s", m.mean, m.stddev)
    }
}

fn cpu(m: &Measure) -> String {
    if m.cpu < 1.0 {
        format!("{:.0} ms", m.cpu * 1e3)
    } else {
        format!("{:.2} s", m.cpu)
    }
}

fn mib(kib: u64) -> String {
    format!("{:.0} MiB", kib as f64 / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_what_needs_quoting() {
        let words = [
            "/a b/c".to_owned(),
            "validate".to_owned(),
            "it's".to_owned(),
        ];
        assert_eq!(shell_words(&words), "'/a b/c' validate 'it'\\''s'");
    }

    #[test]
    fn table_shows_ratio_and_growth() {
        let m = |mean: f64| Measure {
            mean,
            stddev: 0.01,
            cpu: mean * 0.9,
            runs: 10,
            peak_kib: 2048,
        };
        let rows = [
            Row {
                services: 1,
                systems: 4,
                bytes: 1_000_000,
                continuity: m(0.1),
                baseline: Some(m(3.0)),
            },
            Row {
                services: 2,
                systems: 8,
                bytes: 2_000_000,
                continuity: m(0.2),
                baseline: None,
            },
        ];
        let text = table(&rows);
        assert!(text.contains("| 1.0 MB | 1 / 4 | continuity validate | 100 ms ± 10 ms | 90 ms | 10 | 2 MiB | **30×** | – |"), "{text}");
        assert!(text.contains("2.00× (plan 2.00×)"), "{text}");
    }
}
