//! The communication plan: audiences with channels and who speaks to them, and message
//! templates per scenario.

use continuity_schema::references::Collection;
use yew::prelude::*;

use super::{entity_heading, missing_entity};
use crate::components::backlinks::referenced_by;
use crate::components::fields::{body, field, head, list_field, opt_field, prose, text_field};
use crate::components::links::entity_link;
use crate::i18n::{self, Lang, Msg};
use crate::view::PlanView;

pub fn communication_list(lang: Lang, view: &PlanView) -> Html {
    let c = &view.plan.communication;
    html! {
        <>
            <h1>{ Msg::Communication.text(lang) }</h1>
            <section aria-labelledby="audiences">
                <h2 id="audiences">{ Msg::Audiences.text(lang) }</h2>
                <table>
                    { head(&[Msg::Name.text(lang), Msg::Kind.text(lang), Msg::Channels.text(lang), Msg::Responsible.text(lang)]) }
                    { body(lang, 4, c.audiences.iter().map(|a| html! { <tr>
                            <th scope="row">{ entity_link(lang, view, Collection::Audiences, a.id.as_str(), None) }</th>
                            <td>{ i18n::audience_kind(lang, a.kind) }</td>
                            <td>{ a.channels.join(", ") }</td>
                            <td>{ entity_link(lang, view, Collection::Roles, a.responsible.as_str(), None) }</td>
                        </tr> }).collect()) }
                </table>
            </section>
            <section aria-labelledby="templates">
                <h2 id="templates">{ Msg::Templates.text(lang) }</h2>
                <table>
                    { head(&[Msg::Subject.text(lang), Msg::Audience.text(lang), Msg::Scenario.text(lang), Msg::Channel.text(lang)]) }
                    { body(lang, 4, c.templates.iter().map(|t| html! { <tr>
                            <th scope="row">{ entity_link(lang, view, Collection::Templates, t.id.as_str(), None) }</th>
                            <td>{ entity_link(lang, view, Collection::Audiences, t.audience.as_str(), None) }</td>
                            <td>if let Some(s) = &t.scenario { { entity_link(lang, view, Collection::Scenarios, s.as_str(), None) } }</td>
                            <td>{ t.channel.clone().unwrap_or_default() }</td>
                        </tr> }).collect()) }
                </table>
            </section>
        </>
    }
}

pub fn audience_page(lang: Lang, view: &PlanView, id: &str) -> Html {
    let Some(a) = view
        .plan
        .communication
        .audiences
        .iter()
        .find(|a| a.id.as_str() == id)
    else {
        return missing_entity(lang, Collection::Audiences, id);
    };
    html! {
        <article>
            { entity_heading(lang, Collection::Audiences, &a.name) }
            <dl class="fields">
                { field(Msg::Kind.text(lang), html! { { i18n::audience_kind(lang, a.kind) } }) }
                { list_field(Msg::Channels.text(lang), &a.channels) }
                { field(Msg::Responsible.text(lang), html! { { entity_link(lang, view, Collection::Roles, a.responsible.as_str(), None) } }) }
                { text_field(Msg::Timing.text(lang), a.timing.as_deref()) }
            </dl>
            { referenced_by(lang, view, Collection::Audiences, id) }
        </article>
    }
}

pub fn template_page(lang: Lang, view: &PlanView, id: &str) -> Html {
    let Some(t) = view
        .plan
        .communication
        .templates
        .iter()
        .find(|t| t.id.as_str() == id)
    else {
        return missing_entity(lang, Collection::Templates, id);
    };
    html! {
        <article>
            { entity_heading(lang, Collection::Templates, &t.subject) }
            <dl class="fields">
                { field(Msg::Audience.text(lang), html! { { entity_link(lang, view, Collection::Audiences, t.audience.as_str(), None) } }) }
                { opt_field(Msg::Scenario.text(lang), t.scenario.as_ref(), |s| html! { { entity_link(lang, view, Collection::Scenarios, s.as_str(), None) } }) }
                { text_field(Msg::Channel.text(lang), t.channel.as_deref()) }
            </dl>
            <h2>{ Msg::Body.text(lang) }</h2>
            <blockquote class="template-body">{ prose(&t.body) }</blockquote>
        </article>
    }
}
