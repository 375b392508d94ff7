//! Who holds a copy of the plan, in which form and of which version; copies older than the
//! current version are marked.

use continuity_schema::references::Collection;
use yew::prelude::*;

use super::{entity_heading, missing_entity};
use crate::components::fields::{body, field, head, text_field};
use crate::components::links::entity_link;
use crate::i18n::{self, Lang, Msg};
use crate::view::PlanView;

fn version(lang: Lang, copy: &str, current: &str) -> Html {
    if copy == current {
        html! { { copy.to_owned() } }
    } else {
        html! { <span>{ copy.to_owned() }{ " " }<span class="badge sev-warning">{ Msg::OutdatedCopy.text(lang) }</span></span> }
    }
}

pub fn distribution_list(lang: Lang, view: &PlanView) -> Html {
    let current = &view.plan.plan.version;
    html! {
        <>
            <h1>{ Msg::Distribution.text(lang) }</h1>
            <table>
                { head(&[Msg::Holder.text(lang), Msg::Form.text(lang), Msg::Version.text(lang), Msg::Date.text(lang), Msg::KeptAt.text(lang)]) }
                { body(lang, 5, view.plan.distribution.iter().map(|c| html! { <tr>
                        <th scope="row">{ entity_link(lang, view, Collection::People, c.holder.as_str(), None) }</th>
                        <td>{ entity_link(lang, view, Collection::Distribution, c.id.as_str(), Some(i18n::copy_form(lang, c.form))) }</td>
                        <td>{ version(lang, &c.version, current) }</td>
                        <td>{ c.date.to_string() }</td>
                        <td>{ c.kept_at.clone().unwrap_or_default() }</td>
                    </tr> }).collect()) }
            </table>
        </>
    }
}

pub fn copy_page(lang: Lang, view: &PlanView, id: &str) -> Html {
    let Some(c) = view.plan.distribution.iter().find(|c| c.id.as_str() == id) else {
        return missing_entity(lang, Collection::Distribution, id);
    };
    let name = view.label(Collection::Distribution, id).unwrap_or_default();
    html! {
        <article>
            { entity_heading(lang, Collection::Distribution, &name) }
            <dl class="fields">
                { field(Msg::Holder.text(lang), html! { { entity_link(lang, view, Collection::People, c.holder.as_str(), None) } }) }
                { field(Msg::Form.text(lang), html! { { i18n::copy_form(lang, c.form) } }) }
                { field(Msg::Version.text(lang), version(lang, &c.version, &view.plan.plan.version)) }
                { field(Msg::Date.text(lang), html! { { c.date.to_string() } }) }
                { text_field(Msg::KeptAt.text(lang), c.kept_at.as_deref()) }
            </dl>
        </article>
    }
}
