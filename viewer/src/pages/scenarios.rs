//! Scenarios, and a scenario as a checklist for use during an incident: the steps in order,
//! who is responsible and how to reach them, with ticks kept in this browser only.

use continuity_schema::references::Collection;
use yew::prelude::*;

use super::{entity_heading, missing_entity};
use crate::components::backlinks::referenced_by;
use crate::components::contacts::role_members;
use crate::components::fields::{body, field, head, links, links_field, list_field, prose};
use crate::components::links::entity_link;
use crate::hooks::use_checklist;
use crate::i18n::{Lang, Msg};
use crate::view::PlanView;

pub fn scenario_list(lang: Lang, view: &PlanView) -> Html {
    html! {
        <>
            <h1>{ Msg::Scenarios.text(lang) }</h1>
            <table>
                { head(&[Msg::Name.text(lang), Msg::Steps.text(lang), Msg::AffectedServices.text(lang)]) }
                { body(lang, 3, view.plan.scenarios.iter().map(|s| html! { <tr>
                        <th scope="row">{ entity_link(lang, view, Collection::Scenarios, s.id.as_str(), None) }</th>
                        <td class="num">{ s.steps.len() }</td>
                        <td>{ links(lang, view, Collection::Services, s.affected_services.iter().map(|x| x.as_str())) }</td>
                    </tr> }).collect()) }
            </table>
        </>
    }
}

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct ScenarioProps {
    pub id: AttrValue,
    pub lang: Lang,
    /// Passed down rather than read from a context: a context of its own would cost the
    /// WebAssembly another copy of Yew's context machinery.
    pub view: PlanView,
}

#[component]
pub fn ScenarioPage(props: &ScenarioProps) -> Html {
    let id = props.id.as_str();
    let view = Some((props.lang, props.view.clone()));
    let scenario = view.as_ref().and_then(|(_, v)| {
        v.plan
            .scenarios
            .iter()
            .find(|s| s.id.as_str() == id)
            .cloned()
    });
    let step_ids: Vec<String> = scenario
        .iter()
        .flat_map(|s| s.steps.iter().map(|step| step.id.as_str().to_owned()))
        .collect();
    let plan_path = view
        .as_ref()
        .map(|(_, v)| v.plan_path.to_string())
        .unwrap_or_default();
    let checklist = use_checklist(&plan_path, id, step_ids);
    let Some((lang, view)) = view else {
        return Html::default();
    };
    let view = &view;
    let Some(scenario) = scenario else {
        return missing_entity(lang, Collection::Scenarios, id);
    };
    let total = scenario.steps.len();
    let done = scenario
        .steps
        .iter()
        .filter(|s| checklist.ticked.iter().any(|t| t == s.id.as_str()))
        .count();
    let clear = {
        let clear = checklist.clear.clone();
        Callback::from(move |_: MouseEvent| clear.emit(()))
    };
    html! {
        <article class="scenario">
            { entity_heading(lang, Collection::Scenarios, &scenario.name) }
            if let Some(d) = &scenario.description { { prose(d) } }
            if !(scenario.triggers.is_empty() && scenario.affected_services.is_empty() && scenario.affected_systems.is_empty()) {
                <dl class="fields">
                    { list_field(Msg::Triggers.text(lang), &scenario.triggers) }
                    { links_field(lang, view, Msg::AffectedServices.text(lang), Collection::Services, scenario.affected_services.iter().map(|x| x.as_str())) }
                    { links_field(lang, view, Msg::AffectedSystems.text(lang), Collection::Systems, scenario.affected_systems.iter().map(|x| x.as_str())) }
                </dl>
            }
            <section class="checklist" aria-labelledby="checklist">
                <h2 id="checklist">{ Msg::Checklist.text(lang) }</h2>
                <p class="checklist-status" role="status">
                    { format!("{done} / {total} ") }{ Msg::StepsDone.text(lang) }
                </p>
                <p class="checklist-note">{ Msg::ChecklistNote.text(lang) }
                    { " " }<button type="button" class="reset" onclick={clear}>{ Msg::ResetChecklist.text(lang) }</button>
                </p>
                if total == 0 {
                    <p class="none">{ Msg::NoneRecorded.text(lang) }</p>
                }
                <ol class="steps">
                    { for scenario.steps.iter().enumerate().map(|(n, step)| {
                        let id = step.id.as_str().to_owned();
                        let ticked = checklist.ticked.contains(&id);
                        let onchange = {
                            let toggle = checklist.toggle.clone();
                            let id = id.clone();
                            Callback::from(move |_: Event| toggle.emit(id.clone()))
                        };
                        let input_id = format!("tick-{id}");
                        html! {
                            <li class={classes!("step", ticked.then_some("done"))} id={format!("step-{id}")}>
                                <div class="step-head">
                                    <input type="checkbox" id={input_id.clone()} checked={ticked} {onchange} />
                                    <label for={input_id}>
                                        <span class="step-number">{ format!("{}.", n + 1) }</span>{ " " }
                                        <span class="step-action">{ step.action.clone() }</span>
                                    </label>
                                </div>
                                <dl class="fields step-details">
                                    { field(Msg::Responsible.text(lang), html! { <>
                                        { entity_link(lang, view, Collection::Roles, step.role.as_str(), None) }
                                        { role_members(lang, view, step.role.as_str()) }
                                    </> }) }
                                    if let Some(d) = step.duration { { field(Msg::Duration.text(lang), html! { { d.to_string() } }) } }
                                    { list_field(Msg::Resources.text(lang), &step.resources) }
                                    { links_field(lang, view, Msg::Systems.text(lang), Collection::Systems, step.systems.iter().map(|x| x.as_str())) }
                                    if let Some(l) = &step.location {
                                        { field(Msg::Location.text(lang), html! { { entity_link(lang, view, Collection::Locations, l.as_str(), None) } }) }
                                    }
                                </dl>
                            </li>
                        }
                    }) }
                </ol>
            </section>
            { referenced_by(lang, view, Collection::Scenarios, id) }
        </article>
    }
}
