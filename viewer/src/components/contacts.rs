//! People and how to reach them: a person with phone (`tel:`) and e-mail links, and a role's
//! members in order (primary first, then deputies), as the crisis team needs them.

use continuity_schema::references::Collection;
use yew::prelude::*;

use super::links::{EntityLink, MailLink, PhoneLink};
use crate::app::Ctx;
use crate::i18n::{self, Lang, Msg};
use crate::view::PlanView;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct PersonProps {
    pub id: AttrValue,
}

/// A person's name (linked), function and every way to reach them.
#[component]
pub fn PersonContact(props: &PersonProps) -> Html {
    let lang = use_context::<Ctx>().map_or(Lang::default(), |c| c.lang);
    let view = use_context::<PlanView>();
    let person = view.as_ref().and_then(|v| {
        v.plan
            .people
            .iter()
            .find(|p| p.id.as_str() == props.id.as_str())
    });
    let Some(person) = person else {
        return html! { <EntityLink collection={Collection::People} id={props.id.clone()} /> };
    };
    html! {
        <span class="person">
            <EntityLink collection={Collection::People} id={props.id.clone()} />
            <span class="function">{ " — " }{ person.function.clone() }</span>
            <ul class="phones">
                { for person.phones.iter().map(|phone| html! {
                    <li>
                        <PhoneLink phone={phone.number.clone()} />
                        { " " }<span class="phone-kind">{ i18n::phone_kind(lang, phone.kind) }</span>
                        if phone.after_hours {
                            { " · " }<span class="after-hours">{ Msg::AfterHours.text(lang) }</span>
                        }
                    </li>
                }) }
                if let Some(email) = &person.email {
                    <li><MailLink email={email.clone()} /></li>
                }
            </ul>
        </span>
    }
}

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct RoleMembersProps {
    pub role: AttrValue,
}

/// The members of a role in order: the primary, then the deputies, each with contacts.
#[component]
pub fn RoleMembers(props: &RoleMembersProps) -> Html {
    let lang = use_context::<Ctx>().map_or(Lang::default(), |c| c.lang);
    let view = use_context::<PlanView>();
    let role = view.as_ref().and_then(|v| {
        v.plan
            .roles
            .iter()
            .find(|r| r.id.as_str() == props.role.as_str())
    });
    let Some(role) = role else {
        return html! { <EntityLink collection={Collection::Roles} id={props.role.clone()} /> };
    };
    html! {
        <ol class="members">
            { for role.members.iter().enumerate().map(|(i, member)| html! {
                <li>
                    <span class="member-order">
                        { if i == 0 { Msg::Primary.text(lang) } else { Msg::Deputy.text(lang) } }
                    </span>
                    { " " }
                    <PersonContact id={member.as_str().to_owned()} />
                </li>
            }) }
        </ol>
    }
}
