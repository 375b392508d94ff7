//! Who holds a copy of the plan, in which form and of which version; copies older than the
//! current version are marked.

use continuity_schema::references::Collection;
use yew::prelude::*;

use super::team::IdProps;
use super::{entity_heading, missing_entity, use_view};
use crate::components::fields::{field, text_field};
use crate::components::links::EntityLink;
use crate::i18n::{self, Lang, Msg};

fn version(lang: Lang, copy: &str, current: &str) -> Html {
    if copy == current {
        html! { { copy.to_owned() } }
    } else {
        html! { <span>{ copy.to_owned() }{ " " }<span class="badge sev-warning">{ Msg::OutdatedCopy.text(lang) }</span></span> }
    }
}

#[component]
pub fn DistributionList() -> Html {
    let Some((lang, view)) = use_view() else {
        return Html::default();
    };
    let current = &view.plan.plan.version;
    html! {
        <>
            <h1>{ Msg::Distribution.text(lang) }</h1>
            <table>
                <thead><tr>
                    <th scope="col">{ Msg::Holder.text(lang) }</th>
                    <th scope="col">{ Msg::Form.text(lang) }</th>
                    <th scope="col">{ Msg::Version.text(lang) }</th>
                    <th scope="col">{ Msg::Date.text(lang) }</th>
                    <th scope="col">{ Msg::KeptAt.text(lang) }</th>
                </tr></thead>
                <tbody>
                    { for view.plan.distribution.iter().map(|c| html! { <tr>
                        <th scope="row"><EntityLink collection={Collection::People} id={c.holder.as_str().to_owned()} /></th>
                        <td><EntityLink collection={Collection::Distribution} id={c.id.as_str().to_owned()} text={i18n::copy_form(lang, c.form)} /></td>
                        <td>{ version(lang, &c.version, current) }</td>
                        <td>{ c.date.to_string() }</td>
                        <td>{ c.kept_at.clone().unwrap_or_default() }</td>
                    </tr> }) }
                </tbody>
            </table>
        </>
    }
}

#[component]
pub fn CopyPage(props: &IdProps) -> Html {
    let Some((lang, view)) = use_view() else {
        return Html::default();
    };
    let Some(c) = view
        .plan
        .distribution
        .iter()
        .find(|c| c.id.as_str() == props.id.as_str())
    else {
        return missing_entity(lang, Collection::Distribution, &props.id);
    };
    let name = view
        .label(Collection::Distribution, &props.id)
        .unwrap_or_default();
    html! {
        <article>
            { entity_heading(lang, Collection::Distribution, &name) }
            <dl class="fields">
                { field(Msg::Holder.text(lang), html! { <EntityLink collection={Collection::People} id={c.holder.as_str().to_owned()} /> }) }
                { field(Msg::Form.text(lang), html! { { i18n::copy_form(lang, c.form) } }) }
                { field(Msg::Version.text(lang), version(lang, &c.version, &view.plan.plan.version)) }
                { field(Msg::Date.text(lang), html! { { c.date.to_string() } }) }
                { text_field(Msg::KeptAt.text(lang), c.kept_at.as_deref()) }
            </dl>
        </article>
    }
}
