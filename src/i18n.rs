//! Languages. The full English/Spanish text table for the screens lives here too.

use serde::{Deserialize, Serialize};

mod en;
mod es;
pub mod report;

pub use en::EN;
pub use es::ES;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    pub fn toggled(self) -> Lang {
        match self {
            Lang::En => Lang::Es,
            Lang::Es => Lang::En,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" | "english" => Ok(Lang::En),
            "es" | "spanish" | "español" | "espanol" => Ok(Lang::Es),
            other => Err(format!("unknown language '{other}': use 'en' or 'es'")),
        }
    }
}

/// Every piece of text the screens show, in one table per language. Adding a field here
/// without filling it for both languages does not compile, so neither language can fall
/// behind. `{}` marks where a value goes ([`fill`]).
pub struct Strings {
    pub press_any_key: &'static str,
    /// The desktop launcher's name and tooltip (the applications menu, autostart).
    pub launcher_name: &'static str,
    pub launcher_comment: &'static str,
    /// Before the event name and site on the attract screen.
    pub welcome: &'static str,
    pub campus: &'static str,
    pub home_title: &'static str,
    pub home_prompt: &'static str,
    pub menu_search: &'static str,
    pub menu_quiz: &'static str,
    pub menu_browse: &'static str,
    pub menu_apply: &'static str,
    pub menu_language: &'static str,
    /// The quiz entry while a quiz is under way: question number, of how many.
    pub menu_quiz_continue: &'static str,
    /// The quiz entry once the quiz is finished: back to the results.
    pub menu_matches: &'static str,
    /// Home's button that ends the visit, so the next student starts clean (key 6).
    pub menu_done: &'static str,
    pub back: &'static str,
    pub home: &'static str,
    pub other_language: &'static str,
    pub search_title: &'static str,
    pub search_prompt: &'static str,
    pub search_placeholder: &'static str,
    pub search_all_programs: &'static str,
    pub search_no_match: &'static str,
    pub search_no_match_hint: &'static str,
    pub search_partial: &'static str,
    pub search_closest: &'static str,
    pub results_count: &'static str,
    pub keys_list: &'static str,
    pub keys_search: &'static str,
    pub browse_title: &'static str,
    pub browse_choose_area: &'static str,
    pub browse_programs_count: &'static str,
    pub filter_campus: &'static str,
    pub filter_session: &'static str,
    pub filter_all: &'static str,
    pub browse_none: &'static str,
    pub keys_browse: &'static str,
    pub detail_what_you_do: &'static str,
    pub detail_careers: &'static str,
    pub detail_certifications: &'static str,
    pub detail_college_credit: &'static str,
    pub detail_a_g: &'static str,
    pub detail_a_g_yes: &'static str,
    pub detail_a_g_no: &'static str,
    pub detail_campus: &'static str,
    pub detail_sessions: &'static str,
    pub detail_who: &'static str,
    pub detail_grades: &'static str,
    pub detail_hours: &'static str,
    pub detail_prerequisites: &'static str,
    pub detail_highlights: &'static str,
    pub detail_sector: &'static str,
    pub detail_more_info: &'static str,
    pub ask_technician: &'static str,
    /// The campus filter's value for programs no source places on a campus.
    pub filter_campus_not_listed: &'static str,
    /// Shown in place of the campus in lists, and as a label on the detail screen.
    pub partner_program: &'static str,
    pub detail_partner_note: &'static str,
    /// Home's line of center figures: programs, % seniors graduating, % completing,
    /// college credits in a year; then the source's name.
    pub about_figures: &'static str,
    pub about_source: &'static str,
    pub keys_detail: &'static str,
    /// How to apply: its text column scrolls when longer than the window.
    pub keys_apply: &'static str,
    pub apply_button: &'static str,
    pub junior: &'static str,
    pub senior: &'static str,
    pub grade_n: &'static str,
    pub still_there_title: &'static str,
    pub still_there_body: &'static str,
    pub too_small: &'static str,
    pub pin_title: &'static str,
    pub pin_prompt: &'static str,
    pub pin_wrong: &'static str,
    pub tech_title: &'static str,
    pub tech_event: &'static str,
    pub tech_idle: &'static str,
    pub tech_qr: &'static str,
    pub tech_refresh: &'static str,
    pub tech_exit: &'static str,
    pub tech_today: &'static str,
    pub tech_log_problem: &'static str,
    pub tech_log_recreated: &'static str,
    pub tech_settings_not_saved: &'static str,
    pub tech_editing: &'static str,
    pub tech_none: &'static str,
    /// Quotation marks around what the student said or picked.
    pub reason_quote: (&'static str, &'static str),
    pub reason_picked: &'static str,
    pub reason_said: &'static str,
    pub reason_both: &'static str,
    pub reason_like: &'static str,
    pub reason_love: &'static str,
    pub reason_and: &'static str,
    pub reason_said_and: &'static str,
    pub tech_sessions: &'static str,
    pub tech_median: &'static str,
    pub tech_quizzes: &'static str,
    pub tech_apply_shown: &'static str,
    pub tech_views: &'static str,
    pub tech_most_viewed: &'static str,
    pub keys_tech: &'static str,
    pub pin_locked: &'static str,
    pub pin_wrong_again: &'static str,
    pub tech_wrong_pins: &'static str,
    pub tech_idle_picking: &'static str,
    pub tech_confirm_exit: &'static str,
    pub setup_title: &'static str,
    pub setup_intro: &'static str,
    pub setup_step: &'static str,
    pub setup_pin: &'static str,
    pub setup_confirm: &'static str,
    pub setup_event: &'static str,
    pub setup_lang: &'static str,
    pub setup_english: &'static str,
    pub setup_spanish: &'static str,
    pub setup_pin_format: &'static str,
    pub setup_pins_differ: &'static str,
    pub setup_keys: &'static str,
    pub out_of_order_title: &'static str,
    pub out_of_order_body: &'static str,
    pub out_of_order_tech: &'static str,
    pub apply_title: &'static str,
    pub apply_open_until: &'static str,
    pub apply_days_left: &'static str,
    pub apply_last_day: &'static str,
    pub apply_not_yet: &'static str,
    pub apply_closed: &'static str,
    /// Closed, and no date can hold the next window (after December 31, 9999).
    pub apply_closed_no_next: &'static str,
    pub apply_approximate: &'static str,
    pub apply_scan: &'static str,
    pub apply_who: &'static str,
    pub apply_adults: &'static str,
    pub apply_bus: &'static str,
    pub apply_counselor: &'static str,
    pub apply_need_bigger: &'static str,
    pub quiz_title: &'static str,
    pub quiz_progress: &'static str,
    pub quiz_question: &'static str,
    pub quiz_hint: &'static str,
    pub answers: [&'static str; 5],
    pub faces: [&'static str; 5],
    pub skip: &'static str,
    pub quiz_back: &'static str,
    pub tiles_title: &'static str,
    pub tiles_hint: &'static str,
    pub tiles_done: &'static str,
    pub tiles_picked: &'static str,
    pub choice_title: &'static str,
    pub results_title: &'static str,
    pub band_strong: &'static str,
    pub band_good: &'static str,
    pub band_worth: &'static str,
    pub results_broad: &'static str,
    pub results_dislike: &'static str,
    /// Flat answers that average less than "like": nothing stood out much.
    pub results_even: &'static str,
    /// Every activity got the same like (4 or 5); tiles picked.
    pub results_same_high: &'static str,
    /// Every activity got the same answer (3 or less); tiles picked.
    pub results_same_flat: &'static str,
    /// Every activity got the same answer and no tile was picked.
    pub results_same_no_tiles: &'static str,
    /// Shown instead of the band on the program chosen at Stage C.
    pub your_pick: &'static str,
    /// The reason when nothing specific is true, one wording per program on a screen.
    pub reason_overall: [&'static str; crate::quiz::SHOWN_TOGETHER],
    pub results_more: &'static str,
    pub results_retake: &'static str,
    pub results_browse: &'static str,
    pub keys_quiz: &'static str,
    pub keys_tiles: &'static str,
    pub keys_choice: &'static str,
    pub keys_results: &'static str,
    pub months: [&'static str; 12],
    /// The attract screen's line about applications: open (with the last day), not yet
    /// open (with the first day), closed (with the next first day).
    pub attract_open: &'static str,
    pub attract_last_day: &'static str,
    pub attract_not_yet: &'static str,
    pub attract_closed: &'static str,
    /// A date from the recurring window, which the catalog marks approximate.
    pub about_date: &'static str,
    /// Under the attract screen's QR code.
    pub attract_scan: &'static str,
    /// One line for every fact of a program nobody has confirmed, then the facts' names.
    pub detail_ask_about: &'static str,
    pub ask_careers: &'static str,
    pub ask_certifications: &'static str,
    pub ask_college_credit: &'static str,
    pub ask_a_g: &'static str,
    pub ask_campus: &'static str,
    pub ask_address: &'static str,
    pub ask_sessions: &'static str,
    pub ask_grades: &'static str,
    pub ask_hours: &'static str,
    pub ask_prerequisites: &'static str,
    /// The list form of an unknown campus, short enough for an 80-column row.
    pub campus_ask_us: &'static str,
    /// The program detail's scroll indicator.
    pub more_below: &'static str,
    pub more_above: &'static str,
    /// A career area's program count in Browse: one, or several.
    pub browse_one_program: &'static str,
}

/// The table for `lang`.
pub fn t(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En => &EN,
        Lang::Es => &ES,
    }
}

/// A date as a family reads it: "March 1, 2027" / "1 de marzo de 2027".
pub fn date(lang: Lang, d: jiff::civil::Date) -> String {
    let day = date_short(lang, d);
    match lang {
        Lang::En => format!("{day}, {}", d.year()),
        Lang::Es => format!("{day} de {}", d.year()),
    }
}

/// A date without its year, for dates within the coming months: "March 1" / "1 de marzo".
pub fn date_short(lang: Lang, d: jiff::civil::Date) -> String {
    let month = t(lang).months[(d.month() as usize).saturating_sub(1).min(11)];
    match lang {
        Lang::En => format!("{month} {}", d.day()),
        Lang::Es => format!("{} de {month}", d.day()),
    }
}

/// 7900 → "7,900": the digit grouping both languages' screens use (the catalog's own
/// Spanish text writes "1,080" too).
pub fn grouped(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Puts `args` into the `{}` slots of `template`, in order.
pub fn fill(template: &str, args: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut rest = template;
    while let Some(at) = rest.find("{}") {
        out.push_str(&rest[..at]);
        if let Some(arg) = args.next() {
            out.push_str(&arg.to_string());
        }
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_places_values_in_order() {
        assert_eq!(
            fill(EN.too_small, &[&40, &10, &80, &24]),
            "Please make this window bigger (now 40x10, need 80x24)."
        );
        assert_eq!(fill("{} and {}", &[&"a"]), "a and ");
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1080), "1,080");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }

    #[test]
    fn lang_parses_and_toggles() {
        assert_eq!("ES".parse::<Lang>(), Ok(Lang::Es));
        assert!("fr".parse::<Lang>().is_err());
        assert_eq!(Lang::En.toggled(), Lang::Es);
    }
}
