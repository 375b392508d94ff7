//! Safe publication: the classification check of every revision as the exporter reads it
//! (before anything is written), and `--redact personal` over every exported revision (plans, commit authors and messages, findings), so that neither the
//! current plan nor its history or diffs show a person's name, phone number or e-mail address.

use std::rc::Rc;

use anyhow::bail;
use continuity_schema::Plan;
use continuity_schema::finding::Finding;
use continuity_schema::redact::{Redactor, hidden_when_redacted};

use super::data::SourceRevision;
use crate::ahead::Output;
use crate::commands::fmt::canonical_text;
use crate::output::Summary;
use crate::revisions::{PlanState, first_problem};

/// Refuses to publish personal data of a plan whose classification forbids it.
///
/// Every exported revision counts, not only the newest: an older revision classified
/// confidential is published by the history as much as the current one. The exporter asks
/// for each revision as it reads it, newest first, before anything is written.
pub fn refuse_confidential(
    revision_id: &str,
    plan: &Plan,
    redacting: bool,
    allowed: bool,
) -> anyhow::Result<()> {
    let class = plan.plan.classification;
    if redacting || allowed || !class.is_confidential() {
        return Ok(());
    }
    let at = if revision_id == "worktree" {
        "the working tree".to_owned()
    } else {
        format!("revision {}", revision_id.get(..10).unwrap_or(revision_id))
    };
    bail!(
        "the plan is classified {} (at {at}): a site would publish the crisis team's names, \
         phone numbers and e-mail addresses.\n\
         Export it with `--redact personal` to remove them from every revision, or pass \
         `--allow-confidential` if the site stays where only the plan's readers can open it.",
        class.label()
    );
}

/// `--redact personal` over a whole history: every person gets the same stand-in in every
/// revision, so that diffs still show who replaced whom.
///
/// The stand-ins are learnt from every revision first, oldest first (so that they stay the
/// same when new revisions are exported later), then each revision is redacted as the
/// exporter reads it.
#[derive(Debug, Default)]
pub struct Redaction {
    redactor: Redactor,
}

impl Redaction {
    pub fn learn_plan(&mut self, plan: &Plan) {
        self.redactor.learn(plan);
    }

    pub fn learn_author(&mut self, name: &str, email: &str) {
        if !name.is_empty() {
            self.redactor.learn_author(name, email);
        }
    }

    /// The commit's author, e-mail address and message.
    pub fn metadata(&self, revision: &mut SourceRevision) {
        if !revision.author.is_empty() {
            revision.author = self.redactor.author(&revision.author);
        }
        revision.email = String::new();
        revision.message = self.redactor.prose(&revision.message);
    }
}

/// A revision's state as the site publishes it, made on a validating thread (so it holds no
/// shared pointer); [`Published::into_state`] turns it into the exporter's state.
pub enum Published {
    Checked {
        plan: Box<Plan>,
        findings: Vec<Finding>,
        /// The text as published: as committed, or (redacted) in canonical layout.
        text: String,
    },
    Unreadable {
        error: String,
    },
    Absent,
}

impl Published {
    /// A validated revision, redacted when `redaction` is given: the plan and its text, and
    /// what validation said of it, without the findings of the rules that look at the removed
    /// data.
    pub fn of(output: Output, redaction: Option<&Redaction>) -> anyhow::Result<Published> {
        // Why a revision cannot be read may quote its text: redacted like the rest.
        let unreadable = |error: String| Published::Unreadable {
            error: match redaction {
                Some(r) => r.redactor.prose(&error),
                None => error,
            },
        };
        let (checked, bytes) = match output {
            Output::Checked { checked, bytes } => (*checked, bytes),
            Output::Absent => return Ok(Published::Absent),
            Output::Unreadable(error) => return Ok(unreadable(error)),
        };
        let Some(plan) = checked.plan else {
            return Ok(unreadable(first_problem(&checked.findings)));
        };
        let Some(redaction) = redaction else {
            // A plan that was checked is UTF-8: take the bytes without a copy.
            let text = String::from_utf8(bytes)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
            return Ok(Published::Checked {
                plan: Box::new(plan),
                findings: checked.findings,
                text,
            });
        };
        let redactor = &redaction.redactor;
        let shown = redactor.plan(&plan);
        let text = canonical_text(&shown)?;
        let findings: Vec<Finding> = checked
            .findings
            .into_iter()
            .filter(|f| !hidden_when_redacted(&f.code))
            .map(|mut f| {
                f.message = redactor.prose(&f.message);
                f.hint = f.hint.as_deref().map(|h| redactor.prose(h));
                f.allowed = f.allowed.as_deref().map(|a| redactor.prose(a));
                f
            })
            .collect();
        Ok(Published::Checked {
            plan: Box::new(shown),
            findings,
            text,
        })
    }

    /// The exporter's state of the revision, and its text when it holds a plan.
    pub fn into_state(self) -> (PlanState, Option<String>) {
        match self {
            Published::Checked {
                plan,
                findings,
                text,
            } => (
                PlanState::Checked {
                    plan: Rc::new(*plan),
                    summary: Summary::of(&findings),
                    findings: Rc::new(findings),
                },
                Some(text),
            ),
            Published::Unreadable { error } => (PlanState::Unreadable { error }, None),
            Published::Absent => (PlanState::Absent, None),
        }
    }
}
