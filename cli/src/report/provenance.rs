//! Which revision of the plan a report was made from, so that a holder of a printed copy can
//! tell whether it is still current: the last commit that touched the plan when it lives in a
//! git repository, otherwise the file's content hash and modification date.

use std::fmt::Write as _;
use std::path::Path;

use continuity_schema::types::Date;
use git2::Repository;
use sha2::{Digest as _, Sha256};

use crate::history::{PlanAt, PlanRepo, WalkOptions, date_of};

/// Where the report's plan text comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Provenance {
    /// The last commit that touched the plan.
    Git {
        /// The commit id as `continuity log` shows it (10 hex digits).
        short: String,
        date: Date,
        author_name: String,
        author_email: String,
        /// The first line of the commit message.
        summary: String,
        /// The working tree differs from what that commit holds.
        dirty: bool,
    },
    /// A file outside git (or standard input).
    File {
        /// The first 12 hex digits of the SHA-256 of the bytes.
        hash: String,
        /// The file's modification date (UTC), when known.
        modified: Option<Date>,
        /// The file's name, for the `sha256sum` hint.
        file_name: String,
    },
}

/// Finds out where `bytes` (read from `path`) come from. Git problems are not fatal: the report
/// then falls back to the content hash and says why on standard error.
pub fn provenance(path: &Path, bytes: &[u8]) -> Provenance {
    let file = file_provenance(path, bytes);
    if path == Path::new("-") {
        return file;
    }
    match git_provenance(path, bytes) {
        Ok(Some(git)) => git,
        Ok(None) => file,
        Err(err) => {
            let what = format!("{} ({err:#})", path.display());
            eprintln!(
                "note: cannot read the git history of {}; the report names the plan by its content hash",
                crate::output::shown(&what)
            );
            file
        }
    }
}

fn file_provenance(path: &Path, bytes: &[u8]) -> Provenance {
    let modified = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .map(|time| Date::from(time::OffsetDateTime::from(time).date()));
    let file_name = path.file_name().map_or_else(
        || "plan.json".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    Provenance::File {
        hash: content_hash(bytes),
        modified,
        file_name,
    }
}

/// The first 12 hex digits of the SHA-256 of `bytes`: short enough to read aloud on the phone,
/// long enough not to collide between revisions of one plan.
pub fn content_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(12);
    for byte in digest.iter().take(6) {
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

/// The last commit that touched the plan, or `None` when the plan is not in a repository or was
/// never committed.
fn git_provenance(path: &Path, bytes: &[u8]) -> anyhow::Result<Option<Provenance>> {
    let Ok(file) = path.canonicalize() else {
        return Ok(None);
    };
    let Some(dir) = file.parent() else {
        return Ok(None);
    };
    // Discovered from the plan's own folder, not the current directory: a plan may be named
    // from anywhere.
    let Ok(repo) = Repository::discover(dir) else {
        return Ok(None);
    };
    let Some(workdir) = repo.workdir().and_then(|w| w.canonicalize().ok()) else {
        return Ok(None);
    };
    let Ok(relative) = file.strip_prefix(&workdir) else {
        return Ok(None);
    };
    let relative: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let plan_repo = PlanRepo {
        repo,
        path: relative.join("/"),
        worktree_file: Some(file.clone()),
    };
    let Ok(head) = plan_repo.head() else {
        // An unborn HEAD: nothing committed yet.
        return Ok(None);
    };
    let history = plan_repo.history(head, WalkOptions { first_parent: true })?;
    let Some(last) = history.revisions.first() else {
        return Ok(None);
    };
    let dirty = match plan_repo.read_at(head, &plan_repo.path)? {
        PlanAt::Bytes(committed) => committed != bytes,
        PlanAt::Absent | PlanAt::TooLarge(_) => true,
    };
    Ok(Some(Provenance::Git {
        short: last.short_id(),
        date: date_of(last.time, last.offset_minutes),
        author_name: last.author_name.clone(),
        author_email: last.author_email.clone(),
        summary: last.summary().to_owned(),
        dirty,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_hash_is_the_start_of_the_sha256() {
        // sha256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        assert_eq!(content_hash(b"abc"), "ba7816bf8f01");
    }
}
