//! The risk matrix: likelihood × impact, with the risks in each cell linked. A table with row
//! and column headers, so it reads without colour and without sight.

use continuity_schema::references::Collection;
use yew::prelude::*;

use super::links::entity_link;
use crate::i18n::{Lang, Msg};
use crate::view::PlanView;

/// The class of a cell by its score (likelihood × impact, 1–25).
pub fn heat_class(score: u8) -> &'static str {
    match score {
        15.. => "heat heat-critical",
        10..=14 => "heat heat-high",
        5..=9 => "heat heat-medium",
        _ => "heat heat-low",
    }
}

pub fn heat_map(lang: Lang, view: &PlanView) -> Html {
    let risks = &view.plan.risks;
    let row = |likelihood: u8| {
        html! {
            <tr>
                <th scope="row">{ likelihood }</th>
                { for (1..=5u8).map(|impact| {
                    let here: Vec<_> = risks
                        .iter()
                        .filter(|r| r.likelihood == likelihood && r.impact == impact)
                        .collect();
                    html! {
                        <td class={heat_class(likelihood.saturating_mul(impact))}>
                            if !here.is_empty() {
                                <span class="heat-count">{ here.len() }</span>
                                <ul>
                                    { for here.iter().map(|r| html! {
                                        <li>{ entity_link(lang, view, Collection::Risks, r.id.as_str(), None) }</li>
                                    }) }
                                </ul>
                            }
                        </td>
                    }
                }) }
            </tr>
        }
    };
    html! {
        <table class="heat-map">
            <caption>{ Msg::HeatMapCaption.text(lang) }</caption>
            <thead>
                <tr>
                    <th scope="col">{ Msg::Likelihood.text(lang) }{ " ↓ / " }{ Msg::Impact.text(lang) }{ " →" }</th>
                    { for (1..=5u8).map(|i| html! { <th scope="col">{ i }</th> }) }
                </tr>
            </thead>
            <tbody>{ for (1..=5u8).rev().map(row) }</tbody>
        </table>
    }
}
