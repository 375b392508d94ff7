//! What a plan page needs: the plan of the revision shown, its findings, and how to link within
//! that revision (time travel keeps every link at the same revision).

use std::cmp::Ordering;
use std::rc::Rc;

use continuity_schema::Plan;
use continuity_schema::diff::RecordedFinding;
use continuity_schema::finding::Severity;
use continuity_schema::references::Collection;
use continuity_schema::types::Date;

use crate::app::{PlanPage, Route};
use crate::data::{DataError, Revision};

/// The plan of one revision, as the plan pages see it (shared through Yew context).
#[derive(Debug, Clone)]
pub struct PlanView {
    pub plan: Rc<Plan>,
    /// The findings as of `today`, as the exporter recorded them.
    pub findings: Rc<Vec<RecordedFinding>>,
    /// Why the findings could not be loaded (then `findings` is empty).
    pub findings_error: Option<DataError>,
    /// The date the findings were computed for: the export's date for the current revision,
    /// the revision's own date for a past one (was the plan valid then?).
    pub today: Date,
    /// The revision's id in links when travelling in time; `None` for the current revision.
    pub at: Option<String>,
    /// The revision shown, when known.
    pub revision: Option<Rc<Revision>>,
    /// The plan's path in its repository (checklist ticks are kept per plan).
    pub plan_path: Rc<str>,
    /// Whether the site was published with personal data removed.
    pub redacted: bool,
}

impl PartialEq for PlanView {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.plan, &other.plan)
            && Rc::ptr_eq(&self.findings, &other.findings)
            && self.findings_error == other.findings_error
            && self.today == other.today
            && self.at == other.at
            && self.plan_path == other.plan_path
    }
}

impl PlanView {
    /// The view of `plan` with the `findings` recorded for it as of `today` (on a redacted
    /// site, without the rules that look at the removed contact details).
    pub fn new(
        plan: Rc<Plan>,
        findings: Rc<Vec<RecordedFinding>>,
        today: Date,
        plan_path: &str,
        redacted: bool,
    ) -> PlanView {
        PlanView {
            plan,
            findings,
            findings_error: None,
            today,
            at: None,
            revision: None,
            plan_path: Rc::from(plan_path),
            redacted,
        }
    }

    /// The same view, shown as the past revision `revision`.
    pub fn at_revision(mut self, revision: Rc<Revision>) -> PlanView {
        self.at = Some(revision.short_id().to_owned());
        self.revision = Some(revision);
        self
    }

    /// The link to a plan page of this revision.
    pub fn href(&self, page: PlanPage) -> String {
        Route::Plan {
            at: self.at.clone(),
            page,
        }
        .href()
    }

    pub fn entity_href(&self, collection: Collection, id: &str) -> String {
        self.href(PlanPage::Entity(collection, id.to_owned()))
    }

    /// Counts of findings: errors, warnings and infos not accepted, and accepted ones.
    pub fn counts(&self) -> (usize, usize, usize, usize) {
        let mut counts = (0, 0, 0, 0);
        for f in self.findings.iter() {
            match (f.allowed.is_some(), f.severity) {
                (true, _) => counts.3 += 1,
                (false, Severity::Error) => counts.0 += 1,
                (false, Severity::Warning) => counts.1 += 1,
                (false, Severity::Info) => counts.2 += 1,
            }
        }
        counts
    }

    /// The entity's name as people say it, when it exists.
    pub fn label(&self, collection: Collection, id: &str) -> Option<String> {
        entity_label(&self.plan, collection, id)
    }
}

/// The name (or title) of an entity, when it exists in the plan.
pub fn entity_label(plan: &Plan, collection: Collection, id: &str) -> Option<String> {
    fn find<'a, T>(items: &'a [T], id: &str, key: impl Fn(&T) -> &str) -> Option<&'a T> {
        items.iter().find(|item| key(item) == id)
    }
    let label = match collection {
        Collection::People => find(&plan.people, id, |x| x.id.as_str())?.name.clone(),
        Collection::Roles => find(&plan.roles, id, |x| x.id.as_str())?.name.clone(),
        Collection::Services => find(&plan.services, id, |x| x.id.as_str())?.name.clone(),
        Collection::Systems => find(&plan.systems, id, |x| x.id.as_str())?.name.clone(),
        Collection::Suppliers => find(&plan.suppliers, id, |x| x.id.as_str())?.name.clone(),
        Collection::Locations => find(&plan.locations, id, |x| x.id.as_str())?.name.clone(),
        Collection::Scenarios => find(&plan.scenarios, id, |x| x.id.as_str())?.name.clone(),
        Collection::Risks => find(&plan.risks, id, |x| x.id.as_str())?.title.clone(),
        Collection::Audiences => find(&plan.communication.audiences, id, |x| x.id.as_str())?
            .name
            .clone(),
        Collection::Templates => find(&plan.communication.templates, id, |x| x.id.as_str())?
            .subject
            .clone(),
        Collection::Distribution => {
            let copy = find(&plan.distribution, id, |x| x.id.as_str())?;
            let holder = entity_label(plan, Collection::People, copy.holder.as_str())
                .unwrap_or_else(|| copy.holder.as_str().to_owned());
            format!("{holder} ({})", copy.version)
        }
        Collection::ExerciseSchedule => find(&plan.exercise_schedule, id, |x| x.id.as_str())?
            .id
            .as_str()
            .to_owned(),
        Collection::Exercises => find(&plan.exercises, id, |x| x.id.as_str())?.title.clone(),
        Collection::Actions => find(&plan.actions, id, |x| x.id.as_str())?.title.clone(),
        Collection::Incidents => find(&plan.incidents, id, |x| x.id.as_str())?.title.clone(),
    };
    Some(label)
}

/// `items` ordered by `key`, equal keys in plan order (a stable sort).
///
/// The pages sort positions through one `dyn` comparison, so the WebAssembly holds a single
/// copy of the standard sort instead of one per element and key type (3-4 KB each).
pub fn sorted_by_key<'a, T, K: Ord>(items: &'a [T], key: impl Fn(&'a T) -> K) -> Vec<&'a T> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &|a, b| key(&items[a]).cmp(&key(&items[b])));
    order.into_iter().map(|i| &items[i]).collect()
}

fn sort_positions(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}
