//! The report as data: built once from the plan (`sections.rs`), rendered as HTML and Markdown,
//! so that both formats always hold the same content in the same order.
//!
//! Everything here is plain text; each renderer escapes it for its own format. Links carry
//! their kind (phone, e-mail, web), never a ready-made URL from the plan, so that no renderer
//! can emit a `javascript:` or other active link.

use super::labels::Labels;

/// The whole report.
#[derive(Debug)]
pub struct Document {
    pub meta: Meta,
    /// Notices shown at the very top, before the contents (plan errors).
    pub alerts: Vec<Block>,
    pub sections: Vec<Section>,
}

/// What every page carries.
#[derive(Debug)]
pub struct Meta {
    pub labels: &'static Labels,
    /// The plan's language, for `<html lang>`.
    pub language: String,
    pub organisation: String,
    pub title: String,
    pub version: String,
    /// The classification label as written in the plan (`internal`, `tlp:amber`).
    pub classification: String,
    /// Shown in red on every page.
    pub confidential: bool,
    pub redacted: bool,
    /// "revision 1a2b3c4d5e (2026-10-19)" or the content hash and file date.
    pub revision: String,
    /// The commit's summary and author, when the plan comes from git.
    pub revision_note: Option<String>,
    /// The date the report was made as of.
    pub printed: String,
    /// One or two sentences on how to check that this copy is current.
    pub check_current: String,
}

/// Which half of the report a section belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// What the crisis team needs first.
    Crisis,
    /// The rest of the plan, for reference.
    Reference,
}

/// A numbered top-level section.
#[derive(Debug)]
pub struct Section {
    /// The anchor (`crisis-team`), stable across languages.
    pub anchor: &'static str,
    pub title: String,
    pub part: Part,
    pub blocks: Vec<Block>,
}

/// A piece of a section.
#[derive(Debug)]
pub enum Block {
    /// A sub-heading with its own anchor (a role, a scenario, a location).
    Subheading {
        title: String,
        anchor: String,
    },
    Paragraph(Vec<Inline>),
    /// Label–value pairs, such as an address and a capacity.
    Fields(Vec<(String, Vec<Inline>)>),
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
    Table(Table),
    /// Text whose line breaks matter (a message template), shown as written.
    Verbatim(String),
    /// A highlighted notice.
    Notice {
        kind: NoticeKind,
        content: Vec<Block>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    /// Something wrong with the plan or this copy.
    Error,
}

/// A table; each cell is a run of inline content.
#[derive(Debug)]
pub struct Table {
    pub head: Vec<String>,
    pub rows: Vec<Vec<Vec<Inline>>>,
}

/// A run of text inside a paragraph, list item, field or cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Strong(String),
    /// Text that names a problem (an outdated copy, an overdue action).
    Alert(String),
    /// Quiet supporting text (a phone's kind, an id).
    Note(String),
    /// An id or command quoted in a finding, shown as code.
    Code(String),
    /// A phone number, dialable.
    Phone(String),
    /// An e-mail address.
    Email(String),
    /// An `http(s)` link with its text.
    Web {
        text: String,
        url: String,
    },
    /// A line break inside a cell or item.
    Break,
}

/// The digits to dial for a phone number: `+` and digits only, so that a `tel:` link is safe by
/// construction.
pub fn dial(number: &str) -> String {
    number
        .chars()
        .enumerate()
        .filter(|&(i, c)| c.is_ascii_digit() || (i == 0 && c == '+'))
        .map(|(_, c)| c)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dial_keeps_a_leading_plus_and_digits() {
        assert_eq!(dial("+32 (0)470/00.01-16"), "+320470000116");
        assert_eq!(dial("0470 00 01 16"), "0470000116");
        assert_eq!(dial("12+3"), "123");
    }
}
