//! A single iterative pass over JSON text: finds the byte offsets of values named by pointers,
//! and duplicate keys (which serde_json would silently collapse).
//!
//! The text must already have parsed as JSON: this scanner does not report syntax errors,
//! it just stops early if the text is not well formed. It never recurses, so any nesting depth
//! is safe, and it allocates only for the pointers it is asked about.

use crate::hash::{HashMap, HashMapExt as _};
use std::borrow::Cow;

use super::pointer::{Pointer, Segment};

/// Where a located value sits in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Located {
    /// Byte offset of the first character of the value.
    pub value: usize,
    /// Byte offset of the opening quote of the key naming the value, for object members.
    pub key: Option<usize>,
}

/// A key that appears twice in the same object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateKey {
    /// The object holding the key.
    pub object: Pointer,
    /// The key, unescaped.
    pub key: String,
    /// Byte offset of the first occurrence's opening quote.
    pub first: usize,
    /// Byte offset of the repeated occurrence's opening quote.
    pub second: usize,
}

/// Finds every pointer's value in `text`; `None` for a pointer that names nothing.
pub fn locate(text: &str, pointers: &[Pointer]) -> Vec<Option<Located>> {
    let mut trie = Trie::default();
    for (i, pointer) in pointers.iter().enumerate() {
        trie.insert(pointer, i);
    }
    let mut found = vec![None; pointers.len()];
    if !trie.nodes[0].targets.is_empty() {
        let start = text.len() - text.trim_start().len();
        for &t in &trie.nodes[0].targets {
            found[t] = Some(Located {
                value: start,
                key: None,
            });
        }
    }
    let mut visitor = Locator {
        trie: &trie,
        nodes: vec![Some(0)],
        found: &mut found,
    };
    walk(text, &mut visitor);
    found
}

/// Every key repeated within one object, in document order.
pub fn duplicate_keys(text: &str) -> Vec<DuplicateKey> {
    let mut visitor = DuplicateFinder {
        seen: Vec::new(),
        found: Vec::new(),
    };
    walk(text, &mut visitor);
    visitor.found
}

/// One open container during the walk.
#[derive(Debug, Clone)]
struct Frame<'t> {
    is_object: bool,
    /// Number of values seen so far in an array (the index of the current one after it starts).
    index: usize,
    /// The raw (still escaped) key of the current member and its offset, in an object.
    key: Option<(&'t str, usize)>,
}

impl Frame<'_> {
    fn segment(&self) -> Segment {
        match self.key {
            Some((raw, _)) if self.is_object => Segment::Key(unescape(raw).into_owned()),
            _ => Segment::Index(self.index),
        }
    }
}

trait Visitor<'t> {
    /// A value starts at `offset`; `stack` holds its enclosing containers, innermost last.
    fn value(&mut self, offset: usize, stack: &[Frame<'t>]);
    /// A key starts at `offset` in the object on top of `stack`.
    fn key(&mut self, raw: &'t str, offset: usize, stack: &[Frame<'t>]);
    /// A container opened (after `value` was called for it) or closed; `depth` counts open ones.
    fn open(&mut self, _depth: usize) {}
}

fn walk<'t>(text: &'t str, visitor: &mut impl Visitor<'t>) {
    let bytes = text.as_bytes();
    let mut i = skip_ws(bytes, 0);
    let mut stack: Vec<Frame<'t>> = Vec::new();
    // Whether the next token is a value (true) or what follows a value (false).
    let mut expect_value = true;
    while i < bytes.len() {
        if expect_value {
            visitor.value(i, &stack);
            match bytes[i] {
                b'{' => {
                    stack.push(Frame {
                        is_object: true,
                        index: 0,
                        key: None,
                    });
                    visitor.open(stack.len());
                    i = skip_ws(bytes, i + 1);
                    if bytes.get(i) == Some(&b'}') {
                        stack.pop();
                        i += 1;
                        expect_value = false;
                        continue;
                    }
                    match read_key(text, i, &mut stack, visitor) {
                        Some(next) => i = next,
                        None => return,
                    }
                    continue;
                }
                b'[' => {
                    stack.push(Frame {
                        is_object: false,
                        index: 0,
                        key: None,
                    });
                    visitor.open(stack.len());
                    i = skip_ws(bytes, i + 1);
                    if bytes.get(i) == Some(&b']') {
                        stack.pop();
                        i += 1;
                        expect_value = false;
                    }
                    continue;
                }
                b'"' => match string_end(bytes, i) {
                    Some(end) => i = end,
                    None => return,
                },
                _ => {
                    while i < bytes.len()
                        && !matches!(bytes[i], b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')
                    {
                        i += 1;
                    }
                }
            }
            expect_value = false;
        } else {
            i = skip_ws(bytes, i);
            let Some(frame) = stack.last_mut() else {
                return;
            };
            match bytes.get(i) {
                Some(b',') => {
                    i = skip_ws(bytes, i + 1);
                    if frame.is_object {
                        match read_key(text, i, &mut stack, visitor) {
                            Some(next) => i = next,
                            None => return,
                        }
                    } else {
                        frame.index += 1;
                    }
                    expect_value = true;
                }
                Some(b'}' | b']') => {
                    stack.pop();
                    i += 1;
                }
                _ => return,
            }
        }
        i = skip_ws(bytes, i);
    }
}

