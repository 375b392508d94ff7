//! Recovery analysis along the dependency graph: which systems each service needs, how long
//! the whole chain takes to come back, the worst backup interval beneath it, and cycles.
//!
//! Every computation is linear in the size of the graph (memoised depth-first passes without
//! recursion), so that plans with tens of thousands of systems stay fast and no dependency
//! chain can overflow the stack. Cycles are tolerated here (and reported by a rule).

use crate::hash::{HashMap, HashMapExt as _};

use crate::model::{Criticality, Plan, Service};
use crate::types::Duration;

/// The plan's systems as a graph of indexes into `plan.systems`.
#[derive(Debug)]
pub struct SystemGraph<'p> {
    plan: &'p Plan,
    ids: HashMap<&'p str, usize>,
    /// Resolved `depends_on` of each system (dangling ids left out).
    deps: Vec<Vec<usize>>,
}

/// How long a system takes to recover including everything beneath it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chain {
    /// Minutes from "everything down" to this system running, along the slowest path.
    pub minutes: u64,
    /// The dependency on the slowest path, if any.
    pub next: Option<usize>,
}

/// The worst backup interval found beneath a system.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorstBackup {
    /// The longest backup interval in minutes, with the system that has it.
    pub interval: Option<(u64, usize)>,
    /// A system that holds data but has no backup at all.
    pub unprotected: Option<usize>,
}

