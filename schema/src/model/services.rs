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
    /// Restart order: 1 comes back first. Services may share a priority: then the shorter RTO
    /// comes first, and then the one listed first.
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

/// The services in the order they come back: by priority (1 first), a shorter RTO first within
/// the same priority, then as listed in the plan; services without a priority last, in the
/// same way.
///
/// One order for every output (viewer, report), so that the crisis team never reads two; ties
/// fall back to the plan's own order because that is the one its authors chose.
pub fn restart_order(services: &[Service]) -> Vec<&Service> {
    let mut order: Vec<&Service> = services.iter().collect();
    // A stable sort keeps the plan's order among equals.
    order.sort_by_key(|s| restart_key(s));
    order
}

/// The key [`restart_order`] sorts by (stably), for callers with a sort of their own.
pub fn restart_key(service: &Service) -> (bool, Option<u16>, bool, Option<u64>) {
    (
        service.priority.is_none(),
        service.priority,
        service.rto.is_none(),
        service.rto.map(|d| d.as_minutes()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn service(id: &str, priority: Option<u16>, rto: Option<&str>) -> Service {
        let mut json =
            serde_json::json!({ "id": id, "name": id.to_uppercase(), "criticality": "high" });
        if let Some(p) = priority {
            json["priority"] = p.into();
        }
        if let Some(rto) = rto {
            json["rto"] = rto.into();
        }
        serde_json::from_value(json).expect("a service")
    }

    #[test]
    fn restart_order_is_priority_then_rto_then_plan_order() {
        let services = [
            service("zonder", None, Some("1h")),
            service("b-laat", Some(2), Some("2d")),
            service("a-geen-rto", Some(2), None),
            service("c-snel", Some(2), Some("4h")),
            service("eerst", Some(1), Some("1w")),
            service("d-ook-snel", Some(2), Some("240m")),
            service("ook-zonder", None, None),
            service("ander-zonder", None, Some("30m")),
        ];
        let ids: Vec<&str> = restart_order(&services)
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(
            ids,
            [
                "eerst",
                "c-snel",
                "d-ook-snel",
                "b-laat",
                "a-geen-rto",
                "ander-zonder",
                "zonder",
                "ook-zonder",
            ]
        );
    }
}
