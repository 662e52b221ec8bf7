//! One line of the booth log.
//!
//! Written with serde as `{"ts":…,"laptop":…,"session":…,"event":"program_viewed",…}`.
//! `ts` comes first on purpose: a reader that finds a line glued to the fragment of a torn
//! one can find the complete record by looking for `{"ts":`.

use serde::{Deserialize, Serialize};

/// What happened. One variant per line, tagged by `"event"`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    SessionStart,
    ProgramViewed {
        /// The program's catalog id.
        program: String,
        via: Via,
        /// What the student typed; only when `log_search_terms` is on (the caller decides).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        search_terms: Option<String>,
    },
    /// Catalog ids of the quiz's top three recommendations, best first.
    QuizFinished {
        top3: Vec<String>,
    },
    ApplyShown,
    SessionEnd {
        reason: EndReason,
        seconds: u64,
    },
    /// A search that ended with no program matching every word: unmet demand. Only a
    /// count, unless `log_search_terms` is on (then the words too). When a search "ends"
    /// is decided in `App::update` (see the README).
    SearchNoMatch {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        search_terms: Option<String>,
    },
    /// An event kind this version does not know, e.g. written by a newer kiosk. Read so
    /// the report can say what it skipped; never written.
    #[serde(skip)]
    Unknown {
        kind: String,
    },
}

/// How the student reached a program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    Search,
    Browse,
    Quiz,
    Attract,
}

impl Via {
    pub const ALL: [Via; 4] = [Via::Search, Via::Browse, Via::Quiz, Via::Attract];

    pub fn as_str(self) -> &'static str {
        match self {
            Via::Search => "search",
            Via::Browse => "browse",
            Via::Quiz => "quiz",
            Via::Attract => "attract",
        }
    }
}

/// Why a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndReason {
    /// Nobody touched the kiosk for the idle timeout.
    Idle,
    /// The student went back to the attract screen.
    BackToAttract,
    /// A technician opened the menu.
    Technician,
    /// The kiosk was closed.
    Exit,
    /// The kiosk's terminal went away (window closed, session ended) mid-visit.
    TerminalClosed,
}

impl EndReason {
    pub const ALL: [EndReason; 5] = [
        EndReason::Idle,
        EndReason::BackToAttract,
        EndReason::Technician,
        EndReason::Exit,
        EndReason::TerminalClosed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EndReason::Idle => "idle",
            EndReason::BackToAttract => "back_to_attract",
            EndReason::Technician => "technician",
            EndReason::Exit => "exit",
            EndReason::TerminalClosed => "terminal_closed",
        }
    }
}

/// One line of the log.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawRecord")]
pub struct Record {
    /// RFC 3339 with the booth's UTC offset and milliseconds, e.g.
    /// `2025-10-14T09:31:07.250-07:00` (see [`format_ts`]).
    pub ts: String,
    pub laptop: String,
    /// From [`new_session_id`]: random, unrelated to time or student.
    pub session: String,
    #[serde(flatten)]
    pub event: Event,
}

/// The shape read from disk. Deserialising through a flat struct instead of
/// `#[serde(flatten)]` avoids serde's buffering of every field (several times faster on
/// a season of logs) and lets [`Record`] check the timestamp once, at read time.
#[derive(Deserialize)]
struct RawRecord {
    ts: String,
    laptop: String,
    session: String,
    event: EventKind,
    #[serde(default)]
    program: Option<String>,
    #[serde(default)]
    via: Option<Via>,
    #[serde(default)]
    search_terms: Option<String>,
    #[serde(default)]
    top3: Option<Vec<String>>,
    #[serde(default)]
    reason: Option<EndReason>,
    #[serde(default)]
    seconds: Option<u64>,
}

/// The `"event"` field. Deserialised by hand so an unknown kind keeps its name.
enum EventKind {
    SessionStart,
    ProgramViewed,
    QuizFinished,
    ApplyShown,
    SessionEnd,
    SearchNoMatch,
    Unknown(String),
}

impl<'de> Deserialize<'de> for EventKind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KindName;
        impl serde::de::Visitor<'_> for KindName {
            type Value = EventKind;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an event name")
            }
            fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<EventKind, E> {
                Ok(match name {
                    "session_start" => EventKind::SessionStart,
                    "program_viewed" => EventKind::ProgramViewed,
                    "quiz_finished" => EventKind::QuizFinished,
                    "apply_shown" => EventKind::ApplyShown,
                    "session_end" => EventKind::SessionEnd,
                    "search_no_match" => EventKind::SearchNoMatch,
                    other => EventKind::Unknown(other.to_string()),
                })
            }
        }
        d.deserialize_str(KindName)
    }
}

impl TryFrom<RawRecord> for Record {
    type Error = String;

