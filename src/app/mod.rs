//! The app: state, messages, and the pure `update`. See `docs/ARCHITECTURE.md` for the
//! flow of a key press.

pub mod input;
pub mod msg;
pub mod state;
mod update;

pub use msg::{Activity, Effect, EndReason, Msg, Target, Via};
pub use state::{App, MenuItem, PinVerifier, Screen, Settings, Student};