impl<'p> SystemGraph<'p> {
    pub fn new(plan: &'p Plan) -> Self {
        let mut ids = HashMap::with_capacity(plan.systems.len());
        for (i, system) in plan.systems.iter().enumerate() {
            ids.entry(system.id.as_str()).or_insert(i);
        }
        let deps = plan
            .systems
            .iter()
            .map(|system| {
                system
                    .depends_on
                    .iter()
                    .filter_map(|d| ids.get(d.as_str()).copied())
                    .collect()
            })
            .collect();
        SystemGraph { plan, ids, deps }
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    pub fn dependencies(&self, system: usize) -> &[usize] {
        &self.deps[system]
    }

    /// The systems a service names directly, resolved.
    pub fn service_roots(&self, service: &Service) -> Vec<usize> {
        service
            .depends_on
            .iter()
            .filter_map(|d| self.index_of(d.as_str()))
            .collect()
    }

    /// Visits every system in post-order (dependencies before dependants), ignoring back edges.
    fn post_order(&self) -> Vec<usize> {
        const NEW: u8 = 0;
        const OPEN: u8 = 1;
        const DONE: u8 = 2;
        let n = self.deps.len();
        let mut state = vec![NEW; n];
        let mut order = Vec::with_capacity(n);
        let mut stack: Vec<(usize, usize)> = Vec::new();
        for start in 0..n {
            if state[start] != NEW {
                continue;
            }
            state[start] = OPEN;
            stack.push((start, 0));
            while let Some(&mut (node, ref mut next)) = stack.last_mut() {
                if let Some(&child) = self.deps[node].get(*next) {
                    *next += 1;
                    if state[child] == NEW {
                        state[child] = OPEN;
                        stack.push((child, 0));
                    }
                } else {
                    state[node] = DONE;
                    order.push(node);
                    stack.pop();
                }
            }
        }
        order
    }

    /// The recovery chain of every system: its own estimated recovery time plus the slowest
    /// chain beneath it. Systems without an estimate count as zero (see [`Self::unknown_recovery`]).
    pub fn recovery_chains(&self) -> Vec<Chain> {
        let mut chains = vec![
            Chain {
                minutes: 0,
                next: None
            };
            self.deps.len()
        ];
        for node in self.post_order() {
            let own = self.plan.systems[node]
                .recovery
                .as_ref()
                .map_or(0, |r| r.time.as_minutes());
            let slowest = self.deps[node]
                .iter()
                .filter(|&&d| d != node)
                .map(|&d| (chains[d].minutes, d))
                .max_by_key(|&(minutes, d)| (minutes, std::cmp::Reverse(d)));
            chains[node] = Chain {
                minutes: own.saturating_add(slowest.map_or(0, |(m, _)| m)),
                next: slowest.map(|(_, d)| d),
            };
        }
        chains
    }

    /// The slowest chain among `roots`: total minutes and the path of system indexes.
    pub fn slowest_path(&self, chains: &[Chain], roots: &[usize]) -> (u64, Vec<usize>) {
        let Some(&first) = roots
            .iter()
            .max_by_key(|&&r| (chains[r].minutes, std::cmp::Reverse(r)))
        else {
            return (0, Vec::new());
        };
        let mut path = vec![first];
        let mut current = chains[first].next;
        while let Some(next) = current {
            if path.contains(&next) || path.len() > self.deps.len() {
                break;
            }
            path.push(next);
            current = chains[next].next;
        }
        (chains[first].minutes, path)
    }

    /// The worst backup situation beneath every system.
    pub fn worst_backups(&self) -> Vec<WorstBackup> {
        let mut worst = vec![
            WorstBackup {
                interval: None,
                unprotected: None
            };
            self.deps.len()
        ];
        for node in self.post_order() {
            let system = &self.plan.systems[node];
            let mut result = WorstBackup {
                interval: system
                    .backup
                    .as_ref()
                    .map(|b| (b.frequency.as_minutes(), node)),
                unprotected: (system.backup.is_none() && system.kind.holds_data()).then_some(node),
            };
            for &d in &self.deps[node] {
                let below = worst[d];
                if below.interval.map(|(m, _)| m) > result.interval.map(|(m, _)| m) {
                    result.interval = below.interval;
                }
                result.unprotected = result.unprotected.or(below.unprotected);
            }
            worst[node] = result;
        }
        worst
    }

    /// Every system reachable from `roots`, in breadth-first order, each once.
    pub fn closure(&self, roots: &[usize]) -> Vec<usize> {
        let mut order = Vec::new();
        self.closure_into(roots, &mut Vec::new(), &mut order);
        order
    }

    /// [`Self::closure`] into `order`, with `seen` as scratch space kept between calls: a rule
    /// that walks the closure of every service then costs the size of each closure, not the
    /// number of systems per service.
    pub fn closure_into(&self, roots: &[usize], seen: &mut Vec<bool>, order: &mut Vec<usize>) {
        seen.resize(self.deps.len(), false);
        order.clear();
        for &r in roots {
            if !seen[r] {
                seen[r] = true;
                order.push(r);
            }
        }
        let mut i = 0;
        while i < order.len() {
            for &d in &self.deps[order[i]] {
                if !seen[d] {
                    seen[d] = true;
                    order.push(d);
                }
            }
            i += 1;
        }
        for &node in order.iter() {
            seen[node] = false;
        }
    }

    /// The most critical service criticality that needs each system (directly or beneath).
    pub fn criticality(&self) -> Vec<Option<Criticality>> {
        let mut level = vec![None; self.deps.len()];
        for wanted in [
            Criticality::Critical,
            Criticality::High,
            Criticality::Medium,
            Criticality::Low,
        ] {
            let roots: Vec<usize> = self
                .plan
                .services
                .iter()
                .filter(|s| s.criticality == wanted)
                .flat_map(|s| self.service_roots(s))
                .filter(|&r| level[r].is_none())
                .collect();
            let mut stack = roots;
            while let Some(node) = stack.pop() {
                if level[node].is_some() {
                    continue;
                }
                level[node] = Some(wanted);
                stack.extend(
                    self.deps[node]
                        .iter()
                        .copied()
                        .filter(|&d| level[d].is_none()),
                );
            }
        }
        level
    }

    /// Strongly connected components that form cycles (more than one system, or a system that
    /// depends on itself), each as a cycle path of system indexes starting at its smallest index.
    pub fn cycles(&self) -> Vec<Vec<usize>> {
        let components = tarjan(&self.deps);
        let mut cycles = Vec::new();
        for component in components {
            let self_loop = component.len() == 1 && self.deps[component[0]].contains(&component[0]);
            if component.len() < 2 && !self_loop {
                continue;
            }
            let start = *component.iter().min().unwrap_or(&component[0]);
            cycles.push(self.cycle_through(start, &component));
        }
        cycles.sort();
        cycles
    }

    /// A shortest path from `start` back to itself inside `component`.
    fn cycle_through(&self, start: usize, component: &[usize]) -> Vec<usize> {
        let inside: crate::hash::HashSet<usize> = component.iter().copied().collect();
        let mut previous: HashMap<usize, usize> = HashMap::new();
        let mut queue = std::collections::VecDeque::from([start]);
        while let Some(node) = queue.pop_front() {
            for &d in &self.deps[node] {
                if !inside.contains(&d) {
                    continue;
                }
                if d == start {
                    let mut path = vec![node];
                    let mut current = node;
                    while current != start {
                        current = previous[&current];
                        path.push(current);
                    }
                    path.reverse();
                    return path;
                }
                if let std::collections::hash_map::Entry::Vacant(slot) = previous.entry(d) {
                    slot.insert(node);
                    queue.push_back(d);
                }
            }
        }
        vec![start]
    }
}

/// Tarjan's strongly connected components, iteratively.
fn tarjan(deps: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let n = deps.len();
    let mut index = vec![usize::MAX; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut components = Vec::new();
    let mut counter = 0;
    let mut call: Vec<(usize, usize)> = Vec::new();
    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        call.push((root, 0));
        index[root] = counter;
        low[root] = counter;
        counter += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (node, ref mut next)) = call.last_mut() {
            if let Some(&child) = deps[node].get(*next) {
                *next += 1;
                if index[child] == usize::MAX {
                    index[child] = counter;
                    low[child] = counter;
                    counter += 1;
                    stack.push(child);
                    on_stack[child] = true;
                    call.push((child, 0));
                } else if on_stack[child] {
                    low[node] = low[node].min(index[child]);
                }
            } else {
                call.pop();
                if let Some(&(parent, _)) = call.last() {
                    low[parent] = low[parent].min(low[node]);
                }
                if low[node] == index[node] {
                    let mut component = Vec::new();
                    while let Some(member) = stack.pop() {
                        on_stack[member] = false;
                        component.push(member);
                        if member == node {
                            break;
                        }
                    }
                    components.push(component);
                }
            }
        }
    }
    components
}

/// A readable duration for a number of minutes (`90m`, `9h`, `2d`).
pub fn minutes_label(minutes: u64) -> String {
    Duration::from_minutes(minutes).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tarjan_finds_cycles_and_self_loops() {
        let deps = vec![vec![1], vec![2], vec![0], vec![3], vec![]];
        let mut components: Vec<Vec<usize>> = tarjan(&deps)
            .into_iter()
            .map(|mut c| {
                c.sort();
                c
            })
            .collect();
        components.sort();
        assert_eq!(components, vec![vec![0, 1, 2], vec![3], vec![4]]);
    }

    #[test]
    fn tarjan_survives_long_chains() {
        let n = 200_000;
        let deps: Vec<Vec<usize>> = (0..n)
            .map(|i| if i + 1 < n { vec![i + 1] } else { vec![0] })
            .collect();
        assert_eq!(tarjan(&deps).len(), 1);
    }
}
