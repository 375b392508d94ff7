//! Walks the commits that touched the plan, newest first, following renames, and says where
//! the available history stops (a shallow clone, a missing object).

use std::collections::HashMap;
use std::path::Path;

use anyhow::Context as _;
use git2::{Commit, DiffFindOptions, DiffOptions, Oid, Sort, Tree};

use super::PlanRepo;
use super::commit_text::{Authorship, tree_and_parents};
use super::graph::CommitGraph;
use super::packs::{Packs, Reader};

/// How a revision changed the plan file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Added,
    Modified,
    Deleted,
    /// Renamed (and possibly edited) from another path.
    Renamed {
        from: String,
    },
    /// The oldest revision available: its parents were not fetched (a shallow clone), so what
    /// it changed is unknown.
    Truncated,
}

impl Change {
    /// The stable name used in JSON output and the site's index.
    pub fn name(&self) -> &'static str {
        match self {
            Change::Added => "added",
            Change::Modified => "modified",
            Change::Deleted => "deleted",
            Change::Renamed { .. } => "renamed",
            Change::Truncated => "truncated",
        }
    }

    /// The path the plan was renamed from, for a rename.
    pub fn renamed_from(&self) -> Option<&str> {
        match self {
            Change::Renamed { from } => Some(from),
            _ => None,
        }
    }
}

/// A commit that touched the plan.
#[derive(Debug, Clone)]
pub struct Revision {
    pub commit: Oid,
    pub author_name: String,
    pub author_email: String,
    /// Author time, seconds since the epoch.
    pub time: i64,
    /// The author's UTC offset in minutes.
    pub offset_minutes: i32,
    /// The full message, decoded lossily when it is not UTF-8.
    pub message: String,
    /// The plan's path in this commit (before a rename, older revisions have another).
    pub path: String,
    /// The plan's blob, or `None` when this commit deleted it.
    pub blob: Option<Oid>,
    pub change: Change,
    pub is_merge: bool,
    /// The plan's blob in the first parent (at the parent's path), when it has one there.
    pub parent_blob: Option<Oid>,
}

impl Revision {
    /// The first line of the message.
    pub fn summary(&self) -> &str {
        self.message.lines().next().unwrap_or_default()
    }

    fn set_authorship(&mut self, authorship: Authorship) {
        self.author_name = authorship.name;
        self.author_email = authorship.email;
        self.time = authorship.time;
        self.offset_minutes = authorship.offset_minutes;
        self.message = authorship.message;
    }

    pub fn short_id(&self) -> String {
        short(self.commit)
    }
}

/// Where the walk could not go further back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Boundary {
    /// A shallow clone: the parents of this commit were not fetched.
    Shallow { commit: Oid },
    /// An object needed for the walk is missing or unreadable.
    Broken { commit: Oid, reason: String },
}

impl Boundary {
    /// One sentence for people: where history stops and what to do about it.
    pub fn explain(&self) -> String {
        match self {
            Boundary::Shallow { commit } => format!(
                "history stops at {} because this is a shallow clone; run `git fetch --unshallow` (or check out with `fetch-depth: 0` in CI) to see the rest",
                short(*commit)
            ),
            Boundary::Broken { commit, reason } => {
                format!(
                    "history stops at {}: {reason}; the repository may be damaged (try `git fsck`)",
                    short(*commit)
                )
            }
        }
    }
}

fn short(id: Oid) -> String {
    let mut s = id.to_string();
    s.truncate(10);
    s
}

/// The revisions that touched the plan.
#[derive(Debug, Default)]
pub struct History {
    /// Newest first.
    pub revisions: Vec<Revision>,
    /// Set when the walk stopped before the root of the history.
    pub boundary: Option<Boundary>,
}

/// How to walk.
#[derive(Debug, Clone, Copy)]
pub struct WalkOptions {
    /// Follow only the first parent of merges (the branch's own line), as for a main branch.
    pub first_parent: bool,
}

