//! Suppliers and ICT systems: a layered dependency graph (applications → databases and servers →
//! virtualisation → storage, network and power) with recovery times and backups.

use std::ops::Range;

use continuity_schema::types::{Date, Duration, SupplierId, SystemId};
use continuity_schema::{
    Availability, Backup, Contract, Criticality, Recovery, Redundancy, Replacement, Service, Sla,
    Supplier, SupplierContact, System, SystemKind,
};

use super::Gen;
use super::organisation::Org;
use crate::words;

/// Systems before their criticality is known, with what the services need to set objectives.
#[derive(Debug)]
pub(crate) struct Infra {
    pub suppliers: Vec<Supplier>,
    pub systems: Vec<System>,
    /// Each kind's systems, contiguous and in generation order (dependencies come first).
    pub kinds: Vec<(SystemKind, Range<usize>)>,
    /// Minutes to recover each system including everything beneath it.
    pub chain: Vec<u64>,
    /// The longest backup interval (minutes) of each system and everything beneath it.
    pub worst_backup: Vec<u64>,
}

impl Infra {
    pub fn of_kind(&self, kind: SystemKind) -> Range<usize> {
        self.kinds
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(0..0, |(_, r)| r.clone())
    }
}

/// What kind of supplier maintains a system.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trade {
    Infrastructure,
    Software,
    Cloud,
    Telecom,
}

const TRADES: [Trade; 4] = [
    Trade::Infrastructure,
    Trade::Software,
    Trade::Cloud,
    Trade::Telecom,
];

/// How each kind is built: its share of the systems (per mille, or a minimum), what it depends
/// on (kind, fewest, most), its recovery times, backup intervals and supplier trade.
struct Layer {
    kind: SystemKind,
    per_mille: usize,
    min: usize,
    deps: &'static [(SystemKind, usize, usize)],
    recovery: &'static [Duration],
    backup: &'static [Duration],
    /// Percentage of systems of this kind with a backup (always 100 for kinds that hold data).
    backup_percent: usize,
    trade: Trade,
    hardware: bool,
}

use SystemKind as K;

const M15: Duration = Duration::minutes(15);
const M30: Duration = Duration::minutes(30);
const M45: Duration = Duration::minutes(45);
const H1: Duration = Duration::hours(1);
const H2: Duration = Duration::hours(2);
const H3: Duration = Duration::hours(3);
const H4: Duration = Duration::hours(4);
const H6: Duration = Duration::hours(6);
const H8: Duration = Duration::hours(8);
const D1: Duration = Duration::days(1);

