//! Scenarios with their steps, the risk register and the communication plan.

use std::collections::HashMap;

use continuity_schema::types::{AudienceId, Duration, RiskId, ScenarioId, StepId, TemplateId};
use continuity_schema::{
    Audience, AudienceKind, Communication, MessageTemplate, Risk, Scenario, Service, Step, System,
    Treatment,
};

use super::Gen;
use super::organisation::Org;
use crate::words;

/// Crisis roles by their index in `words::ROLES_CRISIS`.
const COORDINATOR: usize = 0;
const ICT_LEAD: usize = 2;
const COMMUNICATION: usize = 3;
const SECURITY: usize = 4;
const EMERGENCY_PLANNING: usize = 6;
const FACILITY: usize = 8;

#[derive(Debug)]
pub(crate) struct Response {
    pub scenarios: Vec<Scenario>,
    pub risks: Vec<Risk>,
    pub communication: Communication,
}

pub(crate) fn generate(
    g: &mut Gen,
    org: &Org,
    services: &[Service],
    systems: &[System],
) -> anyhow::Result<Response> {
    let scenarios = scenarios(g, org, services, systems)?;
    let risks = risks(g, org, &scenarios)?;
    let communication = communication(g, org, &scenarios)?;
    Ok(Response {
        scenarios,
        risks,
        communication,
    })
}

fn scenarios(
    g: &mut Gen,
    org: &Org,
    services: &[Service],
    systems: &[System],
) -> anyhow::Result<Vec<Scenario>> {
    let system_index: HashMap<&str, usize> = systems
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let count = (g.options.services / 25).max(words::SCENARIOS.len());
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        let (kind, description, triggers) = words::SCENARIOS[i % words::SCENARIOS.len()];
        let variant =
            (i >= words::SCENARIOS.len()).then(|| org.places[i % org.places.len()].clone());
        let name = match &variant {
            Some(place) => format!("{kind} {place}"),
            None => kind.to_owned(),
        };
        let count = g.rng.range(3, 12);
        let affected: Vec<usize> = g
            .rng
            .sample(&(0..services.len()).collect::<Vec<_>>(), count);
        let mut affected_systems: Vec<usize> = affected
            .iter()
            .take(8)
            .filter_map(|&s| services[s].depends_on.first())
            .filter_map(|d| system_index.get(d.as_str()).copied())
            .collect();
        let affected_services = affected.iter().map(|&s| services[s].id.clone()).collect();
        affected_systems.sort_unstable();
        affected_systems.dedup();
        let steps = steps(g, org, &affected_systems, systems)?;
        let description = match &variant {
            Some(place) => format!(
                "{description} Dit scenario beschrijft de aanpak voor de diensten en systemen van {place}."
            ),
            None => description.to_owned(),
        };
        out.push(Scenario {
            id: ScenarioId::new(g.unique("scenarios", &name))?,
            name,
            description: Some(description),
            triggers: triggers.iter().map(|t| (*t).to_owned()).collect(),
            affected_services,
            affected_systems: affected_systems
                .iter()
                .map(|&s| systems[s].id.clone())
                .collect(),
            steps,
        });
    }
    Ok(out)
}

