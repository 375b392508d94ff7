//! Testing the plan: the exercise schedule, the log of exercises held, and follow-up actions.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::types::{
    ActionId, Date, ExerciseFindingId, ExerciseId, IncidentId, PersonId, ScenarioId, ScheduleId,
};

/// How often one kind of exercise is held.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExerciseSchedule {
    /// A stable id, unique among `exercise_schedule`.
    pub id: ScheduleId,
    /// The kind of exercise.
    pub kind: ExerciseKind,
    /// # Interval (months)
    ///
    /// The longest time between two exercises of this kind.
    #[schemars(range(min = 1, max = 60), example = &12)]
    pub interval_months: u16,
    /// What the exercise covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
}

/// Kinds of exercise, from a desk check to a real interruption.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ExerciseKind {
    /// Reading the plan together to check it is complete and current.
    Walkthrough,
    /// Calling everyone on the contact lists.
    CallTree,
    /// Discussing a scenario around the table.
    Tabletop,
    /// Restoring a system from backup.
    RestoreTest,
    /// Switching to a standby system or alternate location.
    Failover,
    /// A realistic simulation with the crisis team.
    Simulation,
    /// Actually interrupting the service.
    FullInterruption,
}

impl ExerciseKind {
    pub fn label(self) -> &'static str {
        match self {
            ExerciseKind::Walkthrough => "walkthrough",
            ExerciseKind::CallTree => "call_tree",
            ExerciseKind::Tabletop => "tabletop",
            ExerciseKind::RestoreTest => "restore_test",
            ExerciseKind::Failover => "failover",
            ExerciseKind::Simulation => "simulation",
            ExerciseKind::FullInterruption => "full_interruption",
        }
    }
}

/// An exercise that was held.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    /// A stable id, unique among `exercises`.
    pub id: ExerciseId,
    /// When it was held.
    pub date: Date,
    /// The kind of exercise.
    pub kind: ExerciseKind,
    /// A short title.
    #[schemars(length(min = 1))]
    pub title: String,
    /// The scenario exercised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario: Option<ScenarioId>,
    /// Who took part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<PersonId>,
    /// How it went.
    pub result: ExerciseResult,
    /// A short account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// What the exercise revealed; each finding is followed up by an action.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<ExerciseFinding>,
}

/// The outcome of an exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExerciseResult {
    /// Everything worked as planned.
    Passed,
    /// It worked, with points to improve.
    PassedWithFindings,
    /// The plan did not work as intended.
    Failed,
}

/// Something an exercise revealed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExerciseFinding {
    /// A stable id, unique within its exercise.
    pub id: ExerciseFindingId,
    /// What was found.
    #[schemars(length(min = 1))]
    pub description: String,
}

/// A follow-up action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// A stable id, unique among `actions`.
    pub id: ActionId,
    /// What must be done.
    #[schemars(length(min = 1))]
    pub title: String,
    /// Where the action comes from.
    pub origin: ActionOrigin,
    /// The exercise it follows up, when it comes from one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exercise: Option<ExerciseId>,
    /// The finding of that exercise it follows up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finding: Option<ExerciseFindingId>,
    /// The incident it follows up, when it comes from one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incident: Option<IncidentId>,
    /// A reference to the audit report, review or decision it comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Who carries it out.
    pub owner: PersonId,
    /// When it must be done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    /// Where it stands.
    pub status: ActionStatus,
    /// When it was completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed: Option<Date>,
}

/// Where a follow-up action comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActionOrigin {
    /// An exercise finding.
    Exercise,
    /// An internal or external audit.
    Audit,
    /// A real incident.
    Incident,
    /// A review of the plan.
    Review,
    /// The risk register.
    Risk,
    /// Anything else.
    Other,
}

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    /// Not started.
    Open,
    /// Started.
    InProgress,
    /// Done.
    Done,
    /// Dropped, with the reason recorded elsewhere.
    Cancelled,
}

impl ActionStatus {
    /// Whether the action still needs work.
    pub fn is_pending(self) -> bool {
        matches!(self, ActionStatus::Open | ActionStatus::InProgress)
    }
}

/// A real incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Incident {
    /// A stable id, unique among `incidents`.
    pub id: IncidentId,
    /// When it started.
    pub date: Date,
    /// A short title.
    #[schemars(length(min = 1))]
    pub title: String,
    /// Whether the plan was activated.
    #[serde(default)]
    pub plan_activated: bool,
    /// What happened and what was learned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
}