/// The layers from the bottom up; applications take whatever is left.
const LAYERS: &[Layer] = &[
    Layer {
        kind: K::Power,
        per_mille: 3,
        min: 2,
        deps: &[],
        recovery: &[M30, H1],
        backup: &[],
        backup_percent: 0,
        trade: Trade::Infrastructure,
        hardware: true,
    },
    Layer {
        kind: K::Network,
        per_mille: 5,
        min: 2,
        deps: &[(K::Power, 1, 2)],
        recovery: &[H1, H2],
        backup: &[],
        backup_percent: 0,
        trade: Trade::Infrastructure,
        hardware: true,
    },
    Layer {
        kind: K::Internet,
        per_mille: 1,
        min: 1,
        deps: &[(K::Network, 1, 1)],
        recovery: &[H2, H4],
        backup: &[],
        backup_percent: 0,
        trade: Trade::Telecom,
        hardware: false,
    },
    Layer {
        kind: K::Security,
        per_mille: 2,
        min: 2,
        deps: &[(K::Network, 1, 1), (K::Power, 1, 1)],
        recovery: &[H1, H2],
        backup: &[],
        backup_percent: 0,
        trade: Trade::Infrastructure,
        hardware: true,
    },
    Layer {
        kind: K::Storage,
        per_mille: 3,
        min: 1,
        deps: &[(K::Power, 1, 2), (K::Network, 1, 1)],
        recovery: &[H2, H3, H4],
        backup: &[H1, H4],
        backup_percent: 100,
        trade: Trade::Infrastructure,
        hardware: true,
    },
    Layer {
        kind: K::Virtualisation,
        per_mille: 4,
        min: 1,
        deps: &[(K::Storage, 1, 2), (K::Network, 1, 1), (K::Power, 1, 1)],
        recovery: &[H1, H2, H3],
        backup: &[],
        backup_percent: 0,
        trade: Trade::Infrastructure,
        hardware: true,
    },
    Layer {
        kind: K::Identity,
        per_mille: 1,
        min: 1,
        deps: &[(K::Virtualisation, 1, 1), (K::Network, 0, 1)],
        recovery: &[H1, H2],
        backup: &[H1, H4],
        backup_percent: 100,
        trade: Trade::Software,
        hardware: false,
    },
    Layer {
        kind: K::Server,
        per_mille: 240,
        min: 1,
        deps: &[(K::Virtualisation, 1, 1), (K::Storage, 0, 1)],
        recovery: &[M30, M45, H1],
        backup: &[D1],
        backup_percent: 20,
        trade: Trade::Infrastructure,
        hardware: false,
    },
    Layer {
        kind: K::Database,
        per_mille: 140,
        min: 1,
        deps: &[(K::Server, 1, 2)],
        recovery: &[H1, H2, H4],
        backup: &[M15, H1, H1, H4, D1],
        backup_percent: 100,
        trade: Trade::Software,
        hardware: false,
    },
    Layer {
        kind: K::FileStorage,
        per_mille: 20,
        min: 1,
        deps: &[(K::Server, 1, 1), (K::Storage, 1, 1)],
        recovery: &[H2, H4, H6],
        backup: &[H4, D1],
        backup_percent: 100,
        trade: Trade::Infrastructure,
        hardware: false,
    },
    Layer {
        kind: K::Email,
        per_mille: 1,
        min: 1,
        deps: &[
            (K::Identity, 1, 1),
            (K::Internet, 1, 1),
            (K::Security, 1, 1),
        ],
        recovery: &[H2, H4],
        backup: &[H4, D1],
        backup_percent: 100,
        trade: Trade::Cloud,
        hardware: false,
    },
    Layer {
        kind: K::Telephony,
        per_mille: 1,
        min: 1,
        deps: &[(K::Network, 1, 1), (K::Internet, 1, 1), (K::Power, 1, 1)],
        recovery: &[H1, H2, H4],
        backup: &[],
        backup_percent: 0,
        trade: Trade::Telecom,
        hardware: true,
    },
    Layer {
        kind: K::Endpoint,
        per_mille: 20,
        min: 1,
        deps: &[(K::Network, 1, 1), (K::Identity, 1, 1)],
        recovery: &[H2, H4, H8],
        backup: &[],
        backup_percent: 0,
        trade: Trade::Infrastructure,
        hardware: true,
    },
    Layer {
        kind: K::Other,
        per_mille: 10,
        min: 1,
        deps: &[(K::Network, 1, 1), (K::Power, 1, 1)],
        recovery: &[H1, H4],
        backup: &[],
        backup_percent: 0,
        trade: Trade::Infrastructure,
        hardware: true,
    },
    Layer {
        kind: K::Saas,
        per_mille: 80,
        min: 1,
        deps: &[
            (K::Internet, 1, 1),
            (K::Identity, 1, 1),
            (K::Security, 0, 1),
        ],
        recovery: &[H2, H4, H8],
        backup: &[D1],
        backup_percent: 100,
        trade: Trade::Cloud,
        hardware: false,
    },
    Layer {
        kind: K::Application,
        per_mille: 0,
        min: 1,
        deps: &[
            (K::Database, 1, 1),
            (K::Server, 1, 1),
            (K::Identity, 0, 1),
            (K::FileStorage, 0, 1),
        ],
        recovery: &[H1, H2, H3, H4],
        backup: &[H4, D1],
        backup_percent: 100,
        trade: Trade::Software,
        hardware: false,
    },
];

