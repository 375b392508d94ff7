//! The rest of the plan, for reference: about the plan, systems, risks, exercises and actions,
//! distribution and the findings of the rules.

use continuity_schema::analysis::{SystemGraph, minutes_label};
use continuity_schema::finding::Severity;
use continuity_schema::model::PlanCopy;
use continuity_schema::types::Date;

use super::{Builder, ReportFinding, cell, lines, opt_cell, quoted, text, token, web};
use crate::report::document::{Block, Inline, Meta, NoticeKind, Part, Section, Table};
use crate::report::labels::fill;

impl<'p> Builder<'p> {
    pub(super) fn about(&self) -> Section {
        let l = self.l;
        let p = &self.plan.plan;
        let o = &self.plan.organisation;
        let mut org = vec![Inline::Strong(o.name.clone())];
        if let Some(address) = &o.address {
            org.extend([Inline::Break, text(address)]);
        }
        if let Some(phone) = &o.phone {
            org.extend([Inline::Break, Inline::Phone(phone.as_str().to_owned())]);
        }
        if let Some(email) = &o.email {
            org.extend([Inline::Break, Inline::Email(email.as_str().to_owned())]);
        }
        if let Some(site) = &o.website {
            org.push(Inline::Break);
            org.extend(web(site.as_str(), site.as_str()));
        }
        let mut fields = vec![
            (l.organisation.to_owned(), org),
            (l.purpose.into(), cell(&p.purpose)),
            (l.scope.into(), cell(&p.scope)),
            (l.owner.into(), self.person_short(p.owner.as_str())),
        ];
        if !p.contributors.is_empty() {
            fields.push((
                l.contributors.into(),
                cell(
                    p.contributors
                        .iter()
                        .map(|c| self.person_label(c.as_str()))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            ));
        }
        fields.push((
            l.review_interval.into(),
            cell(fill(l.months, &[&p.review_interval_months.to_string()])),
        ));
        if let Some(review) = p.last_review {
            fields.push((l.last_review.into(), cell(review.to_string())));
        }
        let mut blocks = vec![Block::Fields(fields)];
        if !p.approvals.is_empty() {
            blocks.push(Block::Subheading {
                title: l.approvals.into(),
                anchor: "approvals".into(),
            });
            blocks.push(Block::Table(Table {
                head: vec![
                    l.version.into(),
                    l.date.into(),
                    l.approved_by.into(),
                    l.reference.into(),
                ],
                rows: p
                    .approvals
                    .iter()
                    .map(|a| {
                        vec![
                            cell(&a.version),
                            cell(a.date.to_string()),
                            cell(&a.approved_by),
                            a.reference.as_deref().map_or_else(Vec::new, cell),
                        ]
                    })
                    .collect(),
            }));
        }
        let documents: Vec<_> = p
            .backup_procedure
            .iter()
            .chain(&p.related_documents)
            .collect();
        if !documents.is_empty() {
            blocks.push(Block::Subheading {
                title: l.related_documents.into(),
                anchor: "documents".into(),
            });
            blocks.push(Block::Table(Table {
                head: vec![l.document.into(), l.location.into(), l.last_review.into()],
                rows: documents
                    .iter()
                    .enumerate()
                    .map(|(i, d)| {
                        let mut title = vec![Inline::Strong(d.title.clone())];
                        let is_backup_procedure = i == 0 && p.backup_procedure.is_some();
                        if is_backup_procedure && !d.title.eq_ignore_ascii_case(l.backup_procedure)
                        {
                            title.push(Inline::Note(format!(" ({})", l.backup_procedure)));
                        }
                        let mut location = cell(&d.location);
                        if let Some(url) = &d.url {
                            location.push(Inline::Break);
                            location.extend(web(url.as_str(), url.as_str()));
                        }
                        vec![title, location, opt_cell(d.last_reviewed.as_ref())]
                    })
                    .collect(),
            }));
        }
        self.section("about", l.about, Part::Reference, blocks)
    }

    pub(super) fn systems(&self) -> Section {
        let l = self.l;
        let graph = SystemGraph::new(self.plan);
        let chains = graph.recovery_chains();
        let mut blocks = Vec::new();
        for (i, system) in self.plan.systems.iter().enumerate() {
            blocks.push(Block::Subheading {
                title: system.name.clone(),
                anchor: format!("system-{}", system.id),
            });
            let mut fields = vec![(l.kind.to_owned(), cell(token(&system.kind)))];
            if let Some(description) = &system.description {
                fields.push((l.description.into(), cell(description)));
            }
            if let Some(location) = &system.location {
                fields.push((
                    l.location.into(),
                    cell(Self::name(&self.locations, location.as_str())),
                ));
            }
            if let Some(supplier) = &system.supplier {
                fields.push((
                    l.supplier.into(),
                    cell(Self::name(&self.suppliers, supplier.as_str())),
                ));
            }
            if let Some(owner) = &system.owner {
                fields.push((l.owner.into(), self.person_short(owner.as_str())));
            }
            if !system.depends_on.is_empty() {
                fields.push((
                    l.depends_on.into(),
                    cell(Self::names(
                        &self.systems,
                        system.depends_on.iter().map(|s| s.as_str()),
                    )),
                ));
            }
            let redundancy = cell(token(&system.redundancy));
            fields.push((l.redundancy.into(), redundancy));
            if let Some(backup) = &system.backup {
                let mut parts = vec![fill(l.frequency, &[&backup.frequency.to_string()])];
                if let Some(retention) = &backup.retention {
                    parts.push(fill(l.retention, &[&retention.to_string()]));
                }
                let mut safe = Vec::new();
                if backup.offline_copy {
                    safe.push(l.offline_copy_yes);
                }
                if backup.immutable_copy {
                    safe.push(l.immutable_copy_yes);
                }
                if safe.is_empty() {
                    safe.push(l.no_offline_copy);
                }
                parts.push(safe.join(", "));
                if let Some(test) = backup.last_restore_test {
                    parts.push(fill(l.last_restore_test, &[&test.to_string()]));
                }
                let mut value = cell(parts.join("; "));
                for extra in [&backup.method, &backup.location].into_iter().flatten() {
                    value.push(Inline::Break);
                    value.push(text(extra));
                }
                fields.push((l.backup.into(), value));
            }
            if let Some(recovery) = &system.recovery {
                let mut value = vec![text(recovery.time.to_string())];
                if chains[i].minutes > recovery.time.as_minutes() {
                    value.push(Inline::Note(format!(
                        " ({}: {})",
                        l.chain_time,
                        minutes_label(chains[i].minutes)
                    )));
                }
                if let Some(procedure) = &recovery.procedure {
                    value.push(Inline::Break);
                    value.push(text(procedure));
                }
                fields.push((l.recovery.into(), value));
            }
            if let Some(replacement) = &system.replacement {
                let mut parts = Vec::new();
                if let Some(lead) = &replacement.lead_time {
                    parts.push(fill(l.lead_time, &[&lead.to_string()]));
                }
                parts.push(
                    if replacement.spare_available {
                        l.spare_available
                    } else {
                        l.no_spare
                    }
                    .to_owned(),
                );
                if let Some(notes) = &replacement.notes {
                    parts.push(notes.clone());
                }
                fields.push((l.replacement.into(), cell(parts.join("; "))));
            }
            blocks.push(Block::Fields(fields));
            if let Some(recovery) = system.recovery.as_ref().filter(|r| !r.steps.is_empty()) {
                blocks.push(Block::List {
                    ordered: true,
                    items: recovery.steps.iter().map(|s| cell(s.as_str())).collect(),
                });
            }
        }
        self.section("systems", l.systems, Part::Reference, blocks)
    }

    pub(super) fn risks(&self) -> Section {
        let l = self.l;
        let mut risks: Vec<_> = self.plan.risks.iter().enumerate().collect();
        risks.sort_by_key(|(i, r)| (std::cmp::Reverse(r.score()), *i));
        let rows = risks
            .iter()
            .map(|(_, r)| {
                let mut title = vec![Inline::Strong(r.title.clone())];
                if let Some(description) = &r.description {
                    title.push(Inline::Break);
                    title.push(text(description));
                }
                vec![
                    title,
                    cell(r.likelihood.to_string()),
                    cell(r.impact.to_string()),
                    cell(r.score().to_string()),
                    cell(token(&r.treatment)),
                    lines(r.mitigations.iter().map(|m| cell(m.as_str()))),
                    cell(Self::names(
                        &self.scenarios,
                        r.scenarios.iter().map(|s| s.as_str()),
                    )),
                ]
            })
            .collect();
        let blocks = vec![Block::Table(Table {
            head: vec![
                l.risk.into(),
                l.likelihood.into(),
                l.impact.into(),
                l.score.into(),
                l.treatment.into(),
                l.mitigations.into(),
                l.scenarios.into(),
            ],
            rows,
        })];
        self.section("risks", l.risks, Part::Reference, blocks)
    }

    pub(super) fn exercises(&self) -> Section {
        let l = self.l;
        let plan = self.plan;
        let mut blocks = vec![
            Block::Subheading {
                title: l.schedule.into(),
                anchor: "exercise-schedule".into(),
            },
            Block::Table(Table {
                head: vec![l.kind.into(), l.interval.into(), l.scope.into()],
                rows: plan
                    .exercise_schedule
                    .iter()
                    .map(|s| {
                        vec![
                            vec![Inline::Strong(token(&s.kind))],
                            cell(fill(l.months, &[&s.interval_months.to_string()])),
                            s.scope.as_deref().map_or_else(Vec::new, cell),
                        ]
                    })
                    .collect(),
            }),
        ];
        let mut exercises: Vec<_> = plan.exercises.iter().enumerate().collect();
        exercises.sort_by_key(|(i, e)| (std::cmp::Reverse(e.date), *i));
        blocks.push(Block::Subheading {
            title: l.exercise_log.into(),
            anchor: "exercise-log".into(),
        });
        blocks.push(Block::Table(Table {
            head: vec![
                l.date.into(),
                l.kind.into(),
                l.title.into(),
                l.result.into(),
                l.findings_of_exercise.into(),
            ],
            rows: exercises
                .iter()
                .map(|(_, e)| {
                    let mut title = vec![Inline::Strong(e.title.clone())];
                    if let Some(summary) = &e.summary {
                        title.push(Inline::Break);
                        title.push(text(summary));
                    }
                    vec![
                        cell(e.date.to_string()),
                        cell(token(&e.kind)),
                        title,
                        cell(token(&e.result)),
                        lines(e.findings.iter().map(|f| cell(f.description.as_str()))),
                    ]
                })
                .collect(),
        }));
        let mut actions: Vec<_> = plan.actions.iter().enumerate().collect();
        // Open work first, soonest due first.
        actions.sort_by_key(|(i, a)| {
            (
                !a.status.is_pending(),
                a.due
                    .unwrap_or(Date::from_ymd(9999, 12, 31).unwrap_or(self.today)),
                *i,
            )
        });
        blocks.push(Block::Subheading {
            title: l.actions.into(),
            anchor: "actions".into(),
        });
        blocks.push(Block::Table(Table {
            head: vec![
                l.action.into(),
                l.owner.into(),
                l.due.into(),
                l.status.into(),
            ],
            rows: actions
                .iter()
                .map(|(_, a)| {
                    let mut due = opt_cell(a.due.as_ref());
                    if a.status.is_pending() && a.due.is_some_and(|d| d < self.today) {
                        due.push(Inline::Break);
                        due.push(Inline::Alert(l.overdue.into()));
                    }
                    let mut status = cell(token(&a.status));
                    if let Some(done) = a.completed {
                        status.push(Inline::Note(format!(" ({done})")));
                    }
                    vec![
                        cell(&a.title),
                        cell(self.person_label(a.owner.as_str())),
                        due,
                        status,
                    ]
                })
                .collect(),
        }));
        if !plan.incidents.is_empty() {
            blocks.push(Block::Subheading {
                title: l.incidents.into(),
                anchor: "incidents".into(),
            });
            blocks.push(Block::Table(Table {
                head: vec![l.date.into(), l.title.into(), l.description.into()],
                rows: plan
                    .incidents
                    .iter()
                    .map(|i| {
                        let mut title = vec![Inline::Strong(i.title.clone())];
                        if i.plan_activated {
                            title.push(Inline::Note(format!(" ({})", l.plan_activated)));
                        }
                        vec![
                            cell(i.date.to_string()),
                            title,
                            i.summary.as_deref().map_or_else(Vec::new, cell),
                        ]
                    })
                    .collect(),
            }));
        }
        self.section("exercises", l.exercises, Part::Reference, blocks)
    }

    /// The version copies are measured against: the last approved one (as the rule
    /// `distribution-copy-outdated` does), or the plan's own when none is approved.
    fn current_version(&self) -> Option<&'p str> {
        self.plan
            .plan
            .approvals
            .iter()
            .max_by_key(|a| a.date)
            .map(|a| a.version.as_str())
    }

