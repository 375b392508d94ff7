//! The organisation, its people, crisis-team roles and locations.

use std::collections::HashSet;
use std::ops::Range;

use continuity_schema::types::{Duration, LocationId, PersonId, RoleId, WebUrl};
use continuity_schema::{
    Location, LocationKind, Organisation, OrganisationKind, Person, PhoneContact, PhoneKind, Role,
};

use super::Gen;
use crate::words;

/// The organisation with the people and places the rest of the plan refers to.
#[derive(Debug)]
pub(crate) struct Org {
    pub organisation: Organisation,
    pub domain: String,
    /// The municipalities served (one for a municipality, many for an intermunicipal association).
    pub places: Vec<String>,
    pub people: Vec<Person>,
    /// `people[..crisis_people]` fill the crisis-team roles.
    pub crisis_people: usize,
    /// The ICT staff, who own systems.
    pub ict_people: Range<usize>,
    pub roles: Vec<Role>,
    /// `roles[..crisis_roles]` form the crisis team, in the order of `words::ROLES_CRISIS`.
    pub crisis_roles: usize,
    pub locations: Vec<Location>,
    pub primaries: Vec<usize>,
    pub datacenters: Vec<usize>,
    pub alternates: Vec<usize>,
}

impl Org {
    pub fn person_id(&self, index: usize) -> PersonId {
        self.people[index].id.clone()
    }

    pub fn location_id(&self, index: usize) -> LocationId {
        self.locations[index].id.clone()
    }

    pub fn crisis_role(&self, index: usize) -> RoleId {
        self.roles[index.min(self.crisis_roles - 1)].id.clone()
    }

    /// A person outside the crisis team and the ICT staff (a department head or employee).
    pub fn staff_member(&self, g: &mut Gen) -> usize {
        let start = self.ict_people.end.min(self.people.len() - 1);
        g.rng.range(start, self.people.len() - 1)
    }

    pub fn ict_member(&self, g: &mut Gen) -> usize {
        g.rng.range(self.ict_people.start, self.ict_people.end - 1)
    }
}

