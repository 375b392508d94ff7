//! Validates revisions on other threads, a few ahead of the one the caller works on: the
//! history commands and the site validate every revision and compare it with its neighbour,
//! and validating is most of the work.

use std::sync::mpsc;

use continuity_schema::types::Date;

use crate::check::{Checked, check_revision};
use crate::schema_check::SchemaCheck;

/// A revision's plan as read, before validation.
pub enum Input {
    /// The plan's text, to validate as of `date`.
    Text { bytes: Vec<u8>, date: Date },
    /// The revision has no plan.
    Absent,
    /// The plan could not be read (too large, a missing object): why.
    Unreadable(String),
}

/// A revision's plan after validation.
pub enum Output {
    Checked {
        checked: Box<Checked>,
        bytes: Vec<u8>,
    },
    Absent,
    Unreadable(String),
}

/// Validates one revision (what each validating thread does, and a caller reading a single
/// revision).
pub fn validate(input: Input, schema: &SchemaCheck) -> Output {
    match input {
        Input::Text { bytes, date } => Output::Checked {
            checked: Box::new(check_revision(&bytes, date, schema)),
            bytes,
        },
        Input::Absent => Output::Absent,
        Input::Unreadable(error) => Output::Unreadable(error),
    }
}

/// How many threads validate: the cores there are, up to four (more would only hold more
/// plans in memory for little gain).
fn workers() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
}

/// Calls `consume` with the validation of each of `count` revisions, in order, on this thread,
/// while other threads validate the next ones (revision `k` on thread `k % workers`, so that
/// each thread's results come back in order). `input` is called on this thread too (git
/// objects cannot cross threads), in order, at most two revisions per thread ahead of
/// `consume`. The first error of `consume` stops the work and is returned.
pub fn validate_ahead(
    schema: &SchemaCheck,
    count: usize,
    input: impl FnMut(usize) -> Input,
    consume: impl FnMut(usize, Output) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    validate_ahead_with(schema, count, input, |output| output, consume)
}

/// [`validate_ahead`], with `work` done to each validated revision on its validating thread
/// (the site redacts there) before `consume` gets it.
pub fn validate_ahead_with<R: Send>(
    schema: &SchemaCheck,
    count: usize,
    mut input: impl FnMut(usize) -> Input,
    work: impl Fn(Output) -> R + Sync,
    mut consume: impl FnMut(usize, R) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let workers = workers();
    let work = &work;
    let ahead = 2 * workers;
    let stopped = || anyhow::anyhow!("a validating thread stopped");
    std::thread::scope(|scope| {
        let mut inboxes = Vec::with_capacity(workers);
        let mut outboxes = Vec::with_capacity(workers);
        for _ in 0..workers {
            let (to_worker, inbox) = mpsc::channel::<Input>();
            let (to_caller, results) = mpsc::channel::<R>();
            scope.spawn(move || {
                for input in inbox {
                    if to_caller.send(work(validate(input, schema))).is_err() {
                        break;
                    }
                }
            });
            inboxes.push(to_worker);
            outboxes.push(results);
        }
        let mut sent = 0;
        for k in 0..count {
            while sent < count && sent <= k + ahead {
                inboxes[sent % workers]
                    .send(input(sent))
                    .map_err(|_| stopped())?;
                sent += 1;
            }
            let output = outboxes[k % workers].recv().map_err(|_| stopped())?;
            consume(k, output)?;
        }
        // Dropping the senders ends the workers' loops; the scope waits for them.
        drop(inboxes);
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_order_and_an_error_stops_the_work() {
        let schema = SchemaCheck::new().expect("the schema compiles");
        let date: Date = "2026-01-01".parse().expect("a date");
        let mut seen = Vec::new();
        validate_ahead(
            &schema,
            7,
            |k| match k % 3 {
                0 => Input::Text {
                    bytes: format!("{{\"n\": {k}").into_bytes(),
                    date,
                },
                1 => Input::Absent,
                _ => Input::Unreadable(format!("revision {k}")),
            },
            |k, output| {
                seen.push(match output {
                    Output::Checked { bytes, checked } => {
                        assert!(checked.plan.is_none(), "not a plan");
                        String::from_utf8(bytes).expect("text")
                    }
                    Output::Absent => format!("absent {k}"),
                    Output::Unreadable(error) => error,
                });
                Ok(())
            },
        )
        .expect("no error");
        assert_eq!(
            seen,
            [
                "{\"n\": 0",
                "absent 1",
                "revision 2",
                "{\"n\": 3",
                "absent 4",
                "revision 5",
                "{\"n\": 6"
            ]
        );
        let mut asked = 0;
        let stopped = validate_ahead(
            &schema,
            100,
            |_| {
                asked += 1;
                Input::Absent
            },
            |k, _| {
                anyhow::ensure!(k < 3, "stop at {k}");
                Ok(())
            },
        );
        assert_eq!(stopped.map_err(|e| e.to_string()), Err("stop at 3".into()));
        assert!(
            asked <= 3 + 1 + 2 * workers(),
            "read {asked} revisions ahead of an error"
        );
    }
}
