//! The offline copy as one self-contained HTML file: inline CSS, no script, and nothing that
//! loads from elsewhere (no fonts, images or style sheets; a Content-Security-Policy forbids
//! them too), so that it opens from a USB stick or a phone's downloads with no network.
//!
//! On a phone it reads as one column with large tap targets for phone numbers; printed (or
//! turned into a PDF by Chromium) it is A4 with a table of contents, table headers repeated on
//! every page, and a running header and footer in the page margins (CSS margin boxes) carrying
//! the classification, the revision, the print date, how to check that the copy is current and
//! the page number.

use std::fmt::Write as _;

use super::document::{Block, Document, Inline, NoticeKind, Part, Table, dial};
use continuity_schema::types::is_web_url;

/// Renders the whole document.
pub fn render(doc: &Document) -> String {
    let meta = &doc.meta;
    let l = meta.labels;
    let mut out = String::with_capacity(256 * 1024);
    let class_css = if meta.confidential {
        "classification confidential"
    } else {
        "classification"
    };
    let title = format!("{} — {} {}", meta.title, l.offline_copy, meta.organisation);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"continuity report\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n\
         <title>{title}</title>\n<style>\n{CSS}{page}</style>\n</head>\n<body>\n",
        lang = escape(&meta.language),
        title = escape(&title),
        page = page_css(doc),
    );
    let classification = if meta.redacted {
        format!("{} · {}", meta.classification, l.redacted_short)
    } else {
        meta.classification.clone()
    };
    // On screen a bar that stays at the top; on paper the @page margin boxes repeat it. A
    // labelled landmark of its own, so that assistive technology finds all content in one.
    let _ = writeln!(
        out,
        "<aside class=\"running-header\" aria-label=\"{label}\"><span class=\"{class_css}\">{classification}</span> \
         <span>{org} · {plan} · {version_label} {version} · {revision}</span></aside>",
        label = escape(l.offline_copy),
        classification = escape(&classification.to_uppercase()),
        org = escape(&meta.organisation),
        plan = escape(&meta.title),
        version_label = escape(&l.version.to_lowercase()),
        version = escape(&meta.version),
        revision = escape(&meta.revision),
    );
    out.push_str("<header class=\"cover\">\n");
    let _ = writeln!(
        out,
        "<p class=\"organisation\">{}</p>\n<h1>{}</h1>\n<p class=\"subtitle\">{}</p>",
        escape(&meta.organisation),
        escape(&meta.title),
        escape(l.offline_copy)
    );
    let _ = writeln!(
        out,
        "<p class=\"badge {class_css}\">{}: {}</p>",
        escape(l.classification),
        escape(&meta.classification.to_uppercase())
    );
    out.push_str("<dl class=\"fields\">\n");
    let _ = writeln!(
        out,
        "<dt>{}</dt><dd>{}</dd>",
        escape(l.version),
        escape(&meta.version)
    );
    let _ = write!(
        out,
        "<dt>{}</dt><dd>{}",
        escape(l.made_from),
        escape(&meta.revision)
    );
    if let Some(note) = &meta.revision_note {
        let _ = write!(out, "<br><span class=\"note\">{}</span>", escape(note));
    }
    out.push_str("</dd>\n");
    let _ = writeln!(
        out,
        "<dt>{}</dt><dd>{}</dd>",
        escape(l.printed),
        escape(&meta.printed)
    );
    out.push_str("</dl>\n");
    let _ = writeln!(
        out,
        "<div class=\"notice info current\"><p><strong>{}</strong> {}</p></div>",
        escape(l.is_current),
        code_spans(&meta.check_current)
    );
    if meta.redacted {
        let _ = writeln!(
            out,
            "<div class=\"notice info\"><p>{}</p></div>",
            escape(l.redacted_notice)
        );
    }
    for block in &doc.alerts {
        render_block(&mut out, block);
    }
    out.push_str("</header>\n");
    render_toc(&mut out, doc);
    out.push_str("<main>\n");
    let mut part = None;
    for (n, section) in doc.sections.iter().enumerate() {
        if part != Some(section.part) {
            part = Some(section.part);
            let (class, title) = match section.part {
                Part::Crisis => ("part crisis", l.part_crisis),
                Part::Reference => ("part reference", l.part_reference),
            };
            let _ = writeln!(out, "<p class=\"{class}\">{}</p>", escape(title));
        }
        let _ = writeln!(
            out,
            "<section id=\"{anchor}\">\n<h2>{n}. {title}</h2>",
            anchor = escape(section.anchor),
            n = n + 1,
            title = escape(&section.title)
        );
        for block in &section.blocks {
            render_block(&mut out, block);
        }
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n");
    let _ = writeln!(
        out,
        "<footer class=\"end\"><p><span class=\"{class_css}\">{}</span> {} · {} · {} {} · {} · {} {}</p></footer>",
        escape(&classification.to_uppercase()),
        escape(l.end_of_copy),
        escape(&meta.organisation),
        escape(&l.version.to_lowercase()),
        escape(&meta.version),
        escape(&meta.revision),
        escape(&l.printed.to_lowercase()),
        escape(&meta.printed),
    );
    out.push_str("</body>\n</html>\n");
    out
}

