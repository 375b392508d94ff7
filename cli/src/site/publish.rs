//! Safe publication: the classification check before export, and `--redact personal` over every
//! exported revision (plans, commit authors and messages, findings), so that neither the
//! current plan nor its history or diffs show a person's name, phone number or e-mail address.

use std::rc::Rc;

use anyhow::bail;
use continuity_schema::finding::Finding;
use continuity_schema::redact::{Redactor, hidden_when_redacted};

use super::data::SourceRevision;
use crate::commands::fmt::canonical_text;
use crate::output::Summary;
use crate::revisions::PlanState;

/// Refuses to publish personal data of a plan whose classification forbids it.
///
/// Every exported revision counts, not only the newest: an older revision classified
/// confidential is published by the history as much as the current one.
pub fn check_classification(
    revisions: &[SourceRevision],
    redacting: bool,
    allowed: bool,
) -> anyhow::Result<()> {
    if redacting || allowed {
        return Ok(());
    }
    let confidential = revisions.iter().find_map(|r| {
        let plan = r.state.plan()?;
        let class = plan.plan.classification;
        class.is_confidential().then_some((r, class))
    });
    if let Some((revision, class)) = confidential {
        let at = if revision.id == "worktree" {
            "the working tree".to_owned()
        } else {
            format!(
                "revision {}",
                revision.id.get(..10).unwrap_or(revision.id.as_str())
            )
        };
        bail!(
            "the plan is classified {} (at {at}): a site would publish the crisis team's names, \
             phone numbers and e-mail addresses.\n\
             Export it with `--redact personal` to remove them from every revision, or pass \
             `--allow-confidential` if the site stays where only the plan's readers can open it.",
            class.label()
        );
    }
    Ok(())
}

/// Redacts personal data from every revision (newest first), consistently: each person gets
/// the same stand-in in every revision, so that diffs still show who replaced whom.
pub fn redact(revisions: &mut [SourceRevision]) -> anyhow::Result<()> {
    let mut redactor = Redactor::new();
    // Oldest first, so that stand-ins stay stable when new revisions are exported later.
    for revision in revisions.iter().rev() {
        if let Some(plan) = revision.state.plan() {
            redactor.learn(plan);
        }
        if !revision.author.is_empty() {
            redactor.learn_author(&revision.author, &revision.email);
        }
    }
    for revision in revisions.iter_mut() {
        if !revision.author.is_empty() {
            revision.author = redactor.author(&revision.author);
        }
        revision.email = String::new();
        revision.message = redactor.prose(&revision.message);
        revision.state = match std::mem::replace(&mut revision.state, PlanState::Absent) {
            PlanState::Checked { plan, findings, .. } => {
                let shown = redactor.plan(&plan);
                revision.text = Some(Rc::new(canonical_text(&shown)?));
                let findings: Vec<Finding> = findings
                    .iter()
                    .filter(|f| !hidden_when_redacted(&f.code))
                    .map(|f| {
                        let mut f = f.clone();
                        f.message = redactor.prose(&f.message);
                        f.hint = f.hint.as_deref().map(|h| redactor.prose(h));
                        f.allowed = f.allowed.as_deref().map(|a| redactor.prose(a));
                        f
                    })
                    .collect();
                PlanState::Checked {
                    plan: Rc::new(shown),
                    summary: Summary::of(&findings),
                    findings: Rc::new(findings),
                }
            }
            PlanState::Unreadable { error } => PlanState::Unreadable {
                error: redactor.prose(&error),
            },
            PlanState::Absent => PlanState::Absent,
        };
    }
    Ok(())
}
