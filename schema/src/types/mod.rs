//! Small value types of the plan format: slug ids, durations, dates, phone numbers, e-mail addresses.

mod date;
mod duration;
mod id;
mod text;

pub use date::Date;
pub use duration::{Duration, DurationUnit};
pub use id::*;
pub use text::{Email, Phone, WebUrl, is_web_url};
