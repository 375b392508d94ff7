//! Everything the viewer asks of the browser: fetching data files, localStorage, the location
//! hash, the date, the document's language and title.
//!
//! Natively (tests, server-side rendering) the same functions exist and do nothing or report
//! that there is no browser, so components render to HTML in `cargo test`.

use continuity_schema::types::Date;

use crate::data::DataError;
use crate::i18n::Lang;

#[cfg(target_arch = "wasm32")]
mod web {
    use continuity_schema::types::Date;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{RequestCache, RequestInit, Response};

    use crate::data::DataError;

    fn describe(value: &JsValue) -> String {
        if let Some(text) = value.as_string() {
            return text;
        }
        match value.dyn_ref::<js_sys::Error>() {
            Some(error) => String::from(error.message()),
            None => "unknown error".to_owned(),
        }
    }

    pub async fn fetch_text(path: &str, revalidate: bool) -> Result<String, DataError> {
        let fail = |detail: String| DataError::Fetch {
            path: path.to_owned(),
            detail,
        };
        let window = web_sys::window().ok_or_else(|| fail("no window".into()))?;
        let init = RequestInit::new();
        init.set_method("GET");
        if revalidate {
            init.set_cache(RequestCache::NoCache);
        }
        // A relative URL: resolved against the page, so the site works under any sub-path.
        let promise = window.fetch_with_str_and_init(path, &init);
        let response = JsFuture::from(promise)
            .await
            .map_err(|e| fail(describe(&e)))?;
        let response: Response = response
            .dyn_into()
            .map_err(|_| fail("not a response".into()))?;
        if !response.ok() {
            return Err(DataError::Status {
                path: path.to_owned(),
                status: response.status(),
            });
        }
        let text = response.text().map_err(|e| fail(describe(&e)))?;
        let text = JsFuture::from(text).await.map_err(|e| fail(describe(&e)))?;
        text.as_string()
            .ok_or_else(|| fail("the response is not text".into()))
    }

    fn storage() -> Option<web_sys::Storage> {
        // Private modes and strict settings refuse storage: the viewer then just forgets.
        web_sys::window()?.local_storage().ok().flatten()
    }

    pub fn storage_get(key: &str) -> Option<String> {
        storage()?.get_item(key).ok().flatten()
    }

    pub fn storage_set(key: &str, value: &str) {
        if let Some(storage) = storage() {
            let _ = storage.set_item(key, value);
        }
    }

    pub fn storage_remove(key: &str) {
        if let Some(storage) = storage() {
            let _ = storage.remove_item(key);
        }
    }

    pub fn today() -> Option<Date> {
        let now = js_sys::Date::new_0();
        let month = u8::try_from(now.get_month() + 1).ok()?;
        let day = u8::try_from(now.get_date()).ok()?;
        Date::from_ymd(i32::try_from(now.get_full_year()).ok()?, month, day)
    }

    pub fn navigator_language() -> Option<String> {
        web_sys::window()?.navigator().language()
    }

    pub fn current_hash() -> String {
        web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default()
    }

    pub fn set_hash(href: &str) {
        if let Some(window) = web_sys::window() {
            let _ = window.location().set_hash(href.trim_start_matches('#'));
        }
    }

    pub fn set_document_lang(code: &str) {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", code);
        }
    }

    pub fn set_title(title: &str) {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(title);
        }
    }

    pub fn focus_main() {
        if let Some(main) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("main"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = main.focus();
        }
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    }

    pub fn print() {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    }

    pub fn event_value(event: &web_sys::Event) -> String {
        let Some(target) = event.target() else {
            return String::new();
        };
        if let Some(select) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
            return select.value();
        }
        target
            .dyn_ref::<web_sys::HtmlInputElement>()
            .map(web_sys::HtmlInputElement::value)
            .unwrap_or_default()
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod web {
    use continuity_schema::types::Date;

    use crate::data::DataError;

    pub async fn fetch_text(path: &str, _revalidate: bool) -> Result<String, DataError> {
        Err(DataError::Fetch {
            path: path.to_owned(),
            detail: "not running in a browser".to_owned(),
        })
    }

    pub fn storage_get(_key: &str) -> Option<String> {
        None
    }

    pub fn storage_set(_key: &str, _value: &str) {}

    pub fn storage_remove(_key: &str) {}

    pub fn today() -> Option<Date> {
        None
    }

    pub fn navigator_language() -> Option<String> {
        None
    }

    pub fn current_hash() -> String {
        String::new()
    }

    pub fn set_hash(_href: &str) {}

    pub fn set_document_lang(_code: &str) {}

    pub fn set_title(_title: &str) {}

    pub fn focus_main() {}

    pub fn print() {}

    pub fn event_value(_event: &yew::Event) -> String {
        String::new()
    }
}

pub use web::{
    current_hash, event_value, focus_main, print, set_document_lang, set_hash, set_title,
    storage_get, storage_remove, storage_set,
};

/// Fetches a file of the site as text, by a path relative to the page.
pub async fn fetch_text(path: &str, revalidate: bool) -> Result<String, DataError> {
    web::fetch_text(path, revalidate).await
}

/// Today in the visitor's time zone. Natively (tests) a fixed date, so snapshots stay stable.
pub fn today() -> Date {
    web::today().unwrap_or_else(|| Date::from(time::macros::date!(2026 - 11 - 27)))
}

const LANG_KEY: &str = "continuity:lang";

/// The interface language: the visitor's last choice, else the browser's, else Dutch.
pub fn initial_lang() -> Lang {
    storage_get(LANG_KEY)
        .and_then(|code| Lang::from_code(&code))
        .or_else(|| web::navigator_language().and_then(|code| Lang::from_code(&code)))
        .unwrap_or_default()
}

/// Remembers the visitor's choice of language.
pub fn remember_lang(lang: Lang) {
    storage_set(LANG_KEY, lang.code());
}
