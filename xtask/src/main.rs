//! `cargo xtask`: project automation that is not part of the product (viewer build, demo, plan
//! and history generators, benchmarks).

mod bench;
mod bench_history;
mod build_viewer;
mod demo;
mod gen_history;
mod gen_plan;
mod rng;
mod words;

use clap::{Parser, Subcommand};

/// Project automation for Continuity, run as `cargo xtask <task>`.
#[derive(Debug, Parser)]
#[command(name = "cargo xtask", max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Debug, Subcommand)]
enum Task {
    BuildViewer(build_viewer::Args),
    Demo(demo::Args),
    GenPlan(gen_plan::Args),
    GenHistory(gen_history::Args),
    BenchValidate(bench::Args),
    BenchHistory(bench_history::Args),
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().task {
        Task::BuildViewer(args) => build_viewer::run(&args),
        Task::Demo(args) => demo::run(&args),
        Task::GenPlan(args) => gen_plan::run(&args),
        Task::GenHistory(args) => gen_history::run(&args),
        Task::BenchValidate(args) => bench::run(&args),
        Task::BenchHistory(args) => bench_history::run(&args),
    }
}

/// The workspace root (xtask lives one level below it).
pub fn workspace_root() -> std::path::PathBuf {
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}
