//! The one place that reads the clock.

use continuity_schema::types::Date;

/// Today's date in UTC.
pub fn today() -> Date {
    Date::from(time::OffsetDateTime::now_utc().date())
}
