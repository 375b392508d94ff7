//! What can go wrong with a site's data, said so that a visitor knows what to do.

use std::fmt;

use crate::i18n::Lang;

/// A problem loading the site's data. The viewer shows it; it never panics on bad data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataError {
    /// The request failed (offline, blocked, opened as a file).
    Fetch { path: String, detail: String },
    /// The host answered with an error status (404: a file is missing).
    Status { path: String, status: u16 },
    /// The file is not the JSON it should be.
    Json { path: String, detail: String },
    /// The site was exported in a format this viewer does not read.
    Format { found: String },
    /// The data names a file outside the site's data folder, or one it cannot have written.
    BadPath { path: String },
    /// A diff does not apply to the plan it was made from.
    Apply { path: String, detail: String },
    /// No revision has this id.
    UnknownRevision { id: String },
    /// The plan does not exist at this revision (deleted).
    Absent { id: String },
    /// The revision holds no readable plan; `detail` says why (from the export).
    Unreadable { id: String, detail: String },
}

impl DataError {
    /// The problem in the visitor's language.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            DataError::Fetch { path, detail } => format!(
                "{} {path}: {detail}",
                lang.pick("Kan niet laden:", "Cannot load")
            ),
            DataError::Status { path, status } => format!(
                "{} {path} (HTTP {status})",
                lang.pick(
                    "De server gaf een fout voor",
                    "The server answered with an error for"
                )
            ),
            DataError::Json { path, detail } => format!(
                "{} {path}: {detail}",
                lang.pick("Beschadigde gegevens in", "Corrupt data in")
            ),
            DataError::Format { found } => match lang {
                Lang::Nl => format!(
                    "Deze site gebruikt gegevensformaat {found}; deze viewer leest formaat {}. Publiceer de site opnieuw met dezelfde versie van continuity.",
                    super::SITE_FORMAT
                ),
                Lang::En => format!(
                    "This site uses data format {found}; this viewer reads format {}. Export the site again with one version of continuity.",
                    super::SITE_FORMAT
                ),
            },
            DataError::BadPath { path } => format!(
                "{} {path}",
                lang.pick(
                    "Ongeldige bestandsnaam in de gegevens:",
                    "Invalid file name in the data:"
                )
            ),
            DataError::Apply { path, detail } => format!(
                "{} {path}: {detail}",
                lang.pick(
                    "De revisie kon niet opnieuw opgebouwd worden uit",
                    "The revision could not be rebuilt from"
                )
            ),
            DataError::UnknownRevision { id } => format!(
                "{}: {id}",
                lang.pick(
                    "Deze revisie staat niet in de geschiedenis",
                    "This revision is not in the history"
                )
            ),
            DataError::Absent { id } => format!(
                "{} ({id})",
                lang.pick(
                    "Het plan bestond niet in deze revisie",
                    "The plan did not exist at this revision"
                )
            ),
            DataError::Unreadable { id, detail } => format!(
                "{} ({id}): {detail}",
                lang.pick(
                    "Het plan was in deze revisie niet leesbaar",
                    "The plan was not readable at this revision"
                )
            ),
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for DataError {}
