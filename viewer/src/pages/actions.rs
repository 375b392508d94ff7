//! Follow-up actions from exercises, audits and incidents: owner, due date and status, with
//! overdue ones marked.

use continuity_schema::references::Collection;
use yew::prelude::*;

use super::{entity_heading, missing_entity};
use crate::components::badges;
use crate::components::fields::{body, field, head, opt_field, text_field};
use crate::components::links::entity_link;
use crate::i18n::{self, Lang, Msg};
use crate::view::{PlanView, sorted_by_key};

pub fn action_list(lang: Lang, view: &PlanView) -> Html {
    // Open work first, soonest due first: what needs doing.
    let actions = sorted_by_key(&view.plan.actions, |a| {
        (!a.status.is_pending(), a.due.is_none(), a.due)
    });
    html! {
        <>
            <h1>{ Msg::Actions.text(lang) }</h1>
            <table>
                { head(&[Msg::Title.text(lang), Msg::Origin.text(lang), Msg::Owner.text(lang), Msg::Due.text(lang), Msg::Status.text(lang)]) }
                { body(lang, 5, actions.into_iter().map(|a| html! { <tr>
                        <th scope="row">{ entity_link(lang, view, Collection::Actions, a.id.as_str(), None) }</th>
                        <td>{ i18n::action_origin(lang, a.origin) }</td>
                        <td>{ entity_link(lang, view, Collection::People, a.owner.as_str(), None) }</td>
                        <td>{ match (a.due, a.status.is_pending()) {
                            (Some(d), true) => badges::due(lang, d, view.today),
                            (Some(d), false) => html! { { d.to_string() } },
                            (None, _) => Html::default(),
                        } }</td>
                        <td>{ i18n::action_status(lang, a.status) }</td>
                    </tr> }).collect()) }
            </table>
        </>
    }
}

pub fn action_page(lang: Lang, view: &PlanView, id: &str) -> Html {
    let Some(a) = view.plan.actions.iter().find(|a| a.id.as_str() == id) else {
        return missing_entity(lang, Collection::Actions, id);
    };
    html! {
        <article>
            { entity_heading(lang, Collection::Actions, &a.title) }
            <dl class="fields">
                { field(Msg::Origin.text(lang), html! { { i18n::action_origin(lang, a.origin) } }) }
                { opt_field(Msg::Exercise.text(lang), a.exercise.as_ref(), |e| html! { { entity_link(lang, view, Collection::Exercises, e.as_str(), None) } }) }
                { opt_field(Msg::Incident.text(lang), a.incident.as_ref(), |i| html! { { entity_link(lang, view, Collection::Incidents, i.as_str(), None) } }) }
                { text_field(Msg::Reference.text(lang), a.reference.as_deref()) }
                { field(Msg::Owner.text(lang), html! { { entity_link(lang, view, Collection::People, a.owner.as_str(), None) } }) }
                { opt_field(Msg::Due.text(lang), a.due, |d| if a.status.is_pending() { badges::due(lang, d, view.today) } else { html! { { d.to_string() } } }) }
                { field(Msg::Status.text(lang), html! { { i18n::action_status(lang, a.status) } }) }
                { opt_field(Msg::Completed.text(lang), a.completed, |d| html! { { d.to_string() } }) }
            </dl>
        </article>
    }
}
