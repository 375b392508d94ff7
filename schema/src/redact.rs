//! Removes personal data from plans and history text before publication: people's names,
//! phone numbers and e-mail addresses go, roles and functions stay.
//!
//! A [`Redactor`] is built from every revision that will be published, so that each person
//! gets the same stand-in id (`person-3`) in every revision: diffs of a redacted history still
//! show who replaced whom, without saying who they are. Stand-ins are numbered in order of
//! first appearance, oldest revision first, so that exporting again after new commits keeps
//! them stable.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::hash::{HashMap, HashSet};

use serde_json::Value;

use crate::model::Plan;

/// What personal data is replaced with.
pub const REDACTED: &str = "[redacted]";

/// Rules whose findings on a redacted plan say nothing about the real plan: they look at the
/// phone numbers and names that redaction removes, so on a redacted plan they would report
/// every person as unreachable. A published site hides them and says so.
pub const RULES_ON_PERSONAL_DATA: [&str; 3] = [
    "person-unreachable",
    "no-after-hours-contact",
    "supplier-without-emergency-contact",
];

/// Whether findings of the rule `code` are hidden on a redacted plan (see [`RULES_ON_PERSONAL_DATA`]).
pub fn hidden_when_redacted(code: &str) -> bool {
    RULES_ON_PERSONAL_DATA.contains(&code)
}

/// Replaces people's identities consistently across revisions.
#[derive(Debug, Default, Clone)]
pub struct Redactor {
    /// Person id → stand-in id.
    ids: HashMap<String, String>,
    /// Names, e-mail addresses (lowercase) to remove from any text, longest first.
    words: Vec<String>,
    /// The same words, to learn each once: every revision teaches the same people again.
    known_words: HashSet<String>,
    /// The search for `words`, built when first needed (and again after learning more).
    matcher: OnceLock<Option<AhoCorasick>>,
    /// The last eight digits of every personal phone number.
    phones: HashSet<String>,
    /// Commit author names → stand-ins.
    authors: HashMap<String, String>,
}

/// Phone numbers are matched on their last eight digits, which survive every way of writing
/// them (+32 470 00 01 16, 0470/00.01.16, 0470000116).
const PHONE_DIGITS: usize = 8;

fn last_digits(text: &str) -> Option<String> {
    let digits: Vec<char> = text.chars().filter(char::is_ascii_digit).collect();
    (digits.len() >= PHONE_DIGITS).then(|| digits[digits.len() - PHONE_DIGITS..].iter().collect())
}

impl Redactor {
    pub fn new() -> Self {
        Redactor::default()
    }

    /// Learns the people of one revision; call it for every published revision, oldest first.
    pub fn learn(&mut self, plan: &Plan) {
        for person in &plan.people {
            let next = format!("person-{}", self.ids.len() + 1);
            self.ids
                .entry(person.id.as_str().to_owned())
                .or_insert(next);
            self.add_word(&person.name);
            if let Some(email) = &person.email {
                self.add_word(email.as_str());
            }
            for phone in &person.phones {
                self.add_phone(phone.number.as_str());
            }
        }
        for supplier in &plan.suppliers {
            for contact in supplier.contacts.iter().filter(|c| c.name.is_some()) {
                if let Some(name) = &contact.name {
                    self.add_word(name);
                }
                if let Some(email) = &contact.email {
                    self.add_word(email.as_str());
                }
                if let Some(phone) = &contact.phone {
                    self.add_phone(phone.as_str());
                }
            }
        }
    }

    /// Learns a commit author, so that history shows a stand-in instead of the name.
    pub fn learn_author(&mut self, name: &str, email: &str) {
        let next = format!("author {}", self.authors.len() + 1);
        self.authors.entry(name.to_owned()).or_insert(next);
        self.add_word(name);
        self.add_word(email);
    }

