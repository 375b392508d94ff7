//! Git timestamps (seconds since the epoch and the author's UTC offset) as dates and text.

use continuity_schema::types::Date;
use time::{OffsetDateTime, UtcOffset};

fn at(seconds: i64, offset_minutes: i32) -> OffsetDateTime {
    let offset =
        UtcOffset::from_whole_seconds(offset_minutes.saturating_mul(60)).unwrap_or(UtcOffset::UTC);
    OffsetDateTime::from_unix_timestamp(seconds)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
        .to_offset(offset)
}

/// The calendar date of a git timestamp, in the author's own time zone.
pub fn date_of(seconds: i64, offset_minutes: i32) -> Date {
    Date::from(at(seconds, offset_minutes).date())
}

/// A git timestamp in RFC 3339 form, in the author's own time zone.
pub fn rfc3339(seconds: i64, offset_minutes: i32) -> String {
    at(seconds, offset_minutes)
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| seconds.to_string())
}
