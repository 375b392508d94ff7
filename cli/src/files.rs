//! Reading plan files: size limits, directories, standard input, and finding the default plan.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use continuity_schema::load::MAX_PLAN_BYTES;

/// What reading a plan file produced.
#[derive(Debug)]
pub enum Input {
    Bytes(Vec<u8>),
    /// The file is larger than a plan may be (its size, when known); it was not read.
    TooLarge(Option<u64>),
}

/// Reads a plan file (`-` for standard input) without ever holding more than the size limit.
pub fn read_plan(path: &Path) -> anyhow::Result<Input> {
    if path == Path::new("-") {
        return read_limited(std::io::stdin().lock());
    }
    let metadata =
        std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
    if metadata.is_dir() {
        bail!(
            "{} is a directory, not a plan file (give the path of a .json plan)",
            path.display()
        );
    }
    if metadata.len() > MAX_PLAN_BYTES {
        return Ok(Input::TooLarge(Some(metadata.len())));
    }
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    read_limited(file).with_context(|| format!("cannot read {}", path.display()))
}

fn read_limited(reader: impl Read) -> anyhow::Result<Input> {
    let mut bytes = Vec::new();
    reader.take(MAX_PLAN_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_PLAN_BYTES {
        // Reading stopped one byte past the limit: the real size is unknown.
        return Ok(Input::TooLarge(None));
    }
    Ok(Input::Bytes(bytes))
}

/// The plans to use when none is named: `plan.json` in the current directory, otherwise every
/// `.json` file in `plans/`.
pub fn default_plans() -> anyhow::Result<Vec<PathBuf>> {
    let single = PathBuf::from("plan.json");
    if single.is_file() {
        return Ok(vec![single]);
    }
    let dir = Path::new("plans");
    if dir.is_dir() {
        let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
            .with_context(|| format!("cannot list {}", dir.display()))?
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json") && p.is_file())
            .collect();
        found.sort();
        if !found.is_empty() {
            return Ok(found);
        }
    }
    bail!("no plan given, and neither plan.json nor plans/*.json exists here")
}

/// How a path is shown in output: as given, with `/` separators.
pub fn display_path(path: &Path) -> String {
    if path == Path::new("-") {
        return "<stdin>".into();
    }
    path.to_string_lossy().replace('\\', "/")
}