    pub(super) fn distribution(&self, meta: &Meta) -> Section {
        let l = self.l;
        let current = self.current_version();
        let is_outdated = |copy: &PlanCopy| current.is_some_and(|version| copy.version != version);
        let mut blocks = vec![Block::Paragraph(vec![text(fill(
            l.distribution_intro,
            &[
                &meta.version,
                &meta.revision,
                current.unwrap_or(l.last_approved),
            ],
        ))])];
        let outdated = self
            .plan
            .distribution
            .iter()
            .filter(|c| is_outdated(c))
            .count();
        if outdated > 0 {
            blocks.push(Block::Notice {
                kind: NoticeKind::Error,
                content: vec![Block::Paragraph(vec![Inline::Strong(fill(
                    l.outdated_count,
                    &[
                        &outdated.to_string(),
                        &self.plan.distribution.len().to_string(),
                    ],
                ))])],
            });
        }
        blocks.push(Block::Table(Table {
            head: vec![
                l.holder.into(),
                l.form.into(),
                l.version.into(),
                l.date.into(),
                l.kept_at.into(),
                l.status.into(),
            ],
            rows: self
                .plan
                .distribution
                .iter()
                .map(|copy| {
                    let mut holder = vec![text(self.person_label(copy.holder.as_str()))];
                    if let Some(p) = self.people.get(copy.holder.as_str()) {
                        holder.push(Inline::Note(format!(" ({})", p.function)));
                    }
                    vec![
                        holder,
                        cell(token(&copy.form)),
                        cell(&copy.version),
                        cell(copy.date.to_string()),
                        copy.kept_at.as_deref().map_or_else(Vec::new, cell),
                        if is_outdated(copy) {
                            vec![Inline::Alert(l.outdated.into())]
                        } else {
                            cell(l.current)
                        },
                    ]
                })
                .collect(),
        }));
        self.section("distribution", l.distribution, Part::Reference, blocks)
    }