/// Reads `"key" :` at `i`, records it on the top frame and returns the offset of the value.
fn read_key<'t>(
    text: &'t str,
    i: usize,
    stack: &mut [Frame<'t>],
    visitor: &mut impl Visitor<'t>,
) -> Option<usize> {
    let bytes = text.as_bytes();
    if bytes.get(i) != Some(&b'"') {
        return None;
    }
    let end = string_end(bytes, i)?;
    let raw = text.get(i + 1..end - 1)?;
    visitor.key(raw, i, stack);
    let frame = stack.last_mut()?;
    frame.key = Some((raw, i));
    let colon = skip_ws(bytes, end);
    (bytes.get(colon) == Some(&b':')).then(|| skip_ws(bytes, colon + 1))
}

fn skip_ws(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// The offset just past the closing quote of the string starting at `start`.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    loop {
        // Most of a plan's text is inside strings: skip eight bytes at a time while none of
        // them is a quote or a backslash.
        while let Some(chunk) = bytes
            .get(i..i + 8)
            .and_then(|c| <[u8; 8]>::try_from(c).ok())
        {
            let word = u64::from_le_bytes(chunk);
            if has_byte(word, b'"') || has_byte(word, b'\\') {
                break;
            }
            i += 8;
        }
        match bytes.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
}

/// Whether any of the eight bytes of `word` equals `byte` (the classic SWAR zero-byte test).
fn has_byte(word: u64, byte: u8) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let x = word ^ (ONES * u64::from(byte));
    x.wrapping_sub(ONES) & !x & HIGHS != 0
}

/// The key's text with JSON escapes resolved (borrowed when there are none).
fn unescape(raw: &str) -> Cow<'_, str> {
    if !raw.contains('\\') {
        return Cow::Borrowed(raw);
    }
    let quoted = format!("\"{raw}\"");
    serde_json::from_str::<String>(&quoted).map_or(Cow::Borrowed(raw), Cow::Owned)
}

fn pointer_of(stack: &[Frame<'_>]) -> Pointer {
    stack.iter().map(Frame::segment).collect()
}

#[derive(Debug)]
struct TrieNode {
    keys: HashMap<String, usize>,
    indexes: HashMap<usize, usize>,
    targets: Vec<usize>,
}

#[derive(Debug)]
struct Trie {
    nodes: Vec<TrieNode>,
}

impl Default for Trie {
    fn default() -> Self {
        Trie {
            nodes: vec![TrieNode {
                keys: HashMap::new(),
                indexes: HashMap::new(),
                targets: Vec::new(),
            }],
        }
    }
}

impl Trie {
    fn insert(&mut self, pointer: &Pointer, target: usize) {
        let mut node = 0;
        for segment in pointer.segments() {
            let next = self.nodes.len();
            let child = match segment {
                Segment::Key(key) => *self.nodes[node].keys.entry(key.clone()).or_insert(next),
                Segment::Index(index) => *self.nodes[node].indexes.entry(*index).or_insert(next),
            };
            if child == next {
                self.nodes.push(TrieNode {
                    keys: HashMap::new(),
                    indexes: HashMap::new(),
                    targets: Vec::new(),
                });
            }
            node = child;
        }
        self.nodes[node].targets.push(target);
    }

    fn child(&self, node: usize, frame: &Frame<'_>) -> Option<usize> {
        let node = &self.nodes[node];
        match frame.key {
            Some((raw, _)) if frame.is_object => node.keys.get(unescape(raw).as_ref()).copied(),
            _ => node.indexes.get(&frame.index).copied(),
        }
    }
}

struct Locator<'a> {
    trie: &'a Trie,
    /// The trie node of the value at each depth (index 0: the root), `None` off the wanted paths.
    nodes: Vec<Option<usize>>,
    found: &'a mut [Option<Located>],
}