fn steps(
    g: &mut Gen,
    org: &Org,
    affected: &[usize],
    systems: &[System],
) -> anyhow::Result<Vec<Step>> {
    let count = g.rng.range(6, 10);
    let mut picks: Vec<usize> = vec![0, 4];
    picks.extend(g.rng.sample(
        &(5..words::STEP_ACTIONS.len() - 2).collect::<Vec<_>>(),
        count - 4,
    ));
    picks.extend([words::STEP_ACTIONS.len() - 2, words::STEP_ACTIONS.len() - 1]);
    picks.sort_unstable();
    picks.dedup();
    let mut used = std::collections::HashSet::new();
    let mut steps = Vec::with_capacity(picks.len());
    for p in picks {
        let action = words::STEP_ACTIONS[p];
        let role = match p {
            0 | 4 | 18 | 19 => COORDINATOR,
            3 => SECURITY,
            5 | 15 => COMMUNICATION,
            6 => EMERGENCY_PLANNING,
            12 | 17 => FACILITY,
            _ => ICT_LEAD,
        };
        let slug = words::slug(action);
        let short: Vec<&str> = slug.split('-').filter(|w| w.len() > 3).take(3).collect();
        let mut id = short.join("-");
        let mut n = 2;
        while !used.insert(id.clone()) {
            id = format!("{}-{n}", short.join("-"));
            n += 1;
        }
        let technical = role == ICT_LEAD && !affected.is_empty();
        let system_count = g.rng.range(1, 3);
        let step_systems = if technical {
            g.rng
                .sample(affected, system_count)
                .into_iter()
                .map(|s| systems[s].id.clone())
                .collect()
        } else {
            Vec::new()
        };
        let location = (p == 6 && !org.alternates.is_empty())
            .then(|| org.location_id(*g.rng.pick(&org.alternates)));
        steps.push(Step {
            id: StepId::new(id)?,
            action: action.to_owned(),
            role: org.crisis_role(role),
            duration: Some(*g.rng.pick(&[
                Duration::minutes(15),
                Duration::minutes(30),
                Duration::hours(1),
                Duration::hours(2),
                Duration::hours(4),
            ])),
            resources: g.some_strings(words::STEP_RESOURCES, 0, 2),
            systems: step_systems,
            location,
        });
    }
    Ok(steps)
}

fn risks(g: &mut Gen, org: &Org, scenarios: &[Scenario]) -> anyhow::Result<Vec<Risk>> {
    let kinds = words::SCENARIOS.len();
    let count = (g.options.services / 20).max(12);
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        let k = i % kinds;
        let (kind, description, _) = words::SCENARIOS[k];
        let place = &org.places[i % org.places.len()];
        let title = if i < kinds {
            format!("Risico: {}", kind.to_lowercase())
        } else {
            format!("Risico: {} in {place}", kind.to_lowercase())
        };
        let treatment = match g.rng.below(100) {
            0..75 => Treatment::Mitigate,
            75..85 => Treatment::Accept,
            85..95 => Treatment::Transfer,
            _ => Treatment::Avoid,
        };
        let matching: Vec<usize> = (k..scenarios.len()).step_by(kinds).collect();
        let link_count = g.rng.range(1, 2);
        let linked = g.rng.sample(&matching, link_count);
        out.push(Risk {
            id: RiskId::new(g.unique("risks", &title))?,
            title,
            description: Some(format!("{description} De kans wordt geschat op basis van incidenten bij vergelijkbare besturen.")),
            likelihood: g.rng.range(1, 5) as u8,
            impact: g.rng.range(2, 5) as u8,
            treatment,
            mitigations: if treatment == Treatment::Mitigate || g.rng.percent(30) { g.some_strings(words::MITIGATIONS, 2, 3) } else { Vec::new() },
            scenarios: linked.into_iter().map(|s| scenarios[s].id.clone()).collect(),
            owner: Some(org.person_id(g.rng.below(org.crisis_people))),
        });
    }
    Ok(out)
}

