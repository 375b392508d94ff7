//! `continuity pr-comment`: decides how to keep one up-to-date pull-request comment with the
//! plan's semantic diff, from the comments GitHub already has (as `gh api` returns them).
//!
//! The decision is made here, offline and testable; the workflow performs it with `gh api`.
//! Comments are recognised by a hidden marker naming the plan, so each plan of a repository
//! gets its own comment, and the comment is edited in place on every push instead of piling up.

use std::path::PathBuf;

use anyhow::{Context as _, bail};
use serde::{Deserialize, Serialize};

use crate::{Outcome, print};

/// Decide whether to create, update or retire the pull-request comment with the plan's diff.
///
/// Prints a JSON list of operations for the workflow to perform with `gh api`:
/// `[{"op": "create", "body": …}]`, `[{"op": "update", "id": 42, "body": …}]`,
/// `[{"op": "delete", "id": 41}]` (duplicates), or `[]`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The pull request's comments as JSON (`gh api --paginate repos/O/R/issues/N/comments`;
    /// several concatenated pages are accepted).
    #[arg(long, value_name = "FILE")]
    pub comments: PathBuf,
    /// The Markdown diff (`continuity diff --format markdown BASE...HEAD`); omit it, or pass an
    /// empty file, when the pull request no longer changes the plan.
    #[arg(long, value_name = "FILE")]
    pub diff: Option<PathBuf>,
    /// The plan the comment is about (default: plan.json, or the only plans/*.json).
    #[arg(long, value_name = "PATH")]
    pub plan: Option<String>,
    /// Only comments by this account are considered ours.
    #[arg(long, value_name = "LOGIN", default_value = "github-actions[bot]")]
    pub author: String,
}

/// A comment as GitHub's REST API returns it (only the fields used).
#[derive(Debug, Clone, Deserialize)]
pub struct Comment {
    pub id: u64,
    #[serde(default)]
    pub body: Option<String>,
    #[serde(default)]
    pub user: Option<User>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct User {
    pub login: String,
}

/// One operation for the workflow to perform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Operation {
    Create { body: String },
    Update { id: u64, body: String },
    Delete { id: u64 },
}

/// The hidden marker that identifies our comment for `plan`.
pub fn marker(plan: &str) -> String {
    format!("<!-- continuity:plan-diff {plan} -->")
}

const OUTDATED: &str =
    "_This pull request no longer changes the plan; the earlier diff is hidden below._";

/// The comment body for a diff.
pub fn body(plan: &str, diff: &str) -> String {
    format!(
        "{}\n### Plan changes: `{plan}`\n\n{}",
        marker(plan),
        diff.trim_end()
    )
}

/// Decides what to do with the comments, given the new diff (`None`: no change any more).
pub fn plan_operations(
    comments: &[Comment],
    plan: &str,
    author: &str,
    diff: Option<&str>,
) -> Vec<Operation> {
    let marker = marker(plan);
    let mut ours: Vec<&Comment> = comments
        .iter()
        .filter(|c| c.user.as_ref().is_some_and(|u| u.login == author))
        .filter(|c| c.body.as_deref().is_some_and(|b| b.contains(&marker)))
        .collect();
    ours.sort_by_key(|c| c.id);
    // Keep the oldest (its place in the conversation is where reviewers expect it), delete
    // duplicates left by concurrent runs.
    let mut operations: Vec<Operation> = ours
        .iter()
        .skip(1)
        .map(|c| Operation::Delete { id: c.id })
        .collect();
    let existing = ours.first();
    let wanted = match (diff, existing) {
        (Some(diff), _) => Some(body(plan, diff)),
        (None, Some(comment)) => Some(outdated_body(
            plan,
            comment.body.as_deref().unwrap_or_default(),
        )),
        (None, None) => None,
    };
    match (wanted, existing) {
        (Some(body), Some(comment)) if comment.body.as_deref() != Some(body.as_str()) => {
            operations.insert(
                0,
                Operation::Update {
                    id: comment.id,
                    body,
                },
            );
        }
        (Some(body), None) => operations.insert(0, Operation::Create { body }),
        _ => {}
    }
    operations
}

/// The earlier comment, marked outdated with its diff folded away (kept for the record).
fn outdated_body(plan: &str, old: &str) -> String {
    if old.contains(OUTDATED) {
        return old.to_owned();
    }
    let previous = old.replacen(&marker(plan), "", 1);
    format!(
        "{}\n### Plan changes: `{plan}`\n\n{OUTDATED}\n\n<details><summary>Earlier diff</summary>\n\n{}\n\n</details>",
        marker(plan),
        previous.trim()
    )
}

