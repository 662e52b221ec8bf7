//! The app: state, messages, and the pure `update`. See `docs/ARCHITECTURE.md` for the
//! flow of a key press.

pub mod input;
pub mod lockout;
pub mod msg;
mod quiz_flow;
pub mod setup;
pub mod state;
mod update;

pub use msg::{Effect, EndReason, Event, Msg, NewPin, Target, Via};
pub use quiz_flow::{ANSWER_ROWS, RESULTS_SHOWN};
pub use setup::{SetupProblem, SetupState, SetupStep};
pub use state::{
    App, MenuItem, PinVerifier, QuizProgress, QuizState, QuizStep, Screen, Settings, Student,
};
