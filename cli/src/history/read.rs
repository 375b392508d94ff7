//! Reads the plan's bytes at a revision (or from the working tree), never more than a plan may hold.

use anyhow::{Context as _, anyhow};
use continuity_schema::load::MAX_PLAN_BYTES;
use git2::Oid;

use super::PlanRepo;

/// The plan at one point of its history.
#[derive(Debug)]
pub enum PlanAt {
    /// The plan's bytes.
    Bytes(Vec<u8>),
    /// The plan does not exist there.
    Absent,
    /// The plan is larger than a plan may be; it was not read.
    TooLarge(u64),
}

impl PlanRepo {
    /// The plan as stored in `blob`.
    pub fn read_blob(&self, blob: Oid) -> anyhow::Result<PlanAt> {
        let odb = self.repo.odb().context("cannot open the object database")?;
        let (size, _) = odb
            .read_header(blob)
            .map_err(|err| anyhow!("cannot read object {blob}: {}", err.message()))?;
        if size as u64 > MAX_PLAN_BYTES {
            return Ok(PlanAt::TooLarge(size as u64));
        }
        let blob = self
            .repo
            .find_blob(blob)
            .map_err(|err| anyhow!("cannot read object {blob}: {}", err.message()))?;
        Ok(PlanAt::Bytes(blob.content().to_vec()))
    }

    /// The plan at commit `commit` (following the plan's path at HEAD; see also [`PlanRepo::history`]).
    pub fn read_at(&self, commit: Oid, path: &str) -> anyhow::Result<PlanAt> {
        let commit = self
            .repo
            .find_commit(commit)
            .map_err(|err| anyhow!("cannot read commit {commit}: {}", err.message()))?;
        let tree = commit.tree().context("cannot read the commit's tree")?;
        match tree.get_path(std::path::Path::new(path)) {
            Ok(entry) if entry.kind() == Some(git2::ObjectType::Blob) => self.read_blob(entry.id()),
            _ => Ok(PlanAt::Absent),
        }
    }

    /// The plan in the working tree.
    pub fn read_worktree(&self) -> anyhow::Result<PlanAt> {
        let Some(file) = &self.worktree_file else {
            return Err(anyhow!(
                "a bare repository has no working tree: name two revisions"
            ));
        };
        if !file.exists() {
            return Ok(PlanAt::Absent);
        }
        match crate::files::read_plan(file)? {
            crate::files::Input::Bytes(bytes) => Ok(PlanAt::Bytes(bytes)),
            crate::files::Input::TooLarge(size) => {
                Ok(PlanAt::TooLarge(size.unwrap_or(MAX_PLAN_BYTES + 1)))
            }
        }
    }
}
