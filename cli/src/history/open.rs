//! Finds the repository and the plan's path inside it, for normal clones, linked worktrees,
//! bare repositories and shallow clones alike.

use std::path::{Component, Path, PathBuf};

use anyhow::{Context as _, anyhow, bail};
use git2::{Oid, Repository};

/// A repository and the path of the plan inside it.
pub struct PlanRepo {
    pub repo: Repository,
    /// The plan's path relative to the repository root, with `/` separators.
    pub path: String,
    /// The plan file in the working tree, when there is one.
    pub worktree_file: Option<PathBuf>,
}

impl std::fmt::Debug for PlanRepo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PlanRepo")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

/// Opens the repository containing the plan and locates the plan in it.
///
/// `plan` is the plan's path as the user gave it (relative to the current directory); the
/// repository is the one around the plan's folder, so `--plan other-repo/plan.json` reads
/// that repository's history. Without it, or when the plan's folder does not exist (a path
/// inside a bare repository), the repository around the current directory is used, with
/// `plan.json` or the only `plans/*.json` of the working tree (or of HEAD, in a bare
/// repository) as the plan.
pub fn open_plan_repo(plan: Option<&Path>) -> anyhow::Result<PlanRepo> {
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    let start = plan
        .and_then(|plan| cwd.join(plan).parent().map(Path::to_path_buf))
        .filter(|dir| dir.is_dir())
        .unwrap_or_else(|| cwd.clone());
    let repo = Repository::discover(&start).map_err(|err| {
        if err.message().contains("object format") {
            // `git init --object-format=sha256`: a repository all the same, which libgit2
            // (and so continuity) cannot read yet.
            anyhow!(
                "the git repository at {} uses an object format continuity cannot read ({}); only SHA-1 repositories are supported",
                start.display(),
                err.message()
            )
        } else {
            anyhow!(
                "{} is not inside a git repository ({})",
                start.display(),
                err.message()
            )
        }
    })?;
    configure_caches();
    match repo.workdir().map(Path::to_path_buf) {
        Some(workdir) => {
            let file = match plan {
                Some(plan) => cwd.join(plan),
                None => default_in_worktree(&workdir, &cwd)?,
            };
            let path = relative_to(&workdir, &file)?;
            Ok(PlanRepo {
                repo,
                path,
                worktree_file: Some(file),
            })
        }
        None => {
            let path = match plan {
                Some(plan) => normalise(plan)?,
                None => default_in_head(&repo)?,
            };
            Ok(PlanRepo {
                repo,
                path,
                worktree_file: None,
            })
        }
    }
}

/// Turns libgit2's object cache off, for a walk that reads each commit and tree only once (the
/// first-parent listing without summaries): caching them would only cost memory, and on a long
/// history the fresh pages it touches cost more time than the walk itself saves.
pub fn read_each_object_once() {
    git2::opts::enable_caching(false);
}

/// Reading thousands of revisions is dominated by libgit2 re-hashing every object it inflates
/// (SHA-1 with collision detection) to check it against its id. Git itself does not do that on
/// reads (`git fsck` does); nor does continuity, which only reads.
///
/// Blobs stay out of libgit2's object cache (its default): a replay reads each plan once, and
/// caching them up to 512 MB made reading the 10,000 revisions of the benchmark history twice
/// as slow and seven times as large in memory (BENCHMARKS.md).
fn configure_caches() {
    git2::opts::enable_caching(true);
    git2::opts::strict_hash_verification(false);
}

fn default_in_worktree(workdir: &Path, cwd: &Path) -> anyhow::Result<PathBuf> {
    for base in [cwd, workdir] {
        if base.join("plan.json").is_file() {
            return Ok(base.join("plan.json"));
        }
        let plans = base.join("plans");
        if plans.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(&plans)?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect();
            found.sort();
            match found.len() {
                1 => return Ok(found.remove(0)),
                0 => {}
                _ => bail!("several plans in {}: name one with --plan", plans.display()),
            }
        }
    }
    bail!("no plan found: name it with --plan (looked for plan.json and plans/*.json)")
}

