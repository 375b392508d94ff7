//! `continuity schema`: prints the plan's JSON Schema, for editors and other validators.

use crate::{Outcome, print};

/// Print the JSON Schema of the plan format (draft 2020-12).
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_: &Args) -> anyhow::Result<Outcome> {
    print(&continuity_schema::generate::plan_schema_text())?;
    Ok(Outcome::Success)
}
