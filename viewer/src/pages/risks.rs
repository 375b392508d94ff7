//! The risk register: a likelihood × impact matrix and the risks by score, each with its
//! treatment, mitigations and the scenarios that answer it.

use continuity_schema::references::Collection;
use yew::prelude::*;

use super::{entity_heading, missing_entity};
use crate::components::backlinks::referenced_by;
use crate::components::fields::{
    body, field, head, links, links_field, list_field, opt_field, text_field,
};
use crate::components::heat_map::{heat_class, heat_map};
use crate::components::links::entity_link;
use crate::i18n::{self, Lang, Msg};
use crate::view::{PlanView, sorted_by_key};

pub fn risk_list(lang: Lang, view: &PlanView) -> Html {
    let risks = sorted_by_key(&view.plan.risks, |r| std::cmp::Reverse(r.score()));
    html! {
        <>
            <h1>{ Msg::Risks.text(lang) }</h1>
            <section aria-labelledby="heat-map">
                <h2 id="heat-map">{ Msg::HeatMap.text(lang) }</h2>
                { heat_map(lang, view) }
            </section>
            <table>
                { head(&[Msg::Title.text(lang), Msg::Likelihood.text(lang), Msg::Impact.text(lang), Msg::Score.text(lang), Msg::Treatment.text(lang), Msg::Scenarios.text(lang)]) }
                { body(lang, 6, risks.into_iter().map(|r| html! { <tr>
                        <th scope="row">{ entity_link(lang, view, Collection::Risks, r.id.as_str(), None) }</th>
                        <td class="num">{ r.likelihood }</td>
                        <td class="num">{ r.impact }</td>
                        <td class={classes!("num", heat_class(r.score()))}>{ r.score() }</td>
                        <td>{ i18n::treatment(lang, r.treatment) }</td>
                        <td>{ links(lang, view, Collection::Scenarios, r.scenarios.iter().map(|s| s.as_str())) }</td>
                    </tr> }).collect()) }
            </table>
        </>
    }
}

pub fn risk_page(lang: Lang, view: &PlanView, id: &str) -> Html {
    let Some(r) = view.plan.risks.iter().find(|r| r.id.as_str() == id) else {
        return missing_entity(lang, Collection::Risks, id);
    };
    html! {
        <article>
            { entity_heading(lang, Collection::Risks, &r.title) }
            <dl class="fields">
                { text_field(Msg::Description.text(lang), r.description.as_deref()) }
                { field(Msg::Likelihood.text(lang), html! { { r.likelihood } }) }
                { field(Msg::Impact.text(lang), html! { { r.impact } }) }
                { field(Msg::Score.text(lang), html! { <span class={heat_class(r.score())}>{ r.score() }</span> }) }
                { field(Msg::Treatment.text(lang), html! { { i18n::treatment(lang, r.treatment) } }) }
                { list_field(Msg::Mitigations.text(lang), &r.mitigations) }
                { links_field(lang, view, Msg::Scenarios.text(lang), Collection::Scenarios, r.scenarios.iter().map(|s| s.as_str())) }
                { opt_field(Msg::Owner.text(lang), r.owner.as_ref(), |o| html! { { entity_link(lang, view, Collection::People, o.as_str(), None) } }) }
            </dl>
            { referenced_by(lang, view, Collection::Risks, id) }
        </article>
    }
}