    fn add_word(&mut self, word: &str) {
        let word = word.trim().to_lowercase();
        // Very short words (initials) would remove too much from ordinary text.
        if word.chars().count() >= 3 && self.known_words.insert(word.clone()) {
            self.words.push(word);
            self.matcher = OnceLock::new();
            // Longest first, so that "An Peeters-Claes" goes before "An Peeters".
            self.words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
    }

    fn add_phone(&mut self, phone: &str) {
        if let Some(digits) = last_digits(phone) {
            self.phones.insert(digits);
        }
    }

    /// The stand-in for a commit author.
    pub fn author(&self, name: &str) -> String {
        self.authors
            .get(name)
            .cloned()
            .unwrap_or_else(|| REDACTED.to_owned())
    }

    /// `text` with every known name, e-mail address, phone number and person id replaced.
    /// Ids are only replaced inside id-shaped texts (references, and ids such as
    /// `kopie-an-peeters`): a short id like `an` must not eat words of prose.
    pub fn text(&self, text: &str) -> String {
        if crate::types::is_valid_id(text) {
            return self.scrub_ids(text);
        }
        let out = self.scrub_words(text);
        self.scrub_phones(&out)
    }

    /// Free prose (commit messages, rule messages) without personal data, including person ids
    /// quoted as `` `an-peeters` `` (ids are often made from names, and messages quote them).
    pub fn prose(&self, text: &str) -> String {
        let text = self.text(text);
        let mut out = String::with_capacity(text.len());
        for (i, part) in text.split('`').enumerate() {
            if i > 0 {
                out.push('`');
            }
            if i % 2 == 1 {
                out.push_str(&self.text(part));
            } else {
                out.push_str(part);
            }
        }
        out
    }

    fn scrub_words(&self, text: &str) -> String {
        let Some(matcher) = self.matcher() else {
            return text.to_owned();
        };
        let lower = text.to_lowercase();
        // Lowercasing changed byte lengths: offsets do not line up, so the whole text goes.
        if lower.len() != text.len() {
            return if matcher.is_match(&lower) {
                REDACTED.to_owned()
            } else {
                text.to_owned()
            };
        }
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        for found in matcher.find_iter(&lower) {
            out.push_str(&text[last..found.start()]);
            out.push_str(REDACTED);
            last = found.end();
        }
        out.push_str(&text[last..]);
        out
    }

    /// One search for every known word at once (leftmost-longest, so that "An Peeters-Claes"
    /// goes whole rather than as "An Peeters"), built on first use after learning.
    fn matcher(&self) -> Option<&AhoCorasick> {
        if self.words.is_empty() {
            return None;
        }
        let built = self.matcher.get_or_init(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&self.words)
                .ok()
        });
        built.as_ref()
    }

    /// Replaces runs of phone-like characters whose last eight digits are a personal number.
    fn scrub_phones(&self, text: &str) -> String {
        if self.phones.is_empty() {
            return text.to_owned();
        }
        let mut out = String::with_capacity(text.len());
        let mut run = String::new();
        let flush = |run: &mut String, out: &mut String| {
            let trimmed = run.trim_end_matches([' ', '.', '/', '-', '(', ')']);
            let tail = &run[trimmed.len()..];
            match last_digits(trimmed) {
                Some(digits) if self.phones.contains(&digits) => {
                    out.push_str(REDACTED);
                    out.push_str(tail);
                }
                _ => out.push_str(run),
            }
            run.clear();
        };
        for c in text.chars() {
            let phoneish = c.is_ascii_digit()
                || (!run.is_empty() && matches!(c, ' ' | '.' | '/' | '-' | '(' | ')'))
                || (run.is_empty() && c == '+');
            if phoneish {
                run.push(c);
            } else {
                flush(&mut run, &mut out);
                out.push(c);
            }
        }
        flush(&mut run, &mut out);
        out
    }

    /// Replaces person ids where they appear as whole hyphen-separated parts of a text
    /// (`kopie-an-peeters` → `kopie-person-3`): ids are often made from names.
    fn scrub_ids(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for (id, stand_in) in &self.ids {
            if !out.contains(id.as_str()) {
                continue;
            }
            let mut result = String::with_capacity(out.len());
            let mut last = 0;
            for (start, _) in out.match_indices(id.as_str()) {
                let end = start + id.len();
                let before = out[..start].chars().next_back();
                let after = out[end..].chars().next();
                let bounded = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
                if start >= last && bounded(before) && bounded(after) {
                    result.push_str(&out[last..start]);
                    result.push_str(stand_in);
                    last = end;
                }
            }
            result.push_str(&out[last..]);
            out = result;
        }
        out
    }

    /// The plan without personal data: people keep their function but lose their name, phones
    /// and e-mail; named supplier contacts lose name, phone and e-mail (service desks keep
    /// theirs); person ids become stand-ins everywhere; free text is scrubbed.
    pub fn plan(&self, plan: &Plan) -> Plan {
        let mut redacted = plan.clone();
        for person in &mut redacted.people {
            person.name = REDACTED.to_owned();
            person.phones.clear();
            person.email = None;
        }
        for supplier in &mut redacted.suppliers {
            for contact in supplier.contacts.iter_mut().filter(|c| c.name.is_some()) {
                contact.name = None;
                contact.phone = None;
                contact.email = None;
            }
        }
        let Ok(mut value) = serde_json::to_value(&redacted) else {
            return redacted;
        };
        self.scrub_value(&mut value);
        // Every string was rewritten in place with well-formed replacements (ids stay slugs),
        // so the value reads back as a plan; should it not, publish the structural redaction.
        serde_json::from_value(value).unwrap_or(redacted)
    }

    fn scrub_value(&self, value: &mut Value) {
        match value {
            Value::String(text) if text != REDACTED => *text = self.text(text),
            Value::Array(items) => items.iter_mut().for_each(|v| self.scrub_value(v)),
            Value::Object(map) => map.values_mut().for_each(|v| self.scrub_value(v)),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        let text = include_str!("../../tests/fixtures/rules/base.json");
        serde_json::from_str(text).expect("base plan parses")
    }

    #[test]
    fn removes_names_phones_and_emails_but_keeps_functions() {
        let original = plan();
        let mut redactor = Redactor::new();
        redactor.learn(&original);
        let redacted = redactor.plan(&original);
        let text = serde_json::to_string(&redacted).expect("serializes");
        assert!(
            redacted
                .people
                .iter()
                .all(|p| p.id.as_str().starts_with("person-"))
        );
        assert!(
            redacted
                .roles
                .iter()
                .flat_map(|r| &r.members)
                .all(|m| m.as_str().starts_with("person-"))
        );
        for person in &original.people {
            assert!(
                !text.contains(&person.name),
                "{} still present",
                person.name
            );
            for phone in &person.phones {
                assert!(!text.contains(phone.number.as_str()));
            }
            if let Some(email) = &person.email {
                assert!(!text.contains(email.as_str()));
            }
        }
        for (before, after) in original.people.iter().zip(&redacted.people) {
            assert_eq!(before.function, after.function);
        }
        assert_eq!(original.roles.len(), redacted.roles.len());
        assert_eq!(
            original.roles[0].members.len(),
            redacted.roles[0].members.len()
        );
    }

    #[test]
    fn scrubs_free_text_in_any_spelling() {
        let mut redactor = Redactor::new();
        redactor.add_word("An Peeters");
        redactor.add_phone("+32 470 00 01 16");
        redactor.ids.insert("an-peeters".into(), "person-1".into());
        let text = "Sleutel bij AN PEETERS (0470/00.01.16); bel 112 of +32 56 00 00 00.";
        assert_eq!(
            redactor.text(text),
            "Sleutel bij [redacted] ([redacted]); bel 112 of +32 56 00 00 00."
        );
        assert_eq!(redactor.text("kopie-an-peeters"), "kopie-person-1");
        assert_eq!(redactor.text("an-peeters"), "person-1");
        assert_eq!(redactor.text("plan-an-peetersen"), "plan-an-peetersen");
    }

    #[test]
    fn the_longest_name_goes_whole_and_stand_ins_are_never_searched_again() {
        let mut redactor = Redactor::new();
        redactor.add_word("An Peeters");
        // Learnt after a first search: the search must see it too.
        assert_eq!(
            redactor.text("An Peeters-Claes belt"),
            "[redacted]-Claes belt"
        );
        redactor.add_word("An Peeters-Claes");
        // "ted" would match inside "[redacted]" if replacements were searched again.
        redactor.add_word("Ted");
        assert_eq!(
            redactor.text("An Peeters-Claes belt Ted en an peeters"),
            "[redacted] belt [redacted] en [redacted]"
        );
        assert_eq!(redactor.text("Niemand"), "Niemand");
    }

    #[test]
    fn stand_ins_are_stable_across_revisions() {
        let original = plan();
        let mut redactor = Redactor::new();
        redactor.learn(&original);
        let first = redactor.plan(&original);
        redactor.learn(&original);
        assert_eq!(redactor.plan(&original), first);
    }
}
