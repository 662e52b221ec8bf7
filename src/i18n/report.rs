//! The booth report's text (the HTML page and the technician menu's chart), English and
//! Spanish. Kept beside the screens' table so the report's many labels do not crowd it;
//! the same rule holds: a field filled for one language and not the other does not
//! compile. `{}` marks where a value goes ([`super::fill`]).

use super::Lang;

pub struct ReportText {
    pub title: &'static str,
    /// "{first} to {last}".
    pub period: &'static str,
    pub laptops: &'static str,
    pub one_laptop: &'static str,
    pub anonymous: &'static str,
    pub overview: &'static str,
    pub visits: &'static str,
    pub median_visit: &'static str,
    pub quizzes_finished: &'static str,
    pub apply_shown: &'static str,
    pub program_views: &'static str,
    pub searches_no_match: &'static str,
    pub visits_by_hour: &'static str,
    pub hour_note: &'static str,
    pub visits_by_day: &'static str,
    /// Tooltip of a bar: "{label}: {n} visits".
    pub n_visits: &'static str,
    pub n_views: &'static str,
    pub n_times: &'static str,
    pub n_searches: &'static str,
    pub programs: &'static str,
    pub top_programs: &'static str,
    pub reached_by: &'static str,
    pub via: [&'static str; 4],
    pub more_programs: &'static str,
    pub no_views: &'static str,
    pub quiz: &'static str,
    pub quiz_recommended: &'static str,
    pub quiz_none: &'static str,
    pub unmet: &'static str,
    pub unmet_explain: &'static str,
    pub unmet_by_day: &'static str,
    pub unmet_words: &'static str,
    pub unmet_words_off: &'static str,
    pub unmet_none: &'static str,
    pub words: &'static str,
    pub times: &'static str,
    pub laptop: &'static str,
    pub top_five: &'static str,
    pub skipped: &'static str,
    pub skipped_nothing: &'static str,
    pub skipped_torn: &'static str,
    pub skipped_invalid: &'static str,
    pub skipped_unknown: &'static str,
    pub skipped_future: &'static str,
    pub skipped_duplicates: &'static str,
    pub skipped_files: &'static str,
    pub skipped_details: &'static str,
    pub no_data: &'static str,
    pub no_data_body: &'static str,
    pub generated: &'static str,
    pub apply_online: &'static str,
    /// The technician menu's chart.
    pub tech_by_hour: &'static str,
    pub tech_no_visits: &'static str,
    pub months_short: [&'static str; 12],
}

pub const EN: ReportText = ReportText {
    title: "Booth report",
    period: "{} to {}",
    laptops: "{} laptops",
    one_laptop: "1 laptop",
    anonymous: "Anonymous figures: the booth log holds no names and no free text.",
    overview: "At a glance",
    visits: "Visits",
    median_visit: "Median visit length",
    quizzes_finished: "Quizzes finished",
    apply_shown: "Apply screens shown",
    program_views: "Program views",
    searches_no_match: "Searches with no match",
    visits_by_hour: "Visits by hour of day",
    hour_note: "Booth local time; a visit counts in the hour it started.",
    visits_by_day: "Visits by day",
    n_visits: "{}: {} visits",
    n_views: "{}: {} views",
    n_times: "{}: {} times",
    n_searches: "{}: {} searches",
    programs: "Programs",
    top_programs: "Most viewed programs, and how students got there",
    reached_by: "Reached by",
    via: ["Search", "Browse", "Quiz", "Attract screen"],
    more_programs: "… and {} more (see --csv or --json).",
    no_views: "No program was opened.",
    quiz: "Interest quiz",
    quiz_recommended: "Programs the quiz recommended (times in a student's top 3)",
    quiz_none: "No quiz was finished.",
    unmet: "What students looked for and did not find",
    unmet_explain: "A search counts here when no program matched every word and the student left the search screen, cleared the words or walked away.",
    unmet_by_day: "Searches with no match, by day",
    unmet_words: "The words of those searches",
    unmet_words_off: "The words are not kept (the setting log_search_terms is off), only the count.",
    unmet_none: "Every search found a program.",
    words: "Words",
    times: "Times",
    laptop: "Laptop {}",
    top_five: "Most viewed programs",
    skipped: "What this report skipped",
    skipped_nothing: "Nothing was skipped: every line of every log was counted.",
    skipped_torn: "Lines torn when the kiosk stopped while writing them: {}",
    skipped_invalid: "Lines that are not booth-log records: {}",
    skipped_unknown: "Records of event kinds this version does not know: {} ({})",
    skipped_future: "Records dated after {} (a laptop's clock may be wrong): {}",
    skipped_duplicates: "Records seen twice (the same file given twice?), counted once: {}",
    skipped_files: "Files that could not be read: {}",
    skipped_details: "Where",
    no_data: "No data yet",
    no_data_body: "No booth visits were found in these logs. Each laptop writes one log a day (booth-YYYY-MM-DD-<laptop>.jsonl) in its data folder; give those files or their folder to roc-kiosk report.",
    generated: "Made by roc-kiosk report on {} from {} log files.",
    apply_online: "Apply online:",
    tech_by_hour: "Visits by hour",
    tech_no_visits: "No visits yet today.",
    months_short: [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ],
};

pub const ES: ReportText = ReportText {
    title: "Informe del stand",
    period: "del {} al {}",
    laptops: "{} portátiles",
    one_laptop: "1 portátil",
    anonymous: "Cifras anónimas: el registro del stand no guarda nombres ni texto libre.",
    overview: "Resumen",
    visits: "Visitas",
    median_visit: "Duración mediana de una visita",
    quizzes_finished: "Cuestionarios terminados",
    apply_shown: "Pantallas de inscripción mostradas",
    program_views: "Programas consultados",
    searches_no_match: "Búsquedas sin resultado",
    visits_by_hour: "Visitas por hora del día",
    hour_note: "Hora local del stand; una visita cuenta en la hora en que empezó.",
    visits_by_day: "Visitas por día",
    n_visits: "{}: {} visitas",
    n_views: "{}: {} consultas",
    n_times: "{}: {} veces",
    n_searches: "{}: {} búsquedas",
    programs: "Programas",
    top_programs: "Programas más consultados y cómo llegaron a ellos",
    reached_by: "Llegaron por",
    via: ["Búsqueda", "Explorar", "Cuestionario", "Pantalla de inicio"],
    more_programs: "… y {} más (ver --csv o --json).",
    no_views: "Nadie abrió un programa.",
    quiz: "Cuestionario de intereses",
    quiz_recommended: "Programas que recomendó el cuestionario (veces entre los 3 primeros)",
    quiz_none: "Nadie terminó el cuestionario.",
    unmet: "Lo que buscaron y no encontraron",
    unmet_explain: "Una búsqueda cuenta aquí cuando ningún programa coincidió con todas las palabras y el estudiante salió de la búsqueda, borró las palabras o se fue.",
    unmet_by_day: "Búsquedas sin resultado, por día",
    unmet_words: "Las palabras de esas búsquedas",
    unmet_words_off: "Las palabras no se guardan (el ajuste log_search_terms está apagado), solo la cuenta.",
    unmet_none: "Todas las búsquedas encontraron un programa.",
    words: "Palabras",
    times: "Veces",
    laptop: "Portátil {}",
    top_five: "Programas más consultados",
    skipped: "Lo que este informe omitió",
    skipped_nothing: "No se omitió nada: se contaron todas las líneas de todos los registros.",
    skipped_torn: "Líneas cortadas porque el quiosco se detuvo al escribirlas: {}",
    skipped_invalid: "Líneas que no son registros del stand: {}",
    skipped_unknown: "Registros de tipos de evento que esta versión no conoce: {} ({})",
    skipped_future: "Registros con fecha posterior al {} (el reloj de una portátil puede estar mal): {}",
    skipped_duplicates: "Registros vistos dos veces (¿el mismo archivo dos veces?), contados una vez: {}",
    skipped_files: "Archivos que no se pudieron leer: {}",
    skipped_details: "Dónde",
    no_data: "Todavía no hay datos",
    no_data_body: "No se encontraron visitas al stand en estos registros. Cada portátil escribe un registro al día (booth-AAAA-MM-DD-<portátil>.jsonl) en su carpeta de datos; dé esos archivos o su carpeta a roc-kiosk report.",
    generated: "Hecho por roc-kiosk report el {} con {} archivos de registro.",
    apply_online: "Inscripción en línea:",
    tech_by_hour: "Visitas por hora",
    tech_no_visits: "Todavía no hay visitas hoy.",
    months_short: [
        "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic",
    ],
};

/// The report's text for `lang`.
pub fn report_text(lang: Lang) -> &'static ReportText {
    match lang {
        Lang::En => &EN,
        Lang::Es => &ES,
    }
}

/// "Oct 14" / "14 oct": a short date for chart labels.
pub fn short_date(lang: Lang, d: jiff::civil::Date) -> String {
    let month = report_text(lang).months_short[(d.month() as usize).saturating_sub(1).min(11)];
    match lang {
        Lang::En => format!("{month} {}", d.day()),
        Lang::Es => format!("{} {month}", d.day()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `fill` drops values a template has no slot for, so both languages must have the
    /// same slots.
    #[test]
    fn both_languages_have_the_same_slots() {
        let slots = |t: &ReportText| {
            [
                t.period,
                t.laptops,
                t.n_visits,
                t.n_views,
                t.n_times,
                t.n_searches,
                t.more_programs,
                t.laptop,
                t.skipped_torn,
                t.skipped_invalid,
                t.skipped_unknown,
                t.skipped_future,
                t.skipped_duplicates,
                t.skipped_files,
                t.generated,
            ]
            .map(|s| s.matches("{}").count())
        };
        assert_eq!(slots(&EN), slots(&ES));
    }

    #[test]
    fn short_dates() {
        let d = jiff::civil::date(2026, 10, 14);
        assert_eq!(short_date(Lang::En, d), "Oct 14");
        assert_eq!(short_date(Lang::Es, d), "14 oct");
    }
}
