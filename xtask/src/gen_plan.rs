//! `cargo xtask gen-plan`: a deterministic generator of large, realistic plans (benchmarks, tests, demos).
//!
//! The plan is built with the model types of `continuity-schema`, so that it always matches the
//! schema, and every reference points at an entity that exists. The system dependencies form a
//! layered graph without cycles (applications → databases and servers → virtualisation → storage,
//! network and power), and recovery objectives are derived from it so that the plan passes the
//! recovery rules; a few realistic shortcomings are left in on purpose (warnings, not errors).

mod governance;
mod infrastructure;
mod organisation;
mod response;
mod services;

use std::collections::{HashMap, HashSet};
use std::io::Write as _;
use std::path::PathBuf;

use anyhow::Context as _;
use continuity_schema::Plan;
use continuity_schema::types::{Date, Duration, Email, Phone};

use crate::rng::Rng;
use crate::words;

/// Generate a large, realistic plan (deterministic for a given seed).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Number of services.
    #[arg(long, default_value_t = 100)]
    pub services: usize,
    /// Number of ICT systems (default: 4 × services).
    #[arg(long)]
    pub systems: Option<usize>,
    /// Seed of the random generator.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The reference date the plan's dates are chosen around (validate with the same `--today`).
    #[arg(long, value_name = "YYYY-MM-DD", default_value = DEFAULT_TODAY)]
    pub today: Date,
    /// Where to write the plan (default: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// The default reference date, fixed so that the same command always writes the same file.
pub const DEFAULT_TODAY: &str = "2026-11-01";

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub services: usize,
    pub systems: usize,
    pub seed: u64,
    pub today: Date,
}

pub fn run(args: &Args) -> anyhow::Result<()> {
    let options = Options {
        services: args.services,
        systems: args.systems.unwrap_or(args.services.saturating_mul(4)),
        seed: args.seed,
        today: args.today,
    };
    let text = plan_text(&generate(&options)?)?;
    match &args.output {
        Some(path) => {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("cannot create {}", dir.display()))?;
            }
            std::fs::write(path, &text)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    eprintln!(
        "generated a plan with {} services and {} systems (seed {}): {} bytes ({:.1} MB)",
        options.services,
        options.systems,
        options.seed,
        text.len(),
        text.len() as f64 / 1e6
    );
    Ok(())
}

/// The canonical text of a plan, as `continuity fmt` writes it.
pub fn plan_text(plan: &Plan) -> anyhow::Result<String> {
    let mut text = serde_json::to_string_pretty(plan)?;
    text.push('\n');
    Ok(text)
}

/// Generates a plan.
pub fn generate(options: &Options) -> anyhow::Result<Plan> {
    anyhow::ensure!(options.services >= 1, "--services must be at least 1");
    anyhow::ensure!(
        options.systems >= 20,
        "--systems must be at least 20 (one of each kind of system, and some applications)"
    );
    let mut g = Gen::new(options);
    let org = organisation::generate(&mut g)?;
    let mut infra = infrastructure::generate(&mut g, &org)?;
    let services = services::generate(&mut g, &org, &infra)?;
    let critical = infrastructure::finish(&mut g, &mut infra, &services);
    let response = response::generate(&mut g, &org, &services, &infra.systems)?;
    governance::assemble(&mut g, org, services, infra, &critical, response)
}

/// Shared state of one generation: the random generator, the reference date, ids in use.
#[derive(Debug)]
pub(crate) struct Gen {
    pub rng: Rng,
    pub today: Date,
    pub options: Options,
    used: HashMap<&'static str, HashSet<String>>,
}

impl Gen {
    fn new(options: &Options) -> Self {
        Gen {
            rng: Rng::new(options.seed),
            today: options.today,
            options: *options,
            used: HashMap::new(),
        }
    }

    /// A new id in `collection` made from `text`, with a number appended when it is taken.
    pub fn unique(&mut self, collection: &'static str, text: &str) -> String {
        let mut base = words::slug(text);
        if base.is_empty() {
            base.push('x');
        }
        if base.len() > 56 {
            base.truncate(56);
            while base.ends_with('-') {
                base.pop();
            }
        }
        let used = self.used.entry(collection).or_default();
        let mut candidate = base.clone();
        let mut n = 2;
        while used.contains(&candidate) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        used.insert(candidate.clone());
        candidate
    }

