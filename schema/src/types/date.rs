//! Calendar dates written as ISO 8601 `YYYY-MM-DD`.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The regular expression the JSON Schema uses for dates (the calendar check happens on load).
pub const DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

/// A calendar date such as `2026-03-01`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(time::Date);

impl Date {
    /// The date for a year, month (1–12) and day, if it exists.
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<Date> {
        let month = time::Month::try_from(month).ok()?;
        time::Date::from_calendar_date(year, month, day)
            .ok()
            .map(Date)
    }

    pub fn year(self) -> i32 {
        self.0.year()
    }

    pub fn month(self) -> u8 {
        self.0.month() as u8
    }

    pub fn day(self) -> u8 {
        self.0.day()
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        i64::from(later.0.to_julian_day()) - i64::from(self.0.to_julian_day())
    }

    /// The date `days` days later (or earlier when negative), saturating at the calendar's ends.
    pub fn add_days(self, days: i64) -> Date {
        let julian = i64::from(self.0.to_julian_day()).saturating_add(days);
        let julian = i32::try_from(julian).unwrap_or(if days < 0 { i32::MIN } else { i32::MAX });
        time::Date::from_julian_day(julian)
            .map(Date)
            .unwrap_or(if days < 0 {
                Date(time::Date::MIN)
            } else {
                Date(time::Date::MAX)
            })
    }

    /// The same day `months` calendar months later, clamped to the month's last day
    /// (`2026-01-31` plus one month is `2026-02-28`).
    pub fn add_months(self, months: u32) -> Date {
        let index = i64::from(self.year()) * 12 + i64::from(self.month()) - 1 + i64::from(months);
        let Ok(year) = i32::try_from(index.div_euclid(12)) else {
            return Date(time::Date::MAX);
        };
        let month = (index.rem_euclid(12) + 1) as u8;
        let mut day = self.day();
        loop {
            if let Some(date) = Date::from_ymd(year, month, day) {
                return date;
            }
            if day <= 28 {
                return Date(time::Date::MAX);
            }
            day -= 1;
        }
    }
}

impl From<time::Date> for Date {
    fn from(date: time::Date) -> Self {
        Date(date)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
    }
}

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a calendar date: write YYYY-MM-DD, such as 2026-03-01",
            self.0
        )
    }
}

impl std::error::Error for DateError {}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let err = || DateError(text.to_owned());
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape_ok {
            return Err(err());
        }
        let year: i32 = text[0..4].parse().map_err(|_| err())?;
        let month: u8 = text[5..7].parse().map_err(|_| err())?;
        let day: u8 = text[8..10].parse().map_err(|_| err())?;
        Date::from_ymd(year, month, day).ok_or_else(err)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Cow::<str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "title": "Date",
            "description": "A calendar date in ISO 8601 form, YYYY-MM-DD.",
            "type": "string",
            "format": "date",
            "pattern": DATE_PATTERN,
            "examples": ["2026-03-01"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        text.parse().expect(text)
    }

    #[test]
    fn round_trips_iso_dates() {
        assert_eq!(d("2026-03-01").to_string(), "2026-03-01");
        assert_eq!(d("2024-02-29").to_string(), "2024-02-29");
    }

    #[test]
    fn rejects_impossible_or_misshapen_dates() {
        for text in [
            "2026-02-30",
            "2025-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-1-01",
            "01-03-2026",
            "2026/03/01",
            "2026-03-01T00:00",
        ] {
            assert!(text.parse::<Date>().is_err(), "{text}");
        }
    }

    #[test]
    fn adds_months_clamping_to_the_last_day() {
        assert_eq!(d("2026-01-31").add_months(1), d("2026-02-28"));
        assert_eq!(d("2026-11-15").add_months(14), d("2028-01-15"));
        assert_eq!(d("2026-03-01").add_months(0), d("2026-03-01"));
    }

    #[test]
    fn counts_days() {
        assert_eq!(d("2026-01-01").days_until(d("2027-01-01")), 365);
        assert_eq!(d("2026-01-10").days_until(d("2026-01-01")), -9);
        assert_eq!(d("2026-01-01").add_days(59), d("2026-03-01"));
    }
}
