//! The report's content and order, as data: first what the crisis team needs on the worst day
//! (activation, crisis team, scenarios, restart order, suppliers, locations, communication),
//! then the rest of the plan (about, systems, risks, exercises, distribution, findings).
//!
//! Built once from the (possibly redacted) plan; `html.rs` and `markdown.rs` only render it.

mod crisis;
mod reference;

use std::collections::HashMap;

use continuity_schema::finding::Severity;
use continuity_schema::model::{Person, Plan, Role};
use continuity_schema::types::Date;
use serde::Serialize;

use super::document::{Block, Document, Inline, Meta, NoticeKind, Part, Section};
use super::labels::{Labels, fill};
use continuity_schema::types::is_web_url;

/// A finding as the report shows it (already redacted when the report is).
#[derive(Debug, Clone)]
pub struct ReportFinding {
    pub severity: Severity,
    pub code: String,
    pub message: String,
    pub hint: Option<String>,
    /// The reason the plan gives for accepting the finding.
    pub allowed: Option<String>,
}

/// Builds the report of `plan` with `findings` as of `today`.
pub fn build(plan: &Plan, findings: &[ReportFinding], today: Date, meta: Meta) -> Document {
    let builder = Builder::new(plan, meta.labels, today);
    let alerts = builder.alerts(findings);
    let mut sections = vec![
        builder.activation(),
        builder.crisis_team(),
        builder.scenarios(),
        builder.restart_order(),
        builder.suppliers(),
        builder.locations(),
        builder.communication(),
        builder.about(),
        builder.systems(),
        builder.risks(),
        builder.exercises(),
        builder.distribution(&meta),
        builder.findings(findings),
    ];
    for section in &mut sections {
        say_when_empty(&mut section.blocks, meta.labels.nothing_recorded);
    }
    Document {
        meta,
        alerts,
        sections,
    }
}

/// Replaces each empty table or list with a sentence saying nothing is recorded, and says so
/// under a section that holds nothing at all.
fn say_when_empty(blocks: &mut Vec<Block>, nothing: &str) {
    let note = || Block::Paragraph(vec![Inline::Note(nothing.to_owned())]);
    for block in blocks.iter_mut() {
        let empty = match block {
            Block::Table(table) => table.rows.is_empty(),
            Block::List { items, .. } => items.is_empty(),
            _ => false,
        };
        if empty {
            *block = note();
        }
    }
    if blocks.is_empty() {
        blocks.push(note());
    }
}

/// The plan with lookups by id, so that references read as names.
struct Builder<'p> {
    plan: &'p Plan,
    l: &'static Labels,
    today: Date,
    people: HashMap<&'p str, &'p Person>,
    roles: HashMap<&'p str, &'p Role>,
    services: HashMap<&'p str, &'p str>,
    systems: HashMap<&'p str, &'p str>,
    locations: HashMap<&'p str, &'p str>,
    suppliers: HashMap<&'p str, &'p str>,
    scenarios: HashMap<&'p str, &'p str>,
    audiences: HashMap<&'p str, &'p str>,
}

/// The JSON spelling of an enum value, readable: `hot_standby` → `hot standby`.
fn token<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s.replace('_', " "),
        _ => String::new(),
    }
}

fn text(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}

fn cell(s: impl Into<String>) -> Vec<Inline> {
    let s = s.into();
    if s.is_empty() {
        Vec::new()
    } else {
        vec![text(s)]
    }
}

fn opt_cell<T: ToString>(value: Option<&T>) -> Vec<Inline> {
    value.map_or_else(Vec::new, |v| cell(v.to_string()))
}

/// Text whose line breaks are kept (a procedure written over several lines).
fn multiline(s: &str) -> Vec<Inline> {
    lines(
        s.lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(cell),
    )
}

/// A finding's text, with the ids and commands it quotes in backticks shown as code.
fn quoted(s: &str) -> Vec<Inline> {
    let parts: Vec<&str> = s.split('`').collect();
    let closed = parts.len() % 2 == 1;
    parts
        .iter()
        .enumerate()
        .filter(|(_, part)| !part.is_empty())
        .map(|(i, part)| {
            // An unpaired last backtick quotes nothing: show the rest as text.
            if i % 2 == 1 && (closed || i + 1 < parts.len()) {
                Inline::Code((*part).to_owned())
            } else {
                text(*part)
            }
        })
        .collect()
}

/// Items separated by line breaks inside one cell.
fn lines(items: impl IntoIterator<Item = Vec<Inline>>) -> Vec<Inline> {
    let mut out = Vec::new();
    for item in items {
        if !out.is_empty() {
            out.push(Inline::Break);
        }
        out.extend(item);
    }
    out
}

fn heading(l: &str) -> Block {
    Block::Paragraph(vec![Inline::Strong(l.to_owned())])
}

