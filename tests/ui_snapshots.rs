//! Every screen at 80x24 and 120x40, plus the too-small screen, as committed insta
//! snapshots (glyphs only), and the colour facts a snapshot cannot see.

mod common;

use std::time::Duration;

use common::kiosk::{Kiosk, PIN, text};
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// Draws `k` at both sizes and snapshots each as `<name>_<w>x<h>`.
fn snap(name: &str, k: &mut Kiosk) {
    for (w, h) in SIZES {
        let buf = k.draw(w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), text(&buf));
    }
}

/// The attract screen fills every window from 80x24 to 200x60: block-letter headline,
/// the event, today's application status, the program card, the QR code and the prompt.
#[test]
fn attract() {
    let mut k = Kiosk::with_settings(|s| {
        s.event_name = Some("Career Night".into());
        s.site = Some("Foothill High School".into());
    });
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let screen = text(&k.draw(w, h));
        // At 80 columns the status wraps beside the code; wider, it is one line.
        let status = if w == 80 {
            "Applications are open"
        } else {
            "Applications are open: apply by about March 1"
        };
        for wanted in [
            "Welcome!",
            "Career Night · Foothill High School",
            status,
            "Cosmetology",
            "Scan with your phone's camera",
            "https://roc.kernhigh.org",
            "Press any key or tap the screen to start",
            "F2 Español",
        ] {
            assert!(
                screen.contains(wanted),
                "{w}x{h}: {wanted:?} missing:\n{screen}"
            );
        }
        // The tagline is said once, never again as a closing line.
        assert!(
            screen.matches("juniors and seniors").count() <= 1,
            "{screen}"
        );
        insta::assert_snapshot!(format!("attract_{w}x{h}"), screen);
    }
}

/// The attract screen's code decodes as a phone would read it, on dark and light
/// terminals, at the sizes the booth uses; between them, at any size from 80x24 to 200x60
/// in both languages, the screen draws its prompt and never panics.
#[test]
fn attract_qr_decodes_and_every_size_draws() {
    use common::qr_decode::{Theme, decode_all};
    use roc_kiosk::i18n::{Lang, t};
    const URL: &str = "https://roc.kernhigh.org";
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let buf = Kiosk::new().draw(w, h);
        for theme in [Theme::Dark, Theme::Light] {
            assert_eq!(
                decode_all(&buf, theme),
                vec![URL.to_string()],
                "{w}x{h} {theme:?}"
            );
        }
    }
    for lang in [Lang::En, Lang::Es] {
        let mut k = Kiosk::with_settings(|s| {
            s.default_lang = lang;
            s.event_name = Some("College & Career Night at Foothill High School".into());
            s.site = Some("Foothill High School, Bakersfield".into());
        });
        for w in (80..=200).step_by(11) {
            for h in (24..=60).step_by(4) {
                let screen = text(&k.draw(w, h));
                assert!(
                    screen.contains(t(lang).press_any_key),
                    "{lang:?} {w}x{h}:\n{screen}"
                );
                assert!(screen.contains("Bakersfield"), "{w}x{h}:\n{screen}");
            }
        }
    }
}

#[test]
fn home() {
    snap("home", Kiosk::new().chars("x"));
}

#[test]
fn search_empty_lists_all_programs_by_sector() {
    snap("search_empty", Kiosk::new().chars("x1"));
}

#[test]
fn search_with_results() {
    snap("search_nurs", Kiosk::new().chars("x1nurs"));
}

#[test]
fn search_without_results() {
    snap("search_none", Kiosk::new().chars("x1qqqqzz"));
}

#[test]
fn browse_sectors_and_programs() {
    let mut k = Kiosk::new();
    k.chars("x3");
    snap("browse_sectors", &mut k);
    k.key(KeyCode::End).key(KeyCode::Enter);
    snap("browse_programs", &mut k);
}

