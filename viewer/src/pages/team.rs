//! Roles and people: who fills which crisis-team role, in which order, and how to reach them.

use continuity_schema::references::Collection;
use yew::prelude::*;

use super::{entity_heading, missing_entity, use_view};
use crate::components::backlinks::ReferencedBy;
use crate::components::contacts::RoleMembers;
use crate::components::fields::{field, links, text_field, text_list, yes_no};
use crate::components::links::{EntityLink, MailLink, PhoneLink};
use crate::i18n::{self, Msg};

#[component]
pub fn TeamList() -> Html {
    let Some((lang, view)) = use_view() else {
        return Html::default();
    };
    let plan = &view.plan;
    html! {
        <>
            <h1>{ Msg::Team.text(lang) }</h1>
            <section aria-labelledby="roles">
                <h2 id="roles">{ Msg::Roles.text(lang) }</h2>
                <table>
                    <thead><tr>
                        <th scope="col">{ Msg::Name.text(lang) }</th>
                        <th scope="col">{ Msg::InCrisisTeam.text(lang) }</th>
                        <th scope="col">{ Msg::Members.text(lang) }</th>
                    </tr></thead>
                    <tbody>
                        { for plan.roles.iter().map(|role| html! { <tr>
                            <th scope="row"><EntityLink collection={Collection::Roles} id={role.id.as_str().to_owned()} /></th>
                            <td>{ yes_no(lang, role.crisis_team) }</td>
                            <td>{ links(Collection::People, role.members.iter().map(|m| m.as_str())) }</td>
                        </tr> }) }
                    </tbody>
                </table>
            </section>
            <section aria-labelledby="people">
                <h2 id="people">{ Msg::People.text(lang) }</h2>
                <table>
                    <thead><tr>
                        <th scope="col">{ Msg::Name.text(lang) }</th>
                        <th scope="col">{ Msg::Function.text(lang) }</th>
                        <th scope="col">{ Msg::Phones.text(lang) }</th>
                        <th scope="col">{ Msg::Email.text(lang) }</th>
                    </tr></thead>
                    <tbody>
                        { for plan.people.iter().map(|p| html! { <tr>
                            <th scope="row"><EntityLink collection={Collection::People} id={p.id.as_str().to_owned()} /></th>
                            <td>{ p.function.clone() }</td>
                            <td><ul class="phones">{ for p.phones.iter().map(|ph| html! {
                                <li><PhoneLink phone={ph.number.clone()} />{ " " }<span class="phone-kind">{ i18n::phone_kind(lang, ph.kind) }</span></li>
                            }) }</ul></td>
                            <td>if let Some(e) = &p.email { <MailLink email={e.clone()} /> }</td>
                        </tr> }) }
                    </tbody>
                </table>
            </section>
        </>
    }
}

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct IdProps {
    pub id: AttrValue,
}

#[component]
pub fn PersonPage(props: &IdProps) -> Html {
    let Some((lang, view)) = use_view() else {
        return Html::default();
    };
    let Some(person) = view
        .plan
        .people
        .iter()
        .find(|p| p.id.as_str() == props.id.as_str())
    else {
        return missing_entity(lang, Collection::People, &props.id);
    };
    html! {
        <article>
            { entity_heading(lang, Collection::People, &person.name) }
            <dl class="fields">
                { field(Msg::Function.text(lang), html! { { person.function.clone() } }) }
                { text_field(Msg::Organisation.text(lang), person.organisation.as_deref()) }
                { field(Msg::Phones.text(lang), html! { <ul class="phones">{ for person.phones.iter().map(|ph| html! {
                    <li>
                        <PhoneLink phone={ph.number.clone()} />{ " " }<span class="phone-kind">{ i18n::phone_kind(lang, ph.kind) }</span>
                        if ph.after_hours { { " · " }<span class="after-hours">{ Msg::AfterHours.text(lang) }</span> }
                    </li>
                }) }</ul> }) }
                if let Some(e) = &person.email { { field(Msg::Email.text(lang), html! { <MailLink email={e.clone()} /> }) } }
            </dl>
            <ReferencedBy collection={Collection::People} id={props.id.clone()} />
        </article>
    }
}

#[component]
pub fn RolePage(props: &IdProps) -> Html {
    let Some((lang, view)) = use_view() else {
        return Html::default();
    };
    let Some(role) = view
        .plan
        .roles
        .iter()
        .find(|r| r.id.as_str() == props.id.as_str())
    else {
        return missing_entity(lang, Collection::Roles, &props.id);
    };
    html! {
        <article>
            { entity_heading(lang, Collection::Roles, &role.name) }
            <dl class="fields">
                { field(Msg::InCrisisTeam.text(lang), html! { { yes_no(lang, role.crisis_team) } }) }
                if !role.responsibilities.is_empty() {
                    { field(Msg::Responsibilities.text(lang), text_list(&role.responsibilities)) }
                }
            </dl>
            <h2>{ Msg::Members.text(lang) }</h2>
            <RoleMembers role={props.id.clone()} />
            <ReferencedBy collection={Collection::Roles} id={props.id.clone()} />
        </article>
    }
}
