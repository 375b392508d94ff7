//! ICT systems: what they run on, who supplies them, how they are backed up and recovered.

use continuity_schema::references::Collection;
use yew::prelude::*;

use super::services::emergency_contacts;
use super::{entity_heading, missing_entity};
use crate::components::backlinks::referenced_by;
use crate::components::badges;
use crate::components::fields::{
    body, field, head, links, links_field, opt_field, text_field, yes_no,
};
use crate::components::links::entity_link;
use crate::i18n::{self, Lang, Msg};
use crate::view::PlanView;

pub fn system_list(lang: Lang, view: &PlanView) -> Html {
    html! {
        <>
            <h1>{ Msg::Systems.text(lang) }</h1>
            <table>
                { head(&[Msg::Name.text(lang), Msg::Kind.text(lang), Msg::Redundancy.text(lang), Msg::Backup.text(lang), Msg::RecoveryTime.text(lang), Msg::Supplier.text(lang), Msg::DependsOn.text(lang)]) }
                { body(lang, 7, view.plan.systems.iter().map(|s| html! { <tr>
                        <th scope="row">{ entity_link(lang, view, Collection::Systems, s.id.as_str(), None) }</th>
                        <td>{ i18n::system_kind(lang, s.kind) }</td>
                        <td>{ i18n::redundancy(lang, s.redundancy) }</td>
                        <td>{ s.backup.as_ref().map_or_else(|| "—".to_owned(), |b| b.frequency.to_string()) }</td>
                        <td>{ s.recovery.as_ref().map_or_else(|| "—".to_owned(), |r| r.time.to_string()) }</td>
                        <td>if let Some(sup) = &s.supplier { { entity_link(lang, view, Collection::Suppliers, sup.as_str(), None) } }</td>
                        <td>{ links(lang, view, Collection::Systems, s.depends_on.iter().map(|d| d.as_str())) }</td>
                    </tr> }).collect()) }
            </table>
        </>
    }
}

pub fn system_page(lang: Lang, view: &PlanView, id: &str) -> Html {
    let plan = &view.plan;
    let Some(system) = plan.systems.iter().find(|s| s.id.as_str() == id) else {
        return missing_entity(lang, Collection::Systems, id);
    };
    let supplier = system
        .supplier
        .as_ref()
        .and_then(|id| plan.suppliers.iter().find(|s| s.id.as_str() == id.as_str()));
    html! {
        <article>
            { entity_heading(lang, Collection::Systems, &system.name) }
            <dl class="fields">
                { field(Msg::Kind.text(lang), html! { { i18n::system_kind(lang, system.kind) } }) }
                { text_field(Msg::Description.text(lang), system.description.as_deref()) }
                { opt_field(Msg::Location.text(lang), system.location.as_ref(), |l| html! { { entity_link(lang, view, Collection::Locations, l.as_str(), None) } }) }
                { opt_field(Msg::Supplier.text(lang), system.supplier.as_ref(), |s| html! { { entity_link(lang, view, Collection::Suppliers, s.as_str(), None) } }) }
                { opt_field(Msg::EmergencyContact.text(lang), supplier, |s| emergency_contacts(lang, s)) }
                { opt_field(Msg::Owner.text(lang), system.owner.as_ref(), |o| html! { { entity_link(lang, view, Collection::People, o.as_str(), None) } }) }
                { links_field(lang, view, Msg::DependsOn.text(lang), Collection::Systems, system.depends_on.iter().map(|d| d.as_str())) }
                { field(Msg::Redundancy.text(lang), html! { { i18n::redundancy(lang, system.redundancy) } }) }
            </dl>
            if let Some(backup) = &system.backup {
                <section aria-labelledby="backup">
                    <h2 id="backup">{ Msg::Backup.text(lang) }</h2>
                    <dl class="fields">
                        { field(Msg::BackupFrequency.text(lang), html! { { backup.frequency.to_string() } }) }
                        { opt_field(Msg::Retention.text(lang), backup.retention, |r| html! { { r.to_string() } }) }
                        { text_field(Msg::Method.text(lang), backup.method.as_deref()) }
                        { text_field(Msg::Location.text(lang), backup.location.as_deref()) }
                        { field(Msg::Offline.text(lang), html! { { yes_no(lang, backup.offline_copy) } }) }
                        { field(Msg::Immutable.text(lang), html! { { yes_no(lang, backup.immutable_copy) } }) }
                        { opt_field(Msg::LastRestoreTest.text(lang), backup.last_restore_test, |d| html! { { d.to_string() } }) }
                    </dl>
                </section>
            }
            if let Some(recovery) = &system.recovery {
                <section aria-labelledby="recovery">
                    <h2 id="recovery">{ Msg::Recovery.text(lang) }</h2>
                    <dl class="fields">
                        { field(Msg::RecoveryTime.text(lang), html! { { recovery.time.to_string() } }) }
                        { text_field(Msg::Procedure.text(lang), recovery.procedure.as_deref()) }
                    </dl>
                    if !recovery.steps.is_empty() {
                        <h3>{ Msg::RecoverySteps.text(lang) }</h3>
                        <ol class="steps">{ for recovery.steps.iter().map(|s| html! { <li>{ s.clone() }</li> }) }</ol>
                    }
                </section>
            }
            if let Some(replacement) = &system.replacement {
                <section aria-labelledby="replacement">
                    <h2 id="replacement">{ Msg::Replacement.text(lang) }</h2>
                    <dl class="fields">
                        { opt_field(Msg::LeadTime.text(lang), replacement.lead_time, |d| html! { { d.to_string() } }) }
                        { field(Msg::SpareAvailable.text(lang), html! { { yes_no(lang, replacement.spare_available) } }) }
                        { text_field(Msg::Notes.text(lang), replacement.notes.as_deref()) }
                    </dl>
                </section>
            }
            { for view.findings.iter().filter(|f| f.subject.as_ref().is_some_and(|s| s.collection == "systems" && s.id == id)).map(|f| html! {
                <p class="entity-finding">{ badges::severity(lang, f.severity) }{ " " }{ f.message.clone() }</p>
            }) }
            { referenced_by(lang, view, Collection::Systems, id) }
        </article>
    }
}
