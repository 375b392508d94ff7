//! `cargo xtask demo`: builds the viewer and the CLI, exports this repository's plan history and
//! serves it on 127.0.0.1 (the README's main command).

use std::path::Path;
use std::process::Command;

use anyhow::{Context as _, bail};

use crate::build_viewer;

/// Build everything, export this repository's plan history and serve it on 127.0.0.1.
///
/// Rebuilds the viewer when the wasm32 target is installed (adding it with rustup when
/// possible), else uses the viewer committed in `cli/assets/viewer/`. Without a `.git` folder
/// (a source archive) the site shows the current plan and says that history is unavailable.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The port to serve on (0: any free port).
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// Export and stop instead of serving.
    #[arg(long)]
    pub no_serve: bool,
    /// Use the committed viewer instead of rebuilding it.
    #[arg(long)]
    pub no_viewer_build: bool,
}

pub fn run(args: &Args) -> anyhow::Result<()> {
    let root = crate::workspace_root();
    if !args.no_viewer_build {
        if !build_viewer::wasm_target_installed() {
            add_wasm_target();
        }
        if build_viewer::wasm_target_installed() {
            println!("==> building the viewer (cargo xtask build-viewer)");
            let sizes = build_viewer::build()?;
            println!(
                "    viewer: {} bytes gzipped (wasm and JavaScript)",
                sizes.wasm_gzip + sizes.js_gzip
            );
        } else {
            println!(
                "==> the wasm32 target is not installed: using the viewer committed in cli/assets/viewer"
            );
        }
    }
    // Relative to the workspace root, where cargo runs the export.
    let site = Path::new("target").join("demo-site");
    println!("==> exporting plans/ and its history to {}", site.display());
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command.current_dir(&root).args([
        "run",
        "--quiet",
        "--package",
        "continuity",
        "--",
        "site",
        "--plan",
    ]);
    command.arg(Path::new("plans").join("heidebeek.json"));
    command.arg("--output").arg(&site);
    if !args.no_serve {
        command.args(["--serve", "--port", &args.port.to_string()]);
    }
    let status = command.status().context("cannot run cargo")?;
    if !status.success() {
        bail!("continuity site failed");
    }
    Ok(())
}

/// Adds the wasm32 target with rustup; a machine without rustup keeps the committed viewer.
fn add_wasm_target() {
    println!("==> adding the wasm32-unknown-unknown target (rustup target add)");
    let added = Command::new("rustup")
        .args(["target", "add", "wasm32-unknown-unknown"])
        .status()
        .is_ok_and(|s| s.success());
    if !added {
        println!("    rustup could not add it");
    }
}