pub(crate) fn generate(g: &mut Gen) -> anyhow::Result<Org> {
    let services = g.options.services;
    let systems = g.options.systems;
    let places = place_names(g, (services / 40).max(1));
    let single = places.len() == 1;
    let region = if single {
        places[0].clone()
    } else {
        format!("{}land", g.pick_str(words::PLACE_HEADS))
    };
    let domain = format!("{}.be", words::slug(&region));
    let organisation = Organisation {
        name: if single {
            format!("Gemeente {region}")
        } else {
            format!("Intergemeentelijke ICT-vereniging {region}")
        },
        kind: Some(if single {
            OrganisationKind::Municipality
        } else {
            OrganisationKind::Intermunicipal
        }),
        address: Some(address(g, &places[0])),
        phone: Some(g.landline()?),
        email: Some(super::Gen::email("info", &domain)?),
        website: Some(WebUrl::new(format!("https://www.{domain}")).map_err(anyhow::Error::msg)?),
    };

    let crisis_people = 3 * words::ROLES_CRISIS.len();
    let ict_count = (systems / 200).max(10);
    let total = (services / 4 + systems / 40).max(crisis_people + ict_count + 20);
    let mut people = Vec::with_capacity(total);
    for i in 0..total {
        let crisis = i < crisis_people;
        let ict = (crisis_people..crisis_people + ict_count).contains(&i);
        let function = if crisis {
            words::ROLES_CRISIS[i / 3].0.to_owned()
        } else if ict {
            g.pick_str(&[
                "Systeembeheerder",
                "Netwerkbeheerder",
                "Databankbeheerder",
                "Applicatiebeheerder",
                "ICT-architect",
            ])
            .to_owned()
        } else {
            format!(
                "{} {}",
                g.pick_str(words::FUNCTIONS),
                g.pick_str(words::DEPARTMENTS).to_lowercase()
            )
        };
        let after_hours = crisis || (ict && g.rng.percent(60));
        people.push(person(g, &domain, function, after_hours)?);
    }

    let mut roles = Vec::new();
    for (i, (name, duties)) in words::ROLES_CRISIS.iter().enumerate() {
        let members = (0..g.rng.range(2, 3))
            .map(|k| people[3 * i + k].id.clone())
            .collect();
        roles.push(Role {
            id: RoleId::new(g.unique("roles", name))?,
            name: (*name).to_owned(),
            crisis_team: true,
            responsibilities: duties.iter().map(|d| (*d).to_owned()).collect(),
            members,
        });
    }
    let crisis_roles = roles.len();
    let staff_start = crisis_people + ict_count;
    for _ in 0..(services / 50).max(5) {
        let department = g.pick_str(words::DEPARTMENTS);
        let place = g.rng.pick(&places).clone();
        let name = if single {
            format!("Continuïteitsverantwoordelijke {department}")
        } else {
            format!("Continuïteitsverantwoordelijke {department} {place}")
        };
        let count = g.rng.range(1, 2);
        let mut members = Vec::new();
        for _ in 0..count {
            let id = people[g.rng.range(staff_start, total - 1)].id.clone();
            if !members.contains(&id) {
                members.push(id);
            }
        }
        roles.push(Role {
            id: RoleId::new(g.unique("roles", &name))?,
            name,
            crisis_team: false,
            responsibilities: vec![
                format!(
                    "Houdt de gegevens van de dienst {} in het plan actueel",
                    department.to_lowercase()
                ),
                "Leidt de manuele werkwijze van de dienst tijdens een incident".to_owned(),
            ],
            members,
        });
    }

    let mut org = Org {
        organisation,
        domain,
        places,
        people,
        crisis_people,
        ict_people: crisis_people..staff_start,
        roles,
        crisis_roles,
        locations: Vec::new(),
        primaries: Vec::new(),
        datacenters: Vec::new(),
        alternates: Vec::new(),
    };
    locations(g, &mut org)?;
    Ok(org)
}

fn place_names(g: &mut Gen, count: usize) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut places = Vec::with_capacity(count);
    let mut attempts = 0;
    while places.len() < count {
        attempts += 1;
        let mut name = format!(
            "{}{}",
            g.pick_str(words::PLACE_HEADS),
            g.pick_str(words::PLACE_TAILS)
        );
        if attempts > count * 20 {
            name = format!("{name}-{}", places.len());
        }
        if seen.insert(name.clone()) {
            places.push(name);
        }
    }
    places
}

fn address(g: &mut Gen, place: &str) -> String {
    let street = g.pick_str(words::STREETS);
    let number = g.rng.range(1, 180);
    let postcode = g.rng.range(1500, 3999) / 10 * 10;
    format!("{street} {number}, {postcode} {place}")
}

fn person(
    g: &mut Gen,
    domain: &str,
    function: String,
    after_hours: bool,
) -> anyhow::Result<Person> {
    let name = format!(
        "{} {}",
        g.pick_str(words::FIRST_NAMES),
        g.pick_str(words::LAST_NAMES)
    );
    let id = PersonId::new(g.unique("people", &name))?;
    let mut phones = vec![PhoneContact {
        number: g.mobile()?,
        kind: PhoneKind::Mobile,
        after_hours,
    }];
    if g.rng.percent(60) {
        phones.push(PhoneContact {
            number: g.landline()?,
            kind: PhoneKind::Office,
            after_hours: false,
        });
    }
    if after_hours && g.rng.percent(20) {
        phones.push(PhoneContact {
            number: g.mobile()?,
            kind: PhoneKind::Private,
            after_hours: true,
        });
    }
    let email = if g.rng.percent(95) {
        Some(super::Gen::email(id.as_str(), domain)?)
    } else {
        None
    };
    Ok(Person {
        id,
        name,
        function,
        organisation: None,
        phones,
        email,
    })
}