fn render_toc(out: &mut String, doc: &Document) {
    let l = doc.meta.labels;
    let _ = writeln!(
        out,
        "<nav class=\"toc\" aria-label=\"{0}\">\n<h2>{0}</h2>\n<ol>",
        escape(l.contents)
    );
    for section in &doc.sections {
        let class = match section.part {
            Part::Crisis => "crisis",
            Part::Reference => "reference",
        };
        let _ = writeln!(
            out,
            "<li class=\"{class}\"><a href=\"#{}\">{}</a></li>",
            escape(section.anchor),
            escape(&section.title)
        );
    }
    out.push_str("</ol>\n</nav>\n");
}

fn render_block(out: &mut String, block: &Block) {
    match block {
        Block::Subheading { title, anchor } => {
            let _ = writeln!(out, "<h3 id=\"{}\">{}</h3>", escape(anchor), escape(title));
        }
        Block::Paragraph(inlines) => {
            out.push_str("<p>");
            render_inlines(out, inlines);
            out.push_str("</p>\n");
        }
        Block::Fields(fields) => {
            out.push_str("<dl class=\"fields\">\n");
            for (label, value) in fields {
                let _ = write!(out, "<dt>{}</dt><dd>", escape(label));
                render_inlines(out, value);
                out.push_str("</dd>\n");
            }
            out.push_str("</dl>\n");
        }
        Block::List { ordered, items } => {
            let tag = if *ordered { "ol" } else { "ul" };
            let _ = writeln!(out, "<{tag}>");
            for item in items {
                out.push_str("<li>");
                render_inlines(out, item);
                out.push_str("</li>\n");
            }
            let _ = writeln!(out, "</{tag}>");
        }
        Block::Table(table) => render_table(out, table),
        Block::Verbatim(text) => {
            let _ = writeln!(out, "<div class=\"verbatim\">{}</div>", escape(text));
        }
        Block::Notice { kind, content } => {
            let class = match kind {
                NoticeKind::Error => "notice error",
            };
            let _ = writeln!(out, "<div class=\"{class}\" role=\"note\">");
            for block in content {
                render_block(out, block);
            }
            out.push_str("</div>\n");
        }
    }
}

fn render_table(out: &mut String, table: &Table) {
    out.push_str("<table>\n<thead><tr>");
    for head in &table.head {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(head));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            // The column name, shown before the value when a narrow screen stacks the cells.
            let label = table.head.get(i).map_or("", String::as_str);
            let empty = if cell.is_empty() {
                " class=\"empty\""
            } else {
                ""
            };
            let _ = write!(out, "<td data-label=\"{}\"{empty}>", escape(label));
            render_inlines(out, cell);
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn render_inlines(out: &mut String, inlines: &[Inline]) {
    for inline in inlines {
        match inline {
            Inline::Text(text) => out.push_str(&escape(text)),
            Inline::Strong(text) => {
                let _ = write!(out, "<strong>{}</strong>", escape(text));
            }
            Inline::Alert(text) => {
                let _ = write!(out, "<strong class=\"alert\">{}</strong>", escape(text));
            }
            Inline::Note(text) => {
                let _ = write!(out, "<span class=\"note\">{}</span>", escape(text));
            }
            Inline::Code(text) => {
                let _ = write!(out, "<code>{}</code>", escape(text));
            }
            Inline::Phone(number) => {
                let dial = dial(number);
                if dial.trim_start_matches('+').is_empty() {
                    out.push_str(&escape(number));
                } else {
                    let _ = write!(
                        out,
                        "<a class=\"tel\" href=\"tel:{}\">{}</a>",
                        escape(&dial),
                        escape(number)
                    );
                }
            }
            Inline::Email(address) => {
                let _ = write!(
                    out,
                    "<a class=\"mail\" href=\"mailto:{}\">{}</a>",
                    escape(&percent_encode(address)),
                    escape(address)
                );
            }
            Inline::Web { text, url } => {
                if is_web_url(url) {
                    let _ = write!(
                        out,
                        "<a class=\"web\" href=\"{}\" rel=\"noreferrer noopener\">{}</a>",
                        escape(url),
                        escape(text)
                    );
                } else {
                    out.push_str(&escape(text));
                }
            }
            Inline::Break => out.push_str("<br>"),
        }
    }
}

/// Escapes text for HTML content and attribute values alike.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Windows line ends in plan text: the line feed alone breaks the line.
            '\r' => {}
            _ => out.push(c),
        }
    }
    // Control characters and bidirectional overrides are shown, not obeyed, as everywhere
    // (the report may go to a terminal, and reordered text misleads a reader anywhere).
    crate::output::shown_owned(out)
}

