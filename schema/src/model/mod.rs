//! The plan's data model: one Rust type per JSON object, from which the JSON Schema is generated.
//!
//! Every struct rejects unknown fields and every collection entry carries a slug `id`,
//! so that typos fail loudly and revisions can be compared entity by entity.

mod communication;
mod continuity;
mod exercises;
mod governance;
mod infrastructure;
mod organisation;
mod people;
mod scenarios;
mod services;

pub use communication::*;
pub use continuity::*;
pub use exercises::*;
pub use governance::*;
pub use infrastructure::*;
pub use organisation::*;
pub use people::*;
pub use scenarios::*;
pub use services::*;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The version of the plan format this crate reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// # Business continuity plan for ICT incidents
///
/// One organisation's plan: who leads, whom to call, which services come back first,
/// which systems and suppliers they depend on, where to fall back to, what to tell whom,
/// and how and when the plan is tested. Sections follow the implementation steps of
/// Audit Vlaanderen's good practice, ISO 22301 and NIST SP 800-34.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Where editors find the schema of this file, usually a relative path to `plan.schema.json`.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// # Format version
    ///
    /// The version of the plan format; this release reads version 1.
    #[schemars(range(min = 1, max = 1))]
    pub format_version: u32,
    /// The organisation the plan belongs to.
    pub organisation: Organisation,
    /// # About this plan
    ///
    /// Purpose, scope, version, classification, owner, reviews and approvals.
    pub plan: PlanInfo,
    /// # Activation
    ///
    /// When the plan comes into force, who may activate it, and when full recovery is reached.
    pub activation: Activation,
    /// # People
    ///
    /// Everyone the plan names: crisis-team members, owners, holders of a copy.
    /// Names and contact details are personal data and are removed on redacted publication.
    pub people: Vec<Person>,
    /// # Crisis-team roles
    ///
    /// Key actors who run the plan, each filled by people in order: the first is the primary,
    /// the others are deputies.
    pub roles: Vec<Role>,
    /// # Services
    ///
    /// What the organisation delivers, with restart priority and recovery objectives.
    pub services: Vec<Service>,
    /// # ICT systems
    ///
    /// Applications, infrastructure, network and hardware, with dependencies, redundancy,
    /// backups and recovery.
    pub systems: Vec<System>,
    /// # Suppliers
    ///
    /// IT service providers with their emergency contacts, contracts and SLAs.
    pub suppliers: Vec<Supplier>,
    /// # Locations
    ///
    /// Primary and alternate (fallback) sites, with capacity, minimal ICT and access.
    pub locations: Vec<Location>,
    /// # Scenarios
    ///
    /// What can go wrong and the ordered steps towards recovery.
    pub scenarios: Vec<Scenario>,
    /// # Risk register
    ///
    /// Risks with likelihood, impact, treatment and mitigations, linked to scenarios.
    pub risks: Vec<Risk>,
    /// # Communication plan
    ///
    /// Audiences, channels, who speaks, and message templates per scenario.
    pub communication: Communication,
    /// # Distribution
    ///
    /// Who holds a copy of the plan, in which form, of which version.
    pub distribution: Vec<PlanCopy>,
    /// # Exercise schedule
    ///
    /// How often each kind of exercise is held.
    pub exercise_schedule: Vec<ExerciseSchedule>,
    /// # Exercise log
    ///
    /// Exercises held, with participants, result and findings.
    pub exercises: Vec<Exercise>,
    /// # Follow-up actions
    ///
    /// Improvements from exercises, audits, incidents and reviews, with owner, due date and status.
    pub actions: Vec<Action>,
    /// # Incident log
    ///
    /// Real incidents in which the plan was (or could have been) used.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incidents: Vec<Incident>,
    /// # Allowed findings
    ///
    /// Rule findings the plan owner accepts, each with the reason; they are shown but do not fail.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allow: Vec<Allowance>,
}