/// Programs no source places on a campus are listed under "not listed", never hidden:
/// over the campus choices, every program shows exactly once.
#[test]
fn browse_campus_filter_lists_programs_without_a_campus() {
    let mut k = Kiosk::new();
    k.chars("x3");
    let choices = k.app.campus_filter_choices();
    assert_eq!(choices, k.app.catalog.center.campuses.len() + 1);
    let mut shown = 0;
    for _ in 0..choices {
        k.chars("c");
        shown += k
            .app
            .sectors_with_programs()
            .iter()
            .map(|(_, count)| count)
            .sum::<usize>();
    }
    assert_eq!(shown, k.app.catalog.programs.len());
    let screen = text(&k.draw(80, 24));
    assert!(screen.contains("C Campus: not listed"), "{screen}");
    snap("browse_campus_not_listed", &mut k);
    k.chars("c");
    assert!(text(&k.draw(80, 24)).contains("C Campus: all"));
}

/// Opens the first search hit for `query` and returns its detail drawn tall enough to show
/// every fact at once, after checking that each `wanted` text is there.
fn whole_detail(k: &mut Kiosk, query: &str, wanted: &[&str]) -> String {
    k.chars("x1").chars(query).key(KeyCode::Enter);
    let all = text(&k.draw(100, 80));
    // Wrapped lines read as one text.
    let flat = all.split_whitespace().collect::<Vec<_>>().join(" ");
    for wanted in wanted {
        assert!(flat.contains(wanted), "{wanted:?} missing:\n{all}");
    }
    all
}

/// At every scroll position of every program, in both languages: the last row of the
/// text never shows a heading without its content, the indicator says when there is
/// more, and End, Home, PgUp and PgDn move as they say.
#[test]
fn detail_scrolling_never_strands_a_heading() {
    use roc_kiosk::i18n::{Lang, t};
    for lang in [Lang::En, Lang::Es] {
        let s = t(lang);
        let headings = [
            s.detail_what_you_do,
            s.detail_highlights,
            s.detail_careers,
            s.detail_certifications,
            s.detail_college_credit,
            s.detail_a_g,
            s.detail_campus,
            s.detail_sessions,
            s.detail_who,
            s.detail_hours,
            s.detail_prerequisites,
            s.detail_more_info,
        ];
        let mut k = Kiosk::with_settings(|st| st.default_lang = lang);
        k.chars("x1");
        let mut scrolled_somewhere = false;
        for program in 0..k.app.catalog.programs.len() {
            k.app.student.screen = roc_kiosk::app::Screen::Detail { program };
            k.app.student.scroll = 0;
            k.draw(80, 24);
            let max = k.app.page.max_scroll;
            for scroll in 0..=max {
                k.app.student.scroll = scroll;
                let screen = text(&k.draw(80, 24));
                let rows: Vec<&str> = screen.lines().collect();
                // Rows 2..=20 hold the text at 80x24; row 22 the apply button.
                // Column 79 is the scroll bar's.
                let last: String = rows[20].chars().take(79).collect();
                let last = last.trim();
                assert!(
                    !headings.contains(&last),
                    "{lang:?} program {program} scroll {scroll}: {last:?} stranded:\n{screen}"
                );
                let more = if scroll < max {
                    Some(s.more_below)
                } else if scroll > 0 {
                    Some(s.more_above)
                } else {
                    None
                };
                match more {
                    Some(more) => assert!(rows[22].contains(more), "{screen}"),
                    None => assert!(
                        !rows[22].contains(s.more_below) && !rows[22].contains(s.more_above)
                    ),
                }
            }
            if max > 0 {
                scrolled_somewhere = true;
                k.key(KeyCode::Home);
                assert_eq!(k.app.student.scroll, 0, "Home goes to the top");
                k.key(KeyCode::End);
                assert_eq!(k.app.student.scroll, max, "End goes to the bottom");
                k.key(KeyCode::PageUp);
                let page = max.saturating_sub(k.app.student.scroll);
                assert!(
                    page == max || page == 18,
                    "PgUp moves a screenful (19 rows, less one kept): {page}"
                );
                k.key(KeyCode::PageDown);
                assert_eq!(k.app.student.scroll, max);
            }
        }
        assert!(scrolled_somewhere);
    }
}