fn locations(g: &mut Gen, org: &mut Org) -> anyhow::Result<()> {
    let services = g.options.services;
    let primaries = (services / 40).clamp(2, org.places.len().max(2));
    for i in 0..primaries {
        let place = org.places[i % org.places.len()].clone();
        let name = if i < org.places.len() {
            format!("Gemeentehuis {place}")
        } else {
            format!("Administratief centrum {place}")
        };
        let contact = org.staff_member(g);
        let location = Location {
            id: LocationId::new(g.unique("locations", &name))?,
            name,
            kind: LocationKind::Primary,
            address: Some(address(g, &place)),
            capacity: Some(g.rng.range(40, 400) as u32),
            available_within: None,
            ict: Vec::new(),
            communication: Vec::new(),
            access: Some("Badge voor personeel; sleutels bij de onthaalbalie en bij de facilitair verantwoordelijke.".to_owned()),
            contact: Some(org.person_id(contact)),
            map: None,
        };
        org.primaries.push(org.locations.len());
        org.locations.push(location);
    }
    for i in 0..(g.options.systems / 4000).max(2) {
        let place = g.rng.pick(&org.places).clone();
        let name = if i.is_multiple_of(2) {
            format!("Datacenter {place}")
        } else {
            format!("Serverzaal {place}")
        };
        let contact = org.ict_member(g);
        let location = Location {
            id: LocationId::new(g.unique("locations", &name))?,
            name,
            kind: LocationKind::Datacenter,
            address: Some(address(g, &place)),
            capacity: None,
            available_within: None,
            ict: Vec::new(),
            communication: vec!["vaste telefoonlijn".to_owned()],
            access: Some(format!(
                "Toegang met badge en pincode; de sleutel van de noodingang ligt in de sleutelkluis van het {}.",
                g.pick_str(&["onthaal", "politiekantoor", "brandweerkazerne"])
            )),
            contact: Some(org.person_id(contact)),
            map: None,
        };
        org.datacenters.push(org.locations.len());
        org.locations.push(location);
    }
    let venues = [
        "Cultuurcentrum",
        "Bibliotheek",
        "Sporthal",
        "Ontmoetingscentrum",
        "Zaal De Linde",
        "Technische dienst",
        "Brandweerkazerne",
    ];
    for _ in 0..(services / 150).max(2) {
        let place = g.rng.pick(&org.places).clone();
        let name = format!("Uitwijklocatie {} {place}", g.pick_str(&venues));
        let contact = org.staff_member(g);
        let id = LocationId::new(g.unique("locations", &name))?;
        let map = if g.rng.percent(50) {
            Some(
                WebUrl::new(format!("https://www.{}/locaties/{id}", org.domain))
                    .map_err(anyhow::Error::msg)?,
            )
        } else {
            None
        };
        let location = Location {
            available_within: Some(*g.rng.pick(&[
                Duration::hours(2),
                Duration::hours(4),
                Duration::hours(8),
                Duration::days(1),
            ])),
            ict: g.some_strings(words::ICT_MEANS, 2, 4),
            communication: g.some_strings(words::COMM_MEANS, 1, 3),
            access: Some(format!(
                "Sleutel en alarmcode bij de crisiscoördinator en bij de beheerder van de locatie; de alarmcode staat in de crisiskoffer. Open van {} tot 22 uur, daarbuiten via de beheerder.",
                g.rng.range(7, 9)
            )),
            contact: Some(org.person_id(contact)),
            map,
            id,
            name,
            kind: LocationKind::Alternate,
            address: Some(address(g, &place)),
            capacity: Some(g.rng.range(15, 80) as u32),
        };
        org.alternates.push(org.locations.len());
        org.locations.push(location);
    }
    let place = org.places[0].clone();
    let name = format!("Archiefdepot {place}");
    org.locations.push(Location {
        id: LocationId::new(g.unique("locations", &name))?,
        name,
        kind: LocationKind::Other,
        address: Some(address(g, &place)),
        capacity: None,
        available_within: None,
        ict: Vec::new(),
        communication: Vec::new(),
        access: None,
        contact: None,
        map: None,
    });
    Ok(())
}