impl PlanRepo {
    /// The revisions reachable from `start` that touched the plan, newest first.
    ///
    /// A commit touched the plan when the plan's blob differs from the one in each parent
    /// (with `first_parent`, in the first parent): the same simplification `git log -- PATH`
    /// applies, so merges that took one side unchanged are left out.
    pub fn history(&self, start: Oid, options: WalkOptions) -> anyhow::Result<History> {
        let repo = &self.repo;
        let graph = CommitGraph::open(repo);
        let graph = graph.as_ref();
        // With the graph the walk itself reads no commit, so the ones it lists are read on
        // another thread meanwhile. `asked` holds the places in `history.revisions` of those
        // whose authorship is still to be read (all of them, without a reader, are the few
        // commits libgit2 refused as a whole: their error ends the history there).
        let mut reader = graph
            .and_then(|_| Packs::open(&repo.commondir().join("objects")))
            .and_then(Reader::start);
        let mut asked = Vec::new();
        let mut order = if options.first_parent {
            // The first-parent line is a chain: following it directly avoids the revision
            // walk's pass over every commit (to sort them) before the first one comes out.
            Order::Chain(Some(start), None)
        } else {
            let mut walk = repo.revwalk().context("cannot walk the history")?;
            walk.set_sorting(Sort::TOPOLOGICAL | Sort::TIME)?;
            walk.push(start)?;
            Order::Walk(walk)
        };
        let shallow = self.shallow_boundaries();
        // The plan's path in each commit still to visit, set by its child (renames change it),
        // with the blob found there when the child looked it up, so no tree is read twice.
        let mut paths: HashMap<Oid, (String, Option<Option<Oid>>)> =
            HashMap::from([(start, (self.path.clone(), None))]);
        let mut history = History::default();
        loop {
            let id = match order.next() {
                None => break,
                Some(Ok(id)) => id,
                Some(Err(err)) => {
                    history.boundary = Some(Boundary::Broken {
                        commit: start,
                        reason: err.message().to_owned(),
                    });
                    break;
                }
            };
            let Some((path, known_blob)) = paths.remove(&id) else {
                continue;
            };
            let found = match order.take_facts(id) {
                Some(facts) => Ok(facts),
                None => self.facts(graph, id),
            };
            let mut facts = match found {
                Ok(facts) => facts,
                Err(err) => {
                    history.boundary = Some(Boundary::Broken {
                        commit: id,
                        reason: err.message().to_owned(),
                    });
                    break;
                }
            };
            let mut tree = None;
            let blob = match known_blob {
                Some(blob) => blob,
                None => match repo.find_tree(facts.tree) {
                    Ok(found) => blob_at(tree.insert(found), &path),
                    Err(err) => {
                        history.boundary = Some(Boundary::Broken {
                            commit: id,
                            reason: err.message().to_owned(),
                        });
                        break;
                    }
                },
            };
            let parent_count = if options.first_parent {
                facts.parents.len().min(1)
            } else {
                facts.parents.len()
            };
            let mut parents = Vec::with_capacity(parent_count);
            let mut broken = None;
            for &parent in &facts.parents[..parent_count] {
                match self.facts(graph, parent) {
                    Ok(found) => parents.push((parent, found)),
                    Err(err) => broken = Some(err.message().to_owned()),
                }
            }
            if let Some(reason) = broken {
                if let Ok(commit) = facts.commit(repo, id) {
                    let mut revision = revision(
                        id,
                        commit.parent_count() > 1,
                        &path,
                        blob,
                        Change::Modified,
                        None,
                    );
                    revision.set_authorship(Authorship::of(&commit));
                    history.revisions.push(revision);
                }
                history.boundary = Some(Boundary::Broken {
                    commit: id,
                    reason: format!("a parent commit cannot be read ({reason})"),
                });
                break;
            }
            let mut same_as_a_parent = false;
            let mut change = None;
            let mut first_parent_blob = None;
            // Whether a parent has the plan at this commit's path (else this commit added it).
            let mut in_a_parent = false;
            for (n, (parent, parent_facts)) in parents.iter().enumerate() {
                let parent_tree = repo
                    .find_tree(parent_facts.tree)
                    .with_context(|| format!("cannot read the tree of {parent}"))?;
                let mut parent_path = path.clone();
                let mut parent_blob = blob_at(&parent_tree, &path);
                in_a_parent |= parent_blob.is_some();
                if parent_blob.is_none() && blob.is_some() {
                    let own_tree = match tree.take() {
                        Some(own_tree) => own_tree,
                        None => repo
                            .find_tree(facts.tree)
                            .with_context(|| format!("cannot read the tree of {id}"))?,
                    };
                    if let Some(from) = renamed_from(repo, &parent_tree, &own_tree, &path) {
                        parent_blob = blob_at(&parent_tree, &from);
                        change = Some(Change::Renamed { from: from.clone() });
                        parent_path = from;
                    }
                    tree = Some(own_tree);
                }
                if parent_blob == blob && parent_path == path {
                    same_as_a_parent = true;
                }
                if n == 0 {
                    first_parent_blob = parent_blob;
                }
                paths
                    .entry(*parent)
                    .or_insert((parent_path, Some(parent_blob)));
            }
            let touched = if parents.is_empty() {
                blob.is_some()
            } else {
                !same_as_a_parent
            };
            if let Order::Chain(next, held) = &mut order {
                let first = parents.into_iter().next();
                *next = first.as_ref().map(|(parent, _)| *parent);
                *held = first;
            }
            let is_root = facts.parents.is_empty();
            if touched {
                let change = change.unwrap_or(match (blob, is_root) {
                    (None, _) => Change::Deleted,
                    (Some(_), true) if shallow.contains(&id) => Change::Truncated,
                    (Some(_), true) => Change::Added,
                    (Some(_), false) if !in_a_parent => Change::Added,
                    (Some(_), false) => Change::Modified,
                });
                let mut revision = revision(
                    id,
                    facts.parents.len() > 1,
                    &path,
                    blob,
                    change,
                    first_parent_blob,
                );
                match facts.commit.take() {
                    Some(commit) => revision.set_authorship(Authorship::of(&commit)),
                    None => {
                        if let Some(reader) = &mut reader {
                            reader.ask(id);
                        }
                        asked.push(history.revisions.len());
                    }
                }
                history.revisions.push(revision);
            }
            if shallow.contains(&id) && is_root {
                history.boundary = Some(Boundary::Shallow { commit: id });
            }
        }
        let read = match reader {
            Some(reader) => reader.finish(asked.len()),
            None => vec![None; asked.len()],
        };
        for (index, read) in asked.into_iter().zip(read) {
            let id = history.revisions[index].commit;
            match read.map_or_else(|| repo.find_commit(id).map(|c| Authorship::of(&c)), Ok) {
                Ok(authorship) => history.revisions[index].set_authorship(authorship),
                Err(err) => {
                    // A revision must show who made it and why: history stops here.
                    history.revisions.truncate(index);
                    history.boundary = Some(Boundary::Broken {
                        commit: id,
                        reason: err.message().to_owned(),
                    });
                    break;
                }
            }
        }
        Ok(history)
    }

