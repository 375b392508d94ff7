//! The offline copy as Markdown, for wikis and e-mail: the same content and order as the HTML,
//! tables where they help, and every plan text escaped so that it reads as text (no emphasis,
//! links, headings or HTML made from what a plan author typed).

use std::fmt::Write as _;

use super::document::{Block, Document, Inline, NoticeKind, Part, Table, dial};
use continuity_schema::types::is_web_url;

/// Renders the whole document.
pub fn render(doc: &Document) -> String {
    let meta = &doc.meta;
    let l = meta.labels;
    let mut out = String::with_capacity(128 * 1024);
    out.push_str(
        "<!-- continuity report: generated from the plan; edit the plan, not this file -->\n\n",
    );
    let classification = if meta.redacted {
        format!(
            "{} · {}",
            meta.classification.to_uppercase(),
            l.redacted_short
        )
    } else {
        meta.classification.to_uppercase()
    };
    let running = format!(
        "**{}** · {} · {} · {} {} · {} · {} {}",
        escape(&classification),
        escape(&meta.organisation),
        escape(&meta.title),
        escape(&l.version.to_lowercase()),
        escape(&meta.version),
        escape(&meta.revision),
        escape(&l.printed.to_lowercase()),
        escape(&meta.printed),
    );
    let _ = writeln!(out, "{running}\n");
    let _ = writeln!(out, "# {}\n", escape(&meta.title));
    let _ = writeln!(
        out,
        "{} — {}\n",
        escape(&meta.organisation),
        escape(l.offline_copy)
    );
    let revision = match &meta.revision_note {
        Some(note) => format!("{} — {note}", meta.revision),
        None => meta.revision.clone(),
    };
    for (label, value) in [
        (l.classification, classification.as_str()),
        (l.version, meta.version.as_str()),
        (l.made_from, revision.as_str()),
        (l.printed, meta.printed.as_str()),
    ] {
        let _ = writeln!(out, "- **{}:** {}", escape(label), escape(value));
    }
    out.push('\n');
    let _ = writeln!(
        out,
        "> **{}** {}\n",
        escape(l.is_current),
        code_spans(&meta.check_current)
    );
    if meta.redacted {
        let _ = writeln!(out, "> {}\n", escape(l.redacted_notice));
    }
    for block in &doc.alerts {
        render_block(&mut out, block);
    }
    let _ = writeln!(out, "## {}\n", escape(l.contents));
    for (n, section) in doc.sections.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. [{}](#{})",
            n + 1,
            escape(&section.title),
            section.anchor
        );
    }
    out.push('\n');
    let mut part = None;
    for (n, section) in doc.sections.iter().enumerate() {
        if part != Some(section.part) {
            part = Some(section.part);
            let title = match section.part {
                Part::Crisis => l.part_crisis,
                Part::Reference => l.part_reference,
            };
            let _ = writeln!(out, "---\n\n*{}*\n", escape(title));
        }
        let _ = writeln!(
            out,
            "<a id=\"{}\"></a>\n\n## {}. {}\n",
            section.anchor,
            n + 1,
            escape(&section.title)
        );
        for block in &section.blocks {
            render_block(&mut out, block);
        }
    }
    let _ = writeln!(out, "---\n\n*{}* · {running}", escape(l.end_of_copy));
    out
}

fn render_block(out: &mut String, block: &Block) {
    match block {
        Block::Subheading { title, anchor } => {
            let _ = writeln!(out, "<a id=\"{anchor}\"></a>\n\n### {}\n", escape(title));
        }
        Block::Paragraph(inlines) => {
            let text = inline_text(inlines, Some(""));
            let _ = writeln!(out, "{}\n", guard_line_start(&text));
        }
        Block::Fields(fields) => {
            for (label, value) in fields {
                let _ = writeln!(
                    out,
                    "- **{}:** {}",
                    escape(label),
                    inline_text(value, Some("  "))
                );
            }
            out.push('\n');
        }
        Block::List { ordered, items } => {
            for (i, item) in items.iter().enumerate() {
                let marker = if *ordered {
                    format!("{}.", i + 1)
                } else {
                    "-".to_owned()
                };
                let indent = " ".repeat(marker.len() + 1);
                let text = guard_line_start(&inline_text(item, Some(&indent)));
                let _ = writeln!(out, "{marker} {text}");
            }
            out.push('\n');
        }
        Block::Table(table) => render_table(out, table),
        Block::Verbatim(text) => {
            for line in text.lines() {
                if line.trim().is_empty() {
                    out.push_str(">\n");
                } else {
                    let _ = writeln!(out, "> {}", guard_line_start(&escape(line)));
                }
            }
            out.push('\n');
        }
        Block::Notice { kind, content } => {
            let mut inner = String::new();
            if *kind == NoticeKind::Error {
                inner.push_str("**(!)**\n\n");
            }
            for block in content {
                render_block(&mut inner, block);
            }
            for line in inner.trim_end().lines() {
                if line.is_empty() {
                    out.push_str(">\n");
                } else {
                    let _ = writeln!(out, "> {line}");
                }
            }
            out.push('\n');
        }
    }
}

