//! Services: restart priority and recovery objectives, and the chain a service depends on:
//! service → systems → supplier → emergency contact.

use continuity_schema::analysis::SystemGraph;
use continuity_schema::model::{Supplier, SupplierContact};
use continuity_schema::references::Collection;
use continuity_schema::types::Duration;
use yew::prelude::*;

use super::team::IdProps;
use super::{entity_heading, missing_entity, use_view};
use crate::components::backlinks::ReferencedBy;
use crate::components::badges;
use crate::components::fields::{field, links, links_field, list_field, opt_field, text_field};
use crate::components::links::{EntityLink, MailLink, PhoneLink};
use crate::i18n::{self, Lang, Msg};

fn duration(d: Option<Duration>) -> String {
    d.map_or_else(|| "—".to_owned(), |d| d.to_string())
}

#[component]
pub fn ServiceList() -> Html {
    let Some((lang, view)) = use_view() else {
        return Html::default();
    };
    let mut services: Vec<_> = view.plan.services.iter().collect();
    services.sort_by_key(|s| (s.priority.is_none(), s.priority));
    html! {
        <>
            <h1>{ Msg::Services.text(lang) }</h1>
            <table class="services">
                <thead><tr>
                    <th scope="col">{ Msg::Priority.text(lang) }</th>
                    <th scope="col">{ Msg::Name.text(lang) }</th>
                    <th scope="col">{ Msg::Criticality.text(lang) }</th>
                    <th scope="col">{ "RTO" }</th>
                    <th scope="col">{ "RPO" }</th>
                    <th scope="col">{ "MTD" }</th>
                    <th scope="col">{ "WRT" }</th>
                    <th scope="col">{ Msg::DependsOn.text(lang) }</th>
                </tr></thead>
                <tbody>
                    { for services.into_iter().map(|s| html! { <tr>
                        <td class="num">{ s.priority.map_or_else(|| "—".to_owned(), |p| p.to_string()) }</td>
                        <th scope="row"><EntityLink collection={Collection::Services} id={s.id.as_str().to_owned()} /></th>
                        <td>{ badges::criticality(lang, s.criticality) }</td>
                        <td>{ duration(s.rto) }</td>
                        <td>{ duration(s.rpo) }</td>
                        <td>{ duration(s.mtd) }</td>
                        <td>{ duration(s.wrt) }</td>
                        <td>{ links(Collection::Systems, s.depends_on.iter().map(|d| d.as_str())) }</td>
                    </tr> }) }
                </tbody>
            </table>
        </>
    }
}

#[component]
pub fn ServicePage(props: &IdProps) -> Html {
    let Some((lang, view)) = use_view() else {
        return Html::default();
    };
    let plan = &view.plan;
    let Some(service) = plan
        .services
        .iter()
        .find(|s| s.id.as_str() == props.id.as_str())
    else {
        return missing_entity(lang, Collection::Services, &props.id);
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
                { opt_field(Msg::Owner.text(lang), service.owner.as_ref(), |o| html! { <EntityLink collection={Collection::People} id={o.as_str().to_owned()} /> }) }
                { field(Msg::Criticality.text(lang), badges::criticality(lang, service.criticality)) }
                { field(Msg::Priority.text(lang), html! { { service.priority.map_or_else(|| "—".to_owned(), |p| p.to_string()) } }) }
                { field("RTO", html! { <span class="rto">{ duration(service.rto) }</span> }) }
                { field("RPO", html! { <span class="rpo">{ duration(service.rpo) }</span> }) }
                { field("MTD", html! { <span class="mtd">{ duration(service.mtd) }</span> }) }
                { field("WRT", html! { <span class="wrt">{ duration(service.wrt) }</span> }) }
                { text_field(Msg::ManualFallback.text(lang), service.manual_fallback.as_deref()) }
                { links_field(Msg::AlternateLocations.text(lang), Collection::Locations, service.alternate_locations.iter().map(|l| l.as_str())) }
                { list_field(Msg::PeakPeriods.text(lang), &service.peak_periods) }
                { text_field(Msg::Impact.text(lang), service.impact.as_deref()) }
            </dl>
            <section aria-labelledby="depends-on">
                <h2 id="depends-on">{ Msg::DependsOn.text(lang) }</h2>
                <table>
                    <thead><tr>
                        <th scope="col">{ Msg::Systems.text(lang) }</th>
                        <th scope="col">{ Msg::Redundancy.text(lang) }</th>
                        <th scope="col">{ Msg::RecoveryTime.text(lang) }</th>
                        <th scope="col">{ Msg::Supplier.text(lang) }</th>
                        <th scope="col">{ Msg::EmergencyContact.text(lang) }</th>
                    </tr></thead>
                    <tbody>
                        { for service.depends_on.iter().map(|id| {
                            let system = plan.systems.iter().find(|s| s.id.as_str() == id.as_str());
                            let supplier = system
                                .and_then(|s| s.supplier.as_ref())
                                .and_then(|sup| plan.suppliers.iter().find(|x| x.id.as_str() == sup.as_str()));
                            html! { <tr>
                                <th scope="row"><EntityLink collection={Collection::Systems} id={id.as_str().to_owned()} /></th>
                                <td>{ system.map(|s| i18n::redundancy(lang, s.redundancy)).unwrap_or("—") }</td>
                                <td>{ system.and_then(|s| s.recovery.as_ref()).map_or_else(|| "—".to_owned(), |r| r.time.to_string()) }</td>
                                <td>if let Some(sup) = system.and_then(|s| s.supplier.as_ref()) {
                                    <EntityLink collection={Collection::Suppliers} id={sup.as_str().to_owned()} />
                                }</td>
                                <td>if let Some(supplier) = supplier { { emergency_contacts(lang, supplier) } }</td>
                            </tr> }
                        }) }
                    </tbody>
                </table>
                if !beneath.is_empty() {
                    <h3>{ Msg::AllSystemsBeneath.text(lang) }</h3>
                    <p>{ links(Collection::Systems, beneath) }</p>
                }
            </section>
            <ReferencedBy collection={Collection::Services} id={props.id.clone()} />
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
            if let Some(phone) = &c.phone { { " " }<PhoneLink phone={phone.clone()} /> }
            if let Some(email) = &c.email { { " " }<MailLink email={email.clone()} /> }
            { " · " }<span class="availability">{ i18n::availability(lang, c.availability) }</span>
        </li>
    }
}