/// Percent-encodes the characters that could end or change a `mailto:` URL.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || "@.-_+~!$*'=".contains(c) {
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

/// Escapes `text` and shows `` `code` `` spans as `<code>`.
fn code_spans(text: &str) -> String {
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{}</code>", escape(part));
        } else {
            out.push_str(&escape(part));
        }
    }
    out
}

/// The running header and footer of every printed page, as CSS page-margin boxes (Chromium
/// 131 and later print them, also with `--no-pdf-header-footer`): the classification, the
/// organisation and version, the revision and print date, how to check that the copy is current,
/// and the page number. Margin boxes sit outside the content, so they never cover it, which
/// fixed-position elements repeated on every page would.
fn page_css(doc: &Document) -> String {
    let meta = &doc.meta;
    let l = meta.labels;
    let mut classification = meta.classification.to_uppercase();
    if meta.redacted {
        classification.push_str(" · ");
        classification.push_str(l.redacted_short);
    }
    let colour = if meta.confidential {
        "#b00020"
    } else {
        "#1a1a1a"
    };
    let top_right = format!(
        "{} · {} · {} {}",
        meta.organisation,
        meta.title,
        l.version.to_lowercase(),
        meta.version
    );
    let bottom = format!(
        "{} · {} {}\n{} {}",
        meta.revision,
        l.printed.to_lowercase(),
        meta.printed,
        l.is_current,
        meta.check_current.replace('`', "")
    );
    format!(
        "@page {{\n  @top-left {{ content: {}; font: 700 8pt system-ui, \"DejaVu Sans\", sans-serif; color: {colour}; vertical-align: bottom; padding-bottom: 3mm; }}\n  \
         @top-right {{ content: {}; font: 8pt system-ui, \"DejaVu Sans\", sans-serif; color: #555; vertical-align: bottom; padding-bottom: 3mm; }}\n  \
         @bottom-left {{ content: {}; white-space: pre-wrap; font: 7pt/1.3 system-ui, \"DejaVu Sans\", sans-serif; color: #555; vertical-align: top; width: 85%; }}\n  \
         @bottom-right {{ content: counter(page) \" / \" counter(pages); font: 8pt system-ui, \"DejaVu Sans\", sans-serif; vertical-align: top; }}\n}}\n",
        css_string(&classification),
        css_string(&top_right),
        css_string(&bottom),
    )
}

/// A CSS string literal that shows `text` as written. Everything but plain letters, digits and
/// harmless punctuation is a hex escape, so that no text can end the string, the rule or the
/// `<style>` element.
fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        if c.is_alphanumeric() || " .,:;/()-_+?!@#%=".contains(c) {
            out.push(c);
        } else {
            let _ = write!(out, "\\{:x} ", u32::from(c));
        }
    }
    out.push('"');
    out
}

