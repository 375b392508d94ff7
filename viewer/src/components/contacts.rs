//! People and how to reach them: a person with phone (`tel:`) and e-mail links, and a role's
//! members in order (primary first, then deputies), as the crisis team needs them.

use continuity_schema::references::Collection;
use yew::prelude::*;

use super::links::{entity_link, mail_link, phone_link};
use crate::i18n::{self, Lang, Msg};
use crate::view::PlanView;

/// A person's name (linked), function and every way to reach them.
pub fn person_contact(lang: Lang, view: &PlanView, id: &str) -> Html {
    let link = entity_link(lang, view, Collection::People, id, None);
    let Some(person) = view.plan.people.iter().find(|p| p.id.as_str() == id) else {
        return link;
    };
    html! {
        <span class="person">
            { link }
            <span class="function">{ " — " }{ person.function.clone() }</span>
            <ul class="phones">
                { for person.phones.iter().map(|phone| html! {
                    <li>
                        { phone_link(&phone.number) }
                        { " " }<span class="phone-kind">{ i18n::phone_kind(lang, phone.kind) }</span>
                        if phone.after_hours {
                            { " · " }<span class="after-hours">{ Msg::AfterHours.text(lang) }</span>
                        }
                    </li>
                }) }
                if let Some(email) = &person.email {
                    <li>{ mail_link(email) }</li>
                }
            </ul>
        </span>
    }
}

/// The members of a role in order: the primary, then the deputies, each with contacts.
pub fn role_members(lang: Lang, view: &PlanView, role: &str) -> Html {
    let Some(role) = view.plan.roles.iter().find(|r| r.id.as_str() == role) else {
        return entity_link(lang, view, Collection::Roles, role, None);
    };
    html! {
        <ol class="members">
            { for role.members.iter().enumerate().map(|(i, member)| html! {
                <li>
                    <span class="member-order">
                        { if i == 0 { Msg::Primary.text(lang) } else { Msg::Deputy.text(lang) } }
                    </span>
                    { " " }
                    { person_contact(lang, view, member.as_str()) }
                </li>
            }) }
        </ol>
    }
}
