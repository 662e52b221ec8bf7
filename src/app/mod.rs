//! The app: state, messages, and the pure `update`. See `docs/ARCHITECTURE.md` for the
//! flow of a key press: `update` → `action::action_for` (what the input means on this
//! screen) → `screens/<screen>.rs` (what that does).

pub mod action;
pub mod input;
mod lists;
pub mod lockout;
pub mod msg;
mod screens;
pub mod setup;
pub mod state;
mod update;

pub use action::{Action, DONE_KEY};
pub use msg::{Effect, EndReason, Event, Msg, NewPin, Target, Via};
pub use screens::quiz::{ANSWER_ROWS, RESULTS_SHOWN};
pub use screens::tech::IDLE_CHOICES;
pub use setup::{SetupProblem, SetupState, SetupStep};
pub use state::{
    App, MenuItem, PageView, PinVerifier, QuizProgress, QuizState, QuizStep, Screen, Settings,
    Student, TechItem,
};
