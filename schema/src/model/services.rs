//! Services the organisation delivers, with restart priority and recovery objectives.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::types::{Duration, LocationId, PersonId, ServiceId, SystemId};

/// A service the organisation delivers (to citizens, staff or partners).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// A stable id, unique among `services`.
    pub id: ServiceId,
    /// The service's name.
    #[schemars(length(min = 1), example = &"Burgerzaken")]
    pub name: String,
    /// What the service does and for whom.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The person responsible for the service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<PersonId>,
    /// How critical the service is; `critical` services must have a fallback and resilient systems.
    pub criticality: Criticality,
    /// # Priority
    ///
    /// Restart order: 1 comes back first. Services may share a priority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 999), example = &1)]
    pub priority: Option<u16>,
    /// # Recovery time objective (RTO)
    ///
    /// How long after an outage the service must be running again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rto: Option<Duration>,
    /// # Recovery point objective (RPO)
    ///
    /// How much data, counted in time before the outage, may be lost at most.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rpo: Option<Duration>,
    /// # Maximum tolerable downtime (MTD)
    ///
    /// The longest outage after which the damage becomes unacceptable; RTO + WRT must fit in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mtd: Option<Duration>,
    /// # Work recovery time (WRT)
    ///
    /// The time after the systems are back to verify data and catch up with the backlog.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wrt: Option<Duration>,
    /// The ICT systems the service needs directly; their own dependencies count too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<SystemId>,
    /// # Manual fallback
    ///
    /// How the service carries on without its systems (paper forms, another channel, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manual_fallback: Option<String>,
    /// Locations the service can move to when its own site is unusable.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternate_locations: Vec<LocationId>,
    /// Periods in which an outage hurts most (elections, tax deadlines, month end, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub peak_periods: Vec<String>,
    /// What an outage means for citizens and the organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact: Option<String>,
}

/// How critical a service is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Criticality {
    /// Must (almost) never stop.
    Critical,
    /// A short interruption is acceptable.
    High,
    /// An interruption of days is acceptable.
    Medium,
    /// Can wait until everything else is back.
    Low,
}

impl Criticality {
    pub fn label(self) -> &'static str {
        match self {
            Criticality::Critical => "critical",
            Criticality::High => "high",
            Criticality::Medium => "medium",
            Criticality::Low => "low",
        }
    }
}
