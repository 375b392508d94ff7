//! People named in the plan and the crisis-team roles they fill.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::types::{Email, PersonId, Phone, RoleId};

/// A person named in the plan. Names and contact details are personal data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// A stable id, unique among `people`.
    pub id: PersonId,
    /// Full name.
    #[schemars(length(min = 1), example = &"An Peeters")]
    pub name: String,
    /// Function or job title (kept when personal data is redacted).
    #[schemars(length(min = 1), example = &"Algemeen directeur")]
    pub function: String,
    /// The organisation the person works for, when it is not the plan's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// Phone numbers, the most reliable first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<PhoneContact>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Email>,
}

/// One phone number of a person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PhoneContact {
    /// The number.
    pub number: Phone,
    /// What kind of line it is.
    pub kind: PhoneKind,
    /// Whether the person answers this number outside office hours.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub after_hours: bool,
}

/// Kinds of phone line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PhoneKind {
    /// A work mobile phone.
    Mobile,
    /// A desk or office line (fails with the telephony system).
    Office,
    /// A private number.
    Private,
    /// A radio or emergency network terminal (such as ASTRID).
    Radio,
}

/// A crisis-team or other key role that runs the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// A stable id, unique among `roles`.
    pub id: RoleId,
    /// The role's name.
    #[schemars(length(min = 1), example = &"Crisiscoördinator")]
    pub name: String,
    /// Whether the role is part of the crisis team.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub crisis_team: bool,
    /// What the role is responsible for, one item per line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsibilities: Vec<String>,
    /// # Members
    ///
    /// The people who fill the role, in order: the first is the primary, the others deputies.
    pub members: Vec<PersonId>,
}