fn communication(g: &mut Gen, org: &Org, scenarios: &[Scenario]) -> anyhow::Result<Communication> {
    let base: &[(AudienceKind, &str, &[&str], usize)] = &[
        (
            AudienceKind::Staff,
            "Personeel",
            &[
                "intranet",
                "sms-dienst",
                "teams-bericht",
                "briefing aan de diensthoofden",
            ],
            COMMUNICATION,
        ),
        (
            AudienceKind::Citizens,
            "Inwoners",
            &[
                "website",
                "sociale media",
                "bericht aan de deur van het gemeentehuis",
                "lokale radio",
            ],
            COMMUNICATION,
        ),
        (
            AudienceKind::Suppliers,
            "Leveranciers",
            &["e-mail", "telefoon"],
            ICT_LEAD,
        ),
        (
            AudienceKind::Press,
            "Pers",
            &["persbericht", "telefoon"],
            COMMUNICATION,
        ),
        (
            AudienceKind::Council,
            "College en gemeenteraad",
            &["telefoon", "sms-dienst"],
            COORDINATOR,
        ),
        (
            AudienceKind::Authorities,
            "Gouverneur, CCB en toezichthouder",
            &["telefoon", "e-mail", "meldingsformulier"],
            SECURITY,
        ),
        (
            AudienceKind::Partners,
            "Partnerorganisaties",
            &["e-mail", "telefoon"],
            EMERGENCY_PLANNING,
        ),
    ];
    let mut audiences = Vec::new();
    for (kind, name, channels, role) in base {
        audiences.push(audience(g, org, *kind, name.to_string(), channels, *role)?);
    }
    if org.places.len() > 1 {
        for place in org.places.iter().take(g.options.services / 40) {
            let channels: &[&str] = &[
                "website van de gemeente",
                "sociale media",
                "affiches aan het loket",
                "sms-dienst",
            ];
            audiences.push(audience(
                g,
                org,
                AudienceKind::Citizens,
                format!("Inwoners van {place}"),
                channels,
                COMMUNICATION,
            )?);
        }
    }
    let mut templates = Vec::new();
    for a in &audiences {
        let subject = format!(
            "Storing in de dienstverlening – bericht voor {}",
            a.name.to_lowercase()
        );
        templates.push(template(g, a, None, subject)?);
    }
    for s in scenarios {
        for _ in 0..g.rng.range(1, 2) {
            let a = g.rng.pick(&audiences);
            let subject = format!("{}: wat betekent dit voor u?", s.name);
            templates.push(template(g, a, Some(s), subject)?);
        }
    }
    Ok(Communication {
        audiences,
        templates,
    })
}

fn audience(
    g: &mut Gen,
    org: &Org,
    kind: AudienceKind,
    name: String,
    channels: &[&str],
    role: usize,
) -> anyhow::Result<Audience> {
    Ok(Audience {
        id: AudienceId::new(g.unique("audiences", &name))?,
        kind,
        channels: channels.iter().map(|c| (*c).to_owned()).collect(),
        responsible: org.crisis_role(role),
        timing: Some(format!(
            "binnen {} na de activering van het plan, daarna elke {} uur",
            g.pick_str(&["1 uur", "2 uur", "4 uur"]),
            g.rng.range(2, 4)
        )),
        name,
    })
}

fn template(
    g: &mut Gen,
    audience: &Audience,
    scenario: Option<&Scenario>,
    subject: String,
) -> anyhow::Result<MessageTemplate> {
    let what = scenario.map_or_else(
        || "een storing in onze informaticasystemen".to_owned(),
        |s| format!("een incident ({})", s.name.to_lowercase()),
    );
    let body = format!(
        "Beste,\n\nSinds [uur] op [datum] is er {what}. Daardoor zijn [diensten] tijdelijk niet of beperkt beschikbaar. \
         Onze medewerkers werken aan een oplossing; dringende vragen kunt u stellen via [telefoonnummer]. \
         We verwachten de dienstverlening te hervatten op [tijdstip]. U krijgt een nieuw bericht zodra er meer nieuws is.\n\nMet vriendelijke groeten,\n[naam], [functie]"
    );
    Ok(MessageTemplate {
        id: TemplateId::new(g.unique(
            "templates",
            &format!(
                "{} {}",
                audience.id,
                scenario.map_or("algemeen", |s| s.id.as_str())
            ),
        ))?,
        audience: audience.id.clone(),
        scenario: scenario.map(|s| s.id.clone()),
        channel: audience.channels.first().cloned(),
        subject,
        body,
    })
}
