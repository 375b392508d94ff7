//! The site's data (format 2, `docs/site-data.md`): reading `site.json`, the revision index,
//! snapshots, chunks and findings, and rebuilding any revision's plan with `diff::apply`.

mod error;
mod format;
mod objects;
mod store;

pub use error::DataError;
pub use format::{
    Chunk, ChunkStep, Counts, FindingsFile, HistoryInfo, Revision, SITE_FORMAT, SiteInfo,
    is_data_path, parse_chunk, parse_findings, parse_index, parse_plan, parse_site, rebuild,
};
pub use store::{Loaded, Site, Store, StoreHandle};
