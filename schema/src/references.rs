//! The plan's collections and every reference between entities, in one place, so that rules,
//! diffs and the viewer's links agree on what points where.

use std::fmt;

use crate::json::Pointer;
use crate::model::Plan;
use crate::pointer;

/// A collection of entities with ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Collection {
    People,
    Roles,
    Services,
    Systems,
    Suppliers,
    Locations,
    Scenarios,
    Risks,
    Audiences,
    Templates,
    Distribution,
    ExerciseSchedule,
    Exercises,
    Actions,
    Incidents,
}

impl Collection {
    /// Every collection, in the order of the plan file.
    pub const ALL: [Collection; 15] = [
        Collection::People,
        Collection::Roles,
        Collection::Services,
        Collection::Systems,
        Collection::Suppliers,
        Collection::Locations,
        Collection::Scenarios,
        Collection::Risks,
        Collection::Audiences,
        Collection::Templates,
        Collection::Distribution,
        Collection::ExerciseSchedule,
        Collection::Exercises,
        Collection::Actions,
        Collection::Incidents,
    ];

    /// The collection's name as used in subjects (`systems/firewall`): its path with dots.
    pub fn name(self) -> &'static str {
        match self {
            Collection::People => "people",
            Collection::Roles => "roles",
            Collection::Services => "services",
            Collection::Systems => "systems",
            Collection::Suppliers => "suppliers",
            Collection::Locations => "locations",
            Collection::Scenarios => "scenarios",
            Collection::Risks => "risks",
            Collection::Audiences => "communication.audiences",
            Collection::Templates => "communication.templates",
            Collection::Distribution => "distribution",
            Collection::ExerciseSchedule => "exercise_schedule",
            Collection::Exercises => "exercises",
            Collection::Actions => "actions",
            Collection::Incidents => "incidents",
        }
    }

    /// One entity of the collection, in words.
    pub fn singular(self) -> &'static str {
        match self {
            Collection::People => "person",
            Collection::Roles => "role",
            Collection::Services => "service",
            Collection::Systems => "system",
            Collection::Suppliers => "supplier",
            Collection::Locations => "location",
            Collection::Scenarios => "scenario",
            Collection::Risks => "risk",
            Collection::Audiences => "audience",
            Collection::Templates => "message template",
            Collection::Distribution => "plan copy",
            Collection::ExerciseSchedule => "exercise schedule entry",
            Collection::Exercises => "exercise",
            Collection::Actions => "action",
            Collection::Incidents => "incident",
        }
    }

    pub fn from_name(name: &str) -> Option<Collection> {
        Collection::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The pointer to the collection's array.
    pub fn pointer(self) -> Pointer {
        self.name().split('.').collect()
    }

    /// The ids of the collection's entities, in file order.
    pub fn ids(self, plan: &Plan) -> Vec<&str> {
        fn ids<T>(items: &[T], id: impl Fn(&T) -> &str) -> Vec<&str> {
            items.iter().map(id).collect()
        }
        match self {
            Collection::People => ids(&plan.people, |x| x.id.as_str()),
            Collection::Roles => ids(&plan.roles, |x| x.id.as_str()),
            Collection::Services => ids(&plan.services, |x| x.id.as_str()),
            Collection::Systems => ids(&plan.systems, |x| x.id.as_str()),
            Collection::Suppliers => ids(&plan.suppliers, |x| x.id.as_str()),
            Collection::Locations => ids(&plan.locations, |x| x.id.as_str()),
            Collection::Scenarios => ids(&plan.scenarios, |x| x.id.as_str()),
            Collection::Risks => ids(&plan.risks, |x| x.id.as_str()),
            Collection::Audiences => ids(&plan.communication.audiences, |x| x.id.as_str()),
            Collection::Templates => ids(&plan.communication.templates, |x| x.id.as_str()),
            Collection::Distribution => ids(&plan.distribution, |x| x.id.as_str()),
            Collection::ExerciseSchedule => ids(&plan.exercise_schedule, |x| x.id.as_str()),
            Collection::Exercises => ids(&plan.exercises, |x| x.id.as_str()),
            Collection::Actions => ids(&plan.actions, |x| x.id.as_str()),
            Collection::Incidents => ids(&plan.incidents, |x| x.id.as_str()),
        }
    }
}

