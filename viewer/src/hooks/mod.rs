//! Shared logic of the components: the route from the location hash, the site's data, a
//! revision's plan, and the checklist ticks kept in localStorage.

mod use_checklist;
mod use_plan;
mod use_route;
mod use_site;

pub use use_checklist::{UseChecklist, tick_key, use_checklist};
pub use use_plan::use_plan;
pub use use_route::use_route;
pub use use_site::use_site;

use crate::data::DataError;

/// Something loaded asynchronously: still loading, there, or failed (shown, never blank).
#[derive(Debug, Clone)]
pub enum Load<T> {
    Loading,
    Ready(T),
    Failed(DataError),
}

impl<T> From<Result<T, DataError>> for Load<T> {
    fn from(result: Result<T, DataError>) -> Self {
        match result {
            Ok(value) => Load::Ready(value),
            Err(error) => Load::Failed(error),
        }
    }
}
