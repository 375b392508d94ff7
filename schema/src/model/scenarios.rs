//! Scenarios with their ordered recovery steps, and the risk register that motivates them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::types::{
    Duration, LocationId, PersonId, RiskId, RoleId, ScenarioId, ServiceId, StepId, SystemId,
};

/// Something that can go wrong, and what to do about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// A stable id, unique among `scenarios`.
    pub id: ScenarioId,
    /// The scenario's name.
    #[schemars(length(min = 1), example = &"Ransomware")]
    pub name: String,
    /// What happens in this scenario.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Signs that this scenario is happening.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub triggers: Vec<String>,
    /// Services that stop or degrade.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub affected_services: Vec<ServiceId>,
    /// Systems that are lost or must not be used.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub affected_systems: Vec<SystemId>,
    /// # Steps
    ///
    /// What to do, in order, from detection to full recovery.
    pub steps: Vec<Step>,
}

/// One step of a scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// A stable id, unique within its scenario (keeps checklists and diffs stable when steps move).
    pub id: StepId,
    /// What to do.
    #[schemars(length(min = 1), example = &"Koppel alle servers los van het netwerk")]
    pub action: String,
    /// The role responsible for the step.
    pub role: RoleId,
    /// How long the step takes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<Duration>,
    /// What is needed (documents, equipment, access, other people).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<String>,
    /// Systems the step recovers or works on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub systems: Vec<SystemId>,
    /// Where the step happens, when it matters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<LocationId>,
}

/// An entry of the risk register.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    /// A stable id, unique among `risks`.
    pub id: RiskId,
    /// A short title.
    #[schemars(length(min = 1), example = &"Ransomware-aanval")]
    pub title: String,
    /// What could happen and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// How likely it is, from 1 (rare) to 5 (almost certain).
    #[schemars(range(min = 1, max = 5))]
    pub likelihood: u8,
    /// How bad it would be, from 1 (negligible) to 5 (catastrophic).
    #[schemars(range(min = 1, max = 5))]
    pub impact: u8,
    /// How the organisation treats the risk.
    pub treatment: Treatment,
    /// Measures that reduce the likelihood or the impact.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mitigations: Vec<String>,
    /// Scenarios that describe the response when the risk materialises.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<ScenarioId>,
    /// The person who owns the risk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<PersonId>,
}

impl Risk {
    /// Likelihood × impact, from 1 to 25.
    pub fn score(&self) -> u8 {
        self.likelihood.saturating_mul(self.impact)
    }
}

/// Ways to treat a risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Treatment {
    /// Reduce likelihood or impact with measures.
    Mitigate,
    /// Accept the risk as it is.
    Accept,
    /// Transfer it (insurance, contract).
    Transfer,
    /// Stop the activity that causes it.
    Avoid,
}
