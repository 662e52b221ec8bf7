//! Is the online application open on a given day? Pure: the date comes in.
//!
//! The recurring window opens on `opens` (month/day) and closes, inclusive, on `closes`
//! (month/day): later in the same calendar year when `closes` comes after `opens`,
//! otherwise in the next year (Nov 1 -> Mar 1). A recurring Feb 29 means Feb 28 in
//! years without one.
//!
//! `exact` windows (real dates for one school year) replace the recurring window of
//! the school year in which they open, and any recurring window they overlap. A school
//! year runs July 1 to June 30 (US K-12); it decides whether a closed window is
//! "not yet open" (its window is still ahead this school year) or "closed" (it
//! already happened this school year).

use jiff::civil::Date;

use crate::catalog::model::{ApplicationWindow, ExactWindow, MonthDay};

/// The application window as seen on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowStatus {
    /// Applications are accepted today. `days_left` counts the open days left,
    /// today included: 1 on the last day.
    Open { closes: Date, days_left: i32 },
    /// This school year's window has not opened yet.
    NotYetOpen { opens: Date },
    /// This school year's window is over; the next one opens on `next_opens`, or in a
    /// year no date can hold (after December 31, 9999: `None`).
    Closed {
        closed: Date,
        next_opens: Option<Date>,
    },
}

/// A status plus whether its dates are approximate: true only when the catalog marks
/// the recurring window `approximate` AND a date shown comes from it (exact dates are
/// exact).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusOnDate {
    pub status: WindowStatus,
    pub approximate: bool,
}

/// The window's status on `today`.
pub fn status_on(window: &ApplicationWindow, today: Date) -> WindowStatus {
    status_with_accuracy(window, today).status
}

/// The window's status on `today`, with the `approximate` flag passed through
/// (see [`StatusOnDate`]).
pub fn status_with_accuracy(window: &ApplicationWindow, today: Date) -> StatusOnDate {
    let spans = spans_around(window, today);
    // Open today?
    if let Some(open) = spans.iter().find(|s| s.opens <= today && today <= s.closes) {
        return StatusOnDate {
            status: WindowStatus::Open {
                closes: open.closes,
                days_left: days_between(today, open.closes) + 1,
            },
            approximate: window.approximate && !open.exact,
        };
    }
    let next = spans
        .iter()
        .filter(|s| s.opens > today)
        .min_by_key(|s| s.opens);
    let previous = spans
        .iter()
        .filter(|s| s.closes < today)
        .max_by_key(|s| s.closes);
    let this_school_year = school_year_start(today);
    match (previous, next) {
        (Some(prev), Some(next)) if prev.closes >= this_school_year => StatusOnDate {
            status: WindowStatus::Closed {
                closed: prev.closes,
                next_opens: Some(next.opens),
            },
            approximate: window.approximate && !(prev.exact && next.exact),
        },
        (_, Some(next)) => StatusOnDate {
            status: WindowStatus::NotYetOpen { opens: next.opens },
            approximate: window.approximate && !next.exact,
        },
        // Only reachable in year 9999 for a window that opens and closes within one
        // calendar year, after that year's window: the next one would open in year
        // 10000, which no date can hold, so there is no next date to show. (A window
        // across the new year is open to the calendar's last day instead; see
        // `recurring_span`.)
        (prev, None) => {
            let closed = prev.map_or(today, |p| p.closes);
            StatusOnDate {
                status: WindowStatus::Closed {
                    closed,
                    next_opens: None,
                },
                approximate: window.approximate,
            }
        }
    }
}

/// Today's date in the system's local time zone (UTC when none is configured).
pub fn local_today() -> Date {
    jiff::Zoned::now().date()
}

/// Parses a `YYYY-MM-DD` date, e.g. for `--today 2026-11-01`.
pub fn parse_date(s: &str) -> Result<Date, String> {
    let t = s.trim();
    let b = t.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    let bad = |why: &str| {
        format!("'{s}' is not a valid date ({why}); write it as YYYY-MM-DD, e.g. 2026-11-01")
    };
    if !shape_ok {
        return Err(bad("expected 4-digit year, 2-digit month and day"));
    }
    let num = |r: std::ops::Range<usize>| t[r].parse::<i16>().unwrap_or(-1);
    let (y, m, d) = (num(0..4), num(5..7), num(8..10));
    let (Ok(m8), Ok(d8)) = (i8::try_from(m), i8::try_from(d)) else {
        return Err(bad("month or day out of range"));
    };
    Date::new(y, m8, d8).map_err(|_| bad("no such day in the calendar"))
}

// ---------------------------------------------------------------- internals

/// One concrete window: first and last open day (inclusive).
#[derive(Debug, Clone, Copy)]
struct Span {
    opens: Date,
    closes: Date,
    exact: bool,
}