pub(crate) fn generate(g: &mut Gen, org: &Org) -> anyhow::Result<Infra> {
    let total = g.options.systems;
    let suppliers = suppliers(g, org, (total / 80).max(8))?;
    let mut counts: Vec<usize> = LAYERS
        .iter()
        .map(|l| (total * l.per_mille / 1000).max(l.min))
        .collect();
    let fixed: usize = counts.iter().sum();
    let last = counts.len() - 1;
    counts[last] = total.saturating_sub(fixed - counts[last]).max(1);
    // Trim the largest layers when the minimums alone overshoot a small plan.
    while counts.iter().sum::<usize>() > total {
        let largest = (0..last).max_by_key(|&i| counts[i]).unwrap_or(0);
        if counts[largest] <= 1 {
            break;
        }
        counts[largest] -= 1;
    }

    let mut infra = Infra {
        suppliers,
        systems: Vec::with_capacity(total),
        kinds: Vec::new(),
        chain: Vec::new(),
        worst_backup: Vec::new(),
    };
    let by_trade: Vec<Vec<usize>> = TRADES
        .iter()
        .map(|&t| {
            (0..infra.suppliers.len())
                .filter(|i| TRADES[i % TRADES.len()] == t)
                .collect()
        })
        .collect();
    for (layer, &count) in LAYERS.iter().zip(&counts) {
        let start = infra.systems.len();
        let trade = TRADES.iter().position(|&t| t == layer.trade).unwrap_or(0);
        for n in 1..=count {
            let (system, deps) = system(g, org, &infra, layer, n, &by_trade[trade])?;
            let index = infra.systems.len();
            let own = system.recovery.as_ref().map_or(0, |r| r.time.as_minutes());
            let below = deps.iter().map(|&d| infra.chain[d]).max().unwrap_or(0);
            let own_backup = system
                .backup
                .as_ref()
                .map_or(0, |b| b.frequency.as_minutes());
            let worst_below = deps
                .iter()
                .map(|&d| infra.worst_backup[d])
                .max()
                .unwrap_or(0);
            debug_assert_eq!(index, infra.chain.len());
            infra.chain.push(own + below);
            infra.worst_backup.push(own_backup.max(worst_below));
            infra.systems.push(system);
        }
        infra.kinds.push((layer.kind, start..infra.systems.len()));
    }
    Ok(infra)
}

fn suppliers(g: &mut Gen, org: &Org, count: usize) -> anyhow::Result<Vec<Supplier>> {
    let mut names = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        let trade = TRADES[i % TRADES.len()];
        let mut name = String::new();
        for attempt in 0..50 {
            name = format!(
                "{} {} {}",
                g.pick_str(words::SUPPLIER_HEADS),
                g.pick_str(words::SUPPLIER_TAILS),
                g.pick_str(words::SUPPLIER_FORMS)
            );
            if attempt == 49 {
                name = format!("{name} {i}");
            }
            if names.insert(name.clone()) {
                break;
            }
        }
        let id = SupplierId::new(g.unique("suppliers", &name))?;
        let domain = format!(
            "{}.be",
            words::slug(&name)
                .rsplit_once('-')
                .map_or(id.as_str(), |(head, _)| head)
        );
        let provides = match trade {
            Trade::Infrastructure => {
                "Levering en onderhoud van servers, opslag, netwerk en stroomvoorziening, met interventie ter plaatse."
            }
            Trade::Software => {
                "Licenties, onderhoud en tweedelijnsondersteuning van bedrijfstoepassingen en databanken."
            }
            Trade::Cloud => {
                "Clouddiensten als abonnement, met hosting en back-up in een datacenter in de EU."
            }
            Trade::Telecom => "Internetverbindingen, telefonie en mobiele abonnementen.",
        };
        let mut contacts = vec![
            SupplierContact {
                name: None,
                function: "Servicedesk".to_owned(),
                phone: Some(g.landline()?),
                email: Some(Gen::email("servicedesk", &domain)?),
                availability: Availability::OfficeHours,
                emergency: false,
            },
            SupplierContact {
                name: None,
                function: "Noodlijn prioriteit 1".to_owned(),
                phone: Some(g.mobile()?),
                email: None,
                availability: Availability::AlwaysAvailable,
                emergency: true,
            },
        ];
        if g.rng.percent(50) {
            let contact = format!(
                "{} {}",
                g.pick_str(words::FIRST_NAMES),
                g.pick_str(words::LAST_NAMES)
            );
            contacts.push(SupplierContact {
                email: Some(Gen::email(&contact, &domain)?),
                name: Some(contact),
                function: "Accountmanager".to_owned(),
                phone: Some(g.mobile()?),
                availability: Availability::OfficeHours,
                emergency: false,
            });
        }
        let expired = g.rng.percent(2);
        let end_date: Date = if expired {
            g.days_ago(10, 200)
        } else {
            g.days_ahead(90, 1500)
        };
        out.push(Supplier {
            id,
            name,
            provides: Some(provides.to_owned()),
            customer_number: Some(format!("KL-{:06}", g.rng.below(1_000_000))),
            contacts,
            contract: Some(Contract {
                reference: format!(
                    "Raamcontract {}/{:03} ({})",
                    end_date.year() - 4,
                    g.rng.range(1, 400),
                    org.organisation.name
                ),
                end_date: Some(end_date),
                sla: Some(Sla {
                    hours: Availability::AlwaysAvailable,
                    response_time: Some(*g.rng.pick(&[M30, H1, H2])),
                    recovery_time: Some(*g.rng.pick(&[H2, H4, H4, H8])),
                }),
            }),
        });
    }
    Ok(out)
}

