//! Plan and git text made safe to show in a terminal: it may hold escape sequences, newlines
//! or bidirectional overrides, which would let a plan change clear the screen, hide or colour
//! text, or fake lines of a diff under review.

use std::borrow::Cow;
use std::fmt::Write as _;

/// `text` for one line of human output: control characters (newlines included) and
/// bidirectional overrides are shown as escapes (`\n`, `\u{1b}`), everything else as written.
pub fn shown(text: &str) -> Cow<'_, str> {
    escaped(text, false)
}

/// `text` over several lines (a file's lines in a line diff): as [`shown`], but newlines stay.
pub fn shown_lines(text: &str) -> Cow<'_, str> {
    escaped(text, true)
}

/// [`shown_lines`] for text already in a `String` (an escaped document), without a copy when
/// nothing needs escaping.
pub fn shown_owned(text: String) -> String {
    match escaped(&text, true) {
        Cow::Borrowed(_) => text,
        Cow::Owned(escaped) => escaped,
    }
}

fn escaped(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let unsafe_char = |c: char| needs_escape(c) && !(keep_newlines && c == '\n');
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            c if !unsafe_char(c) => out.push(c),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
        }
    }
    Cow::Owned(out)
}

/// Control characters other than the tab (C0, DEL, C1) and the characters that reorder text
/// on display (embeddings, overrides and isolates: "Trojan Source").
fn needs_escape(c: char) -> bool {
    (c.is_control() && c != '\t') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_could_drive_the_terminal_and_keeps_the_rest() {
        assert_eq!(shown("Burgerzaken € ✓\tok"), "Burgerzaken € ✓\tok");
        assert!(matches!(shown("plain"), Cow::Borrowed(_)));
        assert_eq!(shown("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(shown("a\u{1b}]0;t\u{7}"), "a\\u{1b}]0;t\\u{7}");
        assert_eq!(shown("x\u{9b}31m"), "x\\u{9b}31m", "C1 control");
        assert_eq!(shown("one\ntwo\r"), "one\\ntwo\\r");
        assert_eq!(shown("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(shown("\u{2066}x\u{2069}"), "\\u{2066}x\\u{2069}");
        assert_eq!(shown_lines("one\ntwo\u{1b}[8m\n"), "one\ntwo\\u{1b}[8m\n");
    }
}
