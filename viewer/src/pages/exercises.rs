//! Testing the plan: the exercise schedule with what is due, the log of exercises held with
//! their findings, and incidents.

use continuity_schema::references::Collection;
use yew::prelude::*;

use super::{entity_heading, missing_entity};
use crate::components::backlinks::referenced_by;
use crate::components::badges;
use crate::components::fields::{
    body, field, head, links, links_field, opt_field, text_field, yes_no,
};
use crate::components::links::entity_link;
use crate::i18n::{self, Lang, Msg};
use crate::view::{PlanView, sorted_by_key};

pub fn exercise_list(lang: Lang, view: &PlanView) -> Html {
    let plan = &view.plan;
    let exercises = sorted_by_key(&plan.exercises, |e| std::cmp::Reverse(e.date));
    html! {
        <>
            <h1>{ Msg::Exercises.text(lang) }</h1>
            <section aria-labelledby="schedule">
                <h2 id="schedule">{ Msg::ExerciseSchedule.text(lang) }</h2>
                <table>
                    { head(&[Msg::Kind.text(lang), Msg::Interval.text(lang), Msg::Scope.text(lang), Msg::NextDue.text(lang)]) }
                    { body(lang, 4, plan.exercise_schedule.iter().map(|s| {
                            let last = plan.exercises.iter().filter(|e| e.kind == s.kind).map(|e| e.date).max();
                            html! { <tr>
                                <th scope="row">{ entity_link(lang, view, Collection::ExerciseSchedule, s.id.as_str(), Some(i18n::exercise_kind(lang, s.kind))) }</th>
                                <td>{ s.interval_months }{ " " }{ Msg::Months.text(lang) }</td>
                                <td>{ s.scope.clone().unwrap_or_default() }</td>
                                <td>{ match last {
                                    Some(d) => badges::due(lang, d.add_months(u32::from(s.interval_months)), view.today),
                                    None => html! { <span class="badge sev-error">{ Msg::Overdue.text(lang) }</span> },
                                } }</td>
                            </tr> }
                        }).collect()) }
                </table>
            </section>
            <section aria-labelledby="log">
                <h2 id="log">{ Msg::ExerciseLog.text(lang) }</h2>
                <table>
                    { head(&[Msg::Date.text(lang), Msg::Title.text(lang), Msg::Kind.text(lang), Msg::Result.text(lang)]) }
                    { body(lang, 4, exercises.into_iter().map(|e| html! { <tr>
                            <td>{ e.date.to_string() }</td>
                            <th scope="row">{ entity_link(lang, view, Collection::Exercises, e.id.as_str(), None) }</th>
                            <td>{ i18n::exercise_kind(lang, e.kind) }</td>
                            <td>{ i18n::exercise_result(lang, e.result) }</td>
                        </tr> }).collect()) }
                </table>
            </section>
            if !plan.incidents.is_empty() {
                <section aria-labelledby="incidents">
                    <h2 id="incidents">{ Msg::Incidents.text(lang) }</h2>
                    <table>
                        { head(&[Msg::Date.text(lang), Msg::Title.text(lang), Msg::PlanActivated.text(lang)]) }
                        <tbody>
                            { for plan.incidents.iter().map(|i| html! { <tr>
                                <td>{ i.date.to_string() }</td>
                                <th scope="row">{ entity_link(lang, view, Collection::Incidents, i.id.as_str(), None) }</th>
                                <td>{ yes_no(lang, i.plan_activated) }</td>
                            </tr> }) }
                        </tbody>
                    </table>
                </section>
            }
        </>
    }
}

pub fn schedule_page(lang: Lang, view: &PlanView, id: &str) -> Html {
    let Some(s) = view
        .plan
        .exercise_schedule
        .iter()
        .find(|s| s.id.as_str() == id)
    else {
        return missing_entity(lang, Collection::ExerciseSchedule, id);
    };
    let held: Vec<&str> = view
        .plan
        .exercises
        .iter()
        .filter(|e| e.kind == s.kind)
        .map(|e| e.id.as_str())
        .collect();
    html! {
        <article>
            { entity_heading(lang, Collection::ExerciseSchedule, i18n::exercise_kind(lang, s.kind)) }
            <dl class="fields">
                { field(Msg::Interval.text(lang), html! { <>{ s.interval_months }{ " " }{ Msg::Months.text(lang) }</> }) }
                { text_field(Msg::Scope.text(lang), s.scope.as_deref()) }
                { links_field(lang, view, Msg::ExerciseLog.text(lang), Collection::Exercises, held) }
            </dl>
        </article>
    }
}

pub fn exercise_page(lang: Lang, view: &PlanView, id: &str) -> Html {
    let Some(e) = view.plan.exercises.iter().find(|e| e.id.as_str() == id) else {
        return missing_entity(lang, Collection::Exercises, id);
    };
    html! {
        <article>
            { entity_heading(lang, Collection::Exercises, &e.title) }
            <dl class="fields">
                { field(Msg::Date.text(lang), html! { { e.date.to_string() } }) }
                { field(Msg::Kind.text(lang), html! { { i18n::exercise_kind(lang, e.kind) } }) }
                { opt_field(Msg::Scenario.text(lang), e.scenario.as_ref(), |s| html! { { entity_link(lang, view, Collection::Scenarios, s.as_str(), None) } }) }
                if !e.participants.is_empty() {
                    { field(Msg::Participants.text(lang), links(lang, view, Collection::People, e.participants.iter().map(|p| p.as_str()))) }
                }
                { field(Msg::Result.text(lang), html! { { i18n::exercise_result(lang, e.result) } }) }
                { text_field(Msg::Summary.text(lang), e.summary.as_deref()) }
            </dl>
            if !e.findings.is_empty() {
                <h2>{ Msg::Findings.text(lang) }</h2>
                <ul class="texts">
                    { for e.findings.iter().map(|f| html! { <li><code>{ f.id.as_str().to_owned() }</code>{ ": " }{ f.description.clone() }</li> }) }
                </ul>
            }
            { referenced_by(lang, view, Collection::Exercises, id) }
        </article>
    }
}

pub fn incident_page(lang: Lang, view: &PlanView, id: &str) -> Html {
    let Some(i) = view.plan.incidents.iter().find(|i| i.id.as_str() == id) else {
        return missing_entity(lang, Collection::Incidents, id);
    };
    html! {
        <article>
            { entity_heading(lang, Collection::Incidents, &i.title) }
            <dl class="fields">
                { field(Msg::Date.text(lang), html! { { i.date.to_string() } }) }
                { field(Msg::PlanActivated.text(lang), html! { { yes_no(lang, i.plan_activated) } }) }
                { text_field(Msg::Summary.text(lang), i.summary.as_deref()) }
            </dl>
            { referenced_by(lang, view, Collection::Incidents, id) }
        </article>
    }
}
