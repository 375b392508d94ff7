//! The findings of the revision shown, as the exporter recorded them with the same rules as
//! `continuity validate`, each linked to the entity it concerns.

use continuity_schema::diff::RecordedFinding;
use continuity_schema::finding::Severity;
use continuity_schema::references::Collection;
use yew::prelude::*;

use crate::components::badges;
use crate::components::status::error_box;
use crate::i18n::{Lang, Msg};
use crate::view::{PlanView, sorted_by_key};

pub fn findings(lang: Lang, view: &PlanView) -> Html {
    if let Some(error) = &view.findings_error {
        return html! {
            <>
                <h1>{ Msg::Findings.text(lang) }</h1>
                { error_box(lang, error) }
            </>
        };
    }
    let findings = sorted_by_key(&view.findings, |f| (f.allowed.is_some(), f.severity));
    html! {
        <>
            <h1>{ Msg::Findings.text(lang) }</h1>
            <p class="as-of">{ Msg::FindingsAsOf.text(lang) }{ " " }<strong>{ view.today.to_string() }</strong>
                { ": " }{ badges::counts(lang, view.counts()) }</p>
            if view.redacted {
                <p class="notice" role="note">{ Msg::RedactedFindings.text(lang) }</p>
            }
            if findings.is_empty() {
                <p>{ Msg::NoFindings.text(lang) }</p>
            } else {
                <ul class="findings">{ for findings.into_iter().map(|f| finding(lang, view, f)) }</ul>
            }
        </>
    }
}

fn finding(lang: Lang, view: &PlanView, f: &RecordedFinding) -> Html {
    let subject = f.subject.as_ref().map(|s| {
        let text = format!("{}/{}", s.collection, s.id);
        match Collection::from_name(&s.collection) {
            Some(c) if view.label(c, &s.id).is_some() => {
                html! { <a class="subject" href={view.entity_href(c, &s.id)}>{ text }</a> }
            }
            _ => html! { <span class="subject">{ text }</span> },
        }
    });
    let class = match (f.allowed.is_some(), f.severity) {
        (true, _) => "finding allowed",
        (false, Severity::Error) => "finding sev-error",
        (false, Severity::Warning) => "finding sev-warning",
        (false, Severity::Info) => "finding sev-info",
    };
    html! {
        <li class={class}>
            <p>
                { badges::severity(lang, f.severity) }{ " " }<code class="code">{ f.code.clone() }</code>
                if let Some(subject) = subject { { " " }{ subject } }
            </p>
            <p class="message">{ f.message.clone() }</p>
            if let Some(hint) = &f.hint { <p class="hint"><strong>{ Msg::Hint.text(lang) }{ ": " }</strong>{ hint.clone() }</p> }
            if let Some(reason) = &f.allowed { <p class="allowed"><strong>{ Msg::AllowedBecause.text(lang) }{ ": " }</strong>{ reason.clone() }</p> }
        </li>
    }
}