/// A partner program says so, gives no campus and no AM/PM time, and lists what its
/// source states. What no source says is named once, on one line, never guessed.
#[test]
fn partner_program_detail() {
    let mut k = Kiosk::new();
    let all = whole_detail(
        &mut k,
        "take flight",
        &[
            "Take Flight (aviation)",
            "Partner program: run with a partner organization",
            "spend 5 more hours observing",
            "Ask a Career Technician about: certifications, college credit, UC/CSU (A-G) \
             credit, where it is taught, class times, hours, what you need before you start",
        ],
    );
    assert_eq!(all.matches("Ask a Career Technician").count(), 1, "{all}");
    for never in [
        "Morning",
        "Afternoon",
        "ROC (Regional",
        "CTEC (Career",
        " Where ",
        " When ",
    ] {
        assert!(!all.contains(never), "{never:?} shown:\n{all}");
    }
    // Its highlights all repeat the description, so none is said a second time.
    assert!(!all.contains("Good to know"), "{all}");
    assert_eq!(all.matches("5 observation hours").count(), 0, "{all}");
    snap("detail_take_flight", &mut k);
}

/// A fact the summary and description both give is not said a third time as a highlight
/// (the auto shop's 2019 building), while a highlight that adds something still shows.
#[test]
fn detail_does_not_repeat_a_fact_three_times() {
    let auto = whole_detail(
        &mut Kiosk::new(),
        "automotive technology",
        &["opened in 2019"],
    );
    assert_eq!(auto.matches("2019").count(), 2, "{auto}");
    assert!(!auto.contains("Shop building opened in 2019"), "{auto}");
    let cosmetology = whole_detail(
        &mut Kiosk::new(),
        "cosmetology",
        &["You may miss at most 10 days (60 hours) in the whole program"],
    );
    assert!(!cosmetology.contains("Student salon open to the public"));
}

/// Cosmetology shows its current program page's facts, and never the old 1,600 hours.
#[test]
fn cosmetology_detail_shows_its_current_facts() {
    let all = whole_detail(
        &mut Kiosk::new(),
        "cosmetology",
        &[
            "Training hours",
            "1,080",
            "Full school day: 7:30–3:00",
            "Cosmetology Certificate of Completion",
            "has a fee)",
            "Grades: seniors",
        ],
    );
    assert!(!all.contains("1,600"), "{all}");
}

#[test]
fn program_detail() {
    let mut k = Kiosk::new();
    let nursing = k.program("nursing-assistant");
    k.chars("x3");
    let row = k
        .app
        .sectors_with_programs()
        .iter()
        .position(|(s, _)| k.app.catalog.sectors[*s].id == "health")
        .unwrap();
    for _ in 0..row {
        k.key(KeyCode::Down);
    }
    k.key(KeyCode::Enter);
    let at = k
        .app
        .programs_in_sector("health")
        .iter()
        .position(|&p| p == nursing)
        .unwrap();
    for _ in 0..at {
        k.key(KeyCode::Down);
    }
    k.key(KeyCode::Enter);
    snap("detail_nursing", &mut k);
}

#[test]
fn still_there() {
    let mut k = Kiosk::new();
    k.chars("x").wait(Duration::from_secs(93));
    snap("still_there", &mut k);
}

#[test]
fn technician_pin_and_menu() {
    let mut k = Kiosk::new();
    k.ctrl('t').chars("12");
    snap("pin", &mut k);
    k.key(KeyCode::Backspace)
        .key(KeyCode::Backspace)
        .chars(PIN)
        .key(KeyCode::Enter);
    snap("tech_menu", &mut k);
}

#[test]
fn too_small_says_how_big() {
    let mut k = Kiosk::new();
    let buf = k.draw(60, 20);
    insta::assert_snapshot!("too_small_60x20", text(&buf));
    assert!(text(&k.draw(79, 24)).contains("now 79x24, need 80x24"));
}

#[test]
fn growing_the_window_restores_the_screen() {
    let mut k = Kiosk::new();
    k.chars("x1vet");
    k.draw(40, 10);
    let buf = k.draw(80, 24);
    assert!(text(&buf).contains("Find a program"));
}

