//! The plan's metadata, activation, distribution, exercises, follow-up actions and incidents,
//! and the assembly of the whole plan.

use continuity_schema::types::{
    ActionId, CopyId, Date, ExerciseFindingId, ExerciseId, IncidentId, ScheduleId,
};
use continuity_schema::{
    Action, ActionOrigin, ActionStatus, Activation, Allowance, Approval, Classification, CopyForm,
    DocumentRef, Exercise, ExerciseFinding, ExerciseKind, ExerciseResult, ExerciseSchedule,
    FORMAT_VERSION, Incident, Plan, PlanCopy, PlanInfo, Redundancy, Service, System,
};

use super::Gen;
use super::infrastructure::Infra;
use super::organisation::Org;
use super::response::Response;
use crate::words;

/// The exercise schedule: kind, interval in months, scope.
const SCHEDULE: &[(ExerciseKind, u16, &str)] = &[
    (
        ExerciseKind::CallTree,
        6,
        "Alle leden van het crisisteam en hun plaatsvervangers bellen, ook buiten de kantooruren",
    ),
    (
        ExerciseKind::Walkthrough,
        12,
        "Het volledige plan doorlopen met de auteurs en de diensthoofden",
    ),
    (
        ExerciseKind::Tabletop,
        12,
        "Een scenario bespreken met het voltallige crisisteam",
    ),
    (
        ExerciseKind::RestoreTest,
        12,
        "Een kritieke databank en een toepassing herstellen uit de offline back-up",
    ),
    (
        ExerciseKind::Failover,
        24,
        "Overschakelen naar het tweede datacenter en de uitwijklocatie",
    ),
    (
        ExerciseKind::Simulation,
        36,
        "Een realistische simulatie met het crisisteam, de leveranciers en de communicatiedienst",
    ),
];

