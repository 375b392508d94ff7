//! The visible states of loading data: a loading message, and an error that says what went
//! wrong and what to do. The viewer never shows a blank page.

use yew::prelude::*;

use crate::app::{PlanPage, Route};
use crate::data::DataError;
use crate::i18n::{Lang, Msg};

/// "Loading…", announced politely to screen readers.
pub fn loading(lang: Lang) -> Html {
    html! { <p class="loading" role="status">{ Msg::Loading.text(lang) }</p> }
}

/// A data error, with what the visitor can do about it.
pub fn error_box(lang: Lang, error: &DataError) -> Html {
    let overview = Route::Plan {
        at: None,
        page: PlanPage::Overview,
    };
    html! {
        <section class="error-box" role="alert" aria-labelledby="error-title">
            <h1 id="error-title">{ Msg::ErrorTitle.text(lang) }</h1>
            <p class="error-detail">{ error.describe(lang) }</p>
            <p>{ Msg::ErrorHelp.text(lang) }</p>
            <p><a href={overview.href()}>{ Msg::BackToOverview.text(lang) }</a></p>
        </section>
    }
}