impl<'t> Visitor<'t> for Locator<'_> {
    fn value(&mut self, offset: usize, stack: &[Frame<'t>]) {
        let depth = stack.len();
        if depth == 0 {
            return;
        }
        self.nodes.truncate(depth);
        let parent = self.nodes.get(depth - 1).copied().flatten();
        let node = parent.and_then(|p| self.trie.child(p, &stack[depth - 1]));
        self.nodes.push(node);
        if let Some(node) = node {
            let key = stack[depth - 1]
                .key
                .filter(|_| stack[depth - 1].is_object)
                .map(|(_, at)| at);
            for &t in &self.trie.nodes[node].targets {
                self.found[t] = Some(Located { value: offset, key });
            }
        }
    }

    fn key(&mut self, _raw: &'t str, _offset: usize, _stack: &[Frame<'t>]) {}
}

struct DuplicateFinder<'t> {
    /// Keys seen in each open object with their offsets, by depth; reused across objects.
    seen: Vec<ObjectKeys<'t>>,
    found: Vec<DuplicateKey>,
}

/// Objects with up to this many keys are searched key by key, which is faster than hashing for
/// the small objects a plan is made of; the keys of larger objects go into a hash map.
const SMALL_OBJECT: usize = 16;

/// The keys of one object with the offset of their first occurrence.
#[derive(Default)]
struct ObjectKeys<'t> {
    /// The first `SMALL_OBJECT` keys.
    small: Vec<(Cow<'t, str>, usize)>,
    /// Every key, once the object has more than `SMALL_OBJECT` of them.
    large: HashMap<Cow<'t, str>, usize>,
}

impl<'t> ObjectKeys<'t> {
    fn clear(&mut self) {
        self.small.clear();
        if !self.large.is_empty() {
            self.large.clear();
        }
    }

    /// Records `key` at `offset`, or returns the offset of its earlier occurrence.
    fn first_or_insert(&mut self, key: Cow<'t, str>, offset: usize) -> Option<usize> {
        if self.small.len() < SMALL_OBJECT {
            if let Some(&(_, first)) = self.small.iter().find(|(seen, _)| *seen == key) {
                return Some(first);
            }
            self.small.push((key, offset));
            return None;
        }
        if self.large.is_empty() {
            self.large.extend(self.small.iter().cloned());
        }
        match self.large.entry(key) {
            std::collections::hash_map::Entry::Occupied(entry) => Some(*entry.get()),
            std::collections::hash_map::Entry::Vacant(entry) => {
                entry.insert(offset);
                None
            }
        }
    }
}

