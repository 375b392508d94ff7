//! Who holds a copy of the plan, and which rule findings the plan owner accepts.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::types::{CopyId, Date, PersonId};

/// A copy of the plan held by someone, so the plan can be read when systems are down.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanCopy {
    /// A stable id, unique among `distribution`.
    pub id: CopyId,
    /// Who holds the copy.
    pub holder: PersonId,
    /// What kind of copy it is.
    pub form: CopyForm,
    /// The version label of the copy (see `plan.version`).
    #[schemars(length(min = 1), example = &"2026.1")]
    pub version: String,
    /// When the copy was handed over or last refreshed.
    pub date: Date,
    /// Where the copy is kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kept_at: Option<String>,
}

/// Kinds of copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CopyForm {
    /// Printed on paper.
    Paper,
    /// A file on a USB stick.
    Usb,
    /// A file on a laptop, tablet or phone, available offline.
    Device,
    /// The offline HTML or PDF copy made by `continuity report`.
    Report,
}

/// A rule finding the plan owner accepts, with the reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Allowance {
    /// The rule's name, as listed by `continuity rules`.
    #[schemars(pattern(r"^[a-z0-9]+(-[a-z0-9]+)*$"), example = &"single-point-of-failure")]
    pub rule: String,
    /// The entity the allowance is limited to, as `collection/id` (for example
    /// `systems/firewall`); absent to allow the rule for the whole plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(r"^[a-z_.]+/[a-z0-9]+(-[a-z0-9]+)*$"), example = &"systems/firewall")]
    pub subject: Option<String>,
    /// Why the finding is accepted; shown next to the finding.
    #[schemars(length(min = 1))]
    pub reason: String,
    /// Who accepted it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted_by: Option<PersonId>,
    /// Until when the allowance holds; after that the finding counts again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
}