fn default_in_head(repo: &Repository) -> anyhow::Result<String> {
    let head = repo
        .head()
        .and_then(|h| h.peel_to_tree())
        .context("the repository has no HEAD commit")?;
    if head.get_path(Path::new("plan.json")).is_ok() {
        return Ok("plan.json".into());
    }
    let mut found = Vec::new();
    if let Ok(entry) = head.get_path(Path::new("plans")) {
        if let Some(tree) = entry.to_object(repo).ok().and_then(|o| o.into_tree().ok()) {
            for item in tree.iter() {
                if let Some(name) = item.name().ok().filter(|n| n.ends_with(".json")) {
                    found.push(format!("plans/{name}"));
                }
            }
        }
    }
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => bail!("no plan found at HEAD: name it with --plan"),
        _ => bail!("several plans at HEAD: name one with --plan"),
    }
}

/// The path of `file` relative to `root`, even when `file` does not exist (a deleted plan).
fn relative_to(root: &Path, file: &Path) -> anyhow::Result<String> {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let file = match file.canonicalize() {
        Ok(file) => file,
        Err(_) => {
            let parent = file.parent().unwrap_or(Path::new("."));
            let name = file
                .file_name()
                .ok_or_else(|| anyhow!("{} is not a file path", file.display()))?;
            parent
                .canonicalize()
                .unwrap_or_else(|_| parent.to_path_buf())
                .join(name)
        }
    };
    let relative = file.strip_prefix(&root).map_err(|_| {
        anyhow!(
            "{} is outside the repository at {}",
            file.display(),
            root.display()
        )
    })?;
    normalise(relative)
}

fn normalise(path: &Path) -> anyhow::Result<String> {
    let mut parts = Vec::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => parts.push(part.to_string_lossy().into_owned()),
            Component::CurDir => {}
            Component::ParentDir => {
                parts
                    .pop()
                    .ok_or_else(|| anyhow!("{} leaves the repository", path.display()))?;
            }
            _ => bail!("{} must be relative to the repository root", path.display()),
        }
    }
    if parts.is_empty() {
        bail!("the plan path is empty");
    }
    Ok(parts.join("/"))
}

impl PlanRepo {
    /// Resolves a revision expression (`HEAD~2`, a branch, a tag, a commit id) to a commit.
    pub fn commit_id(&self, spec: &str) -> anyhow::Result<Oid> {
        let object = self.repo.revparse_single(spec).map_err(|err| {
            // In a repository without commits every revision is unknown; say why.
            if self.is_unborn() {
                anyhow!(
                    "the repository has no commits yet (HEAD is unborn), so `{spec}` names nothing"
                )
            } else {
                anyhow!("unknown revision `{spec}`: {}", err.message())
            }
        })?;
        let commit = object
            .peel_to_commit()
            .map_err(|_| anyhow!("`{spec}` does not name a commit"))?;
        Ok(commit.id())
    }

    /// The commit HEAD points to, if any.
    pub fn head(&self) -> anyhow::Result<Oid> {
        if self.is_unborn() {
            bail!("the repository has no commits yet (HEAD is unborn)");
        }
        self.commit_id("HEAD")
    }

    fn is_unborn(&self) -> bool {
        matches!(self.repo.head(), Err(err) if err.code() == git2::ErrorCode::UnbornBranch)
    }

    /// The common ancestor of two commits, for `A...B` (what a pull request changes).
    pub fn merge_base(&self, a: Oid, b: Oid) -> anyhow::Result<Oid> {
        self.repo
            .merge_base(a, b)
            .map_err(|err| anyhow!("no common ancestor of {a} and {b}: {}", err.message()))
    }

    /// Commits missing from this shallow clone's history: their parents were not fetched.
    pub fn shallow_boundaries(&self) -> Vec<Oid> {
        if !self.repo.is_shallow() {
            return Vec::new();
        }
        let file = self.repo.commondir().join("shallow");
        std::fs::read_to_string(file)
            .unwrap_or_default()
            .lines()
            .filter_map(|line| Oid::from_str(line.trim()).ok())
            .collect()
    }
}