pub(crate) fn assemble(
    g: &mut Gen,
    org: Org,
    services: Vec<Service>,
    infra: Infra,
    critical: &[bool],
    response: Response,
) -> anyhow::Result<Plan> {
    let today = g.today;
    let version = format!("{}.1", today.year());
    let info = plan_info(g, &org, &version)?;
    let activation = Activation {
        criteria: vec![
            "Een kritieke dienst is langer dan de helft van haar RTO onderbroken".to_owned(),
            "Een ransomware-aanval of een ander cyberincident treft meerdere systemen".to_owned(),
            "Een gebouw of het datacenter is onbruikbaar".to_owned(),
            "Een kritieke leverancier kan niet leveren en het herstel is niet binnen de RTO in zicht".to_owned(),
            "De burgemeester of de gouverneur vraagt het crisisteam samen te komen".to_owned(),
        ],
        authorised_roles: (0..3).map(|r| org.crisis_role(r)).collect(),
        procedure: Some(
            "De eerste die het incident vaststelt, belt de crisiscoördinator (of de plaatsvervanger). Die beslist binnen 30 minuten over de activering, \
             roept het crisisteam samen in de vergaderzaal van het gemeentehuis (of op de uitwijklocatie) en opent het logboek."
                .to_owned(),
        ),
        full_recovery: vec![
            "Alle kritieke en hoge diensten werken opnieuw met hun eigen systemen".to_owned(),
            "De manueel verwerkte dossiers zijn ingevoerd en gecontroleerd".to_owned(),
            "De crisiscoördinator heeft het volledige herstel verklaard en het logboek afgesloten".to_owned(),
        ],
    };
    let distribution = distribution(g, &org, &version)?;
    let exercise_schedule = SCHEDULE
        .iter()
        .map(|(kind, months, scope)| {
            Ok(ExerciseSchedule {
                id: ScheduleId::new(g.unique(
                    "schedule",
                    &format!("{} elke {months} maanden", kind.label()),
                ))?,
                kind: *kind,
                interval_months: *months,
                scope: Some((*scope).to_owned()),
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let exercises = exercises(g, &org, &response)?;
    let incidents = incidents(g)?;
    let actions = actions(g, &org, &exercises, &incidents)?;
    let allow = allowances(g, &org, &infra.systems, critical);
    Ok(Plan {
        schema: Some("plan.schema.json".to_owned()),
        format_version: FORMAT_VERSION,
        organisation: org.organisation.clone(),
        plan: info,
        activation,
        people: org.people,
        roles: org.roles,
        services,
        systems: infra.systems,
        suppliers: infra.suppliers,
        locations: org.locations,
        scenarios: response.scenarios,
        risks: response.risks,
        communication: response.communication,
        distribution,
        exercise_schedule,
        exercises,
        actions,
        incidents,
        allow,
    })
}

fn plan_info(g: &mut Gen, org: &Org, version: &str) -> anyhow::Result<PlanInfo> {
    let year = g.today.year();
    let approvals = (0..3)
        .map(|k| {
            let years_back = 2 - k;
            Ok(Approval {
                version: format!("{}.1", year - years_back),
                date: g.today.add_days(-(i64::from(years_back) * 365 + 30)),
                approved_by: if org.places.len() == 1 {
                    "College van burgemeester en schepenen".to_owned()
                } else {
                    "Raad van bestuur".to_owned()
                },
                reference: Some(format!(
                    "Besluit {}/{:03}",
                    year - years_back,
                    g.rng.range(1, 300)
                )),
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let document = |title: &str, location: String, date: Date| DocumentRef {
        title: title.to_owned(),
        location,
        url: None,
        last_reviewed: Some(date),
    };
    Ok(PlanInfo {
        title: "Bedrijfscontinuïteitsplan ICT".to_owned(),
        version: version.to_owned(),
        language: "nl".to_owned(),
        classification: Classification::Confidential,
        purpose: format!(
            "Dit plan beschrijft hoe {} de dienstverlening aan inwoners, ondernemers en personeel voortzet of zo snel mogelijk herstelt na een ICT-incident: \
             wie beslist, wie wie belt, welke diensten eerst terugkomen en welke systemen en leveranciers daarvoor nodig zijn.",
            org.organisation.name
        ),
        scope: format!(
            "Alle diensten van {} gemeente(n), de {} ICT-systemen in de datacenters en op de locaties, en de leveranciers die ze onderhouden. \
             Buiten het plan vallen de systemen van de politiezone en het algemeen nood- en interventieplan.",
            org.places.len(),
            g.options.systems
        ),
        owner: org.person_id(0),
        contributors: (1..6).map(|p| org.person_id(p * 3)).collect(),
        review_interval_months: 12,
        last_review: Some(g.days_ago(20, 120)),
        approvals,
        backup_procedure: Some(document(
            "Back-upprocedure ICT",
            "DMS ICT/014, papieren kopie in de crisiskoffer".to_owned(),
            g.days_ago(30, 200),
        )),
        related_documents: vec![
            document(
                "Netwerkschema en IP-plan",
                "DMS ICT/002 en de map in de serverzaal".to_owned(),
                g.days_ago(30, 300),
            ),
            document(
                "Algemeen nood- en interventieplan",
                "Dienst noodplanning, papieren versie bij de noodplanningsambtenaar".to_owned(),
                g.days_ago(30, 300),
            ),
            document(
                "Overzicht contracten ICT-leveranciers",
                "Contractbeheer, map ICT".to_owned(),
                g.days_ago(30, 300),
            ),
        ],
    })
}

fn distribution(g: &mut Gen, org: &Org, version: &str) -> anyhow::Result<Vec<PlanCopy>> {
    let mut holders: Vec<usize> = (0..org.crisis_people).collect();
    for _ in 0..(g.options.services / 50) {
        holders.push(org.staff_member(g));
    }
    holders.sort_unstable();
    holders.dedup();
    let mut copies = Vec::with_capacity(holders.len());
    for p in holders {
        let form = *g.rng.pick(&[
            CopyForm::Paper,
            CopyForm::Usb,
            CopyForm::Device,
            CopyForm::Report,
        ]);
        let holder = org.person_id(p);
        copies.push(PlanCopy {
            id: CopyId::new(g.unique("copies", &format!("kopie {holder}")))?,
            holder,
            form,
            version: version.to_owned(),
            date: g.days_ago(5, 25),
            kept_at: Some(
                g.pick_str(&[
                    "Thuis, in de crisiskoffer",
                    "In de wagen van dienst",
                    "Op de dienstlaptop, offline",
                    "In de kluis van het secretariaat",
                ])
                .to_owned(),
            ),
        });
    }
    Ok(copies)
}

fn exercises(g: &mut Gen, org: &Org, response: &Response) -> anyhow::Result<Vec<Exercise>> {
    let count = (g.options.services / 50).max(SCHEDULE.len());
    let mut planned: Vec<(Date, ExerciseKind)> = Vec::with_capacity(count);
    for (kind, months, _) in SCHEDULE {
        let within = usize::from(*months) * 30 / 2;
        planned.push((g.days_ago(10, within), *kind));
    }
    while planned.len() < count {
        let kind = g.rng.pick(SCHEDULE).0;
        planned.push((g.days_ago(30, 3 * 365), kind));
    }
    planned.sort_by_key(|&(date, _)| date);
    let mut out = Vec::with_capacity(count);
    for (date, kind) in planned {
        let scenario = matches!(
            kind,
            ExerciseKind::Tabletop | ExerciseKind::Simulation | ExerciseKind::Failover
        )
        .then(|| g.rng.pick(&response.scenarios).clone());
        let title = match &scenario {
            Some(s) => format!("{} {}: {}", kind_name(kind), date.year(), s.name),
            None => format!("{} {}", kind_name(kind), date),
        };
        let result = match g.rng.below(10) {
            0..3 => ExerciseResult::Passed,
            3..9 => ExerciseResult::PassedWithFindings,
            _ => ExerciseResult::Failed,
        };
        let findings = match result {
            ExerciseResult::Passed => 0,
            ExerciseResult::PassedWithFindings => g.rng.range(1, 3),
            ExerciseResult::Failed => g.rng.range(2, 4),
        };
        let mut used = std::collections::HashSet::new();
        let mut finding_list = Vec::new();
        for text in g.rng.sample(words::EXERCISE_FINDINGS, findings) {
            let slug = words::slug(text);
            let id: String = slug
                .split('-')
                .filter(|w| w.len() > 3)
                .take(3)
                .collect::<Vec<_>>()
                .join("-");
            if used.insert(id.clone()) {
                finding_list.push(ExerciseFinding {
                    id: ExerciseFindingId::new(id)?,
                    description: text.to_owned(),
                });
            }
        }
        let participant_count = g.rng.range(3, 10);
        let participants = g
            .rng
            .sample(
                &(0..org.crisis_people).collect::<Vec<_>>(),
                participant_count,
            )
            .into_iter()
            .map(|p| org.person_id(p))
            .collect();
        out.push(Exercise {
            id: ExerciseId::new(g.unique("exercises", &format!("{} {date}", kind.label())))?,
            date,
            kind,
            title,
            scenario: scenario.map(|s| s.id),
            participants,
            result,
            summary: Some(format!(
                "{} De deelnemers vonden hun rol en de contactgegevens in het plan; de bevindingen zijn opgenomen als verbeteracties.",
                match result {
                    ExerciseResult::Passed => "De oefening verliep volgens plan.",
                    ExerciseResult::PassedWithFindings => "De oefening slaagde, met enkele verbeterpunten.",
                    ExerciseResult::Failed => "De doelstelling werd niet gehaald binnen de afgesproken tijd.",
                }
            )),
            findings: finding_list,
        });
    }
    Ok(out)
}

fn kind_name(kind: ExerciseKind) -> &'static str {
    match kind {
        ExerciseKind::Walkthrough => "Doorloop van het plan",
        ExerciseKind::CallTree => "Oefening belboom",
        ExerciseKind::Tabletop => "Tafeloefening",
        ExerciseKind::RestoreTest => "Hersteltest",
        ExerciseKind::Failover => "Uitwijktest",
        ExerciseKind::Simulation => "Simulatie",
        ExerciseKind::FullInterruption => "Volledige onderbreking",
    }
}

fn incidents(g: &mut Gen) -> anyhow::Result<Vec<Incident>> {
    let kinds = [
        "Stroomonderbreking",
        "Storing internetlijn",
        "Phishingaanval",
        "Defecte schijf in het SAN",
        "Storing telefooncentrale",
    ];
    let mut out = Vec::new();
    for _ in 0..(g.options.services / 500).max(2) {
        let date = g.days_ago(30, 900);
        let title = format!("{} {date}", g.pick_str(&kinds));
        out.push(Incident {
            id: IncidentId::new(g.unique("incidents", &title))?,
            date,
            plan_activated: g.rng.percent(40),
            summary: Some("De getroffen diensten werkten enkele uren manueel verder; de oorzaak en de verbeterpunten staan in het incidentrapport.".to_owned()),
            title,
        });
    }
    Ok(out)
}

fn actions(
    g: &mut Gen,
    org: &Org,
    exercises: &[Exercise],
    incidents: &[Incident],
) -> anyhow::Result<Vec<Action>> {
    let mut out = Vec::new();
    for exercise in exercises {
        for finding in &exercise.findings {
            if g.rng.percent(3) {
                continue;
            }
            let title = words::ACTION_TITLES[words::EXERCISE_FINDINGS
                .iter()
                .position(|f| *f == finding.description)
                .unwrap_or(0)];
            let due = exercise.date.add_days(g.rng.range(30, 180) as i64);
            let (status, completed) = if due < g.today {
                if g.rng.percent(4) {
                    (ActionStatus::InProgress, None)
                } else {
                    (
                        ActionStatus::Done,
                        Some(due.add_days(-(g.rng.range(0, 25) as i64))),
                    )
                }
            } else {
                (
                    *g.rng.pick(&[ActionStatus::Open, ActionStatus::InProgress]),
                    None,
                )
            };
            out.push(Action {
                id: ActionId::new(
                    g.unique("actions", &format!("{title} {}", exercise.date.year())),
                )?,
                title: title.to_owned(),
                origin: ActionOrigin::Exercise,
                exercise: Some(exercise.id.clone()),
                finding: Some(finding.id.clone()),
                incident: None,
                reference: None,
                owner: org.person_id(g.rng.below(org.crisis_people)),
                due: Some(due),
                status,
                completed,
            });
        }
    }
    for incident in incidents {
        out.push(Action {
            id: ActionId::new(g.unique("actions", &format!("opvolging {}", incident.id)))?,
            title: format!(
                "Verbeterpunten uit het incident van {} uitvoeren",
                incident.date
            ),
            origin: ActionOrigin::Incident,
            exercise: None,
            finding: None,
            incident: Some(incident.id.clone()),
            reference: Some("Incidentrapport in het DMS".to_owned()),
            owner: org.person_id(2),
            due: Some(incident.date.add_days(90)),
            status: ActionStatus::Done,
            completed: Some(incident.date.add_days(60)),
        });
    }
    for n in 0..(g.options.services / 200).max(2) {
        let due = g.days_ahead(20, 300);
        out.push(Action {
            id: ActionId::new(g.unique("actions", &format!("auditaanbeveling {n}")))?,
            title: "Aanbeveling uit de audit opvolgen: prioriteiten en hersteltijden per dienst vastleggen".to_owned(),
            origin: ActionOrigin::Audit,
            exercise: None,
            finding: None,
            incident: None,
            reference: Some(format!("Auditrapport Audit Vlaanderen {}, aanbeveling {}", g.today.year() - 1, n + 1)),
            owner: org.person_id(0),
            due: Some(due),
            status: ActionStatus::Open,
            completed: None,
        });
    }
    Ok(out)
}

/// A few accepted single points of failure, as a plan owner would record them.
fn allowances(g: &mut Gen, org: &Org, systems: &[System], critical: &[bool]) -> Vec<Allowance> {
    let spof: Vec<usize> = systems
        .iter()
        .enumerate()
        .filter(|&(i, s)| critical[i] && s.redundancy == Redundancy::None)
        .map(|(i, _)| i)
        .collect();
    g.rng
        .sample(&spof, 2)
        .into_iter()
        .map(|i| Allowance {
            rule: "single-point-of-failure".to_owned(),
            subject: Some(format!("systems/{}", systems[i].id)),
            reason: "Het herstel binnen de RTO is aangetoond in de laatste hersteltest; een tweede instantie is begroot voor volgend jaar.".to_owned(),
            accepted_by: Some(org.person_id(3)),
            until: Some(g.days_ahead(120, 360)),
        })
        .collect()
}