    fn try_from(raw: RawRecord) -> Result<Record, String> {
        if ts_date_hour(&raw.ts).is_none() || raw.ts.parse::<jiff::Timestamp>().is_err() {
            return Err(format!(
                "'ts' is not an RFC 3339 time with an offset: {:?}",
                raw.ts
            ));
        }
        if raw.laptop.is_empty() {
            return Err("'laptop' is empty".into());
        }
        if raw.session.is_empty() {
            return Err("'session' is empty".into());
        }
        let missing = |field: &str| format!("the event needs '{field}'");
        let event = match raw.event {
            EventKind::SessionStart => Event::SessionStart,
            EventKind::ProgramViewed => Event::ProgramViewed {
                program: raw.program.ok_or_else(|| missing("program"))?,
                via: raw.via.ok_or_else(|| missing("via"))?,
                search_terms: raw.search_terms,
            },
            EventKind::QuizFinished => Event::QuizFinished {
                top3: raw.top3.ok_or_else(|| missing("top3"))?,
            },
            EventKind::ApplyShown => Event::ApplyShown,
            EventKind::SessionEnd => Event::SessionEnd {
                reason: raw.reason.ok_or_else(|| missing("reason"))?,
                seconds: raw.seconds.ok_or_else(|| missing("seconds"))?,
            },
            EventKind::SearchNoMatch => Event::SearchNoMatch {
                search_terms: raw.search_terms,
            },
            EventKind::Unknown(kind) => Event::Unknown { kind },
        };
        Ok(Record {
            ts: raw.ts,
            laptop: raw.laptop,
            session: raw.session,
            event,
        })
    }
}

/// A new random session id: 16 hex digits from the thread's CSPRNG, so it says nothing
/// about when the session was or who sat there.
pub fn new_session_id() -> String {
    format!("{:016x}", rand::random::<u64>())
}

/// The log's timestamp format: local wall-clock time with its UTC offset, milliseconds.
/// Milliseconds keep two identical events in one session apart for duplicate detection.
pub fn format_ts(now: &jiff::Zoned) -> String {
    now.strftime("%Y-%m-%dT%H:%M:%S%.3f%:z").to_string()
}

/// The booth's local date and hour, read from the start of a timestamp
/// (`YYYY-MM-DDTHH…`). Counting by the wall clock written at the booth is what a
/// technician expects from "sessions by hour", whatever time zone the report runs in.
pub fn ts_date_hour(ts: &str) -> Option<(jiff::civil::Date, u8)> {
    let b = ts.as_bytes();
    if b.len() < 13 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    let num = |range: std::ops::Range<usize>| -> Option<i32> {
        b[range].iter().try_fold(0i32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + i32::from(c - b'0'))
        })
    };
    let year = i16::try_from(num(0..4)?).ok()?;
    let month = i8::try_from(num(5..7)?).ok()?;
    let day = i8::try_from(num(8..10)?).ok()?;
    let hour = u8::try_from(num(11..13)?).ok().filter(|h| *h < 24)?;
    let date = jiff::civil::Date::new(year, month, day).ok()?;
    Some((date, hour))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_hour_from_timestamp() {
        let (date, hour) = ts_date_hour("2025-10-14T09:31:07.250-07:00").unwrap();
        assert_eq!(date, jiff::civil::date(2025, 10, 14));
        assert_eq!(hour, 9);
        assert!(ts_date_hour("2025-13-14T09:31").is_none());
        assert!(ts_date_hour("2025-10-14T24:00").is_none());
        assert!(ts_date_hour("yesterday").is_none());
    }

    #[test]
    fn record_line_round_trip() {
        let rec = Record {
            ts: "2025-10-14T09:31:07.250-07:00".into(),
            laptop: "booth-1".into(),
            session: new_session_id(),
            event: Event::ProgramViewed {
                program: "auto-tech".into(),
                via: Via::Search,
                search_terms: None,
            },
        };
        let line = serde_json::to_string(&rec).unwrap();
        assert!(line.starts_with("{\"ts\":"), "{line}");
        assert!(!line.contains("search_terms"), "{line}");
        assert_eq!(serde_json::from_str::<Record>(&line).unwrap(), rec);
    }

    #[test]
    fn rejects_incomplete_events() {
        let line = r#"{"ts":"2025-10-14T09:31:07.250-07:00","laptop":"a","session":"b","event":"session_end","reason":"idle"}"#;
        let err = serde_json::from_str::<Record>(line)
            .unwrap_err()
            .to_string();
        assert!(err.contains("seconds"), "{err}");
        let no_offset =
            r#"{"ts":"2025-10-14T09:31:07","laptop":"a","session":"b","event":"apply_shown"}"#;
        assert!(serde_json::from_str::<Record>(no_offset).is_err());
    }

    #[test]
    fn search_no_match_round_trips_with_and_without_words() {
        for search_terms in [None, Some("welding".to_string())] {
            let rec = Record {
                ts: "2025-10-14T09:31:07.250-07:00".into(),
                laptop: "booth-1".into(),
                session: "s".into(),
                event: Event::SearchNoMatch { search_terms },
            };
            let line = serde_json::to_string(&rec).unwrap();
            assert!(line.contains(r#""event":"search_no_match""#), "{line}");
            assert_eq!(serde_json::from_str::<Record>(&line).unwrap(), rec);
        }
    }

    #[test]
    fn unknown_event_kinds_are_read_with_their_name() {
        let line = r#"{"ts":"2025-10-14T09:31:07.250-07:00","laptop":"a","session":"b","event":"badge_scanned","badge":7}"#;
        let rec = serde_json::from_str::<Record>(line).unwrap();
        assert_eq!(
            rec.event,
            Event::Unknown {
                kind: "badge_scanned".into()
            }
        );
        // Never written: a record that somehow holds one fails to encode instead.
        assert!(serde_json::to_string(&rec).is_err());
    }

    #[test]
    fn session_ids_are_16_hex_digits_and_differ() {
        let a = new_session_id();
        assert_eq!(a.len(), 16);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, new_session_id());
    }
}
