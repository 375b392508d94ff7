//! Safe publication: the classification check of every revision as the exporter reads it
//! (before anything is written), and `--redact personal` over every exported revision (plans, commit authors and messages, findings), so that neither the
//! current plan nor its history or diffs show a person's name, phone number or e-mail address.

use std::rc::Rc;

use anyhow::bail;
use continuity_schema::Plan;
use continuity_schema::finding::Finding;
use continuity_schema::redact::{Redactor, hidden_when_redacted};

use super::data::SourceRevision;
use crate::commands::fmt::canonical_text;
use crate::output::Summary;
use crate::revisions::PlanState;

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

    /// The plan (and its text, in canonical layout) and what validation said of it. The
    /// findings of the rules that look at the removed data are left out.
    pub fn state(&self, state: PlanState) -> anyhow::Result<(PlanState, Option<String>)> {
        Ok(match state {
            PlanState::Checked { plan, findings, .. } => {
                let shown = self.redactor.plan(&plan);
                let text = canonical_text(&shown)?;
                let findings: Vec<Finding> = findings
                    .iter()
                    .filter(|f| !hidden_when_redacted(&f.code))
                    .map(|f| {
                        let mut f = f.clone();
                        f.message = self.redactor.prose(&f.message);
                        f.hint = f.hint.as_deref().map(|h| self.redactor.prose(h));
                        f.allowed = f.allowed.as_deref().map(|a| self.redactor.prose(a));
                        f
                    })
                    .collect();
                let state = PlanState::Checked {
                    plan: Rc::new(shown),
                    summary: Summary::of(&findings),
                    findings: Rc::new(findings),
                };
                (state, Some(text))
            }
            PlanState::Unreadable { error } => (
                PlanState::Unreadable {
                    error: self.redactor.prose(&error),
                },
                None,
            ),
            PlanState::Absent => (PlanState::Absent, None),
        })
    }
}
