//! `roc-kiosk quiz --answers FILE [--json] [--lang en|es] [--catalog DIR]`
//!
//! Scores an answer sheet exactly as the kiosk does, so a technician (or a test) can see
//! what a set of answers recommends and why.

use std::path::{Path, PathBuf};

use clap::Args;
use serde_json::json;

use super::CatalogArg;
use super::output::{CliError, print, print_json};
use crate::catalog::Catalog;
use crate::i18n::Lang;
use crate::jsonloc::read::{ReadError, read_text};
use crate::jsonloc::without_position;
use crate::quiz::{self, Answers, Band, Outcome, Profile, Reason};

/// Sheets larger than this are refused before parsing (a real one is under 1 KB).
const MAX_SHEET_BYTES: u64 = 1024 * 1024;
/// Programs listed in the text output.
const TEXT_LIMIT: usize = 10;

const SHEET_EXAMPLE: &str =
    r#"{"items": {"r_car": 5, "s_care": 2}, "tiles": ["engines"], "choice": "program-id"}"#;

#[derive(Debug, Args)]
pub struct QuizArgs {
    /// A JSON answer sheet: {"items": {"item_id": 1-5}, "tiles": ["tile_id", …], "choice": "program_id"}
    #[arg(long, value_name = "FILE")]
    pub answers: PathBuf,
    /// Print JSON (every program, with scores) instead of a table of the top 10.
    #[arg(long)]
    pub json: bool,
    /// Language of names and reasons: en or es.
    #[arg(long, default_value = "en")]
    pub lang: Lang,
    #[command(flatten)]
    pub catalog: CatalogArg,
}

pub fn run(args: QuizArgs) -> Result<(), CliError> {
    let catalog = args.catalog.load()?;
    let answers = read_sheet(&args.answers, &catalog).map_err(CliError::input)?;
    let outcome = quiz::recommend(&catalog, &answers);
    let tiebreak = quiz::tiebreak(&catalog, &answers);
    if args.json {
        let value = to_json(&catalog, &outcome, tiebreak, args.lang);
        let text = serde_json::to_string_pretty(&value)
            .map_err(|e| CliError::failed(format!("quiz: could not write JSON: {e}")))?;
        print_json(&format!("{text}\n"))
    } else {
        print(&to_text(&catalog, &outcome, tiebreak, args.lang))
    }
}

/// Reads, parses and validates a sheet; the error says which file, where, what and what to do.
pub fn read_sheet(path: &Path, catalog: &Catalog) -> Result<Answers, String> {
    let file = path.display();
    let text = read_text(path, MAX_SHEET_BYTES).map_err(|e| match e {
        ReadError::TooBig { .. } => {
            format!(
                "{file}: {} — give a sheet like {SHEET_EXAMPLE}",
                e.message()
            )
        }
        ReadError::NotUtf8 { .. } => format!("{file}: {} — save it as UTF-8", e.message()),
        _ => format!("{file}: {} — check the path", e.message()),
    })?;
    let answers = parse_sheet(&text).map_err(|e| format!("{file}:{e}"))?;
    quiz::validate_answers(catalog, &answers).map_err(|problems| {
        let mut message = format!(
            "{file}: the answer sheet has {} problem(s):",
            problems.len()
        );
        for problem in problems {
            message.push_str("\n  ");
            message.push_str(&problem);
        }
        message
    })?;
    Ok(answers)
}

/// Parses sheet text; the error starts with "line:column: ".
fn parse_sheet(text: &str) -> Result<Answers, String> {
    serde_json::from_str(text).map_err(|e| {
        format!(
            "{}:{}: {} — fix the JSON there; a sheet looks like {SHEET_EXAMPLE}",
            e.line(),
            e.column(),
            without_position(&e)
        )
    })
}

fn band_name(band: Band) -> &'static str {
    match band {
        Band::Strong => "strong",
        Band::Good => "good",
        Band::WorthALook => "worth a look",
    }
}

fn profile_name(profile: Profile) -> &'static str {
    match profile {
        Profile::Normal => "normal",
        Profile::Broad { .. } => "broad",
        Profile::AllSame { .. } => "all_same",
        Profile::AllDislike => "all_dislike",
        Profile::Empty => "empty",
    }
}

fn profile_note(profile: Profile) -> Option<&'static str> {
    match profile {
        Profile::Normal => None,
        Profile::Broad { .. } => Some(
            "Broad: the answers are too flat (or too few) to show a shape; the ranking leans on the tiles picked.",
        ),
        Profile::AllSame { .. } => Some(
            "All the same: every answered item got the same answer; the ranking rests on the tiles picked.",
        ),
        Profile::AllDislike => Some(
            "All dislikes: no activity or tile was liked; these are the least unlikely programs (the kiosk points to Browse).",
        ),
        Profile::Empty => Some("Empty: nothing was answered; the order below is only a fallback."),
    }
}

