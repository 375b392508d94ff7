//! Roles and people: who fills which crisis-team role, in which order, and how to reach them.

use continuity_schema::references::Collection;
use yew::prelude::*;

use super::{entity_heading, missing_entity};
use crate::components::backlinks::referenced_by;
use crate::components::contacts::role_members;
use crate::components::fields::{body, field, head, links, text_field, text_list, yes_no};
use crate::components::links::{entity_link, mail_link, phone_link};
use crate::i18n::{self, Lang, Msg};
use crate::view::PlanView;

pub fn team_list(lang: Lang, view: &PlanView) -> Html {
    let plan = &view.plan;
    html! {
        <>
            <h1>{ Msg::Team.text(lang) }</h1>
            <section aria-labelledby="roles">
                <h2 id="roles">{ Msg::Roles.text(lang) }</h2>
                <table>
                    { head(&[Msg::Name.text(lang), Msg::InCrisisTeam.text(lang), Msg::Members.text(lang)]) }
                    { body(lang, 3, plan.roles.iter().map(|role| html! { <tr>
                            <th scope="row">{ entity_link(lang, view, Collection::Roles, role.id.as_str(), None) }</th>
                            <td>{ yes_no(lang, role.crisis_team) }</td>
                            <td>{ links(lang, view, Collection::People, role.members.iter().map(|m| m.as_str())) }</td>
                        </tr> }).collect()) }
                </table>
            </section>
            <section aria-labelledby="people">
                <h2 id="people">{ Msg::People.text(lang) }</h2>
                <table>
                    { head(&[Msg::Name.text(lang), Msg::Function.text(lang), Msg::Phones.text(lang), Msg::Email.text(lang)]) }
                    { body(lang, 4, plan.people.iter().map(|p| html! { <tr>
                            <th scope="row">{ entity_link(lang, view, Collection::People, p.id.as_str(), None) }</th>
                            <td>{ p.function.clone() }</td>
                            <td><ul class="phones">{ for p.phones.iter().map(|ph| html! {
                                <li>{ phone_link(&ph.number) }{ " " }<span class="phone-kind">{ i18n::phone_kind(lang, ph.kind) }</span></li>
                            }) }</ul></td>
                            <td>if let Some(e) = &p.email { { mail_link(e) } }</td>
                        </tr> }).collect()) }
                </table>
            </section>
        </>
    }
}

pub fn person_page(lang: Lang, view: &PlanView, id: &str) -> Html {
    let Some(person) = view.plan.people.iter().find(|p| p.id.as_str() == id) else {
        return missing_entity(lang, Collection::People, id);
    };
    html! {
        <article>
            { entity_heading(lang, Collection::People, &person.name) }
            <dl class="fields">
                { field(Msg::Function.text(lang), html! { { person.function.clone() } }) }
                { text_field(Msg::Organisation.text(lang), person.organisation.as_deref()) }
                { field(Msg::Phones.text(lang), html! { <ul class="phones">{ for person.phones.iter().map(|ph| html! {
                    <li>
                        { phone_link(&ph.number) }{ " " }<span class="phone-kind">{ i18n::phone_kind(lang, ph.kind) }</span>
                        if ph.after_hours { { " · " }<span class="after-hours">{ Msg::AfterHours.text(lang) }</span> }
                    </li>
                }) }</ul> }) }
                if let Some(e) = &person.email { { field(Msg::Email.text(lang), html! { { mail_link(e) } }) } }
            </dl>
            { referenced_by(lang, view, Collection::People, id) }
        </article>
    }
}

pub fn role_page(lang: Lang, view: &PlanView, id: &str) -> Html {
    let Some(role) = view.plan.roles.iter().find(|r| r.id.as_str() == id) else {
        return missing_entity(lang, Collection::Roles, id);
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
            { role_members(lang, view, id) }
            { referenced_by(lang, view, Collection::Roles, id) }
        </article>
    }
}
