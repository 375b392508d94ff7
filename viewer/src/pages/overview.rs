//! The overview: who the plan is for, whether it is approved, reviewed and exercised on time,
//! what the rules find, the services in restart order and the crisis team with phone numbers.

use continuity_schema::model::ExerciseKind;
use continuity_schema::references::Collection;
use continuity_schema::types::Date;
use yew::prelude::*;

use crate::app::PlanPage;
use crate::components::badges;
use crate::components::contacts::role_members;
use crate::components::fields::{body, field, head, links, opt_field, prose, text_list};
use crate::components::links::{entity_link, web_link};
use crate::i18n::{self, Lang, Msg};
use crate::view::{PlanView, sorted_by_key};

pub fn overview(lang: Lang, view: &PlanView) -> Html {
    let plan = &view.plan;
    html! {
        <div class="overview">
            <h1>{ plan.organisation.name.clone() }</h1>
            <p class="subtitle">{ plan.plan.title.clone() }</p>
            <div class="cards">
                { plan_card(lang, view) }
                { findings_card(lang, view) }
            </div>
            { restart_order(lang, view) }
            { crisis_team(lang, view) }
            { exercise_status(lang, view) }
            { activation(lang, view) }
        </div>
    }
}

/// Version, approval, classification and review status.
fn plan_card(lang: Lang, view: &PlanView) -> Html {
    let info = &view.plan.plan;
    let approval = info.approvals.iter().max_by_key(|a| a.date);
    let approved = info.approvals.iter().any(|a| a.version == info.version);
    let next_review = info
        .last_review
        .map(|d| d.add_months(u32::from(info.review_interval_months)));
    html! {
        <section class="card" aria-labelledby="plan-card">
            <h2 id="plan-card">{ Msg::Plan.text(lang) }</h2>
            <dl class="fields">
                { field(Msg::PlanVersion.text(lang), html! { <strong class="plan-version">{ info.version.clone() }</strong> }) }
                { field(Msg::Approval.text(lang), match approval {
                    Some(a) => html! { <span>
                        { a.version.clone() }{ ", " }{ a.date.to_string() }{ ", " }{ a.approved_by.clone() }
                        if !approved { <br /><span class="badge sev-warning">{ Msg::NotApproved.text(lang) }</span> }
                    </span> },
                    None => html! { <span class="badge sev-warning">{ Msg::NotApproved.text(lang) }</span> },
                }) }
                { field(Msg::Classification.text(lang), html! { { i18n::classification(lang, info.classification) } }) }
                { field(Msg::Owner.text(lang), html! { { entity_link(lang, view, Collection::People, info.owner.as_str(), None) } }) }
                { field(Msg::LastReview.text(lang), html! { <span>
                    { info.last_review.map_or_else(|| Msg::Never.text(lang).to_owned(), |d| d.to_string()) }
                    { " · " }{ Msg::ReviewEvery.text(lang) }{ " " }{ info.review_interval_months }{ " " }{ Msg::Months.text(lang) }
                </span> }) }
                { opt_field(Msg::NextDue.text(lang), next_review, |d| badges::due(lang, d, view.today)) }
                { opt_field(Msg::BackupProcedure.text(lang), info.backup_procedure.as_ref(), |doc| html! {
                    <span>
                        if let Some(url) = &doc.url { { web_link(url.as_str(), Some(&doc.title)) } } else { { doc.title.clone() } }
                        { " — " }{ doc.location.clone() }
                    </span>
                }) }
            </dl>
        </section>
    }
}

fn findings_card(lang: Lang, view: &PlanView) -> Html {
    let counts = view.counts();
    html! {
        <section class="card" aria-labelledby="findings-card">
            <h2 id="findings-card">{ Msg::Findings.text(lang) }</h2>
            <p class="findings-count">
                <a href={view.href(PlanPage::Findings)}>
                    if view.findings_error.is_some() { { Msg::FindingsUnavailable.text(lang) } }
                    else { { badges::counts(lang, counts) } }
                </a>
            </p>
            <p class="as-of">{ Msg::FindingsAsOf.text(lang) }{ " " }{ view.today.to_string() }</p>
            <h3>{ Msg::Purpose.text(lang) }</h3>
            { prose(&view.plan.plan.purpose) }
        </section>
    }
}

