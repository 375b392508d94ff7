//! The sections the crisis team needs first: activation, crisis team, scenarios, restart order,
//! suppliers' emergency contacts, locations and communication.

use continuity_schema::analysis::{SystemGraph, minutes_label};
use continuity_schema::model::{
    Availability, LocationKind, Role, Service, Supplier, SupplierContact,
};

use super::{Builder, cell, heading, lines, list, multiline, opt_cell, text, token, web};
use crate::report::document::{Block, Inline, Part, Section, Table};

impl<'p> Builder<'p> {
    pub(super) fn activation(&self) -> Section {
        let l = self.l;
        let a = &self.plan.activation;
        let mut blocks = vec![heading(l.criteria), list(&a.criteria)];
        blocks.push(heading(l.who_activates));
        blocks.push(Block::List {
            ordered: false,
            items: a
                .authorised_roles
                .iter()
                .map(|r| self.role_people(r.as_str()))
                .collect(),
        });
        if let Some(procedure) = &a.procedure {
            blocks.push(heading(l.procedure));
            blocks.push(Block::Paragraph(multiline(procedure)));
        }
        if !a.full_recovery.is_empty() {
            blocks.push(heading(l.full_recovery));
            blocks.push(list(&a.full_recovery));
        }
        self.section("activation", l.activation, Part::Crisis, blocks)
    }