#[test]
fn tiny_and_empty_windows_draw_without_panicking() {
    let mut k = Kiosk::new();
    k.chars("x1vet");
    for (w, h) in [
        (0, 0),
        (1, 1),
        (0, 5),
        (5, 0),
        (2, 80),
        (200, 1),
        (80, 23),
        (79, 24),
    ] {
        k.draw(w, h);
    }
}

#[test]
fn selection_is_visible_without_colour() {
    let mut k = Kiosk::with_settings(|s| s.theme = roc_kiosk::ui::theme::Theme::no_color());
    k.chars("x");
    let buf = k.draw(80, 24);
    let (rect, _) = *k
        .hot
        .iter()
        .find(|(_, t)| *t == roc_kiosk::app::Target::Menu(0))
        .unwrap();
    let cell = &buf[(rect.x + 2, rect.y + 1)];
    assert!(
        cell.modifier.contains(Modifier::REVERSED),
        "the selected menu entry is reversed"
    );
    assert_eq!(
        cell.fg,
        ratatui::style::Color::Reset,
        "and uses no colour under NO_COLOR"
    );
}

/// The "Ask a Career Technician about" line never looks like a heading, with colour or
/// without.
#[test]
fn the_ask_line_is_styled_apart_from_headings() {
    for theme in [
        roc_kiosk::ui::theme::Theme::high_contrast(),
        roc_kiosk::ui::theme::Theme::no_color(),
    ] {
        let mut k = Kiosk::with_settings(|s| s.theme = theme);
        k.chars("x1take flight").key(KeyCode::Enter);
        let buf = k.draw(100, 80);
        let screen = text(&buf);
        let cell_of = |needle: &str| {
            let (y, line) = screen
                .lines()
                .enumerate()
                .find(|(_, l)| l.contains(needle))
                .unwrap_or_else(|| panic!("{needle:?} missing:\n{screen}"));
            let x = line[..line.find(needle).unwrap()].chars().count();
            buf[(x as u16, y as u16)].clone()
        };
        let heading = cell_of("What you do");
        let ask = cell_of("Ask a Career Technician about");
        assert!(ask.modifier.contains(Modifier::ITALIC), "{ask:?}");
        assert_ne!(
            (heading.fg, heading.modifier),
            (ask.fg, ask.modifier),
            "{theme:?}"
        );
    }
}

#[test]
fn search_highlights_the_matched_letters() {
    let mut k = Kiosk::new();
    k.chars("x1nursing");
    let buf = k.draw(80, 24);
    let row = (0..24)
        .find(|&y| {
            text(&buf)
                .lines()
                .nth(y as usize)
                .unwrap()
                .contains("Nursing Assistant")
        })
        .unwrap();
    let line: String = (0..80)
        .map(|x| buf[(x, row)].symbol().to_string())
        .collect();
    let x = line.find("Nursing").unwrap() as u16;
    assert!(
        buf[(x, row)].modifier.contains(Modifier::UNDERLINED),
        "the N of Nursing is highlighted"
    );
}

#[test]
fn quiz_item_tiles_choice_and_results() {
    let mut k = Kiosk::new();
    k.chars("x24");
    snap("quiz_item", &mut k);
    for _ in 1..k.app.catalog.quiz.items.len() {
        k.chars("2");
    }
    k.chars("ac");
    snap("quiz_tiles", &mut k);
    k.key(KeyCode::Enter);
    if matches!(
        k.app.student.quiz.step,
        roc_kiosk::app::QuizStep::Choice(..)
    ) {
        snap("quiz_choice", &mut k);
        k.chars("1");
    }
    snap("quiz_results", &mut k);
}

#[test]
fn apply_screen() {
    let mut k = Kiosk::new();
    k.chars("x4");
    snap("apply", &mut k);
}

/// The list screens, each with a row other than the first selected, and the index of
/// that row as the app counts it.
fn list_screens(theme: roc_kiosk::ui::theme::Theme) -> Vec<(&'static str, Kiosk)> {
    let kiosk = || Kiosk::with_settings(|s| s.theme = theme);
    let mut search = kiosk();
    search.chars("x1nurs").key(KeyCode::Down);
    let mut all_programs = kiosk();
    all_programs
        .chars("x1")
        .key(KeyCode::Down)
        .key(KeyCode::Down);
    let mut areas = kiosk();
    areas.chars("x3").key(KeyCode::Down);
    let mut programs = kiosk();
    programs.chars("x3").key(KeyCode::Enter).key(KeyCode::Down);
    vec![
        ("search results", search),
        ("all programs", all_programs),
        ("career areas", areas),
        ("programs of an area", programs),
    ]
}

