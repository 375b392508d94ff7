//! What rules share: indexes by id and the recovery analysis, computed once per check.

use crate::hash::{HashMap, HashMapExt as _};

use crate::analysis::{Chain, SystemGraph, WorstBackup};
use crate::model::{Criticality, Person, Plan, Role};
use crate::types::Date;

/// A plan prepared for checking.
#[derive(Debug)]
pub struct Context<'p> {
    pub plan: &'p Plan,
    pub today: Date,
    pub graph: SystemGraph<'p>,
    /// Recovery chain of each system (index as in `plan.systems`).
    pub chains: Vec<Chain>,
    /// Worst backup beneath each system.
    pub backups: Vec<WorstBackup>,
    /// The most critical service needing each system.
    pub system_criticality: Vec<Option<Criticality>>,
    people: HashMap<&'p str, usize>,
    roles: HashMap<&'p str, usize>,
    suppliers: HashMap<&'p str, usize>,
}

fn index<'p, T>(items: &'p [T], id: impl Fn(&'p T) -> &'p str) -> HashMap<&'p str, usize> {
    let mut map = HashMap::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        map.entry(id(item)).or_insert(i);
    }
    map
}

impl<'p> Context<'p> {
    pub fn new(plan: &'p Plan, today: Date) -> Self {
        let graph = SystemGraph::new(plan);
        let chains = graph.recovery_chains();
        let backups = graph.worst_backups();
        let system_criticality = graph.criticality();
        Context {
            plan,
            today,
            graph,
            chains,
            backups,
            system_criticality,
            people: index(&plan.people, |p| p.id.as_str()),
            roles: index(&plan.roles, |r| r.id.as_str()),
            suppliers: index(&plan.suppliers, |s| s.id.as_str()),
        }
    }

    pub fn person(&self, id: &str) -> Option<&'p Person> {
        self.people.get(id).map(|&i| &self.plan.people[i])
    }

    pub fn role(&self, id: &str) -> Option<&'p Role> {
        self.roles.get(id).map(|&i| &self.plan.roles[i])
    }

    pub fn supplier_index(&self, id: &str) -> Option<usize> {
        self.suppliers.get(id).copied()
    }

    /// Whether the system at `index` serves a critical service.
    pub fn is_critical_system(&self, index: usize) -> bool {
        self.system_criticality[index] == Some(Criticality::Critical)
    }

    /// The id of the system at `index`.
    pub fn system_id(&self, index: usize) -> &'p str {
        self.plan.systems[index].id.as_str()
    }

    /// The date the last approval was made, with its version label.
    pub fn last_approval(&self) -> Option<&'p crate::model::Approval> {
        self.plan.plan.approvals.iter().max_by_key(|a| a.date)
    }
}

/// Lists up to `limit` items and says how many more there are.
pub fn list_some(items: &[String], limit: usize) -> String {
    let shown: Vec<&str> = items.iter().take(limit).map(String::as_str).collect();
    let mut text = shown.join(", ");
    if items.len() > limit {
        text.push_str(&format!(" and {} more", items.len() - limit));
    }
    text
}