/// The concrete windows near `today`: recurring ones opening from two years before to
/// one year after, minus those an exact window replaces, plus the exact windows.
fn spans_around(window: &ApplicationWindow, today: Date) -> Vec<Span> {
    let exact: Vec<Span> = window.exact.iter().filter_map(exact_span).collect();
    let year = today.year();
    let mut spans: Vec<Span> = (-2..=1)
        .filter_map(|dy| year.checked_add(dy))
        .filter_map(|y| recurring_span(window.opens, window.closes, y))
        .filter(|r| {
            !exact.iter().any(|e| {
                school_year_start(e.opens) == school_year_start(r.opens)
                    || (e.opens <= r.closes && r.opens <= e.closes)
            })
        })
        .collect();
    spans.extend(exact);
    spans
}

fn exact_span(ex: &ExactWindow) -> Option<Span> {
    let opens = parse_date(&ex.opens).ok()?;
    let closes = parse_date(&ex.closes).ok()?;
    (opens <= closes).then_some(Span {
        opens,
        closes,
        exact: true,
    })
}

/// The recurring window that opens in `year`. A window that would close after the
/// calendar's last day (December 31, 9999) is open until that day, so the last
/// windows read "open until December 31, 9999", not "closed".
fn recurring_span(opens: MonthDay, closes: MonthDay, year: i16) -> Option<Span> {
    let opens_date = month_day_in(opens, year)?;
    let same_year = (closes.month, closes.day) >= (opens.month, opens.day);
    let closes_date = if same_year {
        month_day_in(closes, year)?
    } else {
        year.checked_add(1)
            .and_then(|next| month_day_in(closes, next))
            .unwrap_or(Date::MAX)
    };
    Some(Span {
        opens: opens_date,
        closes: closes_date.max(opens_date),
        exact: false,
    })
}

/// `md` in `year`, clamping the day to the month's length (Feb 29 -> Feb 28 in a
/// common year) and the month to 1..=12, so a bad catalog value cannot panic.
fn month_day_in(md: MonthDay, year: i16) -> Option<Date> {
    let month = md.month.clamp(1, 12) as i8;
    let first = Date::new(year, month, 1).ok()?;
    let day = (md.day.clamp(1, 31) as i8).min(first.days_in_month());
    Date::new(year, month, day).ok()
}

/// July 1 that starts the school year containing `date`.
pub fn school_year_start(date: Date) -> Date {
    let year = if date.month() >= 7 {
        date.year()
    } else {
        date.year() - 1
    };
    Date::new(year, 7, 1).unwrap_or(Date::MIN)
}

fn days_between(from: Date, to: Date) -> i32 {
    from.until(to).map(|span| span.get_days()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_date_accepts_only_yyyy_mm_dd() {
        assert_eq!(parse_date("2026-11-01"), Ok(jiff::civil::date(2026, 11, 1)));
        assert_eq!(
            parse_date(" 2028-02-29 "),
            Ok(jiff::civil::date(2028, 2, 29))
        );
        for bad in [
            "2027-02-29",
            "2026-13-01",
            "2026-1-1",
            "20261101",
            "2026-11-01T00:00",
            "",
            "abcd-ef-gh",
            "2026-11-00",
        ] {
            let err = parse_date(bad).unwrap_err();
            assert!(err.contains("YYYY-MM-DD"), "{bad}: {err}");
        }
    }

    #[test]
    fn the_last_day_of_the_calendar_reads_correctly() {
        let window = ApplicationWindow {
            opens: MonthDay { month: 11, day: 1 },
            closes: MonthDay { month: 3, day: 1 },
            approximate: true,
            exact: vec![],
        };
        let last = jiff::civil::date(9999, 12, 31);
        // Once said "closed March 1, 9999; the next window opens March 1, 9999".
        assert_eq!(
            status_on(&window, last),
            WindowStatus::Open {
                closes: last,
                days_left: 1
            }
        );
        assert_eq!(
            status_on(&window, jiff::civil::date(9999, 11, 1)),
            WindowStatus::Open {
                closes: last,
                days_left: 61
            }
        );
        assert_eq!(
            status_on(&window, jiff::civil::date(9999, 6, 1)),
            WindowStatus::Closed {
                closed: jiff::civil::date(9999, 3, 1),
                next_opens: Some(jiff::civil::date(9999, 11, 1))
            }
        );
    }

    #[test]
    fn a_window_within_one_year_after_its_last_one_has_no_next_date() {
        let window = ApplicationWindow {
            opens: MonthDay { month: 3, day: 1 },
            closes: MonthDay { month: 5, day: 1 },
            approximate: false,
            exact: vec![],
        };
        // Once said "the next window opens May 1, 9999", a date already past.
        assert_eq!(
            status_on(&window, jiff::civil::date(9999, 12, 31)),
            WindowStatus::Closed {
                closed: jiff::civil::date(9999, 5, 1),
                next_opens: None
            }
        );
    }

    #[test]
    fn bad_month_days_clamp_instead_of_panicking() {
        let md = |month, day| MonthDay { month, day };
        assert_eq!(
            month_day_in(md(2, 31), 2027),
            Some(jiff::civil::date(2027, 2, 28))
        );
        assert_eq!(
            month_day_in(md(0, 0), 2027),
            Some(jiff::civil::date(2027, 1, 1))
        );
        assert_eq!(
            month_day_in(md(255, 255), 2027),
            Some(jiff::civil::date(2027, 12, 31))
        );
        assert_eq!(month_day_in(md(3, 1), i16::MAX), None);
    }
}
