//! Small coloured labels: severities, criticality, overdue dates, significant changes. The
//! colour is never the only signal: every badge carries its word.

use continuity_schema::diff::Tone;
use continuity_schema::finding::Severity;
use continuity_schema::model::Criticality;
use continuity_schema::types::Date;
use yew::prelude::*;

use crate::i18n::{self, Lang, Msg};

pub fn severity(lang: Lang, s: Severity) -> Html {
    let class = match s {
        Severity::Error => "badge sev-error",
        Severity::Warning => "badge sev-warning",
        Severity::Info => "badge sev-info",
    };
    html! { <span class={class}>{ i18n::severity(lang, s) }</span> }
}

pub fn criticality(lang: Lang, c: Criticality) -> Html {
    let class = match c {
        Criticality::Critical => "badge crit-critical",
        Criticality::High => "badge crit-high",
        Criticality::Medium => "badge crit-medium",
        Criticality::Low => "badge crit-low",
    };
    html! { <span class={class}>{ i18n::criticality(lang, c) }</span> }
}

pub fn tone(text: &str, tone: Tone) -> Html {
    html! { <span class={classes!("badge", i18n::tone_class(tone))}>{ text.to_owned() }</span> }
}

/// A date, marked when it lies before `today`.
pub fn due(lang: Lang, date: Date, today: Date) -> Html {
    if date < today {
        html! {
            <span class="overdue">{ date.to_string() }{ " " }
                <span class="badge sev-error">{ Msg::Overdue.text(lang) }</span>
            </span>
        }
    } else {
        html! { <span>{ date.to_string() }</span> }
    }
}

/// Finding counts, as coloured words.
pub fn counts(
    lang: Lang,
    (errors, warnings, infos, allowed): (usize, usize, usize, usize),
) -> Html {
    let class = if errors > 0 {
        "counts sev-error"
    } else if warnings > 0 {
        "counts sev-warning"
    } else {
        "counts ok"
    };
    html! { <span class={class}>{ i18n::counts(lang, errors, warnings, infos, allowed) }</span> }
}
