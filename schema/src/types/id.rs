//! Slug identifiers, one type per collection so that a reference names what it points to.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize};

/// The regular expression the JSON Schema uses for ids: lowercase words joined by single hyphens.
pub const ID_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// The longest id accepted, in bytes.
pub const ID_MAX_LEN: usize = 64;

/// Whether `text` is a well-formed id (the same test as [`ID_PATTERN`] plus the length limit).
pub fn is_valid_id(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= ID_MAX_LEN
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Why a text is not an id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdError(String);

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not an id: use lowercase letters, digits and single hyphens, at most {ID_MAX_LEN} characters (for example `burgerzaken` or `dc-power-1`)",
            self.0
        )
    }
}

impl std::error::Error for IdError {}

macro_rules! id_types {
    ($($(#[$doc:meta])* $name:ident => $what:literal, $example:literal;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// The id, if `text` is well formed.
            pub fn new(text: impl Into<String>) -> Result<Self, IdError> {
                let text = text.into();
                if is_valid_id(&text) { Ok($name(text)) } else { Err(IdError(text)) }
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $name::new(String::deserialize(deserializer)?).map_err(serde::de::Error::custom)
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({
                    "title": concat!("Id of ", $what),
                    "description": concat!(
                        "The id of ", $what,
                        ": lowercase letters, digits and single hyphens, unique in its collection."
                    ),
                    "type": "string",
                    "pattern": ID_PATTERN,
                    "maxLength": ID_MAX_LEN,
                    "examples": [$example]
                })
            }
        }
    )*};
}

id_types! {
    /// The id of a person in `people`.
    PersonId => "a person (`people[].id`)", "an-peeters";
    /// The id of a crisis-team role in `roles`.
    RoleId => "a role (`roles[].id`)", "crisis-coordinator";
    /// The id of a service in `services`.
    ServiceId => "a service (`services[].id`)", "burgerzaken";
    /// The id of an ICT system in `systems`.
    SystemId => "an ICT system (`systems[].id`)", "dms";
    /// The id of a supplier in `suppliers`.
    SupplierId => "a supplier (`suppliers[].id`)", "cipal";
    /// The id of a location in `locations`.
    LocationId => "a location (`locations[].id`)", "gemeentehuis";
    /// The id of a scenario in `scenarios`.
    ScenarioId => "a scenario (`scenarios[].id`)", "ransomware";
    /// The id of a step within one scenario.
    StepId => "a step within its scenario (`scenarios[].steps[].id`)", "isolate-network";
    /// The id of a risk in `risks`.
    RiskId => "a risk (`risks[].id`)", "ransomware-aanval";
    /// The id of an audience in `communication.audiences`.
    AudienceId => "an audience (`communication.audiences[].id`)", "burgers";
    /// The id of a message template in `communication.templates`.
    TemplateId => "a message template (`communication.templates[].id`)", "burgers-loketten-dicht";
    /// The id of a copy in `distribution`.
    CopyId => "a plan copy (`distribution[].id`)", "kopie-algemeen-directeur";
    /// The id of an entry in `exercise_schedule`.
    ScheduleId => "an exercise schedule entry (`exercise_schedule[].id`)", "jaarlijkse-tafeloefening";
    /// The id of an exercise in `exercises`.
    ExerciseId => "an exercise (`exercises[].id`)", "tafeloefening-2026";
    /// The id of a finding within one exercise.
    ExerciseFindingId => "a finding within its exercise (`exercises[].findings[].id`)", "telefoonlijst-verouderd";
    /// The id of a follow-up action in `actions`.
    ActionId => "a follow-up action (`actions[].id`)", "telefoonlijst-bijwerken";
    /// The id of an incident in `incidents`.
    IncidentId => "an incident (`incidents[].id`)", "stroomuitval-2025-11";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_slugs_and_rejects_everything_else() {
        for ok in ["a", "burgerzaken", "dc-power-1", "2026"] {
            assert!(is_valid_id(ok), "{ok}");
        }
        let long = "a".repeat(ID_MAX_LEN + 1);
        for bad in [
            "",
            "-a",
            "a-",
            "a--b",
            "Burgerzaken",
            "a_b",
            "a b",
            "é",
            long.as_str(),
        ] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }
}
