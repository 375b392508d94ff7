//! Small building blocks for entity pages: labelled fields, lists and paragraphs of plan text
//! (always text nodes, never markup).

use continuity_schema::references::Collection;
use yew::prelude::*;

use super::links::entity_link;
use crate::i18n::{Lang, Msg};
use crate::view::PlanView;

/// A table body with the given rows, or one row saying there are none, so that an empty
/// section of a new plan reads as such rather than as bare column headings.
pub fn body(lang: Lang, columns: usize, rows: Vec<Html>) -> Html {
    if rows.is_empty() {
        html! { <tbody><tr><td class="none" colspan={columns.to_string()}>{ Msg::NoneRecorded.text(lang) }</td></tr></tbody> }
    } else {
        html! { <tbody>{ for rows }</tbody> }
    }
}

/// One labelled value of a definition list (`<dt>`/`<dd>`).
pub fn field(label: &str, value: Html) -> Html {
    html! { <><dt>{ label.to_owned() }</dt><dd>{ value }</dd></> }
}

/// A labelled text, or nothing when absent.
pub fn text_field(label: &str, value: Option<&str>) -> Html {
    match value {
        Some(text) => field(
            label,
            html! { <span class="prose">{ text.to_owned() }</span> },
        ),
        None => Html::default(),
    }
}

/// A labelled value, or nothing when absent.
pub fn opt_field<T>(label: &str, value: Option<T>, show: impl FnOnce(T) -> Html) -> Html {
    value.map_or_else(Html::default, |v| field(label, show(v)))
}

/// A bulleted list of plan texts.
pub fn text_list(items: &[String]) -> Html {
    html! { <ul class="texts">{ for items.iter().map(|t| html! { <li>{ t.clone() }</li> }) }</ul> }
}

/// A labelled list of texts, or nothing when empty.
pub fn list_field(label: &str, items: &[String]) -> Html {
    if items.is_empty() {
        Html::default()
    } else {
        field(label, text_list(items))
    }
}

/// Links to entities of one collection, separated by commas.
pub fn links<'a>(
    lang: Lang,
    view: &PlanView,
    collection: Collection,
    ids: impl IntoIterator<Item = &'a str>,
) -> Html {
    // One body for every kind of id list: the generic part is only the collecting.
    links_of(lang, view, collection, &ids.into_iter().collect::<Vec<_>>())
}

fn links_of(lang: Lang, view: &PlanView, collection: Collection, ids: &[&str]) -> Html {
    let mut out: Vec<Html> = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            out.push(html! { { ", " } });
        }
        out.push(entity_link(lang, view, collection, id, None));
    }
    html! { <>{ for out }</> }
}

/// A labelled list of entity links, or nothing when empty.
pub fn links_field<'a>(
    lang: Lang,
    view: &PlanView,
    label: &str,
    collection: Collection,
    ids: impl IntoIterator<Item = &'a str>,
) -> Html {
    let ids: Vec<&str> = ids.into_iter().collect();
    if ids.is_empty() {
        Html::default()
    } else {
        field(label, links_of(lang, view, collection, &ids))
    }
}

pub fn yes_no(lang: Lang, value: bool) -> &'static str {
    if value {
        Msg::Yes.text(lang)
    } else {
        Msg::No.text(lang)
    }
}

/// A paragraph of plan text; line breaks in the text are kept by the stylesheet.
pub fn prose(text: &str) -> Html {
    html! { <p class="prose">{ text.to_owned() }</p> }
}

/// A table's head: one column header per label.
pub fn head(labels: &[&str]) -> Html {
    html! {
        <thead><tr>
            { for labels.iter().map(|label| html! { <th scope="col">{ (*label).to_owned() }</th> }) }
        </tr></thead>
    }
}
