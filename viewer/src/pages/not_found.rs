//! A route that names no page: say so, with the way back.

use yew::prelude::*;

use crate::app::{PlanPage, Route};
use crate::i18n::{Lang, Msg};

pub fn not_found(lang: Lang) -> Html {
    let home = Route::Plan {
        at: None,
        page: PlanPage::Overview,
    };
    html! {
        <section>
            <h1>{ Msg::NotFound.text(lang) }</h1>
            <p>{ Msg::NotFoundText.text(lang) }</p>
            <p><a href={home.href()}>{ Msg::BackToOverview.text(lang) }</a></p>
        </section>
    }
}