fn render_table(out: &mut String, table: &Table) {
    let row = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    out.push_str(&row(table.head.iter().map(|h| escape(h)).collect()));
    out.push_str(&row(table.head.iter().map(|_| "---".to_owned()).collect()));
    for cells in &table.rows {
        out.push_str(&row(cells.iter().map(|c| inline_text(c, None)).collect()));
    }
    out.push('\n');
}

/// Inline content as Markdown. A line break continues with `indent` on the next line (inside
/// lists), or becomes `<br>` inside a table cell (`indent` = `None`), where a newline would end
/// the row.
fn inline_text(inlines: &[Inline], indent: Option<&str>) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(text) | Inline::Note(text) => out.push_str(&escape(text)),
            // A code span shows its content literally; one without backticks cannot be closed
            // early, and one with them falls back to escaped text.
            Inline::Code(text) if !text.contains('`') && !text.trim().is_empty() => {
                let _ = write!(out, "`{}`", text.replace(['\n', '\r'], " "));
            }
            Inline::Code(text) => out.push_str(&escape(text)),
            Inline::Strong(text) | Inline::Alert(text) => {
                let trimmed = text.trim();
                if !trimmed.is_empty() {
                    let _ = write!(out, "**{}**", escape(trimmed));
                }
            }
            Inline::Phone(number) => {
                let dial = dial(number);
                if dial.trim_start_matches('+').is_empty() {
                    out.push_str(&escape(number));
                } else {
                    let _ = write!(out, "[{}](tel:{dial})", escape(number));
                }
            }
            Inline::Email(address) => {
                let _ = write!(out, "[{}](mailto:{})", escape(address), url_encode(address));
            }
            Inline::Web { text, url } => {
                if is_web_url(url) {
                    let _ = write!(out, "[{}](<{}>)", escape(text), url_encode(url));
                } else {
                    out.push_str(&escape(text));
                }
            }
            Inline::Break => match indent {
                Some(indent) => {
                    let _ = write!(out, "  \n{indent}");
                }
                None => out.push_str("<br>"),
            },
        }
    }
    out
}

/// Escapes text so that Markdown shows it as written: inline markup characters get a backslash,
/// `&` only where it could start an entity, and line breaks become spaces (the caller decides
/// where lines end).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '!' | '{' | '}' => {
                // `!` only matters before `[` (an image), but escaping it always is harmless.
                if c == '!' && chars.get(i + 1) != Some(&'[') {
                    out.push(c);
                } else {
                    out.push('\\');
                    out.push(c);
                }
            }
            '&' if could_be_entity(&chars[i + 1..]) => out.push_str("\\&"),
            '\r' => {}
            '\n' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    // Control characters and bidirectional overrides are shown, not obeyed (see `output::shown`).
    crate::output::shown_owned(out)
}

/// Whether the text after `&` looks like an entity (`amp;`, `#39;`, `#x27;`).
fn could_be_entity(rest: &[char]) -> bool {
    let name: Vec<&char> = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .collect();
    !name.is_empty() && rest.get(name.len()) == Some(&';')
}

/// Protects the start of a line from being read as a heading, list item, thematic break or
/// indented code.
fn guard_line_start(line: &str) -> String {
    let line = line.trim_start();
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if matches!(line.chars().next(), Some('#' | '-' | '+' | '=')) {
        format!("\\{line}")
    } else if digits > 0 && matches!(line[digits..].chars().next(), Some('.' | ')')) {
        format!("{}\\{}", &line[..digits], &line[digits..])
    } else {
        line.to_owned()
    }
}

/// Escapes `text` and keeps `` `code` `` spans as code.
fn code_spans(text: &str) -> String {
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "`{part}`");
        } else {
            out.push_str(&escape(part));
        }
    }
    out
}

/// Percent-encodes what could end a link destination or change its meaning.
fn url_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_graphic() && !matches!(c, '<' | '>' | '\\' | '"' | '`' | '(' | ')' | ' ') {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for byte in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "%{byte:02X}");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_text_cannot_make_markup() {
        assert_eq!(
            escape("*bold* _x_ [link](javascript:x) <b>|</b> ![img](y)"),
            "\\*bold\\* \\_x\\_ \\[link\\](javascript:x) \\<b\\>\\|\\</b\\> \\!\\[img\\](y)"
        );
        assert_eq!(escape("R&D &amp; co"), "R&D \\&amp; co");
        assert_eq!(escape("a\nb"), "a b");
    }

    #[test]
    fn line_starts_are_guarded() {
        assert_eq!(guard_line_start("# not a heading"), "\\# not a heading");
        assert_eq!(guard_line_start("1. not a list"), "1\\. not a list");
        assert_eq!(guard_line_start("- no"), "\\- no");
        assert_eq!(guard_line_start("2026 is fine"), "2026 is fine");
    }

    #[test]
    fn links_are_built_from_checked_parts() {
        let text = inline_text(
            &[
                Inline::Phone("+32 470 00 01 11".into()),
                Inline::Email("a b@x.be".into()),
                Inline::Web {
                    text: "site".into(),
                    url: "javascript:alert(1)".into(),
                },
            ],
            None,
        );
        assert_eq!(
            text,
            "[+32 470 00 01 11](tel:+32470000111)[a b@x.be](mailto:a%20b@x.be)site"
        );
    }
}