fn selected_index(k: &Kiosk) -> usize {
    match k.app.screen() {
        roc_kiosk::app::Screen::Search => k.app.student.search.selected,
        _ => k.app.student.selected,
    }
}

#[test]
fn the_selected_row_of_every_list_is_highlighted_across_its_whole_text() {
    use roc_kiosk::app::Target;
    use roc_kiosk::ui::theme::Theme;
    for (theme_name, theme) in [
        ("high contrast", Theme::high_contrast()),
        ("NO_COLOR", Theme::no_color()),
    ] {
        // A highlighted cell: the selection's background colour, or reverse video when
        // the theme has no colour.
        let highlighted = |cell: &ratatui::buffer::Cell| match theme.selected.bg {
            Some(bg) => cell.bg == bg,
            None => cell.modifier.contains(Modifier::REVERSED),
        };
        for (screen, mut k) in list_screens(theme) {
            let selected = selected_index(&k);
            assert!(selected > 0, "{screen}: the test moves the selection");
            for (w, h) in SIZES {
                let buf = k.draw(w, h);
                let rows: Vec<_> = k
                    .hot
                    .iter()
                    .filter_map(|(rect, t)| match t {
                        Target::Row(i) => Some((*i, *rect)),
                        _ => None,
                    })
                    .collect();
                assert!(rows.len() > 1, "{screen}: several rows visible");
                for (i, rect) in rows {
                    let mut text_cells = 0;
                    for y in rect.top()..rect.bottom() {
                        for x in rect.left()..rect.right() {
                            let cell = &buf[(x, y)];
                            text_cells += usize::from(cell.symbol() != " ");
                            assert_eq!(
                                highlighted(cell),
                                i == selected,
                                "{theme_name}, {screen} {w}x{h}: row {i} cell {x},{y} {:?} \
                                 (selected row {selected})\n{}",
                                cell.symbol(),
                                text(&buf)
                            );
                        }
                    }
                    assert!(text_cells > 3, "{screen}: row {i} has text");
                }
            }
        }
    }
}

/// A program's name longer than its page's title bar can show ends in "…" before the
/// language switch, never under it; one that fits is shown whole. `roc-kiosk check`
/// warns from `name_room`, so the title and the warning must agree on the width.
#[test]
fn a_name_too_long_for_the_title_bar_ends_in_an_ellipsis() {
    use roc_kiosk::i18n::Lang;
    use roc_kiosk::ui::name_room;
    // " ROC + CTEC · " (14 columns), a space, and the switch " F2 Español " with the
    // blank column after it (13): 80 columns leave 52 for the name, one of them the
    // ellipsis of a longer one.
    let room = name_room("ROC + CTEC", Lang::En);
    assert_eq!(room, 52);
    let letters = "Welding and Fabrication Technology ".repeat(3);
    for (len, cut) in [(room, false), (room + 1, true), (90, true)] {
        let mut k = Kiosk::new();
        let vet = k.program("veterinary-technology");
        let name: String = letters.chars().take(len).collect();
        std::sync::Arc::make_mut(&mut k.app.catalog).programs[vet]
            .name
            .en = name.clone();
        k.chars("x1vet").key(KeyCode::Enter);
        let screen = text(&k.draw(80, 24));
        let title = screen.lines().next().unwrap();
        let shown = if cut {
            format!(" ROC + CTEC · {}…", &name[..room - 1])
        } else {
            format!(" ROC + CTEC · {name}")
        };
        assert!(title.starts_with(&shown), "{len}: {title:?}");
        assert!(title.contains(" F2 Español "), "{len}: {title:?}");
        let before_switch = &title[..title.find(" F2 Español ").unwrap()];
        assert_eq!(before_switch.trim_end(), shown, "{len}: {title:?}");
    }
}
