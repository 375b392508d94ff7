//! Activation of the plan: criteria, who may activate it, and when full recovery is reached.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::types::RoleId;

/// When and by whom the plan is activated, and when it ends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Activation {
    /// # Activation criteria
    ///
    /// Situations in which the plan comes into force, each as one sentence.
    #[serde(default)]
    pub criteria: Vec<String>,
    /// The roles whose holders may activate the plan.
    #[serde(default)]
    pub authorised_roles: Vec<RoleId>,
    /// How activation happens: who is called first, where the crisis team meets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure: Option<String>,
    /// # Full recovery
    ///
    /// Conditions under which full recovery is reached and the plan is deactivated.
    #[serde(default)]
    pub full_recovery: Vec<String>,
}
