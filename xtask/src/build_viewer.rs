//! `cargo xtask build-viewer`: compiles the viewer to WebAssembly, runs wasm-bindgen in-process
//! and writes the site's static files to `cli/assets/viewer/`, reproducibly, so that the
//! `continuity` binary can embed them and CI can rebuild and compare them.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, bail};
use sha2::{Digest as _, Sha256};

/// Build the viewer's WebAssembly and JavaScript into `cli/assets/viewer/`.
///
/// The build is reproducible: paths of the workspace and of CARGO_HOME are remapped, so a fresh
/// clone anywhere produces byte-identical files (CI checks `git diff --exit-code cli/assets/viewer`).
#[derive(Debug, clap::Args)]
pub struct Args {}

/// The files of the built viewer, relative to the site root (the list `cli/src/site/viewer_assets.rs` embeds).
pub const OUTPUTS: [&str; 6] = [
    "index.html",
    "assets/boot.js",
    "assets/style.css",
    "assets/icon.svg",
    "assets/continuity-viewer.js",
    "assets/continuity-viewer_bg.wasm",
];

/// Sizes of the built viewer, for the budget (wasm + JS gzipped).
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    pub wasm: usize,
    pub wasm_gzip: usize,
    pub js: usize,
    pub js_gzip: usize,
}

/// The size budget of the viewer's code, wasm and JavaScript gzipped at level 9 (BENCHMARKS.md).
pub const BUDGET: usize = 250_000;

pub fn run(_args: &Args) -> anyhow::Result<()> {
    let sizes = build()?;
    let total = sizes.wasm_gzip + sizes.js_gzip;
    println!(
        "viewer: wasm {} bytes ({} gzipped), JavaScript {} bytes ({} gzipped); {total} gzipped in all, budget {BUDGET}",
        sizes.wasm, sizes.wasm_gzip, sizes.js, sizes.js_gzip,
    );
    // The assets are written either way, so that the growth can be looked into; CI runs this
    // task, so a change that breaks the budget does not land unnoticed.
    if total > BUDGET {
        bail!(
            "the viewer is {} bytes over its budget of {BUDGET} bytes gzipped (see BENCHMARKS.md for what was saved before and what is left to take)",
            total - BUDGET
        );
    }
    Ok(())
}

/// Whether the wasm32 target is installed (a fresh machine may lack it; the demo then uses the
/// committed assets).
pub fn wasm_target_installed() -> bool {
    Command::new("rustc")
        .args([
            "--print",
            "target-libdir",
            "--target",
            "wasm32-unknown-unknown",
        ])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()))
        .is_some_and(|dir| dir.is_dir())
}

/// Builds the viewer and writes the assets; returns their sizes.
pub fn build() -> anyhow::Result<Sizes> {
    let root = crate::workspace_root();
    // A target folder of its own: the remapping flags differ from other builds, and sharing
    // `target/` would make the two kinds of build invalidate each other.
    let target_dir = root.join("target").join("viewer-wasm");
    compile(&root, &target_dir)?;
    let wasm_in = target_dir
        .join("wasm32-unknown-unknown")
        .join("wasm-release")
        .join("continuity_viewer.wasm");
    let bindgen_dir = target_dir.join("bindgen");
    if bindgen_dir.exists() {
        std::fs::remove_dir_all(&bindgen_dir)
            .with_context(|| format!("cannot clear {}", bindgen_dir.display()))?;
    }
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm_in)
        .out_name("continuity-viewer")
        .web(true)?
        .typescript(false)
        .remove_name_section(true)
        .remove_producers_section(true)
        .generate(&bindgen_dir)
        .context("wasm-bindgen failed")?;
    if bindgen_dir.join("snippets").exists() {
        bail!("the viewer uses inline JavaScript snippets, which the embedded assets do not carry");
    }
    let js = read(&bindgen_dir.join("continuity-viewer.js"))?;
    let wasm = read(&bindgen_dir.join("continuity-viewer_bg.wasm"))?;
    let files = assemble(&root.join("viewer").join("static"), js, wasm)?;
    write_assets(&root.join("cli").join("assets").join("viewer"), &files)?;
    let size = |path: &str| files.get(path).map_or(0, Vec::len);
    let gzip = |path: &str| files.get(path).map_or(Ok(0), |b| gzip_len(b));
    Ok(Sizes {
        wasm: size("assets/continuity-viewer_bg.wasm"),
        wasm_gzip: gzip("assets/continuity-viewer_bg.wasm")?,
        js: size("assets/continuity-viewer.js") + size("assets/boot.js"),
        js_gzip: gzip("assets/continuity-viewer.js")? + gzip("assets/boot.js")?,
    })
}