/// Services in restart order (the key of `continuity_schema::model::restart_order`, as in the
/// report; the viewer's own stable sort keeps one copy of the sort in the WebAssembly).
pub fn restart_order(lang: Lang, view: &PlanView) -> Html {
    let services = sorted_by_key(&view.plan.services, continuity_schema::model::restart_key);
    let duration = |d: Option<continuity_schema::types::Duration>| {
        d.map_or_else(|| "—".to_owned(), |d| d.to_string())
    };
    html! {
        <section aria-labelledby="restart-order">
            <h2 id="restart-order">{ Msg::RestartOrder.text(lang) }</h2>
            <table class="services">
                <thead><tr>
                    <th scope="col">{ Msg::Priority.text(lang) }</th>
                    <th scope="col">{ Msg::Name.text(lang) }</th>
                    <th scope="col">{ Msg::Criticality.text(lang) }</th>
                    <th scope="col"><abbr title="Recovery Time Objective">{ "RTO" }</abbr></th>
                    <th scope="col"><abbr title="Recovery Point Objective">{ "RPO" }</abbr></th>
                    <th scope="col"><abbr title="Maximum Tolerable Downtime">{ "MTD" }</abbr></th>
                </tr></thead>
                { body(lang, 6, services.into_iter().map(|s| html! {
                        <tr>
                            <td class="num">{ s.priority.map_or_else(|| "—".to_owned(), |p| p.to_string()) }</td>
                            <th scope="row">{ entity_link(lang, view, Collection::Services, s.id.as_str(), None) }</th>
                            <td>{ badges::criticality(lang, s.criticality) }</td>
                            <td class="rto">{ duration(s.rto) }</td>
                            <td class="rpo">{ duration(s.rpo) }</td>
                            <td class="mtd">{ duration(s.mtd) }</td>
                        </tr>
                    }).collect()) }
            </table>
        </section>
    }
}

/// The crisis-team roles with their members in order and how to reach them.
fn crisis_team(lang: Lang, view: &PlanView) -> Html {
    let plan = &view.plan;
    let roles: Vec<_> = plan.roles.iter().filter(|r| r.crisis_team).collect();
    html! {
        <section aria-labelledby="crisis-team">
            <h2 id="crisis-team">{ Msg::CrisisTeam.text(lang) }</h2>
            <div class="roles">
                { for roles.into_iter().map(|role| html! {
                    <article class="role">
                        <h3>{ entity_link(lang, view, Collection::Roles, role.id.as_str(), None) }</h3>
                        { role_members(lang, view, role.id.as_str()) }
                    </article>
                }) }
            </div>
        </section>
    }
}

/// When each kind of exercise was last held and is next due.
fn exercise_status(lang: Lang, view: &PlanView) -> Html {
    let plan = &view.plan;
    if plan.exercise_schedule.is_empty() {
        return Html::default();
    }
    let last = |kind: ExerciseKind| -> Option<Date> {
        plan.exercises
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.date)
            .max()
    };
    html! {
        <section aria-labelledby="exercise-status">
            <h2 id="exercise-status">{ Msg::ExerciseStatus.text(lang) }</h2>
            <table>
                { head(&[Msg::Kind.text(lang), Msg::Interval.text(lang), Msg::LastHeld.text(lang), Msg::NextDue.text(lang)]) }
                { body(lang, 4, plan.exercise_schedule.iter().map(|entry| {
                        let held = last(entry.kind);
                        html! { <tr>
                            <th scope="row">{ entity_link(lang, view, Collection::ExerciseSchedule, entry.id.as_str(), Some(i18n::exercise_kind(lang, entry.kind))) }</th>
                            <td>{ entry.interval_months }{ " " }{ Msg::Months.text(lang) }</td>
                            <td>{ held.map_or_else(|| Msg::Never.text(lang).to_owned(), |d| d.to_string()) }</td>
                            <td>{ match held {
                                Some(d) => badges::due(lang, d.add_months(u32::from(entry.interval_months)), view.today),
                                None => html! { <span class="badge sev-error">{ Msg::Overdue.text(lang) }</span> },
                            } }</td>
                        </tr> }
                    }).collect()) }
            </table>
        </section>
    }
}

fn activation(lang: Lang, view: &PlanView) -> Html {
    let plan = &view.plan;
    let a = &plan.activation;
    html! {
        <section aria-labelledby="activation">
            <h2 id="activation">{ Msg::Activation.text(lang) }</h2>
            <dl class="fields">
                if !a.criteria.is_empty() { { field(Msg::ActivationCriteria.text(lang), text_list(&a.criteria)) } }
                if !a.authorised_roles.is_empty() {
                    { field(Msg::AuthorisedRoles.text(lang), links(lang, view, Collection::Roles, a.authorised_roles.iter().map(|r| r.as_str()))) }
                }
                if let Some(p) = &a.procedure { { field(Msg::Procedure.text(lang), prose(p)) } }
                if !a.full_recovery.is_empty() { { field(Msg::FullRecovery.text(lang), text_list(&a.full_recovery)) } }
            </dl>
        </section>
    }
}
