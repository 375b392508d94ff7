//! Reusable pieces of the pages: the frame, links, field lists, badges, the risk heat map, a
//! diff's rendering and the visible loading and error states.

pub mod backlinks;
pub mod badges;
pub mod contacts;
pub mod diff_view;
pub mod fields;
pub mod heat_map;
pub mod layout;
pub mod links;
pub mod status;
