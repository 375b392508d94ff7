//! Compact human durations such as `30m`, `4h`, `2d`, `1w`, kept exactly as written.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The regular expression the JSON Schema uses for durations.
pub const DURATION_PATTERN: &str = "^(0|[1-9][0-9]{0,5})(m|h|d|w)$";

/// The unit of a [`Duration`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DurationUnit {
    Minutes,
    Hours,
    Days,
    Weeks,
}

impl DurationUnit {
    /// How many minutes one unit holds.
    pub const fn minutes(self) -> u64 {
        match self {
            DurationUnit::Minutes => 1,
            DurationUnit::Hours => 60,
            DurationUnit::Days => 60 * 24,
            DurationUnit::Weeks => 60 * 24 * 7,
        }
    }

    const fn suffix(self) -> char {
        match self {
            DurationUnit::Minutes => 'm',
            DurationUnit::Hours => 'h',
            DurationUnit::Days => 'd',
            DurationUnit::Weeks => 'w',
        }
    }
}

/// A duration written as a whole number and one unit: `30m`, `4h`, `2d`, `1w`.
///
/// Equality and ordering compare the length of time, so `24h == 1d`; the written form is kept
/// so that formatting a plan never rewrites what its author chose.
#[derive(Debug, Clone, Copy)]
pub struct Duration {
    amount: u32,
    unit: DurationUnit,
}

impl Duration {
    /// The largest amount accepted, so that every duration fits comfortably in minutes.
    pub const MAX_AMOUNT: u32 = 999_999;

    pub const fn new(amount: u32, unit: DurationUnit) -> Self {
        Duration { amount, unit }
    }

    pub const fn minutes(n: u32) -> Self {
        Duration::new(n, DurationUnit::Minutes)
    }

    pub const fn hours(n: u32) -> Self {
        Duration::new(n, DurationUnit::Hours)
    }

    pub const fn days(n: u32) -> Self {
        Duration::new(n, DurationUnit::Days)
    }

    pub const fn weeks(n: u32) -> Self {
        Duration::new(n, DurationUnit::Weeks)
    }

    /// The length in minutes.
    pub const fn as_minutes(self) -> u64 {
        self.amount as u64 * self.unit.minutes()
    }

    pub const fn amount(self) -> u32 {
        self.amount
    }

    pub const fn unit(self) -> DurationUnit {
        self.unit
    }

    /// A duration of `minutes`, written in the largest unit that divides it exactly.
    pub fn from_minutes(minutes: u64) -> Self {
        for unit in [DurationUnit::Weeks, DurationUnit::Days, DurationUnit::Hours] {
            if minutes != 0 && minutes % unit.minutes() == 0 {
                if let Ok(amount) = u32::try_from(minutes / unit.minutes()) {
                    return Duration::new(amount, unit);
                }
            }
        }
        Duration::new(
            u32::try_from(minutes).unwrap_or(u32::MAX),
            DurationUnit::Minutes,
        )
    }

    /// The sum of two durations, written in the largest exact unit.
    pub fn saturating_add(self, other: Duration) -> Duration {
        Duration::from_minutes(self.as_minutes().saturating_add(other.as_minutes()))
    }
}

impl PartialEq for Duration {
    fn eq(&self, other: &Self) -> bool {
        self.as_minutes() == other.as_minutes()
    }
}

impl Eq for Duration {}

impl PartialOrd for Duration {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Duration {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_minutes().cmp(&other.as_minutes())
    }
}

impl std::hash::Hash for Duration {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_minutes().hash(state);
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.amount, self.unit.suffix())
    }
}

/// Why a text is not a duration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DurationError(String);

impl fmt::Display for DurationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a duration: write a whole number and a unit, such as 30m, 4h, 2d or 1w",
            self.0
        )
    }
}

impl std::error::Error for DurationError {}

impl FromStr for Duration {
    type Err = DurationError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let err = || DurationError(text.to_owned());
        let (digits, unit) = text.split_at(text.len().saturating_sub(1));
        let unit = match unit {
            "m" => DurationUnit::Minutes,
            "h" => DurationUnit::Hours,
            "d" => DurationUnit::Days,
            "w" => DurationUnit::Weeks,
            _ => return Err(err()),
        };
        let well_formed = !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && (digits == "0" || !digits.starts_with('0'));
        if !well_formed {
            return Err(err());
        }
        let amount: u32 = digits.parse().map_err(|_| err())?;
        if amount > Duration::MAX_AMOUNT {
            return Err(err());
        }
        Ok(Duration::new(amount, unit))
    }
}

impl Serialize for Duration {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Cow::<str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Duration {
    fn schema_name() -> Cow<'static, str> {
        "Duration".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "title": "Duration",
            "description": "A whole number and a unit: `m` minutes, `h` hours, `d` days, `w` weeks.",
            "type": "string",
            "pattern": DURATION_PATTERN,
            "examples": ["30m", "4h", "2d", "1w"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_unit_and_keeps_the_written_form() {
        for (text, minutes) in [
            ("0m", 0),
            ("30m", 30),
            ("4h", 240),
            ("2d", 2880),
            ("1w", 10080),
        ] {
            let d: Duration = text.parse().expect(text);
            assert_eq!(d.as_minutes(), minutes, "{text}");
            assert_eq!(d.to_string(), text);
        }
    }

    #[test]
    fn rejects_malformed_durations() {
        for text in [
            "", "h", "4", "4 h", "04h", "-1h", "1.5h", "4H", "1y", "1000000h", "४h",
        ] {
            assert!(
                text.parse::<Duration>().is_err(),
                "{text:?} should be rejected"
            );
        }
    }

    #[test]
    fn compares_by_length_not_by_spelling() {
        assert_eq!(Duration::hours(24), Duration::days(1));
        assert!(Duration::hours(25) > Duration::days(1));
        assert_eq!(Duration::from_minutes(2880).to_string(), "2d");
        assert_eq!(Duration::from_minutes(90).to_string(), "90m");
        assert_eq!(
            Duration::hours(3)
                .saturating_add(Duration::hours(21))
                .to_string(),
            "1d"
        );
    }

    #[test]
    fn pattern_agrees_with_the_parser_on_the_largest_amount() {
        assert!("999999w".parse::<Duration>().is_ok());
        assert!("1000000w".parse::<Duration>().is_err());
    }
}
