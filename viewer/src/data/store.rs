//! The loaded site: its index, and plans rebuilt on demand from snapshots and chunks, with a
//! small cache so that walking through neighbouring revisions costs little.

use std::cell::RefCell;
use std::ops::Deref;
use std::rc::Rc;

use continuity_schema::Plan;
use continuity_schema::diff::RecordedFinding;
use serde_json::Value;

use super::DataError;
use super::format::{self, Chunk, FindingsFile, Revision, SiteInfo};
use crate::browser;

/// How many rebuilt plans to keep (each as the model and as JSON): a diff needs two, and
/// visitors step back and forth.
const PLAN_CACHE: usize = 6;

/// The site's entry point and revision index.
#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    pub info: SiteInfo,
    /// Newest first.
    pub revisions: Vec<Revision>,
}

impl Site {
    pub fn new(info: SiteInfo, revisions: Vec<Revision>) -> Site {
        Site { info, revisions }
    }

    /// The revision with this id, or the only one whose id starts with it (at least 4 characters).
    pub fn find(&self, id: &str) -> Option<usize> {
        // A scan is quick enough even for 10,000 revisions, once per navigation.
        if let Some(i) = self.revisions.iter().position(|r| r.id == id) {
            return Some(i);
        }
        if id.len() < 4 {
            return None;
        }
        let mut found = self
            .revisions
            .iter()
            .enumerate()
            .filter(|(_, r)| r.id.starts_with(id));
        match (found.next(), found.next()) {
            (Some((i, _)), None) => Some(i),
            _ => None,
        }
    }

    /// The revision the site opens with.
    pub fn current(&self) -> usize {
        self.info
            .current
            .min(self.revisions.len().saturating_sub(1))
    }

    /// The revision before `i` in time (the next one in the index).
    pub fn older(&self, i: usize) -> Option<usize> {
        (i + 1 < self.revisions.len()).then_some(i + 1)
    }

    pub fn newer(&self, i: usize) -> Option<usize> {
        i.checked_sub(1)
    }

    /// Whether there is a history beyond the current plan.
    pub fn has_history(&self) -> bool {
        self.info.history.state != "unavailable"
    }

    /// Every author, in order of first appearance (newest first).
    pub fn authors(&self) -> Vec<&str> {
        let mut authors: Vec<&str> = Vec::new();
        for r in &self.revisions {
            if !r.author.is_empty() && !authors.contains(&r.author.as_str()) {
                authors.push(&r.author);
            }
        }
        authors
    }

    /// Every section some revision changed, in plan order.
    pub fn sections(&self) -> Vec<String> {
        continuity_schema::diff::Section::all()
            .into_iter()
            .map(|s| s.name())
            .filter(|name| {
                self.revisions
                    .iter()
                    .any(|r| r.sections.iter().any(|s| s == name))
            })
            .map(str::to_owned)
            .collect()
    }
}

/// A revision as the pages see it: its plan, the same plan as JSON (what the diff compares),
/// and its findings as the exporter recorded them.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub plan: Rc<Plan>,
    pub json: Rc<Value>,
    pub findings: Rc<Vec<RecordedFinding>>,
    /// Why the findings could not be loaded: the plan is shown all the same (during an
    /// incident the plan matters, not the audit), and the findings say what went wrong.
    pub findings_error: Option<DataError>,
}

impl PartialEq for Loaded {
    /// The same revision loaded once: comparing whole plans would cost more than re-rendering.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.plan, &other.plan)
            && Rc::ptr_eq(&self.findings, &other.findings)
            && self.findings_error == other.findings_error
    }
}

/// A rebuilt plan, as the model and as JSON.
type PlanPair = (Rc<Plan>, Rc<Value>);

/// A small cache, most recently used last. The viewer keeps only a few of each kind, so a
/// list is as quick as a hash map and much smaller in the WebAssembly.
#[derive(Debug)]
struct Recent<K, V> {
    entries: RefCell<Vec<(K, V)>>,
    capacity: usize,
}

impl<K: PartialEq, V: Clone> Recent<K, V> {
    fn new(capacity: usize) -> Self {
        Recent {
            entries: RefCell::new(Vec::new()),
            capacity,
        }
    }

