//! The technician's screens: the PIN prompt and the menu (event name, idle timeout, a
//! preview of the QR code, today's figures, exit).

use std::time::Duration;

use super::move_selection;
use crate::app::action::{Action, is_tech};
use crate::app::msg::{Effect, EndReason};
use crate::app::state::{App, Screen, TechItem, event_name_field};
use crate::config::IDLE_TIMEOUT_RANGE;

/// The idle timeouts the technician menu offers (seconds), inside the config's range.
pub const IDLE_CHOICES: [u64; 12] = [15, 30, 45, 60, 90, 120, 180, 300, 600, 900, 1800, 3600];

impl App {
    /// The technician takes over: the student's visit ends here, whatever happens next.
    /// Asks the loop to read the config's PIN again, so a PIN set with `set-pin` while the
    /// kiosk runs is in force by the time the technician presses Enter.
    pub(in crate::app) fn open_pin(&mut self, fx: &mut Vec<Effect>) {
        if !is_tech(self.screen()) {
            self.reset(EndReason::Technician, fx);
            self.student.screen = Screen::Pin;
            fx.push(Effect::ReloadPin);
        }
    }

    pub(super) fn on_pin(&mut self, action: Action, fx: &mut Vec<Effect>) {
        // While locked, the prompt takes no digits and checks nothing; Esc still leaves.
        if self.tech.lock.remaining(self.now).is_some() && action != Action::Back {
            self.tech.pin.clear();
            return;
        }
        match action {
            Action::Edit(edit) => {
                self.tech.pin.apply(&edit);
            }
            Action::Back => self.reset(EndReason::Technician, fx),
            Action::Confirm => self.check_pin(fx),
            _ => {}
        }
    }

    fn check_pin(&mut self, fx: &mut Vec<Effect>) {
        let entered = self.tech.pin.take();
        let verdict = (self.pin_ok)(&entered);
        if !verdict.accepted {
            return self.tech.lock.wrong_pin(self.now);
        }
        fx.extend(verdict.rehashed.map(Effect::SavePinHash));
        if self.out_of_order {
            // Out of order, the PIN's only use is to end the kiosk.
            return fx.push(Effect::Quit);
        }
        self.tech.wrong_before_unlock = self.tech.lock.wrong;
        self.tech.lock = Default::default();
        self.tech.selected = TechItem::default();
        self.student.screen = Screen::Tech;
        fx.push(Effect::RefreshTechFigures);
    }

    pub(super) fn on_tech(&mut self, action: Action, fx: &mut Vec<Effect>) {
        // An entry chosen (its key, or a tap) closes whatever is open first: an unsaved
        // edit, the idle picker, the exit question (to which a second Exit is the yes).
        if let Action::Tech(item) = action {
            let confirming = std::mem::take(&mut self.tech.confirm_exit);
            self.tech.editing_event = None;
            self.tech.picking_idle = None;
            if confirming && item == TechItem::Exit {
                return fx.push(Effect::Quit);
            }
            return self.tech_item(item, fx);
        }
        if let Some(name) = &mut self.tech.editing_event {
            match action {
                Action::Edit(edit) => {
                    name.apply(&edit);
                }
                Action::Confirm => {
                    let name = name.as_str().trim();
                    self.settings.event_name = (!name.is_empty()).then(|| name.to_string());
                    self.tech.editing_event = None;
                    fx.push(self.save_settings());
                }
                Action::Back => self.tech.editing_event = None,
                _ => {}
            }
            return;
        }
        if let Some(secs) = self.tech.picking_idle {
            match action {
                Action::Adjust(step) => self.tech.picking_idle = Some(idle_choice(secs, step)),
                Action::Confirm => {
                    self.tech.picking_idle = None;
                    self.settings.idle_timeout = Duration::from_secs(secs);
                    fx.push(self.save_settings());
                }
                Action::Back => self.tech.picking_idle = None,
                _ => {}
            }
            return;
        }
        if std::mem::take(&mut self.tech.confirm_exit) {
            // Only a clear yes ends the kiosk; any other answer is no and the menu stays.
            if action == Action::Confirm {
                fx.push(Effect::Quit);
            }
            return;
        }
        match action {
            Action::Back => self.reset(EndReason::Technician, fx),
            Action::Confirm => self.tech_item(self.tech.selected, fx),
            Action::Move(by) => {
                let mut at = self.tech.selected.position();
                move_selection(&mut at, TechItem::ALL.len(), by);
                self.tech.selected = TechItem::ALL[at];
            }
            _ => {}
        }
    }

    fn tech_item(&mut self, item: TechItem, fx: &mut Vec<Effect>) {
        self.tech.selected = item;
        match item {
            TechItem::EventName => {
                let name = self.settings.event_name.as_deref().unwrap_or_default();
                self.tech.editing_event = Some(event_name_field(name));
            }
            // Shows the value; ←/→ pick another, Enter saves it.
            TechItem::IdleTimeout => {
                self.tech.picking_idle = Some(self.settings.idle_timeout.as_secs())
            }
            TechItem::PreviewQr => {
                // Preview the QR as a student would see it; Esc comes back to the menu.
                self.student.history = vec![Screen::Tech];
                self.student.screen = Screen::Apply;
            }
            TechItem::Figures => fx.push(Effect::RefreshTechFigures),
            TechItem::Exit => self.tech.confirm_exit = true,
        }
    }

    fn save_settings(&self) -> Effect {
        Effect::SaveSettings {
            event_name: self.settings.event_name.clone(),
            idle_timeout_secs: self.settings.idle_timeout.as_secs(),
        }
    }
}

/// The next idle-timeout choice above (`step` 1) or below (-1) `secs`, staying at the
/// ends. A value from the config that is not a choice moves to its neighbour.
fn idle_choice(secs: u64, step: i8) -> u64 {
    let next = if step > 0 {
        IDLE_CHOICES.iter().find(|&&c| c > secs)
    } else {
        IDLE_CHOICES.iter().rev().find(|&&c| c < secs)
    };
    next.copied()
        .unwrap_or(secs)
        .clamp(*IDLE_TIMEOUT_RANGE.start(), *IDLE_TIMEOUT_RANGE.end())
}
