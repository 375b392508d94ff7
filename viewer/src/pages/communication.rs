//! The communication plan: audiences with channels and who speaks to them, and message
//! templates per scenario.

use continuity_schema::references::Collection;
use yew::prelude::*;

use super::team::IdProps;
use super::{entity_heading, missing_entity, use_view};
use crate::components::backlinks::ReferencedBy;
use crate::components::fields::{field, list_field, opt_field, prose, text_field};
use crate::components::links::EntityLink;
use crate::i18n::{self, Msg};

#[component]
pub fn CommunicationList() -> Html {
    let Some((lang, view)) = use_view() else {
        return Html::default();
    };
    let c = &view.plan.communication;
    html! {
        <>
            <h1>{ Msg::Communication.text(lang) }</h1>
            <section aria-labelledby="audiences">
                <h2 id="audiences">{ Msg::Audiences.text(lang) }</h2>
                <table>
                    <thead><tr>
                        <th scope="col">{ Msg::Name.text(lang) }</th>
                        <th scope="col">{ Msg::Kind.text(lang) }</th>
                        <th scope="col">{ Msg::Channels.text(lang) }</th>
                        <th scope="col">{ Msg::Responsible.text(lang) }</th>
                    </tr></thead>
                    <tbody>
                        { for c.audiences.iter().map(|a| html! { <tr>
                            <th scope="row"><EntityLink collection={Collection::Audiences} id={a.id.as_str().to_owned()} /></th>
                            <td>{ i18n::audience_kind(lang, a.kind) }</td>
                            <td>{ a.channels.join(", ") }</td>
                            <td><EntityLink collection={Collection::Roles} id={a.responsible.as_str().to_owned()} /></td>
                        </tr> }) }
                    </tbody>
                </table>
            </section>
            <section aria-labelledby="templates">
                <h2 id="templates">{ Msg::Templates.text(lang) }</h2>
                <table>
                    <thead><tr>
                        <th scope="col">{ Msg::Subject.text(lang) }</th>
                        <th scope="col">{ Msg::Audience.text(lang) }</th>
                        <th scope="col">{ Msg::Scenario.text(lang) }</th>
                        <th scope="col">{ Msg::Channel.text(lang) }</th>
                    </tr></thead>
                    <tbody>
                        { for c.templates.iter().map(|t| html! { <tr>
                            <th scope="row"><EntityLink collection={Collection::Templates} id={t.id.as_str().to_owned()} /></th>
                            <td><EntityLink collection={Collection::Audiences} id={t.audience.as_str().to_owned()} /></td>
                            <td>if let Some(s) = &t.scenario { <EntityLink collection={Collection::Scenarios} id={s.as_str().to_owned()} /> }</td>
                            <td>{ t.channel.clone().unwrap_or_default() }</td>
                        </tr> }) }
                    </tbody>
                </table>
            </section>
        </>
    }
}

#[component]
pub fn AudiencePage(props: &IdProps) -> Html {
    let Some((lang, view)) = use_view() else {
        return Html::default();
    };
    let Some(a) = view
        .plan
        .communication
        .audiences
        .iter()
        .find(|a| a.id.as_str() == props.id.as_str())
    else {
        return missing_entity(lang, Collection::Audiences, &props.id);
    };
    html! {
        <article>
            { entity_heading(lang, Collection::Audiences, &a.name) }
            <dl class="fields">
                { field(Msg::Kind.text(lang), html! { { i18n::audience_kind(lang, a.kind) } }) }
                { list_field(Msg::Channels.text(lang), &a.channels) }
                { field(Msg::Responsible.text(lang), html! { <EntityLink collection={Collection::Roles} id={a.responsible.as_str().to_owned()} /> }) }
                { text_field(Msg::Timing.text(lang), a.timing.as_deref()) }
            </dl>
            <ReferencedBy collection={Collection::Audiences} id={props.id.clone()} />
        </article>
    }
}

#[component]
pub fn TemplatePage(props: &IdProps) -> Html {
    let Some((lang, view)) = use_view() else {
        return Html::default();
    };
    let Some(t) = view
        .plan
        .communication
        .templates
        .iter()
        .find(|t| t.id.as_str() == props.id.as_str())
    else {
        return missing_entity(lang, Collection::Templates, &props.id);
    };
    html! {
        <article>
            { entity_heading(lang, Collection::Templates, &t.subject) }
            <dl class="fields">
                { field(Msg::Audience.text(lang), html! { <EntityLink collection={Collection::Audiences} id={t.audience.as_str().to_owned()} /> }) }
                { opt_field(Msg::Scenario.text(lang), t.scenario.as_ref(), |s| html! { <EntityLink collection={Collection::Scenarios} id={s.as_str().to_owned()} /> }) }
                { text_field(Msg::Channel.text(lang), t.channel.as_deref()) }
            </dl>
            <h2>{ Msg::Body.text(lang) }</h2>
            <blockquote class="template-body">{ prose(&t.body) }</blockquote>
        </article>
    }
}
