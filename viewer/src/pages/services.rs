//! Services: restart priority and recovery objectives, and the chain a service depends on:
//! service → systems → supplier → emergency contact.

use continuity_schema::analysis::SystemGraph;
use continuity_schema::model::{Supplier, SupplierContact};
use continuity_schema::references::Collection;
use continuity_schema::types::Duration;
use yew::prelude::*;

use super::{entity_heading, missing_entity};
use crate::components::backlinks::referenced_by;
use crate::components::badges;
use crate::components::fields::{
    body, field, head, links, links_field, list_field, opt_field, text_field,
};
use crate::components::links::{entity_link, mail_link, phone_link};
use crate::i18n::{self, Lang, Msg};
use crate::view::{PlanView, sorted_by_key};

fn duration(d: Option<Duration>) -> String {
    d.map_or_else(|| "—".to_owned(), |d| d.to_string())
}

pub fn service_list(lang: Lang, view: &PlanView) -> Html {
    let services = sorted_by_key(&view.plan.services, continuity_schema::model::restart_key);
    html! {
        <>
            <h1>{ Msg::Services.text(lang) }</h1>
            <table class="services">
                { head(&[Msg::Priority.text(lang), Msg::Name.text(lang), Msg::Criticality.text(lang), "RTO", "RPO", "MTD", "WRT", Msg::DependsOn.text(lang)]) }
                { body(lang, 8, services.into_iter().map(|s| html! { <tr>
                        <td class="num">{ s.priority.map_or_else(|| "—".to_owned(), |p| p.to_string()) }</td>
                        <th scope="row">{ entity_link(lang, view, Collection::Services, s.id.as_str(), None) }</th>
                        <td>{ badges::criticality(lang, s.criticality) }</td>
                        <td>{ duration(s.rto) }</td>
                        <td>{ duration(s.rpo) }</td>
                        <td>{ duration(s.mtd) }</td>
                        <td>{ duration(s.wrt) }</td>
                        <td>{ links(lang, view, Collection::Systems, s.depends_on.iter().map(|d| d.as_str())) }</td>
                    </tr> }).collect()) }
            </table>
        </>
    }
}

pub fn service_page(lang: Lang, view: &PlanView, id: &str) -> Html {
    let plan = &view.plan;
    let Some(service) = plan.services.iter().find(|s| s.id.as_str() == id) else {
        return missing_entity(lang, Collection::Services, id);
    };
    let graph = SystemGraph::new(plan);
    let roots = graph.service_roots(service);
    let beneath: Vec<&str> = graph
        .closure(&roots)
        .into_iter()
        .filter(|i| !roots.contains(i))
        .filter_map(|i| plan.systems.get(i).map(|s| s.id.as_str()))
        .collect();
    html! {
        <article>
            { entity_heading(lang, Collection::Services, &service.name) }
            <dl class="fields">
                { text_field(Msg::Description.text(lang), service.description.as_deref()) }
                { opt_field(Msg::Owner.text(lang), service.owner.as_ref(), |o| html! { { entity_link(lang, view, Collection::People, o.as_str(), None) } }) }
                { field(Msg::Criticality.text(lang), badges::criticality(lang, service.criticality)) }
                { field(Msg::Priority.text(lang), html! { { service.priority.map_or_else(|| "—".to_owned(), |p| p.to_string()) } }) }
                { field("RTO", html! { <span class="rto">{ duration(service.rto) }</span> }) }
                { field("RPO", html! { <span class="rpo">{ duration(service.rpo) }</span> }) }
                { field("MTD", html! { <span class="mtd">{ duration(service.mtd) }</span> }) }
                { field("WRT", html! { <span class="wrt">{ duration(service.wrt) }</span> }) }
                { text_field(Msg::ManualFallback.text(lang), service.manual_fallback.as_deref()) }
                { links_field(lang, view, Msg::AlternateLocations.text(lang), Collection::Locations, service.alternate_locations.iter().map(|l| l.as_str())) }
                { list_field(Msg::PeakPeriods.text(lang), &service.peak_periods) }
                { text_field(Msg::Impact.text(lang), service.impact.as_deref()) }
            </dl>
            <section aria-labelledby="depends-on">
                <h2 id="depends-on">{ Msg::DependsOn.text(lang) }</h2>
                <table>
                    { head(&[Msg::Systems.text(lang), Msg::Redundancy.text(lang), Msg::RecoveryTime.text(lang), Msg::Supplier.text(lang), Msg::EmergencyContact.text(lang)]) }
                    { body(lang, 5, service.depends_on.iter().map(|id| {
                            let system = plan.systems.iter().find(|s| s.id.as_str() == id.as_str());
                            let supplier = system
                                .and_then(|s| s.supplier.as_ref())
                                .and_then(|sup| plan.suppliers.iter().find(|x| x.id.as_str() == sup.as_str()));
                            html! { <tr>
                                <th scope="row">{ entity_link(lang, view, Collection::Systems, id.as_str(), None) }</th>
                                <td>{ system.map(|s| i18n::redundancy(lang, s.redundancy)).unwrap_or("—") }</td>
                                <td>{ system.and_then(|s| s.recovery.as_ref()).map_or_else(|| "—".to_owned(), |r| r.time.to_string()) }</td>
                                <td>if let Some(sup) = system.and_then(|s| s.supplier.as_ref()) {
                                    { entity_link(lang, view, Collection::Suppliers, sup.as_str(), None) }
                                }</td>
                                <td>if let Some(supplier) = supplier { { emergency_contacts(lang, supplier) } }</td>
                            </tr> }
                        }).collect()) }
                </table>
                if !beneath.is_empty() {
                    <h3>{ Msg::AllSystemsBeneath.text(lang) }</h3>
                    <p>{ links(lang, view, Collection::Systems, beneath) }</p>
                }
            </section>
            { referenced_by(lang, view, Collection::Services, id) }
        </article>
    }
}

/// A supplier's emergency contacts (those marked as such; else none).
pub fn emergency_contacts(lang: Lang, supplier: &Supplier) -> Html {
    let contacts: Vec<&SupplierContact> =
        supplier.contacts.iter().filter(|c| c.emergency).collect();
    html! {
        <ul class="contacts">
            { for contacts.into_iter().map(|c| contact(lang, c)) }
        </ul>
    }
}

/// One supplier contact: function, name, phone and e-mail links, availability.
pub fn contact(lang: Lang, c: &SupplierContact) -> Html {
    html! {
        <li>
            if c.emergency { <span class="badge sev-error">{ Msg::Emergency.text(lang) }</span>{ " " } }
            <span class="function">{ c.function.clone() }</span>
            if let Some(name) = &c.name { { " (" }{ name.clone() }{ ")" } }
            if let Some(phone) = &c.phone { { " " }{ phone_link(phone) } }
            if let Some(email) = &c.email { { " " }{ mail_link(email) } }
            { " · " }<span class="availability">{ i18n::availability(lang, c.availability) }</span>
        </li>
    }
}
