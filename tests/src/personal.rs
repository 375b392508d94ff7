//! Personal data in plans and histories, for the redaction tests: every person's and named
//! supplier contact's name, e-mail address and phone number, and a check that a published text
//! shows none of them.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// Names, e-mail addresses and phone numbers to look for.
#[derive(Debug, Default)]
pub struct Personal {
    pub names: Vec<String>,
    pub emails: Vec<String>,
    /// The last eight digits of each phone number: the same in every spelling.
    pub phones: Vec<String>,
}

impl Personal {
    /// The personal data of one plan (as JSON).
    pub fn of_plan(plan: &Value) -> Personal {
        let mut data = Personal::default();
        data.add_plan(plan);
        data
    }

    /// Adds the people and named supplier contacts of `plan`.
    pub fn add_plan(&mut self, plan: &Value) {
        for person in plan["people"].as_array().into_iter().flatten() {
            let phones = person["phones"]
                .as_array()
                .map(|p| p.iter().map(|p| &p["number"]).collect())
                .unwrap_or_default();
            self.add(&person["name"], &person["email"], phones);
        }
        for supplier in plan["suppliers"].as_array().into_iter().flatten() {
            for contact in supplier["contacts"].as_array().into_iter().flatten() {
                if contact["name"].is_string() {
                    self.add(&contact["name"], &contact["email"], vec![&contact["phone"]]);
                }
            }
        }
    }

    /// Adds a commit author.
    pub fn add_author(&mut self, name: &str, email: &str) {
        self.add(
            &Value::String(name.to_owned()),
            &Value::String(email.to_owned()),
            Vec::new(),
        );
    }

    fn add(&mut self, name: &Value, email: &Value, phones: Vec<&Value>) {
        let push = |list: &mut Vec<String>, text: &str| {
            if !list.iter().any(|t| t == text) {
                list.push(text.to_owned());
            }
        };
        if let Some(name) = name.as_str() {
            push(&mut self.names, name);
        }
        if let Some(email) = email.as_str() {
            push(&mut self.emails, email);
        }
        for phone in phones.into_iter().filter_map(Value::as_str) {
            let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
            if digits.len() >= 8 {
                push(&mut self.phones, &digits[digits.len() - 8..]);
            }
        }
    }

    /// The personal data of every revision of `plan` in the git repository `dir` (all
    /// branches' commits reachable from HEAD, renames followed), commit authors included.
    /// Returns the data and the number of revisions read.
    pub fn of_history(dir: &Path, plan: &str) -> (Personal, usize) {
        let log = git(
            dir,
            &[
                "log",
                "--follow",
                "--format=%H%x00%an%x00%ae",
                "--name-only",
                "--",
                plan,
            ],
        );
        let mut data = Personal::default();
        let mut revisions = 0;
        let mut lines = log.lines().filter(|l| !l.is_empty());
        while let Some(header) = lines.next() {
            let mut parts = header.split('\0');
            let (Some(commit), Some(name), Some(email)) =
                (parts.next(), parts.next(), parts.next())
            else {
                panic!("unexpected git log line {header:?}");
            };
            data.add_author(name, email);
            let path = lines.next().expect("git log names the file");
            let Ok(text) = git_ok(dir, &["show", &format!("{commit}:{path}")]) else {
                continue; // deleted in this commit
            };
            if let Ok(plan) = serde_json::from_str::<Value>(&text) {
                data.add_plan(&plan);
                revisions += 1;
            }
        }
        (data, revisions)
    }

    /// Fails if `text` (already unescaped) names anyone: `what` says where the text is from.
    pub fn assert_absent_from(&self, text: &str, what: &str) {
        let lower = text.to_lowercase();
        for name in &self.names {
            assert!(!lower.contains(&name.to_lowercase()), "{what} names {name}");
        }
        for email in &self.emails {
            assert!(
                !lower.contains(&email.to_lowercase()),
                "{what} shows {email}"
            );
        }
        let runs = digit_runs(text);
        for phone in &self.phones {
            let hit = runs.iter().find(|run| run.contains(phone.as_str()));
            assert!(
                hit.is_none(),
                "{what} shows a number ending in {phone}: {hit:?}"
            );
        }
    }
}

/// The digits of every run of phone-like characters in `text`.
pub fn digit_runs(text: &str) -> Vec<String> {
    let mut runs = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            current.push(c);
        } else if !" +./()-\u{a0}".contains(c) && !current.is_empty() {
            runs.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    runs
}

fn git(dir: &Path, args: &[&str]) -> String {
    git_ok(dir, args).unwrap_or_else(|err| panic!("git {args:?} failed: {err}"))
}

fn git_ok(dir: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| e.to_string())?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).into_owned());
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}
