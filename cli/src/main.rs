//! The `continuity` command line: validate, format, compare, audit and publish continuity plans.

mod ahead;
mod check;
mod clock;
mod commands;
mod files;
mod history;
mod output;
mod replay;
mod report;
mod revisions;
mod schema_check;
mod site;

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// mimalloc instead of the system allocator: reading a large plan makes millions of small
/// allocations (JSON values, strings, the model), and glibc's malloc spent about a quarter of
/// `validate`'s time consolidating and freeing them (see BENCHMARKS.md).
///
/// Built with `no_thp`: mimalloc would otherwise ask for transparent huge pages on its whole
/// arena, and where the kernel compacts memory for such requests (`defrag = madvise`, Debian's
/// default) a page fault can stall for milliseconds; one run in ten of `log` or `diff` took
/// two to three times as long.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Business continuity plans for ICT incidents, kept as code.
///
/// Exit codes: 0 success; 1 the plan has errors (or differs, for `fmt --check`); 2 the tool
/// could not do its job (missing file, bad arguments).
#[derive(Debug, Parser)]
#[command(name = "continuity", version, about, long_about = None, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Validate(commands::validate::Args),
    Fmt(commands::fmt::Args),
    Diff(commands::diff::Args),
    Log(commands::log::Args),
    Blame(commands::blame::Args),
    Audit(commands::audit::Args),
    Report(report::Args),
    Site(site::Args),
    Revisions(commands::revisions::Args),
    Init(commands::init::Args),
    PrComment(commands::pr_comment::Args),
    #[command(hide = true)]
    GitDiff(commands::git_diff::GitDiffArgs),
    #[command(hide = true)]
    Textconv(commands::git_diff::TextconvArgs),
    Schema(commands::schema::Args),
    Rules(commands::rules::Args),
}

/// What a command tells `main` about its outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0.
    Success,
    /// Exit 1: the plan has errors, or differs from what was expected.
    Failure,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Validate(args) => commands::validate::run(&args),
        Command::Fmt(args) => commands::fmt::run(&args),
        Command::Diff(args) => commands::diff::run(&args),
        Command::Log(args) => commands::log::run(&args),
        Command::Blame(args) => commands::blame::run(&args),
        Command::Audit(args) => commands::audit::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Site(args) => site::run(&args),
        Command::Revisions(args) => commands::revisions::run(&args),
        Command::Init(args) => commands::init::run(&args),
        Command::PrComment(args) => commands::pr_comment::run(&args),
        Command::GitDiff(args) => commands::git_diff::run_git_diff(&args),
        Command::Textconv(args) => commands::git_diff::run_textconv(&args),
        Command::Schema(args) => commands::schema::run(&args),
        Command::Rules(args) => commands::rules::run(&args),
    };
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Failure) => ExitCode::from(1),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let mut stderr = anstream::stderr();
            let style = anstyle::AnsiColor::Red.on_default().bold();
            // Errors quote file names, revisions and plan text: shown escaped, like all output.
            let message = format!("{err:#}");
            let _ = writeln!(stderr, "{style}error{style:#}: {}", output::shown(&message));
            ExitCode::from(2)
        }
    }
}

/// A closed pipe (`continuity validate | head`) is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|e| e.downcast_ref::<std::io::Error>())
        .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}

/// Writes to standard output, keeping colours only where the terminal and `NO_COLOR` allow.
pub fn print(text: &str) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let choice = anstream::AutoStream::choice(&stdout);
    // Colours are stripped into memory first: stripping straight into the line-buffered
    // stdout made one system call per line, a fifth of `log`'s time on a long history.
    let mut styled = anstream::AutoStream::new(Vec::with_capacity(text.len()), choice);
    styled.write_all(text.as_bytes())?;
    let bytes = styled.into_inner();
    let mut stdout = stdout.lock();
    stdout.write_all(&bytes)?;
    stdout.flush()?;
    Ok(())
}