/// The `n`th system of a layer, with the indexes of the systems it depends on.
fn system(
    g: &mut Gen,
    org: &Org,
    infra: &Infra,
    layer: &Layer,
    n: usize,
    suppliers: &[usize],
) -> anyhow::Result<(System, Vec<usize>)> {
    let dc = org.datacenters[n % org.datacenters.len()];
    let dc_name = org.locations[dc].name.clone();
    let place = org.places[n % org.places.len()].clone();
    let mut depends_on = Vec::new();
    let mut dep_indexes = Vec::new();
    let mut dep_names = Vec::new();
    for &(kind, min, max) in layer.deps {
        let range = infra.of_kind(kind);
        if range.is_empty() {
            continue;
        }
        for _ in 0..g.rng.range(min, max) {
            let d = g.rng.range(range.start, range.end - 1);
            let id = infra.systems[d].id.clone();
            if !depends_on.contains(&id) {
                dep_indexes.push(d);
                dep_names.push(infra.systems[d].name.clone());
                depends_on.push(id);
            }
        }
    }
    let (name, description) = describe(g, layer.kind, n, &dc_name, &place, &dep_names);
    let description = (layer.kind != K::Server || g.rng.percent(30)).then_some(description);
    let supplier = if layer.kind == K::Power && n.is_multiple_of(2) {
        None
    } else {
        Some(infra.suppliers[*g.rng.pick(suppliers)].id.clone())
    };
    let holds_data = layer.kind.holds_data();
    let backup = if !layer.backup.is_empty() && (holds_data || g.rng.percent(layer.backup_percent))
    {
        let frequency = *g.rng.pick(layer.backup);
        let retention = if frequency.as_minutes() <= 60 {
            *g.rng.pick(&[Duration::days(7), Duration::days(14)])
        } else {
            *g.rng
                .pick(&[Duration::weeks(4), Duration::weeks(13), Duration::weeks(52)])
        };
        let (method, location) = match layer.kind {
            K::Database => (
                "Nachtelijke dump en transactielogs",
                format!("Back-upserver {dc_name}, tape"),
            ),
            K::Storage => (
                "Snapshots met replicatie",
                "Tweede opslagsysteem".to_owned(),
            ),
            K::Saas => (
                "Back-up door de leverancier en export",
                "Leverancier en eigen back-upserver".to_owned(),
            ),
            _ => (
                "Image-back-up met de back-upsoftware",
                format!("Back-upserver {dc_name}"),
            ),
        };
        Some(Backup {
            frequency,
            retention: Some(retention),
            method: g.rng.percent(35).then(|| method.to_owned()),
            location: g.rng.percent(25).then_some(location),
            offline_copy: false,
            immutable_copy: false,
            last_restore_test: None,
        })
    } else {
        None
    };
    let recovery = if g.rng.per_mille(5) {
        None
    } else {
        Some(Recovery {
            time: *g.rng.pick(layer.recovery),
            steps: if layer.kind != K::Server && g.rng.percent(30) {
                recovery_steps(layer.kind)
                    .iter()
                    .map(|s| (*s).to_owned())
                    .collect()
            } else {
                Vec::new()
            },
            procedure: g
                .rng
                .percent(50)
                .then(|| format!("DMS ICT/herstel/{}", words::slug(&name))),
        })
    };
    let replacement = layer.hardware.then(|| Replacement {
        lead_time: Some(*g.rng.pick(&[
            Duration::days(1),
            Duration::days(2),
            Duration::weeks(1),
            Duration::weeks(4),
        ])),
        spare_available: g.rng.percent(40),
        notes: Some("Via het raamcontract van de leverancier".to_owned()),
    });
    let location = match layer.kind {
        K::Saas | K::Internet => None,
        K::Endpoint | K::Telephony | K::Other => {
            Some(org.location_id(org.primaries[n % org.primaries.len()]))
        }
        _ => Some(org.location_id(dc)),
    };
    let system = System {
        id: SystemId::new(g.unique("systems", &name))?,
        name,
        kind: layer.kind,
        description,
        location,
        supplier,
        owner: Some(org.person_id(org.ict_member(g))),
        depends_on,
        redundancy: Redundancy::None,
        backup,
        recovery,
        replacement,
    };
    Ok((system, dep_indexes))
}