impl<'t> Visitor<'t> for DuplicateFinder<'t> {
    fn value(&mut self, _offset: usize, _stack: &[Frame<'t>]) {}

    fn open(&mut self, depth: usize) {
        if self.seen.len() < depth {
            self.seen.resize_with(depth, ObjectKeys::default);
        }
        self.seen[depth - 1].clear();
    }

    fn key(&mut self, raw: &'t str, offset: usize, stack: &[Frame<'t>]) {
        let depth = stack.len();
        let Some(keys) = self.seen.get_mut(depth.wrapping_sub(1)) else {
            return;
        };
        let key = unescape(raw);
        if let Some(first) = keys.first_or_insert(key.clone(), offset) {
            // The object's own position is given by the members that lead to it.
            let object = pointer_of(&stack[..depth - 1]);
            self.found.push(DuplicateKey {
                object,
                key: key.into_owned(),
                first,
                second: offset,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pointer;

    fn at(text: &str, needle: &str) -> usize {
        text.find(needle).expect(needle)
    }

    #[test]
    fn locates_values_and_keys() {
        let text = r#"{"a": {"b": [10, {"c": "x"}, [true]]}, "d~/e": null}"#;
        let pointers = [
            pointer!["a", "b", 1, "c"],
            pointer!["a", "b", 2, 0],
            pointer!["d~/e"],
            pointer!["a", "missing"],
            pointer!["a"],
            Pointer::root(),
        ];
        let found = locate(text, &pointers);
        assert_eq!(
            found[0],
            Some(Located {
                value: at(text, "\"x\""),
                key: Some(at(text, "\"c\""))
            })
        );
        assert_eq!(
            found[1],
            Some(Located {
                value: at(text, "true"),
                key: None
            })
        );
        assert_eq!(
            found[2],
            Some(Located {
                value: at(text, "null"),
                key: Some(at(text, "\"d~/e\""))
            })
        );
        assert_eq!(found[3], None);
        assert_eq!(found[4].map(|l| l.value), Some(at(text, "{\"b\"")));
        assert_eq!(found[5].map(|l| l.value), Some(0));
    }

    #[test]
    fn escaped_keys_match_their_unescaped_pointer() {
        let text = r#"{"r\u0074o": "4h"}"#;
        assert_eq!(
            locate(text, &[pointer!["rto"]])[0].map(|l| l.value),
            Some(at(text, "\"4h\""))
        );
    }

    #[test]
    fn finds_duplicate_keys_at_any_depth() {
        let text = r#"{"a": 1, "b": [{"x": 1, "y": 2, "x": 3}], "a": 2, "c": {"a": 1}}"#;
        let dups = duplicate_keys(text);
        assert_eq!(dups.len(), 2);
        assert_eq!(dups[0].object, pointer!["b", 0]);
        assert_eq!(dups[0].key, "x");
        assert_eq!(dups[0].first, text.find("\"x\"").expect("x"));
        assert_eq!(dups[0].second, text.rfind("\"x\"").expect("x"));
        assert_eq!(dups[1].object, Pointer::root());
        assert_eq!(dups[1].key, "a");
    }

    #[test]
    fn duplicates_spelled_differently_are_still_duplicates() {
        assert_eq!(duplicate_keys(r#"{"rto": 1, "\u0072to": 2}"#).len(), 1);
    }

    #[test]
    fn sibling_objects_do_not_share_keys() {
        assert!(duplicate_keys(r#"[{"id": 1}, {"id": 2}, {"a": {"id": 3}, "id": 4}]"#).is_empty());
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let depth = 200_000;
        let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert!(duplicate_keys(&text).is_empty());
        let mut pointer = Pointer::root();
        for _ in 0..5 {
            pointer = pointer.join(0);
        }
        assert_eq!(locate(&text, &[pointer])[0].map(|l| l.value), Some(5));
    }

    #[test]
    fn strings_with_escapes_and_quotes_at_any_position_are_skipped() {
        for pad in 0..17 {
            let filler = "x".repeat(pad);
            let text = format!(r#"{{"a": "{filler}\"}}\\", "b": "{filler}é\u00e9", "a": 1}}"#);
            let dups = duplicate_keys(&text);
            assert_eq!(dups.len(), 1, "{text}");
            assert_eq!(dups[0].second, text.rfind("\"a\"").expect("a"), "{text}");
            let b_value = text.find(r#""b": "#).expect("b") + 5;
            assert_eq!(
                locate(&text, &[pointer!["b"]])[0].map(|l| l.value),
                Some(b_value),
                "{text}"
            );
        }
        assert_eq!(string_end(br#""abc"#, 0), None);
        assert_eq!(string_end(br#""abcdefghijklmnop\"#, 0), None);
    }

    #[test]
    fn finds_duplicates_in_large_objects() {
        let members: Vec<String> = (0..40).map(|i| format!(r#""k{i}": {i}"#)).collect();
        let text = format!("{{{}, \"k3\": 0, \"k39\": 0}}", members.join(", "));
        let dups = duplicate_keys(&text);
        let keys: Vec<&str> = dups.iter().map(|d| d.key.as_str()).collect();
        assert_eq!(keys, ["k3", "k39"]);
        assert_eq!(dups[0].first, text.find("\"k3\"").expect("k3"));
    }

    #[test]
    fn malformed_text_stops_quietly() {
        for text in ["", "{", "{\"a\"", "[1,", "{\"a\" 1}", "\"abc"] {
            let _ = duplicate_keys(text);
            let _ = locate(text, &[pointer!["a"]]);
        }
    }
}
