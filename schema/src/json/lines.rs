//! Converts byte offsets into 1-based line and column numbers (columns count characters).

/// A 1-based line and column; the column counts Unicode scalar values, as editors show them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// The start offset of every line of a text.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    /// The position of byte `offset` in `text` (clamped to the text, and to a character boundary).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self.starts[line - 1];
        let column = text[start..offset].chars().count() + 1;
        Position { line, column }
    }

    /// The byte offset of a 1-based line and a 1-based byte column (as serde_json reports them).
    pub fn offset_of_byte_column(&self, text: &str, line: usize, byte_column: usize) -> usize {
        let Some(&start) = self.starts.get(line.saturating_sub(1)) else {
            return text.len();
        };
        (start + byte_column.saturating_sub(1)).min(text.len())
    }

    /// The text of the 1-based line `line`, without its line break.
    pub fn line_text<'t>(&self, text: &'t str, line: usize) -> &'t str {
        let Some(&start) = self.starts.get(line.saturating_sub(1)) else {
            return "";
        };
        let end = self.starts.get(line).map_or(text.len(), |&next| next);
        text[start..end].trim_end_matches(['\n', '\r'])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let text = "{\n  \"naam\": \"Zoë\", \"x\": 1\n}";
        let index = LineIndex::new(text);
        let x = text.find("\"x\"").expect("present");
        assert_eq!(
            index.position(text, x),
            Position {
                line: 2,
                column: 18
            }
        );
        assert_eq!(index.position(text, 0), Position { line: 1, column: 1 });
        assert_eq!(
            index.position(text, text.len()),
            Position { line: 3, column: 2 }
        );
        assert_eq!(index.line_text(text, 2), "  \"naam\": \"Zoë\", \"x\": 1");
    }

    #[test]
    fn a_byte_column_inside_a_character_rounds_down() {
        let text = "é";
        assert_eq!(
            LineIndex::new(text).position(text, 1),
            Position { line: 1, column: 1 }
        );
    }
}
