//! Services, with recovery objectives derived from the systems beneath them so that they can be met.

use continuity_schema::types::{Duration, ServiceId};
use continuity_schema::{Criticality, Service, SystemKind};

use super::infrastructure::Infra;
use super::organisation::Org;
use super::{Gen, at_least};
use crate::words;

/// Recovery time objectives a plan owner would choose from.
const RTO_LADDER: &[Duration] = &[
    Duration::hours(4),
    Duration::hours(8),
    Duration::hours(12),
    Duration::days(1),
    Duration::days(2),
    Duration::days(3),
    Duration::days(5),
    Duration::weeks(1),
    Duration::weeks(2),
];
const RPO_LADDER: &[Duration] = &[
    Duration::minutes(15),
    Duration::hours(1),
    Duration::hours(4),
    Duration::days(1),
    Duration::days(2),
    Duration::weeks(1),
];
const MTD_LADDER: &[Duration] = &[
    Duration::hours(8),
    Duration::hours(12),
    Duration::days(1),
    Duration::days(2),
    Duration::days(3),
    Duration::days(5),
    Duration::weeks(1),
    Duration::weeks(2),
    Duration::weeks(4),
    Duration::weeks(8),
];

pub(crate) fn generate(g: &mut Gen, org: &Org, infra: &Infra) -> anyhow::Result<Vec<Service>> {
    let apps = infra.of_kind(SystemKind::Application);
    let support: Vec<usize> = [
        SystemKind::Saas,
        SystemKind::FileStorage,
        SystemKind::Email,
        SystemKind::Telephony,
        SystemKind::Endpoint,
    ]
    .into_iter()
    .flat_map(|k| infra.of_kind(k))
    .collect();
    let single = org.places.len() == 1;
    let mut services = Vec::with_capacity(g.options.services);
    for i in 0..g.options.services {
        let (product, department, audience) = *g.rng.pick(words::SERVICES);
        let place = org.places[i % org.places.len()].as_str();
        let name = if single {
            product.to_owned()
        } else {
            format!("{product} {place}")
        };
        let criticality = match g.rng.below(100) {
            0..10 => Criticality::Critical,
            10..35 => Criticality::High,
            35..75 => Criticality::Medium,
            _ => Criticality::Low,
        };
        let mut roots = vec![g.rng.range(apps.start, apps.end - 1)];
        let extra = match g.rng.below(100) {
            0..30 => 0,
            30..60 => 1,
            60..80 => 2,
            80..92 => 3,
            _ => 4,
        };
        for _ in 0..extra {
            let candidate = if g.rng.percent(30) {
                g.rng.range(apps.start, apps.end - 1)
            } else {
                *g.rng.pick(&support)
            };
            if !roots.contains(&candidate) {
                roots.push(candidate);
            }
        }
        let chain = roots.iter().map(|&r| infra.chain[r]).max().unwrap_or(0);
        let worst_backup = roots
            .iter()
            .map(|&r| infra.worst_backup[r])
            .max()
            .unwrap_or(0);
        let (base_rto, base_rpo, rank) = match criticality {
            Criticality::Critical => (Duration::hours(4), Duration::hours(1), 1),
            Criticality::High => (Duration::hours(8), Duration::hours(4), 2),
            Criticality::Medium => (Duration::days(1), Duration::days(1), 3),
            Criticality::Low => (Duration::days(3), Duration::days(1), 4),
        };
        let rto = at_least(RTO_LADDER, chain.max(base_rto.as_minutes()));
        let rpo = at_least(RPO_LADDER, worst_backup.max(base_rpo.as_minutes()));
        let wrt = *g.rng.pick(&[
            Duration::hours(2),
            Duration::hours(4),
            Duration::hours(8),
            Duration::days(1),
        ]);
        let mut mtd = at_least(MTD_LADDER, rto.as_minutes() + wrt.as_minutes());
        if g.rng.percent(40) {
            mtd = at_least(MTD_LADDER, mtd.as_minutes() + 1);
        }
        // Restart order follows the RTO (and criticality within one RTO), so priorities never contradict RTOs.
        let ladder_index = RTO_LADDER
            .iter()
            .position(|d| *d == rto)
            .unwrap_or(RTO_LADDER.len());
        let priority = (ladder_index * 10 + rank) as u16;
        let fallback = match criticality {
            Criticality::Critical => true,
            Criticality::High => g.rng.percent(60),
            _ => g.rng.percent(25),
        };
        let alternates = match criticality {
            Criticality::Critical if g.rng.percent(80) => g.rng.range(1, 2),
            Criticality::High if g.rng.percent(30) => 1,
            _ => 0,
        };
        let alternate_locations = g
            .rng
            .sample(&org.alternates, alternates)
            .into_iter()
            .map(|l| org.location_id(l))
            .collect();
        let owner = org.staff_member(g);
        let description = format!(
            "{product} voor {audience}{}: loket, e-loket en opvolging van de dossiers door de dienst {}{}.",
            if single {
                String::new()
            } else {
                format!(" van {place}")
            },
            department.to_lowercase(),
            if g.rng.percent(30) {
                ", met de back-office"
            } else {
                ""
            },
        );
        let impact = if g.rng.percent(15) {
            format!(
                "{} {}",
                g.pick_str(words::IMPACTS),
                g.pick_str(words::IMPACTS)
            )
        } else {
            g.pick_str(words::IMPACTS).to_owned()
        };
        services.push(Service {
            id: ServiceId::new(g.unique("services", &name))?,
            name,
            description: Some(description),
            owner: Some(org.person_id(owner)),
            criticality,
            priority: Some(priority),
            rto: Some(rto),
            rpo: Some(rpo),
            mtd: Some(mtd),
            wrt: Some(wrt),
            depends_on: roots.iter().map(|&r| infra.systems[r].id.clone()).collect(),
            manual_fallback: fallback.then(|| g.pick_str(words::FALLBACKS).to_owned()),
            alternate_locations,
            peak_periods: g.some_strings(words::PEAK_PERIODS, 0, 2),
            impact: Some(impact),
        });
    }
    Ok(services)
}
