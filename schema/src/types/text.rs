//! Contact details with a checked shape: phone numbers, e-mail addresses and web links.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize};

/// Phone numbers: an optional `+`, then digits with spaces, dots, slashes, hyphens or brackets.
pub const PHONE_PATTERN: &str = r"^\+?[0-9][0-9 ./()-]{4,30}$";
/// E-mail addresses: a deliberately loose shape; mail servers decide the rest.
pub const EMAIL_PATTERN: &str = r"^[^@\s]+@[^@\s]+\.[^@\s]+$";
/// Web links: only `http` and `https`, so that a viewer never renders a script link, and none
/// of the characters that cannot appear in a link as written (RFC 3987: spaces, quotes, angle
/// and curly brackets, `\`, `^`, `` ` ``, `|`, control characters). Letters with accents are
/// allowed, as in `https://www.heidebeek.be/café`. This pattern is the whole rule: the schema has no `format`
/// for links, so that every validator and the model accept exactly the same links.
pub const URL_PATTERN: &str = r#"^https?://[^\s"<>\\^`{|}\x00-\x1f\x7f-\x9f]+$"#;

fn is_phone(text: &str) -> bool {
    let rest = text.strip_prefix('+').unwrap_or(text);
    let len = rest.chars().count();
    rest.chars().next().is_some_and(|c| c.is_ascii_digit())
        && (5..=31).contains(&len)
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '/' | '(' | ')' | '-'))
}

fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let clean = |s: &str| !s.is_empty() && !s.chars().any(|c| c.is_whitespace() || c == '@');
    clean(local)
        && clean(domain)
        && domain
            .rsplit_once('.')
            .is_some_and(|(host, tld)| !host.is_empty() && !tld.is_empty())
}

/// Whether `text` is a web link as the format allows it (the rule of [`WebUrl`]): the one test
/// for anything that becomes a link, in the viewer and the offline report alike.
pub fn is_web_url(text: &str) -> bool {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty()
            && !r.chars().any(|c| {
                c.is_whitespace()
                    || c.is_control()
                    || matches!(c, '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}')
            })
    })
}

macro_rules! checked_text {
    ($(#[$doc:meta])* $name:ident, $check:ident, $pattern:ident, $format:expr, $title:literal, $desc:literal, $example:literal, $hint:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// The value, if `text` has the expected shape.
            pub fn new(text: impl Into<String>) -> Result<Self, String> {
                let text = text.into();
                if $check(&text) {
                    Ok($name(text))
                } else {
                    Err(format!(concat!("`{}` is not ", $hint), text))
                }
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $name::new(String::deserialize(deserializer)?).map_err(serde::de::Error::custom)
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                let mut schema = json_schema!({
                    "title": $title,
                    "description": $desc,
                    "type": "string",
                    "pattern": $pattern,
                    "examples": [$example]
                });
                if let Some(format) = $format {
                    schema.insert("format".into(), format.into());
                }
                schema
            }
        }
    };
}

checked_text!(
    /// A phone number as dialled, preferably in international form.
    Phone, is_phone, PHONE_PATTERN, None::<&str>, "Phone number",
    "A phone number as dialled, preferably international (`+32 ...`).",
    "+32 56 12 34 56",
    "a phone number: digits, optionally starting with +, with spaces, dots, slashes, hyphens or brackets"
);
checked_text!(
    /// An e-mail address.
    Email, is_email, EMAIL_PATTERN, Some("email"), "E-mail address",
    "An e-mail address.",
    "ict@heidebeek.be",
    "an e-mail address"
);
checked_text!(
    /// A web link (`http` or `https` only).
    WebUrl, is_web_url, URL_PATTERN, None::<&str>, "Web link",
    "A web address starting with http:// or https://. Spaces, quotes, backslashes, grave accents and the characters < > { } | ^ must be percent-encoded; letters with accents may be written as they are.",
    "https://www.heidebeek.be/storingen",
    "a web link: it starts with http:// or https:// and has no spaces, quotes, backslashes, grave accents or any of < > {{ }} | ^"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones() {
        for ok in [
            "+32 56 12 34 56",
            "056/12.34.56",
            "0470-12 34 56",
            "+32 (0)56 123456",
        ] {
            assert!(Phone::new(ok).is_ok(), "{ok}");
        }
        for bad in ["", "call me", "+", "+ 32", "tel:+32", "12"] {
            assert!(Phone::new(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn emails_and_urls() {
        assert!(Email::new("ict@heidebeek.be").is_ok());
        for bad in ["ict", "ict@", "@x.be", "a b@x.be", "ict@heidebeek"] {
            assert!(Email::new(bad).is_err(), "{bad}");
        }
        for ok in [
            "https://example.org/x",
            "https://www.heidebeek.be/café?q=1&r=%20#top",
            "http://[::1]:8080/a(b)'c'",
        ] {
            assert!(WebUrl::new(ok).is_ok(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "ftp://x",
            "https://",
            "https://a b",
            "https://a\"b",
            "https://a<b>",
            "https://a{b}",
            "https://a|b",
            "https://a\\b",
            "https://a^b",
            "https://a`b",
            "https://a\u{0}b",
            "https://a\u{7f}b",
            "https://a\u{85}b",
            "data:text/html,x",
        ] {
            assert!(WebUrl::new(bad).is_err(), "{bad}");
        }
    }
}