impl fmt::Display for Collection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One reference from an entity (at `pointer`) to an entity of `target` named `id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference<'p> {
    pub pointer: Pointer,
    pub target: Collection,
    pub id: &'p str,
}

/// The references in the plan to which `wanted` (given the target collection and id) says
/// yes, in file order. Step ids and exercise-finding ids are scoped to their parent and are not
/// listed (see the `dangling-reference` rule).
///
/// A large plan holds hundreds of thousands of references and callers want few of them (those
/// that dangle, those to one entity): a reference's pointer is built only when it is wanted.
pub fn references_where<'p>(
    plan: &'p Plan,
    wanted: impl Fn(Collection, &str) -> bool,
) -> Vec<Reference<'p>> {
    let mut refs = Refs {
        wanted,
        out: Vec::new(),
    };
    refs.one(
        || pointer!["plan", "owner"],
        Collection::People,
        plan.plan.owner.as_str(),
    );
    refs.many(
        || pointer!["plan", "contributors"],
        Collection::People,
        &plan.plan.contributors,
    );
    refs.many(
        || pointer!["activation", "authorised_roles"],
        Collection::Roles,
        &plan.activation.authorised_roles,
    );
    for (i, role) in plan.roles.iter().enumerate() {
        refs.many(
            || pointer!["roles", i, "members"],
            Collection::People,
            &role.members,
        );
    }
    for (i, s) in plan.services.iter().enumerate() {
        let at = || pointer!["services", i];
        refs.opt(|| at().join("owner"), Collection::People, s.owner.as_ref());
        refs.many(
            || at().join("depends_on"),
            Collection::Systems,
            &s.depends_on,
        );
        refs.many(
            || at().join("alternate_locations"),
            Collection::Locations,
            &s.alternate_locations,
        );
    }
    for (i, s) in plan.systems.iter().enumerate() {
        let at = || pointer!["systems", i];
        refs.opt(
            || at().join("location"),
            Collection::Locations,
            s.location.as_ref(),
        );
        refs.opt(
            || at().join("supplier"),
            Collection::Suppliers,
            s.supplier.as_ref(),
        );
        refs.opt(|| at().join("owner"), Collection::People, s.owner.as_ref());
        refs.many(
            || at().join("depends_on"),
            Collection::Systems,
            &s.depends_on,
        );
    }
    for (i, l) in plan.locations.iter().enumerate() {
        refs.opt(
            || pointer!["locations", i, "contact"],
            Collection::People,
            l.contact.as_ref(),
        );
    }
    for (i, s) in plan.scenarios.iter().enumerate() {
        let at = || pointer!["scenarios", i];
        refs.many(
            || at().join("affected_services"),
            Collection::Services,
            &s.affected_services,
        );
        refs.many(
            || at().join("affected_systems"),
            Collection::Systems,
            &s.affected_systems,
        );
        for (j, step) in s.steps.iter().enumerate() {
            let at = || pointer!["scenarios", i, "steps", j];
            refs.one(|| at().join("role"), Collection::Roles, step.role.as_str());
            refs.many(|| at().join("systems"), Collection::Systems, &step.systems);
            refs.opt(
                || at().join("location"),
                Collection::Locations,
                step.location.as_ref(),
            );
        }
    }
    for (i, r) in plan.risks.iter().enumerate() {
        refs.many(
            || pointer!["risks", i, "scenarios"],
            Collection::Scenarios,
            &r.scenarios,
        );
        refs.opt(
            || pointer!["risks", i, "owner"],
            Collection::People,
            r.owner.as_ref(),
        );
    }
    for (i, a) in plan.communication.audiences.iter().enumerate() {
        refs.one(
            || pointer!["communication", "audiences", i, "responsible"],
            Collection::Roles,
            a.responsible.as_str(),
        );
    }
    for (i, t) in plan.communication.templates.iter().enumerate() {
        let at = || pointer!["communication", "templates", i];
        refs.one(
            || at().join("audience"),
            Collection::Audiences,
            t.audience.as_str(),
        );
        refs.opt(
            || at().join("scenario"),
            Collection::Scenarios,
            t.scenario.as_ref(),
        );
    }
    for (i, c) in plan.distribution.iter().enumerate() {
        refs.one(
            || pointer!["distribution", i, "holder"],
            Collection::People,
            c.holder.as_str(),
        );
    }
    for (i, e) in plan.exercises.iter().enumerate() {
        refs.opt(
            || pointer!["exercises", i, "scenario"],
            Collection::Scenarios,
            e.scenario.as_ref(),
        );
        refs.many(
            || pointer!["exercises", i, "participants"],
            Collection::People,
            &e.participants,
        );
    }
    for (i, a) in plan.actions.iter().enumerate() {
        let at = || pointer!["actions", i];
        refs.opt(
            || at().join("exercise"),
            Collection::Exercises,
            a.exercise.as_ref(),
        );
        refs.opt(
            || at().join("incident"),
            Collection::Incidents,
            a.incident.as_ref(),
        );
        refs.one(|| at().join("owner"), Collection::People, a.owner.as_str());
    }
    for (i, a) in plan.allow.iter().enumerate() {
        refs.opt(
            || pointer!["allow", i, "accepted_by"],
            Collection::People,
            a.accepted_by.as_ref(),
        );
    }
    refs.out
}

struct Refs<'p, W> {
    wanted: W,
    out: Vec<Reference<'p>>,
}

impl<'p, W: Fn(Collection, &str) -> bool> Refs<'p, W> {
    fn one(&mut self, pointer: impl FnOnce() -> Pointer, target: Collection, id: &'p str) {
        if (self.wanted)(target, id) {
            self.out.push(Reference {
                pointer: pointer(),
                target,
                id,
            });
        }
    }

    fn opt<T: AsRef<str>>(
        &mut self,
        pointer: impl FnOnce() -> Pointer,
        target: Collection,
        id: Option<&'p T>,
    ) {
        if let Some(id) = id {
            self.one(pointer, target, id.as_ref());
        }
    }

    fn many<T: AsRef<str>>(
        &mut self,
        pointer: impl Fn() -> Pointer,
        target: Collection,
        ids: &'p [T],
    ) {
        for (i, id) in ids.iter().enumerate() {
            self.one(|| pointer().join(i), target, id.as_ref());
        }
    }
}
