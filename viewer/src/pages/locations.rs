//! Locations: primary and alternate sites, with capacity, minimal ICT, means of communication
//! and how to get in.

use continuity_schema::references::Collection;
use yew::prelude::*;

use super::{entity_heading, missing_entity};
use crate::components::backlinks::referenced_by;
use crate::components::fields::{body, field, head, list_field, opt_field, text_field};
use crate::components::links::{entity_link, web_link};
use crate::i18n::{self, Lang, Msg};
use crate::view::PlanView;

pub fn location_list(lang: Lang, view: &PlanView) -> Html {
    html! {
        <>
            <h1>{ Msg::Locations.text(lang) }</h1>
            <table>
                { head(&[Msg::Name.text(lang), Msg::Kind.text(lang), Msg::Address.text(lang), Msg::Capacity.text(lang), Msg::AvailableWithin.text(lang)]) }
                { body(lang, 5, view.plan.locations.iter().map(|l| html! { <tr>
                        <th scope="row">{ entity_link(lang, view, Collection::Locations, l.id.as_str(), None) }</th>
                        <td>{ i18n::location_kind(lang, l.kind) }</td>
                        <td>{ l.address.clone().unwrap_or_default() }</td>
                        <td class="num">{ l.capacity.map(|c| c.to_string()).unwrap_or_default() }</td>
                        <td>{ l.available_within.map(|d| d.to_string()).unwrap_or_default() }</td>
                    </tr> }).collect()) }
            </table>
        </>
    }
}

pub fn location_page(lang: Lang, view: &PlanView, id: &str) -> Html {
    let Some(l) = view.plan.locations.iter().find(|l| l.id.as_str() == id) else {
        return missing_entity(lang, Collection::Locations, id);
    };
    html! {
        <article>
            { entity_heading(lang, Collection::Locations, &l.name) }
            <dl class="fields">
                { field(Msg::Kind.text(lang), html! { { i18n::location_kind(lang, l.kind) } }) }
                { text_field(Msg::Address.text(lang), l.address.as_deref()) }
                { opt_field(Msg::Capacity.text(lang), l.capacity, |c| html! { { c } }) }
                { opt_field(Msg::AvailableWithin.text(lang), l.available_within, |d| html! { { d.to_string() } }) }
                { list_field(Msg::MinimalIct.text(lang), &l.ict) }
                { list_field(Msg::CommunicationMeans.text(lang), &l.communication) }
                { text_field(Msg::Access.text(lang), l.access.as_deref()) }
                { opt_field(Msg::Contact.text(lang), l.contact.as_ref(), |c| html! { { entity_link(lang, view, Collection::People, c.as_str(), None) } }) }
                { opt_field(Msg::Map.text(lang), l.map.as_ref(), |m| html! { { web_link(m.as_str(), None) } }) }
            </dl>
            { referenced_by(lang, view, Collection::Locations, id) }
        </article>
    }
}
