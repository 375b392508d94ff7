//! The loaded site: its index, and plans rebuilt on demand from snapshots and chunks, with a
//! small cache so that walking through neighbouring revisions costs little.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Deref;
use std::rc::Rc;

use continuity_schema::Plan;
use serde_json::Value;

use super::DataError;
use super::format::{self, Chunk, Revision, SiteInfo};
use crate::browser;

/// How many rebuilt plans to keep: a diff needs two, and visitors step back and forth.
const PLAN_CACHE: usize = 8;

/// The site's entry point and revision index.
#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    pub info: SiteInfo,
    /// Newest first.
    pub revisions: Vec<Revision>,
    by_id: HashMap<String, usize>,
}

impl Site {
    pub fn new(info: SiteInfo, revisions: Vec<Revision>) -> Site {
        let mut by_id = HashMap::with_capacity(revisions.len());
        for (i, r) in revisions.iter().enumerate() {
            by_id.entry(r.id.clone()).or_insert(i);
        }
        Site {
            info,
            revisions,
            by_id,
        }
    }

    /// The revision with this id, or the only one whose id starts with it (at least 4 characters).
    pub fn find(&self, id: &str) -> Option<usize> {
        if let Some(&i) = self.by_id.get(id) {
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
        let mut seen = std::collections::HashSet::new();
        self.revisions
            .iter()
            .map(|r| r.author.as_str())
            .filter(|a| !a.is_empty() && seen.insert(*a))
            .collect()
    }

    /// Every section some revision changed, in plan order.
    pub fn sections(&self) -> Vec<String> {
        let used: std::collections::HashSet<&str> = self
            .revisions
            .iter()
            .flat_map(|r| r.sections.iter().map(String::as_str))
            .collect();
        continuity_schema::diff::Section::all()
            .into_iter()
            .map(|s| s.name())
            .filter(|name| used.contains(name))
            .map(str::to_owned)
            .collect()
    }
}

/// The site and its caches.
#[derive(Debug)]
pub struct Store {
    pub site: Rc<Site>,
    /// Rebuilt plans by content hash, most recently used last.
    plans: RefCell<Vec<(String, Rc<Plan>)>>,
    chunks: RefCell<HashMap<String, Rc<Chunk>>>,
    /// The last snapshot a chunk was applied to, as JSON, by content hash.
    base: RefCell<Option<(String, Rc<Value>)>>,
}

impl Store {
    pub fn new(site: Site) -> Store {
        Store {
            site: Rc::new(site),
            plans: RefCell::new(Vec::new()),
            chunks: RefCell::new(HashMap::new()),
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

    /// The plan at revision `index`, when it is already in memory.
    pub fn cached(&self, index: usize) -> Option<Rc<Plan>> {
        let hash = self.site.revisions.get(index)?.plan.as_deref()?;
        self.cached_plan(hash)
    }

    fn cached_plan(&self, hash: &str) -> Option<Rc<Plan>> {
        let mut plans = self.plans.borrow_mut();
        let at = plans.iter().position(|(h, _)| h == hash)?;
        let entry = plans.remove(at);
        let plan = entry.1.clone();
        plans.push(entry);
        Some(plan)
    }

    fn remember(&self, hash: &str, plan: Rc<Plan>) {
        let mut plans = self.plans.borrow_mut();
        plans.retain(|(h, _)| h != hash);
        plans.push((hash.to_owned(), plan));
        if plans.len() > PLAN_CACHE {
            plans.remove(0);
        }
    }

    /// The plan at revision `index`, fetched and rebuilt as needed.
    pub async fn plan(&self, index: usize) -> Result<Rc<Plan>, DataError> {
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
        if let Some(plan) = self.cached_plan(&hash) {
            return Ok(plan);
        }
        let plan = if format::is_data_path(&load, &["snapshots/"]) {
            self.snapshot(&load).await?
        } else if format::is_data_path(&load, &["chunks/"]) {
            let chunk = self.chunk(&load).await?;
            let base_path = format!("snapshots/{}.json", chunk.base);
            let base = self.base(&chunk.base, &base_path).await?;
            Rc::new(format::rebuild(&base, &chunk, &hash, &load)?)
        } else {
            return Err(DataError::BadPath { path: load });
        };
        self.remember(&hash, plan.clone());
        Ok(plan)
    }

    async fn snapshot(&self, load: &str) -> Result<Rc<Plan>, DataError> {
        let path = format!("data/{load}");
        let text = browser::fetch_text(&path, false).await?;
        Ok(Rc::new(format::parse_plan(&path, &text)?))
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
        if let Some(chunk) = self.chunks.borrow().get(load) {
            return Ok(chunk.clone());
        }
        let path = format!("data/{load}");
        let text = browser::fetch_text(&path, false).await?;
        let chunk = Rc::new(format::parse_chunk(&path, &text)?);
        let mut chunks = self.chunks.borrow_mut();
        // Chunks are small next to plans, but a long session should not keep them all.
        if chunks.len() >= 16 {
            chunks.clear();
        }
        chunks.insert(load.to_owned(), chunk.clone());
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
            format: 1,
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
