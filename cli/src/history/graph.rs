//! Reads git's commit-graph files (`objects/info/commit-graph`, or the split chain in
//! `objects/info/commit-graphs/`) for each commit's tree and parents without inflating it.
//!
//! libgit2 1.9 rejects the commit-graph that current git writes (it stops at chunks it does not
//! know, such as the generation data `GDA2`), so a walk through git2 inflates every commit,
//! which git itself avoids. The format is git's, documented in `gitformat-commit-graph(5)`.
//! Like git, this is used only when it cannot be wrong: not in a shallow clone, nor with grafts
//! or replaced objects, nor when `core.commitGraph` is off. Any file that does not hold
//! together is ignored as a whole, and a commit the graph does not know is read from its object.

use std::path::Path;

use git2::{Oid, Repository};

const SIGNATURE: &[u8; 4] = b"CGPH";
const SHA1_LEN: usize = 20;
/// A parent position meaning "no parent".
const NO_PARENT: u32 = 0x7000_0000;
/// Set on the second parent position when the rest of the parents are in the extra-edge list.
const EXTRA_EDGES: u32 = 0x8000_0000;

/// A commit as the commit-graph records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraphCommit {
    pub tree: Oid,
    pub parents: Vec<Oid>,
}

/// The layers of a commit graph, base first; a commit's position counts across all of them.
#[derive(Debug)]
pub struct CommitGraph {
    layers: Vec<Layer>,
}

#[derive(Debug)]
struct Layer {
    data: Vec<u8>,
    /// Commits in the layers before this one.
    before: u32,
    count: u32,
    fanout: usize,
    oids: usize,
    commit_data: usize,
    /// Start and end of the extra-edge list (octopus merges), when the layer has one.
    extra_edges: Option<(usize, usize)>,
}

impl CommitGraph {
    /// The repository's commit graph, when git wrote one and it may be used.
    pub fn open(repo: &Repository) -> Option<CommitGraph> {
        if !usable(repo) {
            return None;
        }
        let info = repo.commondir().join("objects").join("info");
        let files = match std::fs::read_to_string(info.join("commit-graphs/commit-graph-chain")) {
            Ok(chain) => chain
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .map(|hash| info.join(format!("commit-graphs/graph-{hash}.graph")))
                .collect(),
            Err(_) => vec![info.join("commit-graph")],
        };
        let mut layers = Vec::with_capacity(files.len());
        let mut before = 0u32;
        for file in files {
            let layer = Layer::read(&file, before)?;
            before = before.checked_add(layer.count)?;
            layers.push(layer);
        }
        (!layers.is_empty()).then_some(CommitGraph { layers })
    }

    /// Builds a graph from the bytes of one commit-graph file (for tests).
    #[cfg(test)]
    fn from_bytes(data: Vec<u8>) -> Option<CommitGraph> {
        Some(CommitGraph {
            layers: vec![Layer::parse(data, 0)?],
        })
    }

    /// The tree and parents of `id`, when the graph holds it and its record holds together.
    pub fn get(&self, id: Oid) -> Option<GraphCommit> {
        let (layer, index) = self
            .layers
            .iter()
            .find_map(|layer| Some((layer, layer.index_of(id)?)))?;
        let record = layer.record(index)?;
        let tree = Oid::from_bytes(&record[..SHA1_LEN]).ok()?;
        let first = be32(record, SHA1_LEN)?;
        let second = be32(record, SHA1_LEN + 4)?;
        let mut parents = Vec::new();
        if first != NO_PARENT {
            parents.push(self.oid_at(first)?);
        }
        if second & EXTRA_EDGES != 0 {
            let (start, end) = layer.extra_edges?;
            let mut at = start.checked_add(((second & !EXTRA_EDGES) as usize).checked_mul(4)?)?;
            loop {
                if at + 4 > end {
                    return None;
                }
                let edge = be32(&layer.data, at)?;
                parents.push(self.oid_at(edge & !EXTRA_EDGES)?);
                if edge & EXTRA_EDGES != 0 {
                    break;
                }
                at += 4;
            }
        } else if second != NO_PARENT {
            parents.push(self.oid_at(second)?);
        }
        Some(GraphCommit { tree, parents })
    }

    fn layer_of(&self, position: u32) -> Option<(&Layer, u32)> {
        self.layers
            .iter()
            .find(|layer| position >= layer.before && position - layer.before < layer.count)
            .map(|layer| (layer, position - layer.before))
    }

    fn oid_at(&self, position: u32) -> Option<Oid> {
        let (layer, index) = self.layer_of(position)?;
        let at = layer.oids + index as usize * SHA1_LEN;
        Oid::from_bytes(layer.data.get(at..at + SHA1_LEN)?).ok()
    }
}

