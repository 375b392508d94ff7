//! The communication plan: audiences, channels, who speaks, and message templates.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::types::{AudienceId, RoleId, ScenarioId, TemplateId};

/// How the organisation communicates during an incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Communication {
    /// Groups to inform.
    pub audiences: Vec<Audience>,
    /// Prepared messages.
    pub templates: Vec<MessageTemplate>,
}

/// A group to inform during an incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Audience {
    /// A stable id, unique among `communication.audiences`.
    pub id: AudienceId,
    /// Which kind of group this is.
    pub kind: AudienceKind,
    /// The group's name.
    #[schemars(length(min = 1), example = &"Burgers")]
    pub name: String,
    /// Channels used to reach the group (website, social media, SMS, notice at the door, ...).
    pub channels: Vec<String>,
    /// The role that communicates with this group.
    pub responsible: RoleId,
    /// When to inform the group (for example "within 1 hour of activation").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timing: Option<String>,
}

/// Kinds of audience.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum AudienceKind {
    /// The organisation's own staff.
    Staff,
    /// Citizens and other users of the services.
    Citizens,
    /// Suppliers and service providers.
    Suppliers,
    /// Press and media.
    Press,
    /// The council and the executive (college, bureau).
    Council,
    /// Authorities and regulators (governor, police, CERT.be, data protection authority).
    Authorities,
    /// Partner organisations.
    Partners,
    /// Anyone else.
    Other,
}

impl AudienceKind {
    pub fn label(self) -> &'static str {
        match self {
            AudienceKind::Staff => "staff",
            AudienceKind::Citizens => "citizens",
            AudienceKind::Suppliers => "suppliers",
            AudienceKind::Press => "press",
            AudienceKind::Council => "council",
            AudienceKind::Authorities => "authorities",
            AudienceKind::Partners => "partners",
            AudienceKind::Other => "other",
        }
    }
}

/// A prepared message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MessageTemplate {
    /// A stable id, unique among `communication.templates`.
    pub id: TemplateId,
    /// The audience the message is for.
    pub audience: AudienceId,
    /// The scenario it is written for; absent for a general message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario: Option<ScenarioId>,
    /// The channel it is written for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// Subject or title.
    #[schemars(length(min = 1))]
    pub subject: String,
    /// The message, with placeholders such as `[uur]` to fill in.
    #[schemars(length(min = 1))]
    pub body: String,
}
