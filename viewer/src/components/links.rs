//! Links, built only from values that cannot carry script: entity links inside the viewer,
//! `tel:` from phone numbers, `mailto:` from e-mail addresses, and `http(s):` web links.
//! Anything else is shown as text.

use continuity_schema::references::Collection;
use continuity_schema::types::{Email, Phone};
use yew::prelude::*;

use crate::i18n::{Lang, Msg};
use crate::view::PlanView;

/// The `tel:` link of a phone number: its digits and a leading `+`.
pub fn tel_href(phone: &Phone) -> String {
    let mut href = String::from("tel:");
    for (i, c) in phone.as_str().chars().enumerate() {
        if c.is_ascii_digit() || (c == '+' && i == 0) {
            href.push(c);
        }
    }
    href
}

/// The `mailto:` link of an e-mail address, percent-encoding anything unusual so that an
/// address can never add headers or a body (`?subject=`).
pub fn mailto_href(email: &Email) -> String {
    let mut href = String::from("mailto:");
    for byte in email.as_str().bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'@' | b'.' | b'-' | b'_' | b'+') {
            href.push(char::from(byte));
        } else {
            href.push_str(&format!("%{byte:02X}"));
        }
    }
    href
}

/// The text as a web link target, only when it is an `http:` or `https:` URL without spaces or
/// control characters (the plan's own check, repeated here: data may come from elsewhere).
pub fn web_href(text: &str) -> Option<String> {
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    let scheme_ok = lower.starts_with("https://") || lower.starts_with("http://");
    let clean = !text.chars().any(|c| c.is_whitespace() || c.is_control());
    (scheme_ok && clean && text.len() > 8).then(|| text.to_owned())
}

/// A link to an entity of the plan shown, named by its name (or `text`); an id the plan does
/// not have (a dangling reference) is shown as text, marked.
pub fn entity_link(
    lang: Lang,
    view: &PlanView,
    collection: Collection,
    id: &str,
    text: Option<&str>,
) -> Html {
    match view.label(collection, id) {
        Some(label) => {
            let text = text.map_or(label, str::to_owned);
            html! { <a href={view.entity_href(collection, id)}>{ text }</a> }
        }
        None => html! {
            <span class="dangling">
                { id.to_owned() }{ " (" }{ Msg::NotInPlan.text(lang) }{ ")" }
            </span>
        },
    }
}

pub fn phone_link(phone: &Phone) -> Html {
    html! { <a class="tel" href={tel_href(phone)}>{ phone.as_str().to_owned() }</a> }
}

pub fn mail_link(email: &Email) -> Html {
    html! { <a href={mailto_href(email)}>{ email.as_str().to_owned() }</a> }
}

/// A web link when the URL is `http(s):`, else the text.
pub fn web_link(url: &str, text: Option<&str>) -> Html {
    let text = text.unwrap_or(url).to_owned();
    match web_href(url) {
        Some(href) => html! { <a {href} rel="noopener noreferrer">{ text }</a> },
        None => html! { <span>{ text }</span> },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tel_links_keep_only_digits_and_a_leading_plus() {
        let phone = Phone::new("+32 (0)56 12.34/56").expect("a phone");
        assert_eq!(tel_href(&phone), "tel:+320561234 56".replace(' ', ""));
    }

    #[test]
    fn mailto_links_cannot_add_headers() {
        let email = Email::new("a?subject=x&body=y@evil.example").expect("an e-mail");
        let href = mailto_href(&email);
        assert!(!href.contains('?') && !href.contains('&'), "{href}");
    }

    #[test]
    fn only_http_and_https_become_links() {
        assert!(web_href("https://www.heidebeek.be/x").is_some());
        assert!(web_href("HTTP://example.org").is_some());
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,<script>",
            "https://a b",
            "https://",
            "//evil.example",
            "vbscript:x",
            " https://x.org",
        ] {
            assert_eq!(web_href(bad), None, "{bad}");
        }
    }
}