impl<'p> Builder<'p> {
    fn new(plan: &'p Plan, l: &'static Labels, today: Date) -> Self {
        fn index<'a, T>(
            items: &'a [T],
            id: impl Fn(&'a T) -> &'a str,
            name: impl Fn(&'a T) -> &'a str,
        ) -> HashMap<&'a str, &'a str> {
            let mut map = HashMap::with_capacity(items.len());
            for item in items {
                map.entry(id(item)).or_insert(name(item));
            }
            map
        }
        let mut people = HashMap::new();
        for person in &plan.people {
            people.entry(person.id.as_str()).or_insert(person);
        }
        let mut roles = HashMap::new();
        for role in &plan.roles {
            roles.entry(role.id.as_str()).or_insert(role);
        }
        Builder {
            plan,
            l,
            today,
            people,
            roles,
            services: index(&plan.services, |s| s.id.as_str(), |s| &s.name),
            systems: index(&plan.systems, |s| s.id.as_str(), |s| &s.name),
            locations: index(&plan.locations, |s| s.id.as_str(), |s| &s.name),
            suppliers: index(&plan.suppliers, |s| s.id.as_str(), |s| &s.name),
            scenarios: index(&plan.scenarios, |s| s.id.as_str(), |s| &s.name),
            audiences: index(
                &plan.communication.audiences,
                |s| s.id.as_str(),
                |s| &s.name,
            ),
        }
    }

    /// A name for a reference; a dangling id shows as itself.
    fn name<'a>(map: &HashMap<&'a str, &'a str>, id: &'a str) -> &'a str {
        map.get(id).copied().unwrap_or(id)
    }

    fn names<'a>(
        map: &HashMap<&'a str, &'a str>,
        ids: impl IntoIterator<Item = &'a str>,
    ) -> String {
        ids.into_iter()
            .map(|id| Self::name(map, id))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn role_name(&self, id: &'p str) -> &'p str {
        self.roles.get(id).map_or(id, |r| r.name.as_str())
    }

    /// A person's name, or their function when the name is redacted.
    fn person_label(&self, id: &str) -> String {
        match self.people.get(id) {
            Some(p) if p.name == continuity_schema::redact::REDACTED => {
                format!("{} ({})", p.function, p.name)
            }
            Some(p) => p.name.clone(),
            None => id.to_owned(),
        }
    }

    /// Every phone of a person, one per line, with its kind.
    fn phones(&self, person: &Person) -> Vec<Inline> {
        lines(person.phones.iter().map(|phone| {
            let mut note = token(&phone.kind);
            if phone.after_hours {
                note = format!("{note}, {}", self.l.after_hours);
            }
            vec![
                Inline::Phone(phone.number.as_str().to_owned()),
                Inline::Note(format!(" ({note})")),
            ]
        }))
    }

    /// "Name, first phone" for a compact mention (scenario steps, activation).
    fn person_short(&self, id: &str) -> Vec<Inline> {
        let mut out = vec![text(self.person_label(id))];
        if let Some(phone) = self.people.get(id).and_then(|p| p.phones.first()) {
            out.push(text(" "));
            out.push(Inline::Phone(phone.number.as_str().to_owned()));
        }
        out
    }

    /// The role's name in bold and its members in order, each with a phone.
    fn role_people(&self, id: &'p str) -> Vec<Inline> {
        let mut out = vec![Inline::Strong(self.role_name(id).to_owned())];
        match self.roles.get(id) {
            Some(role) if !role.members.is_empty() => {
                for (i, member) in role.members.iter().enumerate() {
                    out.push(Inline::Break);
                    out.push(Inline::Note(format!("{}: ", self.order_label(i))));
                    out.extend(self.person_short(member.as_str()));
                }
            }
            _ => {
                out.push(Inline::Break);
                out.push(Inline::Alert(self.l.nobody.to_owned()));
            }
        }
        out
    }

    fn order_label(&self, i: usize) -> String {
        if i == 0 {
            self.l.primary.to_owned()
        } else {
            fill(self.l.deputy, &[&i.to_string()])
        }
    }

    fn section(
        &self,
        anchor: &'static str,
        title: &str,
        part: Part,
        blocks: Vec<Block>,
    ) -> Section {
        Section {
            anchor,
            title: title.to_owned(),
            part,
            blocks,
        }
    }

    fn alerts(&self, findings: &[ReportFinding]) -> Vec<Block> {
        let errors: Vec<&ReportFinding> = findings
            .iter()
            .filter(|f| f.severity == Severity::Error && f.allowed.is_none())
            .collect();
        if errors.is_empty() {
            return Vec::new();
        }
        let intro = fill(
            self.l.errors_banner,
            &[&errors.len().to_string(), &self.today.to_string()],
        );
        let items = errors
            .iter()
            .map(|f| {
                let mut item = vec![Inline::Strong(f.code.clone()), text(": ")];
                item.extend(quoted(&f.message));
                item
            })
            .collect();
        vec![Block::Notice {
            kind: NoticeKind::Error,
            content: vec![
                Block::Paragraph(vec![Inline::Strong(intro)]),
                Block::List {
                    ordered: false,
                    items,
                },
            ],
        }]
    }
}

fn list(items: &[String]) -> Block {
    Block::List {
        ordered: false,
        items: items.iter().map(|i| cell(i.as_str())).collect(),
    }
}

/// A web link when `url` is a plain http(s) URL, otherwise the text alone.
fn web(label: &str, url: &str) -> Vec<Inline> {
    if is_web_url(url) {
        vec![Inline::Web {
            text: label.to_owned(),
            url: url.to_owned(),
        }]
    } else {
        cell(label)
    }
}
