//! Application-window status on the days where it changes.

use jiff::civil::{Date, date};
use roc_kiosk::apply::{WindowStatus, parse_date, status_on, status_with_accuracy};
use roc_kiosk::catalog::model::{ApplicationWindow, ExactWindow, MonthDay};

fn recurring(opens: (u8, u8), closes: (u8, u8)) -> ApplicationWindow {
    ApplicationWindow {
        opens: MonthDay {
            month: opens.0,
            day: opens.1,
        },
        closes: MonthDay {
            month: closes.0,
            day: closes.1,
        },
        approximate: true,
        exact: vec![],
    }
}

/// The bundled catalog's window: early November to early March.
fn nov_to_mar() -> ApplicationWindow {
    recurring((11, 1), (3, 1))
}

fn open(closes: Date, days_left: i32) -> WindowStatus {
    WindowStatus::Open { closes, days_left }
}

#[test]
fn the_bundled_catalog_window_matches_these_tests() {
    let catalog = roc_kiosk::catalog::Catalog::load(&roc_kiosk::catalog::CatalogSource::Bundled)
        .expect("bundled catalog loads");
    let w = &catalog.center.application.window;
    println!(
        "bundled window: opens {:?} closes {:?} approximate {} exact {}",
        w.opens,
        w.closes,
        w.approximate,
        w.exact.len()
    );
    assert_eq!(
        status_on(w, date(2026, 12, 31)),
        status_on(&nov_to_mar(), date(2026, 12, 31))
    );
}

#[test]
fn days_around_the_opening_and_the_new_year() {
    let w = nov_to_mar();
    // Oct 31: not yet open, opens tomorrow.
    assert_eq!(
        status_on(&w, date(2026, 10, 31)),
        WindowStatus::NotYetOpen {
            opens: date(2026, 11, 1)
        }
    );
    // Nov 1: the first open day; Nov 1 .. Mar 1 inclusive is 121 days (2027 is common).
    assert_eq!(
        status_on(&w, date(2026, 11, 1)),
        open(date(2027, 3, 1), 121)
    );
    assert_eq!(
        status_on(&w, date(2026, 12, 31)),
        open(date(2027, 3, 1), 61)
    );
    assert_eq!(status_on(&w, date(2027, 1, 1)), open(date(2027, 3, 1), 60));
    // September, early in the school year: not yet open.
    assert_eq!(
        status_on(&w, date(2026, 9, 1)),
        WindowStatus::NotYetOpen {
            opens: date(2026, 11, 1)
        }
    );
}

#[test]
fn the_last_open_day_and_the_day_after() {
    let w = nov_to_mar();
    assert_eq!(status_on(&w, date(2027, 3, 1)), open(date(2027, 3, 1), 1));
    let closed = WindowStatus::Closed {
        closed: date(2027, 3, 1),
        next_opens: Some(date(2027, 11, 1)),
    };
    assert_eq!(status_on(&w, date(2027, 3, 2)), closed);
    // Still "closed" (this school year's window is over) through June...
    assert_eq!(status_on(&w, date(2027, 6, 30)), closed);
    // ...and from July 1, a new school year, "not yet open".
    assert_eq!(
        status_on(&w, date(2027, 7, 1)),
        WindowStatus::NotYetOpen {
            opens: date(2027, 11, 1)
        }
    );
}

#[test]
fn leap_years() {
    let w = nov_to_mar();
    // Feb 29 of a leap year is inside the window: Feb 29 and Mar 1 are left.
    assert_eq!(status_on(&w, date(2028, 2, 29)), open(date(2028, 3, 1), 2));
    // Nov 1 2027 -> Mar 1 2028 has one day more than a common window.
    assert_eq!(
        status_on(&w, date(2027, 11, 1)),
        open(date(2028, 3, 1), 122)
    );

    // A recurring window closing on Feb 29 closes Feb 28 in common years.
    let w = recurring((11, 1), (2, 29));
    assert_eq!(status_on(&w, date(2027, 2, 28)), open(date(2027, 2, 28), 1));
    assert_eq!(
        status_on(&w, date(2027, 3, 1)),
        WindowStatus::Closed {
            closed: date(2027, 2, 28),
            next_opens: Some(date(2027, 11, 1))
        }
    );
    assert_eq!(status_on(&w, date(2028, 2, 29)), open(date(2028, 2, 29), 1));
    assert_eq!(status_on(&w, date(2028, 2, 28)), open(date(2028, 2, 29), 2));

    // A window opening on Feb 29 opens Feb 28 in common years.
    let w = recurring((2, 29), (4, 30));
    assert_eq!(
        status_on(&w, date(2027, 2, 28)),
        open(date(2027, 4, 30), 62)
    );
    assert_eq!(
        status_on(&w, date(2028, 2, 28)),
        WindowStatus::NotYetOpen {
            opens: date(2028, 2, 29)
        }
    );
}