fn to_text(
    catalog: &Catalog,
    outcome: &Outcome,
    tiebreak: Option<(usize, usize)>,
    lang: Lang,
) -> String {
    let mut out = String::new();
    out.push_str(&format!("Profile: {}\n", profile_name(outcome.profile)));
    if let Some(note) = profile_note(outcome.profile) {
        out.push_str(&format!("{note}\n"));
    }
    if let Some((a, b)) = tiebreak {
        out.push_str(&format!(
            "Stage C: '{}' and '{}' are close; the kiosk would ask which sounds better (add \"choice\": \"<id>\" to the sheet).\n",
            catalog.programs[a].id, catalog.programs[b].id
        ));
    }
    let rows: Vec<_> = outcome.ranked.iter().take(TEXT_LIMIT).collect();
    let id_width = rows
        .iter()
        .map(|r| catalog.programs[r.program].id.chars().count())
        .max()
        .unwrap_or(2)
        .max(2);
    out.push_str(&format!(
        "{:>3}  {:<id_width$}  {:<12}  name / because\n",
        "#", "id", "band"
    ));
    for (rank, rec) in rows.iter().enumerate() {
        let program = &catalog.programs[rec.program];
        out.push_str(&format!(
            "{:>3}  {:<id_width$}  {:<12}  {}\n",
            rank + 1,
            program.id,
            if rec.picked {
                "your pick"
            } else {
                band_name(rec.band)
            },
            program.name.get(lang)
        ));
        let because = crate::ui::quiz::reason_sentence(catalog, &rec.reasons, lang);
        if !because.is_empty() {
            out.push_str(&format!(
                "{:>3}  {:<id_width$}  {:<12}  {because}\n",
                "", "", ""
            ));
        }
    }
    out
}

fn to_json(
    catalog: &Catalog,
    outcome: &Outcome,
    tiebreak: Option<(usize, usize)>,
    lang: Lang,
) -> serde_json::Value {
    let ranked: Vec<_> = outcome
        .ranked
        .iter()
        .enumerate()
        .map(|(rank, rec)| {
            let program = &catalog.programs[rec.program];
            let reasons: Vec<_> = rec
                .reasons
                .iter()
                .map(|reason| match reason {
                    Reason::LikedItem { item, strongly } => {
                        json!({"item": item, "strongly": strongly})
                    }
                    Reason::PickedTile { tile } => json!({"tile": tile}),
                    Reason::CloseOverall { .. } => json!({"close_overall": true}),
                })
                .collect();
            json!({
                "rank": rank + 1,
                "id": program.id,
                "name": program.name.get(lang),
                "band": band_name(rec.band),
                "picked": rec.picked,
                "score": (rec.score * 1000.0).round() / 1000.0,
                "reasons": reasons,
                "because": crate::ui::quiz::reason_sentence(catalog, &rec.reasons, lang),
            })
        })
        .collect();
    json!({
        "profile": profile_name(outcome.profile),
        "tiebreak": tiebreak.map(|(a, b)| [&catalog.programs[a].id, &catalog.programs[b].id]),
        "ranked": ranked,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_syntax_errors_give_line_and_column() {
        let err = parse_sheet("{\n  \"items\": {\"r_car\": 4,}\n}").unwrap_err();
        assert!(err.starts_with("2:"), "{err}");
        assert!(!err.contains(" at line "), "{err}");
        let err = parse_sheet(r#"{"items": {"r_car": 9000}}"#).unwrap_err();
        assert!(err.starts_with("1:"), "{err}");
        let err = parse_sheet(r#"{"itemz": {}}"#).unwrap_err();
        assert!(err.contains("itemz"), "{err}");
    }

    #[test]
    fn a_sheet_with_unknown_ids_is_refused_with_every_problem() {
        let catalog = Catalog::bundled().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sheet.json");
        std::fs::write(
            &path,
            r#"{"items": {"r_car": 6, "zzz": 3}, "tiles": ["dragons"]}"#,
        )
        .unwrap();
        let err = read_sheet(&path, &catalog).unwrap_err();
        assert!(
            err.contains("sheet.json: the answer sheet has 3 problem(s)"),
            "{err}"
        );
        let missing = read_sheet(&dir.path().join("nope.json"), &catalog).unwrap_err();
        assert!(missing.contains("nope.json: cannot read"), "{missing}");
    }

    #[test]
    fn text_output_lists_programs_with_bands_and_reasons() {
        let catalog = Catalog::bundled().unwrap();
        let answers: Answers =
            serde_json::from_str(r#"{"items": {"s_care": 5, "r_car": 1, "a_animate": 1, "e_lead": 2, "c_office": 4, "i_medicine": 4}, "tiles": ["caring"]}"#)
                .unwrap();
        let outcome = quiz::recommend(&catalog, &answers);
        let text = to_text(&catalog, &outcome, None, Lang::En);
        assert!(text.starts_with("Profile: normal\n"), "{text}");
        assert!(text.contains("  1  "), "{text}");
        assert!(text.contains("You picked"), "{text}");
        let value = to_json(&catalog, &outcome, None, Lang::Es);
        assert_eq!(value["ranked"][0]["rank"], 1);
        assert!(
            value["ranked"][0]["because"]
                .as_str()
                .unwrap()
                .starts_with("Elegiste")
        );
    }
}