    /// A date between `min` and `max` days before the reference date.
    pub fn days_ago(&mut self, min: usize, max: usize) -> Date {
        let days = self.rng.range(min, max) as i64;
        self.today.add_days(-days)
    }

    /// A date between `min` and `max` days after the reference date.
    pub fn days_ahead(&mut self, min: usize, max: usize) -> Date {
        let days = self.rng.range(min, max) as i64;
        self.today.add_days(days)
    }

    /// A Belgian mobile number.
    pub fn mobile(&mut self) -> anyhow::Result<Phone> {
        let r = &mut self.rng;
        let text = format!(
            "+32 4{}{} {:02} {:02} {:02}",
            r.range(7, 9),
            r.below(10),
            r.below(100),
            r.below(100),
            r.below(100)
        );
        Phone::new(text).map_err(anyhow::Error::msg)
    }

    /// A Belgian landline number.
    pub fn landline(&mut self) -> anyhow::Result<Phone> {
        let zone = *self.rng.pick(&[
            "11", "13", "14", "15", "16", "50", "51", "52", "53", "54", "56", "57", "59",
        ]);
        let r = &mut self.rng;
        let text = format!(
            "+32 {zone} {:02} {:02} {:02}",
            r.below(100),
            r.below(100),
            r.below(100)
        );
        Phone::new(text).map_err(anyhow::Error::msg)
    }

    /// An e-mail address at `domain`.
    pub fn email(local: &str, domain: &str) -> anyhow::Result<Email> {
        Email::new(format!("{}@{domain}", words::slug(local).replace('-', ".")))
            .map_err(anyhow::Error::msg)
    }

    /// A sentence from `items`.
    pub fn pick_str(&mut self, items: &[&'static str]) -> &'static str {
        let index = self.rng.below(items.len());
        items[index]
    }

    /// `count` distinct strings from `items`, owned.
    pub fn some_strings(&mut self, items: &[&'static str], min: usize, max: usize) -> Vec<String> {
        let count = self.rng.range(min, max);
        self.rng
            .sample(items, count)
            .into_iter()
            .map(str::to_owned)
            .collect()
    }
}

/// The smallest duration of `ladder` that is at least `minutes` (the largest when none is).
pub(crate) fn at_least(ladder: &[Duration], minutes: u64) -> Duration {
    ladder
        .iter()
        .copied()
        .find(|d| d.as_minutes() >= minutes)
        .unwrap_or_else(|| {
            ladder
                .last()
                .copied()
                .unwrap_or(Duration::from_minutes(minutes))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use continuity_schema::rules;

    fn options(services: usize, seed: u64) -> Options {
        Options {
            services,
            systems: services * 4,
            seed,
            today: Date::from_ymd(2026, 11, 1).expect("date"),
        }
    }

    #[test]
    fn is_deterministic() {
        let a = plan_text(&generate(&options(40, 3)).expect("plan")).expect("text");
        let b = plan_text(&generate(&options(40, 3)).expect("plan")).expect("text");
        assert_eq!(a, b);
        let c = plan_text(&generate(&options(40, 4)).expect("plan")).expect("text");
        assert_ne!(a, c);
    }

    #[test]
    fn passes_every_error_rule_and_round_trips() {
        for (services, seed) in [(5, 1), (60, 2), (400, 9)] {
            let opts = options(services, seed);
            let plan = generate(&opts).expect("plan");
            let text = plan_text(&plan).expect("text");
            let back: Plan = serde_json::from_str(&text).expect("reads back");
            assert_eq!(back, plan);
            let errors: Vec<String> = rules::check(&plan, opts.today)
                .into_iter()
                .filter(|f| {
                    f.severity == continuity_schema::finding::Severity::Error && f.allowed.is_none()
                })
                .map(|f| format!("{} {}: {}", f.code, f.pointer, f.message))
                .collect();
            assert!(errors.is_empty(), "{services} services: {errors:#?}");
        }
    }
}
