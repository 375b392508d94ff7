//! JSON Pointers (RFC 6901) naming a value inside a plan, such as `/services/3/rto`.

use std::fmt;

/// One step of a [`Pointer`]: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Segment {
    Key(String),
    Index(usize),
}

impl From<&str> for Segment {
    fn from(key: &str) -> Self {
        Segment::Key(key.to_owned())
    }
}

impl From<usize> for Segment {
    fn from(index: usize) -> Self {
        Segment::Index(index)
    }
}

/// The path from the document root to one value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pointer(Vec<Segment>);

impl Pointer {
    /// The document root (`""`).
    pub fn root() -> Self {
        Pointer(Vec::new())
    }

    /// This pointer extended by one segment.
    pub fn join(&self, segment: impl Into<Segment>) -> Self {
        let mut segments = self.0.clone();
        segments.push(segment.into());
        Pointer(segments)
    }

    /// The pointer's segments, outermost first.
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    /// The pointer without its last segment, or `None` at the root.
    pub fn parent(&self) -> Option<Pointer> {
        let (_, rest) = self.0.split_last()?;
        Some(Pointer(rest.to_vec()))
    }

    /// Parses the RFC 6901 text form. Numeric segments become indexes.
    pub fn parse(text: &str) -> Option<Self> {
        if text.is_empty() {
            return Some(Pointer::root());
        }
        let rest = text.strip_prefix('/')?;
        let segments = rest
            .split('/')
            .map(|raw| {
                let key = raw.replace("~1", "/").replace("~0", "~");
                let numeric = !key.is_empty()
                    && key.bytes().all(|b| b.is_ascii_digit())
                    && (key == "0" || !key.starts_with('0'));
                match (numeric, key.parse::<usize>()) {
                    (true, Ok(index)) => Segment::Index(index),
                    _ => Segment::Key(key),
                }
            })
            .collect();
        Some(Pointer(segments))
    }
}

impl<S: Into<Segment>> FromIterator<S> for Pointer {
    fn from_iter<I: IntoIterator<Item = S>>(iter: I) -> Self {
        Pointer(iter.into_iter().map(Into::into).collect())
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for segment in &self.0 {
            match segment {
                Segment::Key(key) => write!(f, "/{}", key.replace('~', "~0").replace('/', "~1"))?,
                Segment::Index(index) => write!(f, "/{index}")?,
            }
        }
        Ok(())
    }
}

/// Builds a [`Pointer`] from segments: `pointer!["services", 3, "rto"]`.
#[macro_export]
macro_rules! pointer {
    ($($segment:expr),* $(,)?) => {
        $crate::json::Pointer::root()$(.join($segment))*
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_rfc_6901_text() {
        for text in ["", "/services/3/rto", "/a~1b/c~0d", "/$schema", "/x/01"] {
            assert_eq!(Pointer::parse(text).expect(text).to_string(), text);
        }
        assert_eq!(
            Pointer::parse("/x/01").expect("parses").segments()[1],
            Segment::Key("01".into())
        );
        assert_eq!(Pointer::parse("nope"), None);
    }

    #[test]
    fn macro_builds_the_same_pointer() {
        assert_eq!(
            crate::pointer!["services", 3, "rto"].to_string(),
            "/services/3/rto"
        );
    }
}