/// Reads one or several concatenated JSON arrays (what `gh api --paginate` prints).
pub fn read_comments(text: &str) -> anyhow::Result<Vec<Comment>> {
    let mut comments = Vec::new();
    for page in serde_json::Deserializer::from_str(text).into_iter::<Vec<Comment>>() {
        comments.extend(page.context("the comments are not a JSON array of GitHub comments")?);
    }
    Ok(comments)
}

pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let text = std::fs::read_to_string(&args.comments)
        .with_context(|| format!("cannot read {}", args.comments.display()))?;
    let comments = read_comments(&text)?;
    let diff = match &args.diff {
        Some(path) => {
            let diff = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            (!diff.trim().is_empty()).then_some(diff)
        }
        None => None,
    };
    let plan = match &args.plan {
        Some(plan) => plan.clone(),
        None => match crate::files::default_plans()?.as_slice() {
            [one] => crate::files::display_path(one),
            _ => bail!("several plans: name one with --plan"),
        },
    };
    let operations = plan_operations(&comments, &plan, &args.author, diff.as_deref());
    let mut text = serde_json::to_string_pretty(&operations)?;
    text.push('\n');
    print(&text)?;
    Ok(Outcome::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment(id: u64, login: &str, body: &str) -> Comment {
        Comment {
            id,
            body: Some(body.into()),
            user: Some(User {
                login: login.into(),
            }),
        }
    }

    const BOT: &str = "github-actions[bot]";

    #[test]
    fn creates_when_there_is_none_and_updates_in_place_after() {
        let ops = plan_operations(
            &[comment(1, "alice", "LGTM")],
            "plan.json",
            BOT,
            Some("**1 service changed**"),
        );
        assert!(
            matches!(&ops[..], [Operation::Create { body }] if body.contains(&marker("plan.json")))
        );
        let ours = comment(7, BOT, &body("plan.json", "old"));
        let ops = plan_operations(std::slice::from_ref(&ours), "plan.json", BOT, Some("new"));
        assert_eq!(
            ops,
            [Operation::Update {
                id: 7,
                body: body("plan.json", "new")
            }]
        );
        assert!(
            plan_operations(
                &[comment(7, BOT, &body("plan.json", "new"))],
                "plan.json",
                BOT,
                Some("new")
            )
            .is_empty()
        );
    }

    #[test]
    fn ignores_other_plans_and_impostors_and_retires_when_unchanged() {
        let other = comment(3, BOT, &body("plans/b.json", "x"));
        let impostor = comment(4, "mallory", &body("plan.json", "x"));
        assert!(matches!(
            &plan_operations(&[other, impostor], "plan.json", BOT, Some("d"))[..],
            [Operation::Create { .. }]
        ));
        let ours = comment(9, BOT, &body("plan.json", "**RTO 4h → 1d**"));
        let ops = plan_operations(&[ours], "plan.json", BOT, None);
        let [Operation::Update { id: 9, body }] = &ops[..] else {
            panic!("{ops:?}")
        };
        assert!(body.contains(OUTDATED) && body.contains("RTO 4h → 1d"));
        // Retiring twice changes nothing.
        assert!(plan_operations(&[comment(9, BOT, body)], "plan.json", BOT, None).is_empty());
        assert!(plan_operations(&[], "plan.json", BOT, None).is_empty());
    }

    #[test]
    fn deletes_duplicates_keeping_the_oldest() {
        let ops = plan_operations(
            &[
                comment(12, BOT, &body("plan.json", "a")),
                comment(10, BOT, &body("plan.json", "a")),
            ],
            "plan.json",
            BOT,
            Some("b"),
        );
        assert_eq!(
            ops,
            [
                Operation::Update {
                    id: 10,
                    body: body("plan.json", "b")
                },
                Operation::Delete { id: 12 }
            ]
        );
    }

    #[test]
    fn reads_paginated_output() {
        let comments = read_comments(r#"[{"id": 1, "body": "a", "user": {"login": "x"}}][{"id": 2, "body": null, "user": null}]"#).expect("reads");
        assert_eq!(comments.len(), 2);
        assert!(read_comments("{\"message\": \"Not Found\"}").is_err());
    }
}