    pub(super) fn findings(&self, findings: &[ReportFinding]) -> Section {
        let l = self.l;
        let mut blocks = vec![Block::Paragraph(quoted(&fill(
            l.findings_intro,
            &[&self.today.to_string()],
        )))];
        if findings.is_empty() {
            blocks.push(Block::Paragraph(vec![text(l.no_findings)]));
        } else {
            blocks.push(Block::Table(Table {
                head: vec![l.severity.into(), l.rule.into(), l.message.into()],
                rows: findings
                    .iter()
                    .map(|f| {
                        let severity = if f.allowed.is_some() {
                            cell(format!("{} ({})", f.severity, l.allowed))
                        } else if f.severity == Severity::Error {
                            vec![Inline::Alert(f.severity.to_string())]
                        } else {
                            cell(f.severity.to_string())
                        };
                        let mut message = quoted(&f.message);
                        if let Some(hint) = &f.hint {
                            message.push(Inline::Break);
                            message.extend(quoted(hint));
                        }
                        if let Some(reason) = &f.allowed {
                            message.push(Inline::Break);
                            message.push(Inline::Note(format!("{}: {reason}", l.allowed)));
                        }
                        vec![severity, cell(&f.code), message]
                    })
                    .collect(),
            }));
        }
        self.section("findings", l.findings, Part::Reference, blocks)
    }
}