/// A name and a description for the `n`th system of a kind.
fn describe(
    g: &mut Gen,
    kind: SystemKind,
    n: usize,
    dc: &str,
    place: &str,
    deps: &[String],
) -> (String, String) {
    let on = match deps.first() {
        Some(first) if !matches!(kind, K::Server | K::Application | K::Database | K::Saas) => {
            format!(" Draait op {first}.")
        }
        _ => String::new(),
    };
    match kind {
        K::Power => {
            let what = if n.is_multiple_of(2) {
                "Noodgenerator"
            } else {
                "UPS"
            };
            (
                format!("{what} {dc} {n}"),
                format!(
                    "{what} voor {dc}, met een autonomie van {} minuten en maandelijkse test.{on}",
                    g.rng.range(15, 90)
                ),
            )
        }
        K::Network => (
            format!("Kernswitch {dc} {n}"),
            format!(
                "Gestapelde kernswitches in {dc} met de VLAN's voor servers, beheer en werkplekken.{on}"
            ),
        ),
        K::Internet => (
            format!("Internetlijn {n}"),
            format!(
                "Glasvezelverbinding van {} Mbit/s met vaste IP-adressen, gebruikt voor clouddiensten en VPN.{on}",
                g.rng.pick(&[500, 1000, 2000])
            ),
        ),
        K::Security => (
            format!("Firewallcluster {n}"),
            format!(
                "Firewallcluster met VPN-toegang, webfilter en segmentatie tussen de netwerkzones.{on}"
            ),
        ),
        K::Storage => (
            format!("SAN {dc} {n}"),
            format!(
                "Opslagsysteem met {} TB bruikbare capaciteit voor de virtuele servers en databanken.{on}",
                g.rng.range(20, 400)
            ),
        ),
        K::Virtualisation => (
            format!("Virtualisatiecluster {n}"),
            format!(
                "Cluster van {} hosts met de virtuele servers van {dc}.{on}",
                g.rng.range(3, 12)
            ),
        ),
        K::Identity => (
            format!("Active Directory {n}"),
            format!(
                "Domeincontrollers met aanmelding, groepsbeleid en synchronisatie naar de cloud.{on}"
            ),
        ),
        K::Server => {
            let role = g.pick_str(words::SERVER_ROLES);
            (
                format!("Server {role} {n:04}"),
                format!("Virtuele {role} met Windows Server of Linux.{on}"),
            )
        }
        K::Database => {
            let engine = g.pick_str(words::DATABASES);
            (
                format!("{engine} instantie {n:04}"),
                format!("{engine}-instantie met de databanken van de toepassingen.{on}"),
            )
        }
        K::FileStorage => (
            format!("Bestandsserver {place} {n}"),
            format!("Netwerkschijven met de dienstmappen van {place}.{on}"),
        ),
        K::Email => (
            format!("E-mailplatform {n}"),
            format!("E-mail en agenda in de cloud met hybride koppeling.{on}"),
        ),
        K::Telephony => (
            format!("Telefooncentrale {place} {n}"),
            format!("VoIP-centrale met het algemene nummer en de wachtrijen van {place}.{on}"),
        ),
        K::Endpoint => (
            format!("Werkplekken {place} {n}"),
            format!("Laptops, vaste werkplekken en printers van {place}.{on}"),
        ),
        K::Other => {
            let what = g.pick_str(&[
                "Badgesysteem",
                "Camerasysteem",
                "Gebouwbeheersysteem",
                "Slagboom en parking",
                "Wachtrijsysteem",
            ]);
            (
                format!("{what} {place} {n}"),
                format!("{what} in {place}.{on}"),
            )
        }
        K::Saas => {
            let what = g.pick_str(words::SAAS);
            (
                format!("{what} {n}"),
                format!(
                    "{what} als clouddienst, met aanmelding via het eigen identiteitsplatform.{on}"
                ),
            )
        }
        K::Application => {
            let what = g.pick_str(words::APPLICATIONS);
            let extra = if g.rng.percent(25) {
                " Webtoepassing met koppelingen naar MAGDA."
            } else {
                ""
            };
            (
                format!("{what} {place}"),
                format!("{what} voor de diensten van {place}.{extra}{on}"),
            )
        }
    }
}