    fn member_table(&self, role: &Role) -> Block {
        let l = self.l;
        let rows = role
            .members
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let person = self.people.get(id.as_str());
                vec![
                    cell(self.order_label(i)),
                    vec![Inline::Strong(self.person_label(id.as_str()))],
                    person.map_or_else(Vec::new, |p| {
                        let mut c = cell(&p.function);
                        if let Some(org) = &p.organisation {
                            c.push(Inline::Note(format!(" ({org})")));
                        }
                        c
                    }),
                    person.map_or_else(Vec::new, |p| self.phones(p)),
                    person
                        .and_then(|p| p.email.as_ref())
                        .map_or_else(Vec::new, |e| vec![Inline::Email(e.as_str().to_owned())]),
                ]
            })
            .collect();
        Block::Table(Table {
            head: vec![
                l.order.into(),
                l.name.into(),
                l.function.into(),
                l.phone.into(),
                l.email.into(),
            ],
            rows,
        })
    }

    pub(super) fn crisis_team(&self) -> Section {
        let l = self.l;
        let mut blocks = Vec::new();
        let (team, others): (Vec<&Role>, Vec<&Role>) =
            self.plan.roles.iter().partition(|r| r.crisis_team);
        for role in team {
            blocks.push(Block::Subheading {
                title: role.name.clone(),
                anchor: format!("role-{}", role.id),
            });
            if !role.responsibilities.is_empty() {
                blocks.push(list(&role.responsibilities));
            }
            if role.members.is_empty() {
                blocks.push(Block::Paragraph(vec![Inline::Alert(l.nobody.into())]));
            } else {
                blocks.push(self.member_table(role));
            }
        }
        if !others.is_empty() {
            blocks.push(Block::Subheading {
                title: l.other_roles.into(),
                anchor: "other-roles".into(),
            });
            let mut rows = Vec::new();
            for role in others {
                if role.members.is_empty() {
                    rows.push(vec![
                        vec![Inline::Strong(role.name.clone())],
                        Vec::new(),
                        vec![Inline::Alert(l.nobody.into())],
                        Vec::new(),
                    ]);
                }
                for (i, id) in role.members.iter().enumerate() {
                    let person = self.people.get(id.as_str());
                    rows.push(vec![
                        vec![Inline::Strong(role.name.clone())],
                        cell(self.order_label(i)),
                        {
                            let mut c = vec![text(self.person_label(id.as_str()))];
                            if let Some(p) = person {
                                c.push(Inline::Note(format!(" ({})", p.function)));
                            }
                            c
                        },
                        person.map_or_else(Vec::new, |p| self.phones(p)),
                    ]);
                }
            }
            blocks.push(Block::Table(Table {
                head: vec![l.role.into(), l.order.into(), l.name.into(), l.phone.into()],
                rows,
            }));
        }
        self.section("crisis-team", l.crisis_team, Part::Crisis, blocks)
    }

    pub(super) fn scenarios(&self) -> Section {
        let l = self.l;
        let mut blocks = Vec::new();
        for scenario in &self.plan.scenarios {
            blocks.push(Block::Subheading {
                title: scenario.name.clone(),
                anchor: format!("scenario-{}", scenario.id),
            });
            if let Some(description) = &scenario.description {
                blocks.push(Block::Paragraph(multiline(description)));
            }
            let mut fields = Vec::new();
            if !scenario.affected_services.is_empty() {
                fields.push((
                    l.affected_services.to_owned(),
                    cell(Self::names(
                        &self.services,
                        scenario.affected_services.iter().map(|s| s.as_str()),
                    )),
                ));
            }
            if !scenario.affected_systems.is_empty() {
                fields.push((
                    l.affected_systems.to_owned(),
                    cell(Self::names(
                        &self.systems,
                        scenario.affected_systems.iter().map(|s| s.as_str()),
                    )),
                ));
            }
            if !fields.is_empty() {
                blocks.push(Block::Fields(fields));
            }
            if !scenario.triggers.is_empty() {
                blocks.push(heading(l.triggers));
                blocks.push(list(&scenario.triggers));
            }
            let rows = scenario
                .steps
                .iter()
                .enumerate()
                .map(|(i, step)| {
                    let mut resources: Vec<Vec<Inline>> =
                        step.resources.iter().map(|r| cell(r.as_str())).collect();
                    if !step.systems.is_empty() {
                        resources.push(vec![
                            Inline::Note(format!("{}: ", l.systems)),
                            text(Self::names(
                                &self.systems,
                                step.systems.iter().map(|s| s.as_str()),
                            )),
                        ]);
                    }
                    if let Some(location) = &step.location {
                        resources.push(vec![
                            Inline::Note(format!("{}: ", l.where_)),
                            text(Self::name(&self.locations, location.as_str())),
                        ]);
                    }
                    vec![
                        cell((i + 1).to_string()),
                        cell(&step.action),
                        self.role_people(step.role.as_str()),
                        opt_cell(step.duration.as_ref()),
                        lines(resources),
                    ]
                })
                .collect();
            blocks.push(Block::Table(Table {
                head: vec![
                    l.step.into(),
                    l.action.into(),
                    l.responsible.into(),
                    l.duration.into(),
                    l.resources.into(),
                ],
                rows,
            }));
        }
        self.section("scenarios", l.scenarios, Part::Crisis, blocks)
    }

    pub(super) fn restart_order(&self) -> Section {
        let l = self.l;
        let services = continuity_schema::model::restart_order(&self.plan.services);
        let rows = services
            .iter()
            .map(|s| {
                vec![
                    opt_cell(s.priority.as_ref()),
                    vec![Inline::Strong(s.name.clone())],
                    cell(token(&s.criticality)),
                    opt_cell(s.rto.as_ref()),
                    opt_cell(s.rpo.as_ref()),
                    opt_cell(s.mtd.as_ref()),
                    s.manual_fallback.as_deref().map_or_else(Vec::new, cell),
                    cell(Self::names(
                        &self.locations,
                        s.alternate_locations.iter().map(|x| x.as_str()),
                    )),
                ]
            })
            .collect();
        let mut blocks = vec![
            Block::Paragraph(vec![text(l.restart_intro)]),
            Block::Table(Table {
                head: vec![
                    l.priority.into(),
                    l.service.into(),
                    l.criticality.into(),
                    "RTO".into(),
                    "RPO".into(),
                    "MTD".into(),
                    l.manual_fallback.into(),
                    l.alternate_locations.into(),
                ],
                rows,
            }),
        ];
        if !self.plan.systems.is_empty() {
            blocks.push(Block::Subheading {
                title: l.systems_order.into(),
                anchor: "systems-order".into(),
            });
            blocks.push(Block::Paragraph(vec![text(l.systems_order_intro)]));
            blocks.push(self.systems_order(&services));
        }
        self.section("restart-order", l.restart_order, Part::Crisis, blocks)
    }

    /// Systems with dependencies first, taken service by service in restart order; systems no
    /// service needs come last.
    fn systems_order(&self, services: &[&Service]) -> Block {
        let l = self.l;
        let graph = SystemGraph::new(self.plan);
        let chains = graph.recovery_chains();
        let n = self.plan.systems.len();
        let mut needed_by: Vec<Vec<&str>> = vec![Vec::new(); n];
        for service in services {
            for system in graph.closure(&graph.service_roots(service)) {
                needed_by[system].push(&service.name);
            }
        }
        let mut seen = vec![false; n];
        let mut order = Vec::with_capacity(n);
        for service in services {
            post_order(&graph, &graph.service_roots(service), &mut seen, &mut order);
        }
        let all: Vec<usize> = (0..n).collect();
        post_order(&graph, &all, &mut seen, &mut order);
        let rows = order
            .iter()
            .enumerate()
            .map(|(position, &i)| {
                let system = &self.plan.systems[i];
                let names = &needed_by[i];
                let mut needed = names.iter().take(4).copied().collect::<Vec<_>>().join(", ");
                if names.len() > 4 {
                    needed.push_str(&format!(" (+{})", names.len() - 4));
                }
                vec![
                    cell((position + 1).to_string()),
                    vec![
                        Inline::Strong(system.name.clone()),
                        Inline::Note(format!(" ({})", token(&system.kind))),
                    ],
                    system
                        .recovery
                        .as_ref()
                        .map_or_else(Vec::new, |r| cell(r.time.to_string())),
                    cell(minutes_label(chains[i].minutes)),
                    cell(needed),
                ]
            })
            .collect();
        Block::Table(Table {
            head: vec![
                "#".into(),
                l.systems.into(),
                l.recovery_time.into(),
                l.chain_time.into(),
                l.needed_by.into(),
            ],
            rows,
        })
    }

    fn contact_who(&self, contact: &SupplierContact) -> Vec<Inline> {
        let mut out = vec![text(&contact.function)];
        if let Some(name) = &contact.name {
            out.push(Inline::Break);
            out.push(text(name));
        }
        out
    }

    pub(super) fn suppliers(&self) -> Section {
        let l = self.l;
        let mut contacts: Vec<(usize, usize, &Supplier, &SupplierContact)> = Vec::new();
        for (si, supplier) in self.plan.suppliers.iter().enumerate() {
            for (ci, contact) in supplier.contacts.iter().enumerate() {
                contacts.push((si, ci, supplier, contact));
            }
        }
        // Around the clock first, then emergency lines, then the plan's order.
        contacts.sort_by_key(|&(si, ci, _, c)| {
            (
                c.availability != Availability::AlwaysAvailable,
                !c.emergency,
                si,
                ci,
            )
        });
        let rows = contacts
            .iter()
            .map(|&(_, _, supplier, contact)| {
                let mut when = vec![text(self.availability(contact.availability))];
                if contact.emergency {
                    when.push(Inline::Break);
                    when.push(Inline::Strong(l.emergency.into()));
                }
                vec![
                    vec![Inline::Strong(supplier.name.clone())],
                    self.contact_who(contact),
                    contact
                        .phone
                        .as_ref()
                        .map_or_else(Vec::new, |p| vec![Inline::Phone(p.as_str().to_owned())]),
                    contact
                        .email
                        .as_ref()
                        .map_or_else(Vec::new, |e| vec![Inline::Email(e.as_str().to_owned())]),
                    when,
                    supplier
                        .customer_number
                        .as_deref()
                        .map_or_else(Vec::new, cell),
                ]
            })
            .collect();
        let mut blocks = vec![Block::Table(Table {
            head: vec![
                l.supplier.into(),
                l.contact.into(),
                l.phone.into(),
                l.email.into(),
                l.availability.into(),
                l.customer_number.into(),
            ],
            rows,
        })];
        let contracts: Vec<Vec<Vec<Inline>>> = self
            .plan
            .suppliers
            .iter()
            .map(|s| {
                let mut contract = Vec::new();
                let mut sla = Vec::new();
                if let Some(c) = &s.contract {
                    contract.push(text(&c.reference));
                    if let Some(end) = c.end_date {
                        contract.push(Inline::Note(format!(" ({} {end})", l.ends)));
                    }
                    if let Some(s) = &c.sla {
                        let mut parts = vec![self.availability(s.hours).to_owned()];
                        if let Some(r) = &s.response_time {
                            parts.push(format!("{} {r}", l.sla_response));
                        }
                        if let Some(r) = &s.recovery_time {
                            parts.push(format!("{} {r}", l.sla_recovery));
                        }
                        sla.push(text(parts.join(", ")));
                    }
                }
                vec![
                    vec![Inline::Strong(s.name.clone())],
                    s.provides.as_deref().map_or_else(Vec::new, cell),
                    contract,
                    sla,
                ]
            })
            .collect();
        if !contracts.is_empty() {
            blocks.push(Block::Subheading {
                title: format!("{} / {}", l.contract, l.sla),
                anchor: "contracts".into(),
            });
            blocks.push(Block::Table(Table {
                head: vec![
                    l.supplier.into(),
                    l.provides.into(),
                    l.contract.into(),
                    l.sla.into(),
                ],
                rows: contracts,
            }));
        }
        self.section("suppliers", l.suppliers, Part::Crisis, blocks)
    }

    fn availability(&self, availability: Availability) -> &'static str {
        match availability {
            Availability::AlwaysAvailable => self.l.always,
            Availability::OfficeHours => self.l.office_hours,
        }
    }

    pub(super) fn locations(&self) -> Section {
        let l = self.l;
        let rank = |kind: LocationKind| match kind {
            LocationKind::Alternate => 0,
            LocationKind::Primary => 1,
            LocationKind::Datacenter => 2,
            LocationKind::Other => 3,
        };
        let mut locations: Vec<_> = self.plan.locations.iter().enumerate().collect();
        locations.sort_by_key(|(i, loc)| (rank(loc.kind), *i));
        let mut blocks = Vec::new();
        for (_, location) in locations {
            blocks.push(Block::Subheading {
                title: location.name.clone(),
                anchor: format!("location-{}", location.id),
            });
            let mut fields = vec![(l.kind.to_owned(), cell(token(&location.kind)))];
            if let Some(address) = &location.address {
                fields.push((l.address.into(), cell(address)));
            }
            if let Some(capacity) = location.capacity {
                fields.push((l.capacity.into(), cell(capacity.to_string())));
            }
            if let Some(within) = &location.available_within {
                fields.push((l.available_within.into(), cell(within.to_string())));
            }
            if let Some(access) = &location.access {
                fields.push((l.access.into(), vec![Inline::Strong(access.clone())]));
            }
            if let Some(contact) = &location.contact {
                fields.push((l.contact.into(), self.person_short(contact.as_str())));
            }
            if !location.ict.is_empty() {
                fields.push((l.minimal_ict.into(), cell(location.ict.join("; "))));
            }
            if !location.communication.is_empty() {
                fields.push((
                    l.communication_means.into(),
                    cell(location.communication.join("; ")),
                ));
            }
            let moving: Vec<&str> = self
                .plan
                .services
                .iter()
                .filter(|s| s.alternate_locations.iter().any(|a| a == &location.id))
                .map(|s| s.name.as_str())
                .collect();
            if !moving.is_empty() {
                fields.push((l.services_moving_here.into(), cell(moving.join(", "))));
            }
            if let Some(map) = &location.map {
                fields.push((l.map.into(), web(map.as_str(), map.as_str())));
            }
            blocks.push(Block::Fields(fields));
        }
        self.section("locations", l.locations, Part::Crisis, blocks)
    }

    pub(super) fn communication(&self) -> Section {
        let l = self.l;
        let c = &self.plan.communication;
        let mut blocks = vec![Block::Subheading {
            title: l.audiences.into(),
            anchor: "audiences".into(),
        }];
        blocks.push(Block::Table(Table {
            head: vec![
                l.audience.into(),
                l.kind.into(),
                l.channels.into(),
                l.responsible.into(),
                l.timing.into(),
            ],
            rows: c
                .audiences
                .iter()
                .map(|a| {
                    vec![
                        vec![Inline::Strong(a.name.clone())],
                        cell(token(&a.kind)),
                        cell(a.channels.join(", ")),
                        self.role_people(a.responsible.as_str()),
                        a.timing.as_deref().map_or_else(Vec::new, cell),
                    ]
                })
                .collect(),
        }));
        if !c.templates.is_empty() {
            blocks.push(Block::Subheading {
                title: l.templates.into(),
                anchor: "templates".into(),
            });
        }
        for template in &c.templates {
            blocks.push(heading(&template.subject));
            let mut fields = vec![(
                l.audience.to_owned(),
                cell(Self::name(&self.audiences, template.audience.as_str())),
            )];
            fields.push((
                l.scenario.into(),
                cell(
                    template
                        .scenario
                        .as_ref()
                        .map_or(l.general, |s| Self::name(&self.scenarios, s.as_str())),
                ),
            ));
            if let Some(channel) = &template.channel {
                fields.push((l.channel.into(), cell(channel)));
            }
            blocks.push(Block::Fields(fields));
            blocks.push(Block::Verbatim(template.body.clone()));
        }
        self.section("communication", l.communication, Part::Crisis, blocks)
    }
}

/// Appends the systems beneath `roots` (and the roots) to `order`, dependencies first, each once.
/// Iterative, so that deep dependency chains cannot overflow the stack; cycles are cut where
/// they close.
fn post_order(graph: &SystemGraph<'_>, roots: &[usize], seen: &mut [bool], order: &mut Vec<usize>) {
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for &root in roots {
        if seen[root] {
            continue;
        }
        seen[root] = true;
        stack.push((root, 0));
        while let Some(top) = stack.last_mut() {
            let (node, next) = *top;
            if let Some(&child) = graph.dependencies(node).get(next) {
                top.1 += 1;
                if !seen[child] {
                    seen[child] = true;
                    stack.push((child, 0));
                }
            } else {
                order.push(node);
                stack.pop();
            }
        }
    }
}
