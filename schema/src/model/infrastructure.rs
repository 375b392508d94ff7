//! ICT systems, the suppliers behind them and the locations they (and people) can work from.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::types::{
    Date, Duration, Email, LocationId, PersonId, Phone, SupplierId, SystemId, WebUrl,
};

/// An ICT system: an application, a piece of infrastructure, a network link, hardware.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct System {
    /// A stable id, unique among `systems`.
    pub id: SystemId,
    /// The system's name.
    #[schemars(length(min = 1), example = &"Documentbeheersysteem")]
    pub name: String,
    /// What kind of system this is.
    pub kind: SystemKind,
    /// What the system does, its configuration and components.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Where the system runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<LocationId>,
    /// The supplier that provides or maintains it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplier: Option<SupplierId>,
    /// The person responsible for it inside the organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<PersonId>,
    /// # Depends on
    ///
    /// Systems that must run before this one can (for an application: its server, database,
    /// network). Recovery follows this graph; it must not contain cycles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<SystemId>,
    /// # Redundancy
    ///
    /// How the system survives the loss of one instance.
    pub redundancy: Redundancy,
    /// Backups of the system's data; absent when the system keeps no data of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup: Option<Backup>,
    /// How the system is brought back and how long that takes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovery: Option<Recovery>,
    /// How the hardware or licence is replaced when it is lost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replacement: Option<Replacement>,
}

/// Kinds of ICT system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SystemKind {
    /// A business application run by the organisation.
    Application,
    /// An application delivered as a service from the supplier's cloud.
    Saas,
    /// A database server or instance.
    Database,
    /// File shares and document storage.
    FileStorage,
    /// A physical or virtual server.
    Server,
    /// The virtualisation platform.
    Virtualisation,
    /// Storage arrays and SAN.
    Storage,
    /// Internal network: switches, wifi, cabling.
    Network,
    /// The connection to the internet or to partners.
    Internet,
    /// Firewalls, identity, endpoint protection.
    Security,
    /// Directory and sign-in (Active Directory, Entra ID, ...).
    Identity,
    /// Telephony: switchboard, VoIP, mobile.
    Telephony,
    /// E-mail and collaboration.
    Email,
    /// Workstations, laptops and printers.
    Endpoint,
    /// Power supply: UPS, generator.
    Power,
    /// Anything else.
    Other,
}

impl SystemKind {
    /// Whether systems of this kind usually hold data of their own that backups must protect.
    pub fn holds_data(self) -> bool {
        matches!(
            self,
            SystemKind::Application
                | SystemKind::Saas
                | SystemKind::Database
                | SystemKind::FileStorage
                | SystemKind::Storage
                | SystemKind::Identity
                | SystemKind::Email
        )
    }
}

/// How a system survives the loss of one instance.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Redundancy {
    /// One instance: a single point of failure.
    None,
    /// A spare that must be installed or switched on by hand.
    ColdStandby,
    /// A standby that is running and can take over after a manual switch.
    WarmStandby,
    /// A standby that takes over automatically.
    HotStandby,
    /// Several instances share the load; losing one is not noticed.
    ActiveActive,
}

/// Backups of a system's data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Backup {
    /// # Backup frequency
    ///
    /// The time between two backups; the data lost in the worst case.
    pub frequency: Duration,
    /// How long backups are kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention: Option<Duration>,
    /// How the backup is made (product, method, who runs it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// Where the backups are kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Whether a copy is kept offline (disconnected, out of reach of ransomware).
    #[serde(default)]
    pub offline_copy: bool,
    /// Whether a copy is immutable (cannot be changed or deleted before it expires).
    #[serde(default)]
    pub immutable_copy: bool,
    /// The date of the last successful restore test.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_restore_test: Option<Date>,
}

/// How a system is recovered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recovery {
    /// # Estimated recovery time
    ///
    /// How long recovery of this system takes once the systems it depends on run again.
    pub time: Duration,
    /// The recovery steps in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<String>,
    /// Where the detailed recovery procedure is documented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure: Option<String>,
}

/// How lost hardware or licences are replaced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Replacement {
    /// How long it takes to obtain a replacement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_time: Option<Duration>,
    /// Whether a spare is available on site.
    #[serde(default)]
    pub spare_available: bool,
    /// Anything else worth knowing (framework contract, reseller, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// An IT service provider.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Supplier {
    /// A stable id, unique among `suppliers`.
    pub id: SupplierId,
    /// The supplier's name.
    #[schemars(length(min = 1), example = &"Cipal Schaubroeck")]
    pub name: String,
    /// What the supplier provides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provides: Option<String>,
    /// Your customer number, to quote when calling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_number: Option<String>,
    /// # Contacts
    ///
    /// Service desks and people to call, emergency contacts marked as such.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<SupplierContact>,
    /// The contract and its service levels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract: Option<Contract>,
}

/// A way to reach a supplier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SupplierContact {
    /// The contact person's name (personal data); leave out for a service desk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The function or desk, such as "Service desk" or "Account manager".
    #[schemars(length(min = 1), example = &"Service desk")]
    pub function: String,
    /// Phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Phone>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Email>,
    /// When the contact can be reached.
    pub availability: Availability,
    /// Whether this is the contact to use in an emergency.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub emergency: bool,
}

/// When someone can be reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Availability {
    /// During office hours only.
    #[serde(rename = "office_hours")]
    OfficeHours,
    /// Around the clock, every day.
    #[serde(rename = "24/7")]
    AlwaysAvailable,
}

/// A supplier contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contract {
    /// The contract's reference.
    #[schemars(length(min = 1))]
    pub reference: String,
    /// When the contract ends, if it has an end date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<Date>,
    /// # Service level agreement
    ///
    /// What the supplier commits to in an incident.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sla: Option<Sla>,
}

/// Service levels a supplier commits to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sla {
    /// When the commitments apply.
    pub hours: Availability,
    /// Time until the supplier starts working on a priority-1 incident.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_time: Option<Duration>,
    /// Time until the supplier restores service in a priority-1 incident.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovery_time: Option<Duration>,
}

/// A site where people work or systems run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// A stable id, unique among `locations`.
    pub id: LocationId,
    /// The location's name.
    #[schemars(length(min = 1), example = &"Gemeentehuis")]
    pub name: String,
    /// What the location is used for.
    pub kind: LocationKind,
    /// Postal address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// How many people can work there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(max = 100000))]
    pub capacity: Option<u32>,
    /// How soon the location can be used after the decision to move there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available_within: Option<Duration>,
    /// # Minimal ICT
    ///
    /// ICT means available or kept ready there (laptops, printer, 4G router, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ict: Vec<String>,
    /// Communication means available there (phones, radio, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub communication: Vec<String>,
    /// # Access
    ///
    /// How to get in: who holds keys or badges, alarm codes kept where, opening hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access: Option<String>,
    /// The person to contact for access.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<PersonId>,
    /// A map or site plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map: Option<WebUrl>,
}

/// What a location is used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LocationKind {
    /// A usual place of work.
    Primary,
    /// A fallback site to move to when a primary site is unusable.
    Alternate,
    /// A data centre or server room.
    Datacenter,
    /// Anything else (storage, partner site, ...).
    Other,
}