    /// The tree and parents of `id`: from the commit graph when it holds them, else from the
    /// commit itself, which is then kept for the revision's author and message.
    fn facts(&self, graph: Option<&CommitGraph>, id: Oid) -> Result<Facts<'_>, git2::Error> {
        if let Some(known) = graph.and_then(|graph| graph.get(id)) {
            return Ok(Facts {
                tree: known.tree,
                parents: known.parents,
                commit: None,
            });
        }
        match self.repo.find_commit(id) {
            Ok(commit) => Ok(Facts {
                tree: commit.tree_id(),
                parents: commit.parent_ids().collect(),
                commit: Some(commit),
            }),
            // libgit2 refuses a commit whose author line it cannot parse, though its tree and
            // parents are sound (and the commit graph, where there is one, has them): the walk
            // goes past it like git, and stops there only if it touched the plan.
            Err(err) => self
                .raw_facts(id)
                .map(|(tree, parents)| Facts {
                    tree,
                    parents,
                    commit: None,
                })
                .ok_or(err),
        }
    }

    /// The tree and parents in commit `id`'s object, read without libgit2's commit parser
    /// (with no parents at the edge of a shallow clone, as libgit2 has it).
    fn raw_facts(&self, id: Oid) -> Option<(Oid, Vec<Oid>)> {
        let odb = self.repo.odb().ok()?;
        let object = odb.read(id).ok()?;
        if object.kind() != git2::ObjectType::Commit {
            return None;
        }
        let (tree, mut parents) = tree_and_parents(object.data())?;
        if self.shallow_boundaries().contains(&id) {
            parents.clear();
        }
        Some((tree, parents))
    }

    /// The plan's path in `commit`, following renames back from HEAD: the path of the newest
    /// revision that touched the plan at or before `commit` (or the current path when none did).
    pub fn path_at(&self, commit: Oid) -> anyhow::Result<String> {
        let head = self.head()?;
        let history = self.history(
            head,
            WalkOptions {
                first_parent: false,
            },
        )?;
        for revision in &history.revisions {
            let at_or_before = revision.commit == commit
                || self
                    .repo
                    .graph_descendant_of(commit, revision.commit)
                    .unwrap_or(false);
            if at_or_before {
                return Ok(revision.path.clone());
            }
        }
        Ok(self.path.clone())
    }
}