    fn get(&self, key: &K) -> Option<V> {
        let mut entries = self.entries.borrow_mut();
        let at = entries.iter().position(|(k, _)| k == key)?;
        let entry = entries.remove(at);
        let value = entry.1.clone();
        entries.push(entry);
        Some(value)
    }

    fn put(&self, key: K, value: V) {
        let mut entries = self.entries.borrow_mut();
        entries.retain(|(k, _)| *k != key);
        entries.push((key, value));
        if entries.len() > self.capacity {
            entries.remove(0);
        }
    }
}

/// The site and its caches.
#[derive(Debug)]
pub struct Store {
    pub site: Rc<Site>,
    /// Rebuilt plans by content hash.
    plans: Recent<String, PlanPair>,
    /// Revisions' findings, by revision index (small next to plans).
    findings: Recent<usize, Rc<Vec<RecordedFinding>>>,
    chunks: Recent<String, Rc<Chunk>>,
    findings_files: Recent<String, Rc<FindingsFile>>,
    /// The last snapshot a chunk was applied to, as JSON, by content hash.
    base: RefCell<Option<(String, Rc<Value>)>>,
}

impl Store {
    pub fn new(site: Site) -> Store {
        Store {
            site: Rc::new(site),
            plans: Recent::new(PLAN_CACHE),
            findings: Recent::new(64),
            // Chunks and findings files are small next to plans, but a long session should
            // not keep them all.
            chunks: Recent::new(16),
            findings_files: Recent::new(16),
            base: RefCell::new(None),
        }
    }

    /// Fetches `site.json` and the revision index.
    pub async fn load() -> Result<Store, DataError> {
        // site.json is the one file that changes under its name: always revalidate it.
        let text = browser::fetch_text("data/site.json", true).await?;
        let info = format::parse_site(&text)?;
        let path = format!("data/{}", info.index);
        let text = browser::fetch_text(&path, false).await?;
        let revisions = format::parse_index(&path, &text)?;
        Ok(Store::new(Site::new(info, revisions)))
    }

    /// Revision `index`, when it is already in memory.
    pub fn cached(&self, index: usize) -> Option<Loaded> {
        let hash = self.site.revisions.get(index)?.plan.as_deref()?;
        let findings = self.findings.get(&index)?;
        let (plan, json) = self.plans.get(&hash.to_owned())?;
        Some(Loaded {
            plan,
            json,
            findings,
            findings_error: None,
        })
    }

    /// Revision `index`: its plan, fetched and rebuilt as needed, and its findings.
    pub async fn revision(&self, index: usize) -> Result<Loaded, DataError> {
        let revision =
            self.site
                .revisions
                .get(index)
                .ok_or_else(|| DataError::UnknownRevision {
                    id: index.to_string(),
                })?;
        let (hash, load) = match (&revision.plan, &revision.load) {
            (Some(hash), Some(load)) if revision.is_checked() => (hash.clone(), load.clone()),
            _ if revision.state == "absent" => {
                return Err(DataError::Absent {
                    id: revision.short_id().to_owned(),
                });
            }
            _ => {
                return Err(DataError::Unreadable {
                    id: revision.short_id().to_owned(),
                    detail: revision.error.clone().unwrap_or_default(),
                });
            }
        };
        let (findings, findings_error) = match self.findings_of(index, revision).await {
            Ok(findings) => (findings, None),
            Err(error) => (Rc::new(Vec::new()), Some(error)),
        };
        let (plan, json) = match self.plans.get(&hash) {
            Some(pair) => pair,
            None => {
                let pair = self.rebuild(&hash, load).await?;
                self.plans.put(hash, pair.clone());
                pair
            }
        };
        Ok(Loaded {
            plan,
            json,
            findings,
            findings_error,
        })
    }

    async fn rebuild(&self, hash: &str, load: String) -> Result<PlanPair, DataError> {
        let (plan, json) = if format::is_data_path(&load, &["snapshots/"]) {
            let path = format!("data/{load}");
            let text = browser::fetch_text(&path, false).await?;
            format::parse_plan(&path, &text)?
        } else if format::is_data_path(&load, &["chunks/"]) {
            let chunk = self.chunk(&load).await?;
            let base_path = format!("snapshots/{}.json", chunk.base);
            let base = self.base(&chunk.base, &base_path).await?;
            format::rebuild(&base, &chunk, hash, &load)?
        } else {
            return Err(DataError::BadPath { path: load });
        };
        Ok((Rc::new(plan), Rc::new(json)))
    }