#[test]
fn a_window_within_one_calendar_year() {
    let w = recurring((1, 10), (3, 15));
    assert_eq!(
        status_on(&w, date(2027, 1, 10)),
        open(date(2027, 3, 15), 65)
    );
    assert_eq!(
        status_on(&w, date(2026, 12, 1)),
        WindowStatus::NotYetOpen {
            opens: date(2027, 1, 10)
        }
    );
    assert_eq!(
        status_on(&w, date(2027, 3, 16)),
        WindowStatus::Closed {
            closed: date(2027, 3, 15),
            next_opens: Some(date(2028, 1, 10))
        }
    );
}

fn with_exact(years: &[(&str, &str, &str)]) -> ApplicationWindow {
    let mut w = nov_to_mar();
    w.exact = years
        .iter()
        .map(|(sy, o, c)| ExactWindow {
            school_year: sy.to_string(),
            opens: o.to_string(),
            closes: c.to_string(),
        })
        .collect();
    w
}

#[test]
fn exact_dates_win_for_their_school_year() {
    // Real dates for the 2026-27 cycle: opens Nov 3 2026, closes Mar 6 2027.
    let w = with_exact(&[("2026-27", "2026-11-03", "2027-03-06")]);
    // Nov 1 would be open under the recurring rule; the exact window says not yet.
    let s = status_with_accuracy(&w, date(2026, 11, 1));
    assert_eq!(
        s.status,
        WindowStatus::NotYetOpen {
            opens: date(2026, 11, 3)
        }
    );
    assert!(!s.approximate, "exact dates are not approximate");
    assert_eq!(
        status_on(&w, date(2026, 11, 3)),
        open(date(2027, 3, 6), 124)
    );
    // Mar 2..6 2027 are open only because of the exact window.
    assert_eq!(status_on(&w, date(2027, 3, 6)), open(date(2027, 3, 6), 1));
    // After it: closed, and the next opening falls back to the recurring rule.
    let s = status_with_accuracy(&w, date(2027, 3, 7));
    assert_eq!(
        s.status,
        WindowStatus::Closed {
            closed: date(2027, 3, 6),
            next_opens: Some(date(2027, 11, 1))
        }
    );
    assert!(
        s.approximate,
        "the next opening comes from the approximate rule"
    );
}

#[test]
fn years_without_exact_dates_fall_back_to_the_recurring_window() {
    let w = with_exact(&[("2026-27", "2026-11-03", "2027-03-06")]);
    // The year before and the year after use Nov 1 .. Mar 1.
    let s = status_with_accuracy(&w, date(2025, 11, 1));
    assert_eq!(s.status, open(date(2026, 3, 1), 121));
    assert!(s.approximate);
    assert_eq!(
        status_on(&w, date(2027, 11, 1)),
        open(date(2028, 3, 1), 122)
    );
    assert_eq!(
        status_on(&w, date(2028, 3, 2)),
        WindowStatus::Closed {
            closed: date(2028, 3, 1),
            next_opens: Some(date(2028, 11, 1))
        }
    );
    // Between the recurring 2025-26 close and the exact 2026-27 opening.
    assert_eq!(
        status_on(&w, date(2026, 10, 1)),
        WindowStatus::NotYetOpen {
            opens: date(2026, 11, 3)
        }
    );
}

#[test]
fn an_exact_window_with_bad_dates_is_ignored() {
    let w = with_exact(&[
        ("2026-27", "2026-11-31", "2027-03-06"),
        ("2027-29", "2027-11-05", "2027-11-01"),
    ]);
    // (The catalog validator refuses such windows with a located error; see the
    // window-* fixtures in tests/fixtures/bad-catalogs.) Here: both are skipped: the recurring rule applies.
    assert_eq!(
        status_on(&w, date(2026, 11, 1)),
        open(date(2027, 3, 1), 121)
    );
    assert_eq!(
        status_on(&w, date(2027, 11, 2)),
        open(date(2028, 3, 1), 121)
    );

    let bad_recurring = recurring((13, 1), (2, 30));
    // Never panics, whatever the values.
    for day in [date(2026, 1, 1), date(9999, 12, 31), date(-9999, 1, 1)] {
        let _ = status_on(&bad_recurring, day);
        let _ = status_on(&nov_to_mar(), day);
    }
}

#[test]
fn approximate_flag_passes_through_for_recurring_dates() {
    let mut w = nov_to_mar();
    assert!(status_with_accuracy(&w, date(2026, 12, 1)).approximate);
    w.approximate = false;
    assert!(!status_with_accuracy(&w, date(2026, 12, 1)).approximate);
}

#[test]
fn parse_date_for_the_command_line() {
    assert_eq!(parse_date("2027-03-01"), Ok(date(2027, 3, 1)));
    assert!(parse_date("03/01/2027").is_err());
}
