//! The organisation and the plan's own metadata: purpose, scope, classification, reviews, approvals.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::types::{Date, Email, PersonId, Phone, WebUrl};

/// The organisation that owns the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// The organisation's name as it appears on the plan.
    #[schemars(length(min = 1), example = &"Gemeente Heidebeek")]
    pub name: String,
    /// What kind of organisation this is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<OrganisationKind>,
    /// Postal address of the main seat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// The general phone number (switchboard).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Phone>,
    /// A general e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Email>,
    /// The public website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<WebUrl>,
}

/// Kinds of organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    /// A municipality (gemeente).
    Municipality,
    /// A public centre for social welfare (OCMW) or an integrated municipality and OCMW.
    SocialWelfare,
    /// An intermunicipal association.
    Intermunicipal,
    /// A province.
    Province,
    /// A police zone.
    PoliceZone,
    /// An emergency-services zone (hulpverleningszone).
    EmergencyZone,
    /// Any other public body.
    Other,
}

/// The plan's own metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanInfo {
    /// The plan's title.
    #[schemars(length(min = 1), example = &"Bedrijfscontinuïteitsplan ICT")]
    pub title: String,
    /// # Version label
    ///
    /// The label of this version, as used in approvals and on distributed copies.
    #[schemars(length(min = 1), example = &"2026.1")]
    pub version: String,
    /// The language the plan is written in (BCP 47 tag).
    #[schemars(pattern(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"), example = &"nl")]
    pub language: String,
    /// Who may read the plan; `confidential`, `tlp:amber+strict` and `tlp:red` plans are only
    /// published with personal data redacted.
    pub classification: Classification,
    /// # Purpose
    ///
    /// Why the plan exists: what it protects and what it aims for.
    #[schemars(length(min = 1))]
    pub purpose: String,
    /// # Scope
    ///
    /// Which services, sites and systems the plan covers, and what it leaves out.
    #[schemars(length(min = 1))]
    pub scope: String,
    /// The person who owns and maintains the plan (the BCP coordinator).
    pub owner: PersonId,
    /// People who drew up the plan together (general director, data protection officer,
    /// IT lead, prevention advisor, emergency planning officer, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contributors: Vec<PersonId>,
    /// # Review interval (months)
    ///
    /// How often the plan is reviewed as a whole.
    #[schemars(range(min = 1, max = 60), example = &12)]
    pub review_interval_months: u16,
    /// The date of the last full review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_review: Option<Date>,
    /// # Approvals
    ///
    /// Each formal approval of a version of the plan, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub approvals: Vec<Approval>,
    /// # Backup procedure
    ///
    /// Where the separately documented backup procedure is kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_procedure: Option<DocumentRef>,
    /// Other documents the plan relies on (network diagrams, emergency plan, contracts, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related_documents: Vec<DocumentRef>,
}

/// How widely the plan may be shared.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub enum Classification {
    /// May be published.
    #[serde(rename = "public")]
    Public,
    /// For the organisation's staff.
    #[serde(rename = "internal")]
    Internal,
    /// For named people only.
    #[serde(rename = "confidential")]
    Confidential,
    /// Traffic Light Protocol CLEAR: no limit on disclosure.
    #[serde(rename = "tlp:clear")]
    TlpClear,
    /// Traffic Light Protocol GREEN: the community, not public.
    #[serde(rename = "tlp:green")]
    TlpGreen,
    /// Traffic Light Protocol AMBER: the organisation and its clients, need to know.
    #[serde(rename = "tlp:amber")]
    TlpAmber,
    /// Traffic Light Protocol AMBER+STRICT: the organisation only.
    #[serde(rename = "tlp:amber+strict")]
    TlpAmberStrict,
    /// Traffic Light Protocol RED: named recipients only.
    #[serde(rename = "tlp:red")]
    TlpRed,
}

impl Classification {
    /// The label as written in the plan.
    pub fn label(self) -> &'static str {
        match self {
            Classification::Public => "public",
            Classification::Internal => "internal",
            Classification::Confidential => "confidential",
            Classification::TlpClear => "tlp:clear",
            Classification::TlpGreen => "tlp:green",
            Classification::TlpAmber => "tlp:amber",
            Classification::TlpAmberStrict => "tlp:amber+strict",
            Classification::TlpRed => "tlp:red",
        }
    }

    /// Whether publishing the plan requires personal data to be redacted (or an explicit override).
    pub fn is_confidential(self) -> bool {
        matches!(
            self,
            Classification::Confidential | Classification::TlpAmberStrict | Classification::TlpRed
        )
    }
}

/// A formal approval of one version of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// The version label that was approved (see `plan.version`).
    #[schemars(length(min = 1), example = &"2026.1")]
    pub version: String,
    /// The date of the decision.
    pub date: Date,
    /// Who approved it (a body or a function).
    #[schemars(length(min = 1), example = &"College van burgemeester en schepenen")]
    pub approved_by: String,
    /// The decision's reference, such as the minutes' number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

/// A reference to a document kept outside the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentRef {
    /// The document's title.
    #[schemars(length(min = 1), example = &"Back-upprocedure ICT")]
    pub title: String,
    /// Where to find it (document management number, share, binder), readable during an outage.
    #[schemars(length(min = 1), example = &"DMS 2026/ICT/014, papieren kopie in de crisiskoffer")]
    pub location: String,
    /// A web link to it, if there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<WebUrl>,
    /// When the document was last reviewed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_reviewed: Option<Date>,
}