/// The style sheet: system fonts only (nothing to download), one column on phones, A4 in print.
const CSS: &str = r#":root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --line: #c8c8c8; --accent: #0b4f8a; --alert: #b00020; --soft: #f3f5f7; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 60rem; padding: 0 1rem 2rem; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: var(--ink); background: #fff; overflow-wrap: break-word; }
h1 { font-size: 1.7rem; margin: .2rem 0; }
h2 { font-size: 1.35rem; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid var(--accent); color: var(--accent); }
h3 { font-size: 1.12rem; margin: 1.4rem 0 .4rem; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
p, li { margin: .35rem 0; }
a { color: var(--accent); }
code { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: .92em; background: var(--soft); padding: 0 .2em; }
.running-header { position: sticky; top: 0; z-index: 1; display: flex; gap: .6rem; flex-wrap: wrap; align-items: center; margin: 0 -1rem; padding: .35rem 1rem; background: #fff; border-bottom: 1px solid var(--line); font-size: .8rem; color: var(--muted); }
.classification { font-weight: 700; letter-spacing: .04em; color: var(--ink); border: 1.5px solid currentColor; padding: 0 .35em; border-radius: 3px; }
.classification.confidential, .badge.confidential { color: var(--alert); }
.cover { padding: 1rem 0 .5rem; }
.cover .organisation { font-size: 1.05rem; color: var(--muted); margin: 0; }
.cover .subtitle { font-size: 1.2rem; margin: 0 0 .6rem; }
.badge { display: inline-block; font-weight: 700; font-size: 1.05rem; border: 2px solid currentColor; padding: .15rem .6rem; border-radius: 4px; }
dl.fields { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: .25rem 1rem; margin: .6rem 0; }
dl.fields dt { font-weight: 600; color: var(--muted); }
dl.fields dd { margin: 0; }
.notice { border-left: 5px solid var(--accent); background: var(--soft); padding: .4rem .9rem; margin: .8rem 0; break-inside: avoid; }
.notice.error { border-color: var(--alert); background: #fdecee; }
.alert { color: var(--alert); }
.note { color: var(--muted); font-size: .9em; }
.part { margin: 2.5rem 0 0; font-size: .85rem; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); }
nav.toc ol { padding-left: 1.6rem; }
nav.toc li.reference:first-of-type, nav.toc li.crisis + li.reference { margin-top: .6rem; }
table { width: 100%; border-collapse: collapse; margin: .5rem 0 1rem; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; border: 1px solid var(--line); padding: .3rem .45rem; }
thead th { background: var(--soft); }
thead { display: table-header-group; }
tr, dl.fields, .verbatim, li { break-inside: avoid; page-break-inside: avoid; }
.verbatim { white-space: pre-wrap; border: 1px dashed var(--line); padding: .5rem .8rem; margin: .4rem 0 1rem; background: #fcfcfc; }
a.tel { display: inline-block; min-height: 44px; min-width: 44px; line-height: 44px; padding: 0 .65rem; margin: .1rem 0; border: 1px solid var(--accent); border-radius: 8px; font-weight: 700; text-decoration: none; white-space: nowrap; background: #eef4fa; }
footer.end { margin-top: 3rem; padding-top: .5rem; border-top: 1px solid var(--line); font-size: .85rem; color: var(--muted); }
@media (max-width: 40rem) {
  body { font-size: 17px; }
  h1 { font-size: 1.4rem; hyphens: auto; }
  .running-header { position: static; }
  dl.fields { grid-template-columns: 1fr; }
  dl.fields dd { margin-bottom: .4rem; }
  table, thead, tbody, tr, th, td { display: block; width: 100%; }
  thead { position: absolute; left: -9999px; }
  tr { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 .7rem; padding: .2rem .4rem; }
  td { border: none; padding: .25rem 0; }
  td.empty { display: none; }
  td::before { content: attr(data-label); display: block; font-size: .8rem; font-weight: 600; color: var(--muted); }
}
@page { size: A4; margin: 18mm 14mm 24mm 14mm; }
@media print {
  html, body { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .running-header { display: none; }
  h1 { font-size: 18pt; }
  h2 { font-size: 14pt; margin-top: 1.2rem; }
  h3 { font-size: 11.5pt; }
  table { font-size: 8.5pt; }
  a { color: inherit; text-decoration: none; }
  a.tel { display: inline; min-height: 0; min-width: 0; line-height: inherit; padding: 0; border: none; background: none; }
  .part.reference { break-before: page; page-break-before: always; }
  nav.toc { columns: 2; column-gap: 2rem; }
  nav.toc h2 { column-span: all; }
  section#crisis-team h3, section#scenarios h3 { break-before: auto; }
  footer.end { break-inside: avoid; }
}
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"y\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;"
        );
    }

    #[test]
    fn shows_control_characters_and_overrides_instead_of_obeying_them() {
        assert_eq!(
            escape("a\u{1b}[2J\r\nb\u{202e}c\td"),
            "a\\u{1b}[2J\nb\\u{202e}c\td"
        );
    }

    #[test]
    fn mail_links_cannot_break_out_of_the_attribute() {
        let mut out = String::new();
        render_inlines(&mut out, &[Inline::Email("a\"b<c>@x.be".into())]);
        assert_eq!(
            out,
            "<a class=\"mail\" href=\"mailto:a%22b%3Cc%3E@x.be\">a&quot;b&lt;c&gt;@x.be</a>"
        );
    }

    #[test]
    fn css_strings_cannot_end_the_style_element() {
        assert_eq!(
            css_string("a\"b</style>ë\n"),
            "\"a\\22 b\\3c /style\\3e ë\\a \""
        );
    }

    #[test]
    fn non_web_urls_are_text() {
        let mut out = String::new();
        render_inlines(
            &mut out,
            &[Inline::Web {
                text: "x".into(),
                url: "javascript:alert(1)".into(),
            }],
        );
        assert_eq!(out, "x");
    }
}
