//! Suppliers: what they provide, their (emergency) contacts, contract and SLA.

use continuity_schema::references::Collection;
use yew::prelude::*;

use super::services::{contact, emergency_contacts};
use super::{entity_heading, missing_entity};
use crate::components::backlinks::referenced_by;
use crate::components::fields::{body, field, head, opt_field, text_field};
use crate::components::links::entity_link;
use crate::i18n::{self, Lang, Msg};
use crate::view::PlanView;

pub fn supplier_list(lang: Lang, view: &PlanView) -> Html {
    html! {
        <>
            <h1>{ Msg::Suppliers.text(lang) }</h1>
            <table>
                { head(&[Msg::Name.text(lang), Msg::Provides.text(lang), Msg::EmergencyContact.text(lang)]) }
                { body(lang, 3, view.plan.suppliers.iter().map(|s| html! { <tr>
                        <th scope="row">{ entity_link(lang, view, Collection::Suppliers, s.id.as_str(), None) }</th>
                        <td>{ s.provides.clone().unwrap_or_default() }</td>
                        <td>{ emergency_contacts(lang, s) }</td>
                    </tr> }).collect()) }
            </table>
        </>
    }
}

pub fn supplier_page(lang: Lang, view: &PlanView, id: &str) -> Html {
    let Some(supplier) = view.plan.suppliers.iter().find(|s| s.id.as_str() == id) else {
        return missing_entity(lang, Collection::Suppliers, id);
    };
    html! {
        <article>
            { entity_heading(lang, Collection::Suppliers, &supplier.name) }
            <dl class="fields">
                { text_field(Msg::Provides.text(lang), supplier.provides.as_deref()) }
                { text_field(Msg::CustomerNumber.text(lang), supplier.customer_number.as_deref()) }
            </dl>
            <section aria-labelledby="contacts">
                <h2 id="contacts">{ Msg::Contacts.text(lang) }</h2>
                <ul class="contacts">
                    { for supplier.contacts.iter().map(|c| contact(lang, c)) }
                </ul>
            </section>
            if let Some(contract) = &supplier.contract {
                <section aria-labelledby="contract">
                    <h2 id="contract">{ Msg::Contract.text(lang) }</h2>
                    <dl class="fields">
                        { field(Msg::Reference.text(lang), html! { { contract.reference.clone() } }) }
                        { opt_field(Msg::EndDate.text(lang), contract.end_date, |d| html! { { d.to_string() } }) }
                        { opt_field(Msg::Sla.text(lang), contract.sla.as_ref(), |sla| html! { <span>
                            { i18n::availability(lang, sla.hours) }
                            if let Some(t) = sla.response_time { { " · " }{ Msg::ResponseTime.text(lang) }{ " " }{ t.to_string() } }
                            if let Some(t) = sla.recovery_time { { " · " }{ Msg::RecoveryTime.text(lang) }{ " " }{ t.to_string() } }
                        </span> }) }
                    </dl>
                </section>
            }
            { referenced_by(lang, view, Collection::Suppliers, id) }
        </article>
    }
}