/// Whether git itself would use the commit graph here: the facts it caches must not be
/// changed by grafts, replacements or a shallow boundary.
fn usable(repo: &Repository) -> bool {
    let enabled = repo
        .config()
        .and_then(|config| config.get_bool("core.commitGraph"))
        .unwrap_or(true);
    let replaced = std::env::var_os("GIT_NO_REPLACE_OBJECTS").is_none()
        && repo
            .references_glob("refs/replace/*")
            .is_ok_and(|mut refs| refs.next().is_some());
    let grafted = repo.commondir().join("info").join("grafts").exists();
    enabled && !replaced && !grafted && !repo.is_shallow()
}

impl Layer {
    fn read(file: &Path, before: u32) -> Option<Layer> {
        Layer::parse(std::fs::read(file).ok()?, before)
    }

    fn parse(data: Vec<u8>, before: u32) -> Option<Layer> {
        // Signature, version 1, hash version 1 (SHA-1), number of chunks, number of bases.
        if data.get(..4)? != SIGNATURE || *data.get(4)? != 1 || *data.get(5)? != 1 {
            return None;
        }
        let chunks = *data.get(6)? as usize;
        let mut fanout = None;
        let mut oids = None;
        let mut commit_data = None;
        let mut extra_edges = None;
        for n in 0..chunks {
            let entry = 8 + n * 12;
            let id = data.get(entry..entry + 4)?;
            let start = usize::try_from(be64(&data, entry + 4)?).ok()?;
            let end = usize::try_from(be64(&data, entry + 16)?).ok()?;
            if start > end || end > data.len() {
                return None;
            }
            match id {
                b"OIDF" => fanout = Some((start, end)),
                b"OIDL" => oids = Some((start, end)),
                b"CDAT" => commit_data = Some((start, end)),
                b"EDGE" => extra_edges = Some((start, end)),
                _ => {}
            }
        }
        let (fanout, fanout_end) = fanout?;
        let (oids, oids_end) = oids?;
        let (commit_data, commit_data_end) = commit_data?;
        if fanout_end - fanout != 256 * 4 {
            return None;
        }
        let count = be32(&data, fanout + 255 * 4)?;
        let mut previous = 0;
        for i in 0..256 {
            let value = be32(&data, fanout + i * 4)?;
            if value < previous {
                return None;
            }
            previous = value;
        }
        let n = count as usize;
        if oids_end - oids != n * SHA1_LEN || commit_data_end - commit_data != n * (SHA1_LEN + 16) {
            return None;
        }
        before.checked_add(count)?;
        Some(Layer {
            data,
            before,
            count,
            fanout,
            oids,
            commit_data,
            extra_edges,
        })
    }

    /// The index of `id` within this layer.
    fn index_of(&self, id: Oid) -> Option<u32> {
        let bytes = id.as_bytes();
        let first = bytes[0] as usize;
        let high = be32(&self.data, self.fanout + first * 4)?;
        let low = match first {
            0 => 0,
            _ => be32(&self.data, self.fanout + (first - 1) * 4)?,
        };
        let (mut low, mut high) = (low as usize, (high.min(self.count)) as usize);
        while low < high {
            let middle = (low + high) / 2;
            let at = self.oids + middle * SHA1_LEN;
            match self.data[at..at + SHA1_LEN].cmp(bytes) {
                std::cmp::Ordering::Less => low = middle + 1,
                std::cmp::Ordering::Greater => high = middle,
                std::cmp::Ordering::Equal => return Some(middle as u32),
            }
        }
        None
    }

    fn record(&self, index: u32) -> Option<&[u8]> {
        let size = SHA1_LEN + 16;
        let at = self.commit_data + index as usize * size;
        self.data.get(at..at + size)
    }
}

