//! The visible states of loading data: a loading message, and an error that says what went
//! wrong and what to do. The viewer never shows a blank page.

use yew::prelude::*;

use crate::app::{Ctx, PlanPage, Route};
use crate::data::DataError;
use crate::i18n::{Lang, Msg};

/// "Loading…", announced politely to screen readers.
#[component]
pub fn Loading() -> Html {
    let lang = use_context::<Ctx>().map_or(Lang::default(), |c| c.lang);
    html! { <p class="loading" role="status">{ Msg::Loading.text(lang) }</p> }
}

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct ErrorBoxProps {
    pub error: DataError,
}

/// A data error, with what the visitor can do about it.
#[component]
pub fn ErrorBox(props: &ErrorBoxProps) -> Html {
    let lang = use_context::<Ctx>().map_or(Lang::default(), |c| c.lang);
    let overview = Route::Plan {
        at: None,
        page: PlanPage::Overview,
    };
    html! {
        <section class="error-box" role="alert" aria-labelledby="error-title">
            <h1 id="error-title">{ Msg::ErrorTitle.text(lang) }</h1>
            <p class="error-detail">{ props.error.describe(lang) }</p>
            <p>{ Msg::ErrorHelp.text(lang) }</p>
            <p><a href={overview.href()}>{ Msg::BackToOverview.text(lang) }</a></p>
        </section>
    }
}
