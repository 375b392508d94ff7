//! The ticks of a scenario's checklist, kept in the browser only (localStorage), per plan,
//! scenario and step: during an incident the page may be reloaded or the laptop restarted.

use yew::prelude::*;

use crate::browser;

/// The localStorage key of one step's tick.
pub fn tick_key(plan_path: &str, scenario: &str, step: &str) -> String {
    format!("continuity:tick:{plan_path}:{scenario}:{step}")
}

/// The ticked steps of one scenario and how to change them.
#[derive(Debug, Clone, PartialEq)]
pub struct UseChecklist {
    /// In step order (a handful per scenario: a list needs no ordered set's code).
    pub ticked: Vec<String>,
    pub toggle: Callback<String>,
    pub clear: Callback<()>,
}

/// The checklist of `scenario` with the given step ids.
#[hook]
pub fn use_checklist(plan_path: &str, scenario: &str, steps: Vec<String>) -> UseChecklist {
    let read = {
        let (plan_path, scenario, steps) =
            (plan_path.to_owned(), scenario.to_owned(), steps.clone());
        move || -> Vec<String> {
            steps
                .iter()
                .filter(|step| {
                    browser::storage_get(&tick_key(&plan_path, &scenario, step)).is_some()
                })
                .cloned()
                .collect()
        }
    };
    let ticked = use_state(read.clone());
    {
        // Another scenario (or the same one at another revision): read its own ticks.
        let ticked = ticked.clone();
        let read = read.clone();
        use_effect_with(
            (plan_path.to_owned(), scenario.to_owned(), steps.clone()),
            move |_| {
                ticked.set(read());
            },
        );
    }
    let toggle = {
        let (ticked, plan_path, scenario) =
            (ticked.clone(), plan_path.to_owned(), scenario.to_owned());
        Callback::from(move |step: String| {
            let key = tick_key(&plan_path, &scenario, &step);
            let mut next = (*ticked).clone();
            if next.contains(&step) {
                next.retain(|s| *s != step);
                browser::storage_remove(&key);
            } else {
                browser::storage_set(&key, "1");
                next.push(step);
            }
            ticked.set(next);
        })
    };
    let clear = {
        let (ticked, plan_path, scenario) =
            (ticked.clone(), plan_path.to_owned(), scenario.to_owned());
        Callback::from(move |()| {
            for step in steps.iter() {
                browser::storage_remove(&tick_key(&plan_path, &scenario, step));
            }
            ticked.set(Vec::new());
        })
    };
    UseChecklist {
        ticked: (*ticked).clone(),
        toggle,
        clear,
    }
}