/// A revision whose authorship is still to be set.
fn revision(
    commit: Oid,
    is_merge: bool,
    path: &str,
    blob: Option<Oid>,
    change: Change,
    parent_blob: Option<Oid>,
) -> Revision {
    Revision {
        commit,
        author_name: String::new(),
        author_email: String::new(),
        time: 0,
        offset_minutes: 0,
        message: String::new(),
        path: path.to_owned(),
        blob,
        change,
        is_merge,
        parent_blob,
    }
}

/// What the walk needs of a commit to decide whether it touched the plan.
struct Facts<'r> {
    tree: Oid,
    parents: Vec<Oid>,
    /// The commit, when it was read for its tree and parents (the commit graph lacked it).
    commit: Option<Commit<'r>>,
}

impl<'r> Facts<'r> {
    /// The commit itself, read now unless it was read already: only revisions that touched
    /// the plan need it (for their author, date and message).
    fn commit(&mut self, repo: &'r git2::Repository, id: Oid) -> Result<Commit<'r>, git2::Error> {
        match self.commit.take() {
            Some(commit) => Ok(commit),
            None => repo.find_commit(id),
        }
    }
}

/// The order in which commits are visited, newest first.
enum Order<'r> {
    /// Every commit reachable, in topological order.
    Walk(git2::Revwalk<'r>),
    /// The first-parent line: the next commit to visit, set after each visit, with what is
    /// known of that commit already (as the parent of the one before).
    Chain(Option<Oid>, Option<(Oid, Facts<'r>)>),
}

impl<'r> Order<'r> {
    fn next(&mut self) -> Option<Result<Oid, git2::Error>> {
        match self {
            Order::Walk(walk) => walk.next(),
            Order::Chain(next, _) => next.take().map(Ok),
        }
    }

    /// What is known of commit `id` already, if anything.
    fn take_facts(&mut self, id: Oid) -> Option<Facts<'r>> {
        match self {
            Order::Chain(_, held) => held
                .take()
                .filter(|(held, _)| *held == id)
                .map(|(_, facts)| facts),
            Order::Walk(_) => None,
        }
    }
}

/// The blob id at `path` in `tree`, if it is a file.
fn blob_at(tree: &Tree<'_>, path: &str) -> Option<Oid> {
    let entry = tree.get_path(Path::new(path)).ok()?;
    (entry.kind() == Some(git2::ObjectType::Blob)).then(|| entry.id())
}

/// The path the plan had in `old` when `new` renamed it to `path`, using git's similarity rules.
fn renamed_from(
    repo: &git2::Repository,
    old: &Tree<'_>,
    new: &Tree<'_>,
    path: &str,
) -> Option<String> {
    let mut options = DiffOptions::new();
    options.ignore_submodules(true);
    let mut diff = repo
        .diff_tree_to_tree(Some(old), Some(new), Some(&mut options))
        .ok()?;
    let mut find = DiffFindOptions::new();
    find.renames(true).copies(false);
    diff.find_similar(Some(&mut find)).ok()?;
    diff.deltas()
        .find(|d| {
            d.status() == git2::Delta::Renamed
                && d.new_file().path().is_some_and(|p| p == Path::new(path))
        })
        .and_then(|d| {
            d.old_file()
                .path()
                .map(|p| p.to_string_lossy().replace('\\', "/"))
        })
}
