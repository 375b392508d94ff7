//! A diff between two revisions, grouped by section, with significant changes highlighted by
//! their tone (worse, better, needs attention) and introduced or fixed findings listed.

use continuity_schema::diff::{Change, Diff, FindingsDelta, Op, Section, Summary, value_text};
use yew::prelude::*;

use super::badges;
use super::fields::head;
use crate::app::{PlanPage, Route};
use crate::i18n::{self, Lang, Msg};

/// The diff from revision `from` to `to` (ids in links: removed entities link to the older
/// revision, the rest to the newer), with the findings it introduced or fixed when given.
pub fn diff_view(
    lang: Lang,
    diff: &Diff,
    from: &str,
    to: &str,
    findings: Option<&FindingsDelta>,
) -> Html {
    if diff.is_empty() {
        return html! { <p class="no-changes">{ Msg::NoChanges.text(lang) }</p> };
    }
    let summary = Summary::of(diff);
    let significant = (!summary.impacts.is_empty()).then(|| {
        html! {
            <section class="significant" aria-labelledby="significant">
                <h3 id="significant">{ Msg::SignificantChanges.text(lang) }</h3>
                <ul class="impacts">
                    { for summary.impacts.iter().map(|count| html! {
                        <li>{ badges::tone(&format!("{} × {}", count.count, i18n::impact(lang, count.impact)), count.impact.tone()) }</li>
                    }) }
                </ul>
            </section>
        }
    });
    let sections = Section::all().into_iter().filter_map(|section| {
        let changes: Vec<&Change> = diff.changes.iter().filter(|c| c.section == section).collect();
        if changes.is_empty() {
            return None;
        }
        let id = format!("diff-{}", section.name().replace('.', "-"));
        Some(html! {
            <section class="diff-section" aria-labelledby={id.clone()}>
                <h3 id={id}>{ i18n::section(lang, section) }{ " " }<span class="count">{ format!("({})", changes.len()) }</span></h3>
                <table class="diff">
                    { head(&[lang.pick("Wat", "What"), lang.pick("Veld", "Field"), Msg::Changes.text(lang), Msg::Impact.text(lang)]) }
                    <tbody>{ for changes.into_iter().map(|c| change_row(lang, c, from, to)) }</tbody>
                </table>
            </section>
        })
    });
    html! {
        <div class="diff-view">
            { for significant }
            { for sections }
            if let Some(delta) = findings {
                { findings_delta(lang, delta) }
            }
        </div>
    }
}

fn change_row(lang: Lang, change: &Change, from: &str, to: &str) -> Html {
    let tone = change.impacts.iter().map(|i| i.tone()).next();
    let class = classes!("change", tone.map(i18n::tone_class));
    let removed = matches!(change.op, Op::Remove { .. });
    let subject = match (change.section.collection(), &change.entity) {
        (Some(collection), Some(entity)) => {
            let at = if removed { from } else { to };
            let route = Route::Plan {
                at: Some(at.to_owned()),
                page: PlanPage::Entity(collection, entity.id.clone()),
            };
            html! { <a href={route.href()}>{ change.subject_label() }</a> }
        }
        _ => html! { { change.subject_label() } },
    };
    html! {
        <tr class={class}>
            <td>{ subject }</td>
            <td><code>{ change.field_label() }</code></td>
            <td>{ what(lang, change) }</td>
            <td>{ for change.impacts.iter().map(|i| badges::tone(i18n::impact(lang, *i), i.tone())) }</td>
        </tr>
    }
}

/// What happened, in the visitor's language; values shown as text.
fn what(lang: Lang, change: &Change) -> Html {
    let whole = change.section.entity_depth() == Some(change.path.segments().len());
    match &change.op {
        Op::Set {
            old: Some(old),
            new: Some(new),
        } => html! {
            <><del>{ value_text(old) }</del>{ " → " }<ins>{ value_text(new) }</ins></>
        },
        Op::Set {
            old: None,
            new: Some(new),
        } => html! { <>{ Msg::SetTo.text(lang) }{ " " }<ins>{ value_text(new) }</ins></> },
        Op::Set {
            old: Some(old),
            new: None,
        } => html! { <><del>{ value_text(old) }</del>{ " " }{ Msg::Removed.text(lang) }</> },
        Op::Set {
            old: None,
            new: None,
        } => Html::default(),
        Op::Add { value, .. } if !whole => {
            html! { <>{ Msg::Added.text(lang) }{ ": " }<ins>{ value_text(value) }</ins></> }
        }
        Op::Add { .. } => html! { <ins>{ Msg::Added.text(lang) }</ins> },
        Op::Remove { .. } => html! { <del>{ Msg::Removed.text(lang) }</del> },
        Op::Move {
            after: Some(after), ..
        } => html! { <>{ Msg::MovedAfter.text(lang) }{ " " }<code>{ after.clone() }</code></> },
        Op::Move { after: None, .. } => html! { { Msg::MovedFirst.text(lang) } },
        Op::Ids(delta) => {
            let mut parts: Vec<Html> = Vec::new();
            if let Some(first) = &delta.first {
                let name = |id: &Option<String>| {
                    id.clone()
                        .unwrap_or_else(|| Msg::Nobody.text(lang).to_owned())
                };
                parts.push(html! {
                    <span>{ Msg::PrimaryChanged.text(lang) }{ ": " }<del>{ name(&first.old) }</del>{ " → " }<ins>{ name(&first.new) }</ins></span>
                });
            }
            for added in &delta.added {
                parts.push(html! { <ins>{ format!("+ {}", added.id) }</ins> });
            }
            for removed in &delta.removed {
                parts.push(html! { <del>{ format!("− {removed}") }</del> });
            }
            for moved in &delta.moved {
                parts.push(html! { <span>{ format!("{} {} {}", moved.id, Msg::Moved.text(lang), moved.to + 1) }</span> });
            }
            html! { <ul class="ids">{ for parts.into_iter().map(|p| html! { <li>{ p }</li> }) }</ul> }
        }
    }
}

fn findings_delta(lang: Lang, delta: &FindingsDelta) -> Html {
    if delta.is_empty() {
        return Html::default();
    }
    let list = |items: &[continuity_schema::diff::FindingChange]| {
        html! {
            <ul class="finding-changes">
                { for items.iter().map(|f| html! {
                    <li>
                        { badges::severity(lang, f.severity) }{ " " }<code>{ f.code.clone() }</code>
                        if let Some(subject) = &f.subject { { " " }<span class="subject">{ subject.clone() }</span> }
                        { ": " }{ f.message.clone() }
                    </li>
                }) }
            </ul>
        }
    };
    html! {
        <section class="findings-delta" aria-labelledby="findings-delta">
            <h3 id="findings-delta">{ Msg::Findings.text(lang) }</h3>
            if !delta.introduced.is_empty() {
                <h4>{ Msg::FindingsIntroduced.text(lang) }</h4>
                { list(&delta.introduced) }
            }
            if !delta.fixed.is_empty() {
                <h4>{ Msg::FindingsFixed.text(lang) }</h4>
                { list(&delta.fixed) }
            }
        </section>
    }
}