fn recovery_steps(kind: SystemKind) -> &'static [&'static str] {
    match kind {
        K::Power => &[
            "Controleer de UPS en schakel over op de generator",
            "Breng de stroomkringen gefaseerd terug in dienst",
        ],
        K::Network | K::Security => &[
            "Plaats de laatste configuratie terug uit het beheerplatform",
            "Test de verbindingen tussen de netwerkzones",
        ],
        K::Internet | K::Telephony => &[
            "Meld de storing bij de provider",
            "Schakel over op de back-uplijn of de 4G-router",
        ],
        K::Storage => &[
            "Schakel over naar het tweede opslagsysteem",
            "Controleer de volumes en de replicatie",
        ],
        K::Virtualisation => &[
            "Start de hosts en de beheerserver",
            "Start de virtuele servers in volgorde van prioriteit",
        ],
        K::Identity => &[
            "Herstel een domeincontroller uit de back-up",
            "Controleer de replicatie en de beheerdersaccounts",
        ],
        K::Server => {
            &["Zet de virtuele server terug uit de back-up of installeer opnieuw uit het sjabloon"]
        }
        K::Database => &[
            "Herstel de laatste volledige back-up",
            "Speel de transactielogs af en controleer de consistentie",
        ],
        K::Saas | K::Email => &[
            "Volg de status bij de leverancier",
            "Controleer de aanmelding en de koppelingen na het herstel",
        ],
        K::Application | K::FileStorage => {
            &["Herstel uit de back-up en laat de functioneel beheerder testen"]
        }
        K::Endpoint | K::Other => &["Vervang defect materiaal uit de reservevoorraad"],
    }
}

/// Sets redundancy and backup protection from the criticality of the services above each system;
/// returns which systems serve a critical service.
pub(crate) fn finish(g: &mut Gen, infra: &mut Infra, services: &[Service]) -> Vec<bool> {
    let systems = &mut infra.systems;
    let index: std::collections::HashMap<SystemId, usize> = systems
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.clone(), i))
        .collect();
    let mut level: Vec<Option<Criticality>> = vec![None; systems.len()];
    for service in services {
        for d in &service.depends_on {
            if let Some(&i) = index.get(d) {
                level[i] =
                    Some(level[i].map_or(service.criticality, |c| c.min(service.criticality)));
            }
        }
    }
    // Dependencies always come earlier, so one pass from the top down reaches everything.
    for i in (0..systems.len()).rev() {
        let Some(c) = level[i] else { continue };
        for d in &systems[i].depends_on {
            if let Some(&j) = index.get(d) {
                level[j] = Some(level[j].map_or(c, |x| x.min(c)));
            }
        }
    }
    for (i, system) in systems.iter_mut().enumerate() {
        let critical = level[i] == Some(Criticality::Critical);
        system.redundancy = if critical && !g.rng.per_mille(3) {
            *g.rng.pick(&[
                Redundancy::HotStandby,
                Redundancy::ActiveActive,
                Redundancy::WarmStandby,
            ])
        } else {
            *g.rng.pick(&[
                Redundancy::None,
                Redundancy::None,
                Redundancy::ColdStandby,
                Redundancy::WarmStandby,
                Redundancy::HotStandby,
                Redundancy::ActiveActive,
            ])
        };
        let Some(backup) = system.backup.as_mut() else {
            continue;
        };
        backup.offline_copy = critical || g.rng.percent(40);
        backup.immutable_copy = g.rng.percent(if critical { 70 } else { 30 });
        backup.last_restore_test = if critical {
            Some(if g.rng.per_mille(5) {
                g.days_ago(400, 700)
            } else {
                g.days_ago(5, 330)
            })
        } else if g.rng.percent(60) {
            Some(g.days_ago(5, 720))
        } else {
            None
        };
    }
    level
        .iter()
        .map(|&c| c == Some(Criticality::Critical))
        .collect()
}