fn compile(root: &Path, target_dir: &Path) -> anyhow::Result<()> {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .context("neither CARGO_HOME nor HOME is set")?;
    let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    // Paths end up in the wasm through panic locations; the same sources at another place
    // (a CI runner, a colleague's clone) must give the same bytes.
    let flags = [
        format!(
            "--remap-path-prefix={}=/cargo",
            canonical(&cargo_home).display()
        ),
        format!(
            "--remap-path-prefix={}=/continuity",
            canonical(root).display()
        ),
    ];
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(root)
        .args([
            "rustc",
            "--package",
            "continuity-viewer",
            "--lib",
            "--crate-type",
            "cdylib",
            "--target",
            "wasm32-unknown-unknown",
            "--profile",
            "wasm-release",
        ])
        .env("CARGO_TARGET_DIR", target_dir)
        // Takes precedence over RUSTFLAGS and config files, so nothing of the caller's leaks in.
        .env("CARGO_ENCODED_RUSTFLAGS", flags.join("\u{1f}"))
        .status()
        .context("cannot run cargo")?;
    if !status.success() {
        bail!(
            "building the viewer for wasm32 failed (is the target installed? `rustup target add wasm32-unknown-unknown`)"
        );
    }
    Ok(())
}

/// The site's static files: the templates of `viewer/static/` with cache-busting hashes filled
/// in, and the wasm-bindgen output.
fn assemble(
    static_dir: &Path,
    js: Vec<u8>,
    wasm: Vec<u8>,
) -> anyhow::Result<BTreeMap<&'static str, Vec<u8>>> {
    let mut files: BTreeMap<&'static str, Vec<u8>> = BTreeMap::new();
    files.insert("assets/continuity-viewer.js", js);
    files.insert("assets/continuity-viewer_bg.wasm", wasm);
    files.insert("assets/style.css", read(&static_dir.join("style.css"))?);
    files.insert("assets/icon.svg", read(&static_dir.join("icon.svg"))?);
    // Hosts may cache the fixed names for a while: a query with the content hash makes a new
    // viewer load its own files. boot.js names the wasm and the JS; index.html names the rest.
    let boot = fill(&read(&static_dir.join("boot.js"))?, &files)?;
    files.insert("assets/boot.js", boot);
    let index = fill(&read(&static_dir.join("index.html"))?, &files)?;
    files.insert("index.html", index);
    debug_assert!(OUTPUTS.iter().all(|o| files.contains_key(o)));
    Ok(files)
}

/// Replaces `{{v:NAME}}` with the first 10 hex digits of the SHA-256 of `assets/NAME`.
fn fill(template: &[u8], files: &BTreeMap<&'static str, Vec<u8>>) -> anyhow::Result<Vec<u8>> {
    let mut text = String::from_utf8(template.to_vec()).context("a template is not UTF-8")?;
    while let Some(start) = text.find("{{v:") {
        let end = text[start..]
            .find("}}")
            .map(|e| start + e)
            .context("unclosed {{v: in a template")?;
        let name = text[start + 4..end].to_owned();
        let bytes = files
            .get(format!("assets/{name}").as_str())
            .with_context(|| format!("a template names assets/{name}, which is not built yet"))?;
        let hash: String = Sha256::digest(bytes)
            .iter()
            .take(5)
            .map(|b| format!("{b:02x}"))
            .collect();
        text.replace_range(start..end + 2, &hash);
    }
    Ok(text.into_bytes())
}

/// Writes the files that changed and removes files that are no longer built.
fn write_assets(dir: &Path, files: &BTreeMap<&'static str, Vec<u8>>) -> anyhow::Result<()> {
    for (relative, bytes) in files {
        let path = dir.join(relative);
        if std::fs::read(&path).is_ok_and(|old| &old == bytes) {
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
        println!("wrote {}", path.display());
    }
    for sub in ["", "assets"] {
        let Ok(entries) = std::fs::read_dir(dir.join(sub)) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            let relative = if sub.is_empty() {
                entry.file_name().to_string_lossy().into_owned()
            } else {
                format!("{sub}/{}", entry.file_name().to_string_lossy())
            };
            if path.is_file() && !files.contains_key(relative.as_str()) {
                std::fs::remove_file(&path)?;
                println!("removed {}", path.display());
            }
        }
    }
    Ok(())
}

fn read(path: &Path) -> anyhow::Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))
}

/// The size of `bytes` compressed with gzip at the highest level (what a host may serve).
pub fn gzip_len(bytes: &[u8]) -> anyhow::Result<usize> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len())
}