fn be32(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

fn be64(data: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_be_bytes(data.get(at..at + 8)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-layer graph of `commits` (id, tree, parent positions), written as git does.
    fn graph_file(commits: &[([u8; 20], [u8; 20], Vec<u32>)]) -> Vec<u8> {
        let mut sorted: Vec<usize> = (0..commits.len()).collect();
        sorted.sort_by_key(|&i| commits[i].0);
        let mut fanout = vec![0u32; 256];
        for &i in &sorted {
            for slot in fanout.iter_mut().skip(commits[i].0[0] as usize) {
                *slot += 1;
            }
        }
        let mut oidl = Vec::new();
        let mut cdat = Vec::new();
        let mut edges = Vec::new();
        for &i in &sorted {
            let (id, tree, parents) = &commits[i];
            oidl.extend_from_slice(id);
            cdat.extend_from_slice(tree);
            let first = parents.first().copied().unwrap_or(NO_PARENT);
            let second = match parents.len() {
                0 | 1 => NO_PARENT,
                2 => parents[1],
                _ => {
                    let start = (edges.len() / 4) as u32;
                    for (n, p) in parents[1..].iter().enumerate() {
                        let last = n == parents.len() - 2;
                        let value = if last { p | EXTRA_EDGES } else { *p };
                        edges.extend_from_slice(&value.to_be_bytes());
                    }
                    start | EXTRA_EDGES
                }
            };
            cdat.extend_from_slice(&first.to_be_bytes());
            cdat.extend_from_slice(&second.to_be_bytes());
            cdat.extend_from_slice(&[0; 8]);
        }
        let fanout: Vec<u8> = fanout.iter().flat_map(|v| v.to_be_bytes()).collect();
        let chunks: Vec<(&[u8; 4], Vec<u8>)> = vec![
            (b"OIDF", fanout),
            (b"OIDL", oidl),
            (b"CDAT", cdat),
            (b"EDGE", edges),
            (b"GDA2", vec![0; 4 * commits.len()]),
        ];
        let mut out = b"CGPH".to_vec();
        out.extend_from_slice(&[1, 1, chunks.len() as u8, 0]);
        let mut offset = (8 + (chunks.len() + 1) * 12) as u64;
        for (id, body) in &chunks {
            out.extend_from_slice(*id);
            out.extend_from_slice(&offset.to_be_bytes());
            offset += body.len() as u64;
        }
        out.extend_from_slice(&[0; 4]);
        out.extend_from_slice(&offset.to_be_bytes());
        for (_, body) in chunks {
            out.extend_from_slice(&body);
        }
        out.extend_from_slice(&[0; 20]);
        out
    }

    fn id(byte: u8) -> [u8; 20] {
        let mut id = [byte; 20];
        id[19] = byte.wrapping_add(1);
        id
    }

    fn oid(byte: u8) -> Oid {
        Oid::from_bytes(&id(byte)).expect("20 bytes")
    }

    fn sample() -> Vec<u8> {
        // Positions follow the sorted ids: 0x10 → 0, 0x20 → 1, 0x30 → 2, 0x40 → 3.
        graph_file(&[
            (id(0x40), id(0xa4), vec![2, 1, 0]),
            (id(0x10), id(0xa1), vec![]),
            (id(0x30), id(0xa3), vec![1, 0]),
            (id(0x20), id(0xa2), vec![0]),
        ])
    }

    #[test]
    fn reads_trees_and_parents_including_octopus_merges() {
        let graph = CommitGraph::from_bytes(sample()).expect("a well-formed graph");
        let root = graph.get(oid(0x10)).expect("the root");
        assert_eq!((root.tree, root.parents), (oid(0xa1), vec![]));
        assert_eq!(
            graph.get(oid(0x20)).expect("a commit").parents,
            vec![oid(0x10)]
        );
        assert_eq!(
            graph.get(oid(0x30)).expect("a merge").parents,
            vec![oid(0x20), oid(0x10)]
        );
        let octopus = graph.get(oid(0x40)).expect("an octopus merge");
        assert_eq!(octopus.tree, oid(0xa4));
        assert_eq!(octopus.parents, vec![oid(0x30), oid(0x20), oid(0x10)]);
        assert_eq!(graph.get(oid(0x50)), None, "not in the graph");
    }

    #[test]
    fn a_file_that_does_not_hold_together_is_not_used() {
        let good = sample();
        let mut cases: Vec<Vec<u8>> = vec![
            Vec::new(),
            good[..good.len() / 2].to_vec(),
            b"NOPE".iter().chain(&good[4..]).copied().collect(),
        ];
        let mut sha256 = good.clone();
        sha256[5] = 2;
        cases.push(sha256);
        let mut past_the_end = good.clone();
        past_the_end[8 + 4..8 + 12].copy_from_slice(&u64::MAX.to_be_bytes());
        cases.push(past_the_end);
        for (n, case) in cases.into_iter().enumerate() {
            assert!(CommitGraph::from_bytes(case).is_none(), "case {n}");
        }
        // A parent position beyond the graph makes that one commit unknown, not a panic.
        let broken = graph_file(&[(id(0x10), id(0xa1), vec![7])]);
        let graph = CommitGraph::from_bytes(broken).expect("a well-formed file");
        assert_eq!(graph.get(oid(0x10)), None);
    }

    /// Runs git in `dir` with a fixed identity and dates, so the test needs no configuration.
    fn git(dir: &Path, args: &[&str]) {
        let status = std::process::Command::new("git")
            .args(["-c", "user.name=T", "-c", "user.email=t@example.org"])
            .args(args)
            .current_dir(dir)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_AUTHOR_DATE", "2026-03-02T10:00:00Z")
            .env("GIT_COMMITTER_DATE", "2026-03-02T10:00:00Z")
            .stdout(std::process::Stdio::null())
            .status()
            .expect("git runs");
        assert!(status.success(), "git {args:?}");
    }

    fn commit(dir: &Path, file: &str, text: &str) {
        std::fs::write(dir.join(file), text).expect("a file");
        git(dir, &["add", file]);
        git(dir, &["commit", "--quiet", "-m", text]);
    }

    /// Every commit of the repository, as the graph records it, equals the commit itself.
    fn assert_graph_matches_commits(repo: &Repository) {
        let graph = CommitGraph::open(repo).expect("git's commit graph is read");
        let mut walk = repo.revwalk().expect("a walk");
        walk.push_head().expect("a head");
        let mut seen = 0;
        for id in walk {
            let commit = repo.find_commit(id.expect("an id")).expect("a commit");
            let expected = GraphCommit {
                tree: commit.tree_id(),
                parents: commit.parent_ids().collect(),
            };
            assert_eq!(graph.get(commit.id()), Some(expected), "{}", commit.id());
            seen += 1;
        }
        assert!(seen >= 5);
    }

    /// A new repository on `main` with one commit.
    fn repository() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("a temporary folder");
        git(dir.path(), &["init", "--quiet", "-b", "main"]);
        commit(dir.path(), "plan.json", "first");
        dir
    }

    #[test]
    fn reads_the_graphs_git_writes_single_and_split() {
        let dir = repository();
        let dir = dir.path();
        for side in ["a", "b"] {
            git(dir, &["checkout", "--quiet", "-b", side, "main"]);
            commit(dir, side, side);
        }
        git(dir, &["checkout", "--quiet", "main"]);
        commit(dir, "plan.json", "second");
        git(dir, &["merge", "--quiet", "-m", "octopus", "a", "b"]);
        let repo = Repository::open(dir).expect("the repository");
        assert!(CommitGraph::open(&repo).is_none(), "no graph written yet");
        git(dir, &["commit-graph", "write", "--reachable"]);
        assert_graph_matches_commits(&repo);
        let head = repo
            .head()
            .and_then(|h| h.peel_to_commit())
            .expect("a head commit");
        assert_eq!(head.parent_count(), 3, "the octopus merge is the head");

        // A split graph: a base layer, then a layer whose parents are in the base.
        std::fs::remove_file(dir.join(".git/objects/info/commit-graph")).expect("the graph");
        git(dir, &["commit-graph", "write", "--reachable", "--split"]);
        commit(dir, "plan.json", "third");
        commit(dir, "plan.json", "fourth");
        git(
            dir,
            &["commit-graph", "write", "--reachable", "--split=no-merge"],
        );
        let chain =
            std::fs::read_to_string(dir.join(".git/objects/info/commit-graphs/commit-graph-chain"))
                .expect("a chain");
        assert_eq!(chain.lines().count(), 2, "two layers");
        assert_graph_matches_commits(&repo);
    }

    #[test]
    fn is_not_used_where_git_would_not_use_it() {
        let dir = repository();
        let dir = dir.path();
        commit(dir, "plan.json", "second");
        git(dir, &["commit-graph", "write", "--reachable"]);
        let repo = Repository::open(dir).expect("the repository");
        assert!(CommitGraph::open(&repo).is_some());

        git(dir, &["config", "core.commitGraph", "false"]);
        assert!(CommitGraph::open(&repo).is_none(), "turned off");
        git(dir, &["config", "core.commitGraph", "true"]);

        std::fs::write(dir.join(".git/info/grafts"), "").expect("grafts");
        assert!(CommitGraph::open(&repo).is_none(), "grafts");
        std::fs::remove_file(dir.join(".git/info/grafts")).expect("grafts");

        git(dir, &["replace", "HEAD", "HEAD~1"]);
        assert!(CommitGraph::open(&repo).is_none(), "replaced objects");
        git(dir, &["replace", "-d", "HEAD"]);
        assert!(CommitGraph::open(&repo).is_some());

        let shallow = tempfile::tempdir().expect("a temporary folder");
        let url = format!("file://{}", dir.display());
        git(
            shallow.path(),
            &["clone", "--quiet", "--depth", "1", &url, "clone"],
        );
        let clone = shallow.path().join("clone");
        git(&clone, &["commit-graph", "write", "--reachable"]);
        let clone = Repository::open(clone).expect("the clone");
        assert!(CommitGraph::open(&clone).is_none(), "shallow clone");
    }
}