    /// The findings the exporter recorded for revision `index`.
    async fn findings_of(
        &self,
        index: usize,
        revision: &Revision,
    ) -> Result<Rc<Vec<RecordedFinding>>, DataError> {
        if let Some(findings) = self.findings.get(&index) {
            return Ok(findings);
        }
        let missing = || DataError::Json {
            path: "data/".to_owned() + revision.findings_file.as_deref().unwrap_or("revisions"),
            detail: format!(
                "no findings are listed for revision {}",
                revision.short_id()
            ),
        };
        let load = revision.findings_file.clone().ok_or_else(missing)?;
        if !format::is_data_path(&load, &["findings/"]) {
            return Err(DataError::BadPath { path: load });
        }
        let file = match self.findings_files.get(&load) {
            Some(file) => file,
            None => {
                let path = format!("data/{load}");
                let text = browser::fetch_text(&path, false).await?;
                let file = Rc::new(format::parse_findings(&path, &text)?);
                self.findings_files.put(load, file.clone());
                file
            }
        };
        let findings = Rc::new(file.of(&revision.id).ok_or_else(missing)?);
        self.findings.put(index, findings.clone());
        Ok(findings)
    }

    /// The snapshot a chunk patches, as JSON; the last one is kept, since neighbouring
    /// revisions share it.
    async fn base(&self, hash: &str, load: &str) -> Result<Rc<Value>, DataError> {
        if let Some((h, value)) = self.base.borrow().as_ref() {
            if h == hash {
                return Ok(value.clone());
            }
        }
        let path = format!("data/{load}");
        let text = browser::fetch_text(&path, false).await?;
        let value = Rc::new(format::parse_value(&path, &text)?);
        *self.base.borrow_mut() = Some((hash.to_owned(), value.clone()));
        Ok(value)
    }

    async fn chunk(&self, load: &str) -> Result<Rc<Chunk>, DataError> {
        if let Some(chunk) = self.chunks.get(&load.to_owned()) {
            return Ok(chunk);
        }
        let path = format!("data/{load}");
        let text = browser::fetch_text(&path, false).await?;
        let chunk = Rc::new(format::parse_chunk(&path, &text)?);
        self.chunks.put(load.to_owned(), chunk.clone());
        Ok(chunk)
    }
}

/// The store as shared through Yew context: equal when it is the same store.
#[derive(Debug, Clone)]
pub struct StoreHandle(pub Rc<Store>);

impl PartialEq for StoreHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for StoreHandle {
    type Target = Store;

    fn deref(&self) -> &Store {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::HistoryInfo;

    fn revision(id: &str) -> Revision {
        serde_json::from_value(serde_json::json!({"id": id, "state": "checked"}))
            .expect("a revision")
    }

    fn site(ids: &[&str]) -> Site {
        let info = SiteInfo {
            format: 2,
            generator: String::new(),
            generated_at: String::new(),
            plan_path: "plan.json".into(),
            history: HistoryInfo {
                state: "complete".into(),
                note: None,
            },
            index: "revisions-00.json".into(),
            current: 7,
            redacted: false,
            classification: None,
            as_of: None,
        };
        Site::new(info, ids.iter().map(|id| revision(id)).collect())
    }

    #[test]
    fn revisions_are_found_by_id_or_unique_prefix() {
        let site = site(&["abcdef01", "abcdff02", "worktree"]);
        assert_eq!(site.find("worktree"), Some(2));
        assert_eq!(site.find("abcdf"), Some(1));
        assert_eq!(site.find("abcd"), None, "ambiguous");
        assert_eq!(site.find("abc"), None, "too short");
        assert_eq!(site.find("zzzz"), None);
    }

    #[test]
    fn current_is_clamped_and_neighbours_stop_at_the_ends() {
        let site = site(&["a", "b"]);
        assert_eq!(site.current(), 1);
        assert_eq!(site.older(1), None);
        assert_eq!(site.older(0), Some(1));
        assert_eq!(site.newer(0), None);
    }
}
