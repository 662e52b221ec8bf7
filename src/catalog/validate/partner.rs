//! Partner programs (run with an outside organization, such as a flight school) keep the
//! partner's schedule, so they never list the center's class sessions (AM, PM, ...).

use super::report::{Entry, Reporter, rel};
use crate::catalog::model::{Program, ProgramKind};

pub fn sessions(rep: &mut Reporter, entry: &Entry, p: &Program) {
    let listed = p.session_ids();
    if p.kind != ProgramKind::Partner || listed.is_empty() {
        return;
    }
    let quoted: Vec<String> = listed.iter().map(|s| format!("'{s}'")).collect();
    rep.field(
        entry,
        &rel!["sessions"],
        format!(
            "a partner program lists the center's sessions ({})",
            quoted.join(", ")
        ),
        "a partner program runs on its partner's schedule, not in the center's AM/PM \
         sessions: set \"sessions\" to null and put what the source says about the schedule \
         in \"highlights\"",
    );
}
