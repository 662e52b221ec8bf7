//! Languages. The full English/Spanish text table for the screens lives here too.

use serde::{Deserialize, Serialize};

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
    pub apply_title: &'static str,
    pub apply_open_until: &'static str,
    pub apply_days_left: &'static str,
    pub apply_last_day: &'static str,
    pub apply_not_yet: &'static str,
    pub apply_closed: &'static str,
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

pub static EN: Strings = Strings {
    press_any_key: "Press any key or tap the screen to start",
    welcome: "Welcome!",
    campus: "Campus",
    home_title: "What would you like to do?",
    home_prompt: "Press a number, or tap a choice.",
    menu_search: "Find a program",
    menu_quiz: "Take the quiz (2 minutes)",
    menu_browse: "Browse by career area",
    menu_apply: "How to apply",
    menu_language: "Español",
    back: "Esc Back",
    home: "Home",
    other_language: "F2 Español",
    search_title: "Find a program",
    search_prompt: "Type anything: a job, a hobby, a program name",
    search_placeholder: "cars, nurse, animals, games…",
    search_all_programs: "All programs by career area",
    search_no_match: "No program matches \"{}\".",
    search_no_match_hint: "Try a simple word like 'cars', 'hair' or 'animals', or take the quiz from Home.",
    search_partial: "No program matches every word. The closest: {}",
    results_count: "{} to explore",
    keys_list: "↑↓ choose · Enter open",
    keys_search: "↑↓ choose · Enter open · Ctrl-U clear",
    browse_title: "Browse by career area",
    browse_choose_area: "Choose a career area",
    browse_programs_count: "{} programs",
    filter_campus: "C Campus: {}",
    filter_session: "S Time: {}",
    filter_all: "all",
    browse_none: "No programs here with these filters. Press C or S to change them.",
    keys_browse: "↑↓ choose · Enter open · C campus · S time",
    detail_what_you_do: "What you do",
    detail_careers: "Example careers",
    detail_certifications: "Certifications",
    detail_college_credit: "College credit",
    detail_a_g: "Counts for UC/CSU (A-G)",
    detail_a_g_yes: "Yes",
    detail_a_g_no: "No",
    detail_campus: "Where",
    detail_sessions: "When",
    detail_who: "Who can apply",
    detail_grades: "Grades",
    detail_hours: "Training hours",
    detail_prerequisites: "Before you start",
    detail_highlights: "Good to know",
    detail_sector: "Career area",
    detail_more_info: "More information",
    ask_technician: "Ask a Career Technician",
    filter_campus_not_listed: "not listed",
    partner_program: "Partner program",
    detail_partner_note: "run with a partner organization, not a year-long ROC/CTEC class and not in the morning or afternoon sessions.",
    about_figures: "{} programs · {}% of seniors graduate · {}% complete their program · {}+ college credits in one year",
    about_source: "Source: {}",
    keys_detail: "↑↓ scroll · A apply",
    apply_button: "A  How to apply (QR code)",
    junior: "juniors",
    senior: "seniors",
    grade_n: "grade {}",
    still_there_title: "Still there?",
    still_there_body: "Touch any key to keep going. Starting over in {} s so the next student gets a fresh screen.",
    too_small: "Please make this window bigger (now {}x{}, need {}x{}).",
    pin_title: "Technician",
    pin_prompt: "Enter the PIN, then Enter. Esc cancels.",
    pin_wrong: "Wrong PIN. {} tries left.",
    tech_title: "Technician menu",
    tech_event: "Event name: {}",
    tech_idle: "Idle reset after: {} s  (+/- to change)",
    tech_qr: "Preview the application QR code",
    tech_refresh: "Refresh today's figures",
    tech_exit: "Exit the kiosk",
    tech_today: "Today at this booth",
    tech_log_problem: "Booth log is not being saved: {}",
    tech_editing: "Type the event name, Enter to save, Esc to cancel: {}",
    tech_none: "(none)",
    reason_quote: ("\u{201c}", "\u{201d}"),
    reason_picked: "You picked {}.",
    reason_said: "You said {}.",
    reason_both: "You picked {} and said {}.",
    reason_like: "you'd like to {}",
    reason_love: "you'd love to {}",
    reason_and: " and ",
    reason_said_and: " and ",
    tech_sessions: "Students",
    tech_median: "Typical visit",
    tech_quizzes: "Quizzes finished",
    tech_apply_shown: "QR code shown",
    tech_views: "Programs viewed",
    tech_most_viewed: "Most viewed",
    keys_tech: "1-5 or ↑↓ Enter · Esc back to the attract screen",
    apply_title: "How to apply",
    apply_open_until: "Applications are open until {}.",
    apply_days_left: "{} days left!",
    apply_last_day: "Today is the last day!",
    apply_not_yet: "Applications open {}. Scan now to bookmark the page.",
    apply_closed: "This year's applications closed {}. The next window opens {}.",
    apply_approximate: "Dates are approximate: check the website for this year's exact dates.",
    apply_scan: "Point your phone camera at the code to open the application:",
    apply_who: "Who can apply",
    apply_adults: "Adults",
    apply_bus: "Getting there",
    apply_counselor: "Next step",
    apply_need_bigger: "The QR code needs a bigger window: at least {} columns by {} rows. The address is:",
    quiz_title: "Interest quiz",
    quiz_progress: "Question {} of {}",
    quiz_question: "How would you like to…",
    quiz_hint: "Answer for what you would enjoy, not what you are good at.",
    answers: [
        "Strongly dislike",
        "Dislike",
        "Not sure",
        "Like",
        "Strongly like",
    ],
    faces: ["(>_<)", "(-_-)", "(o_o)", "(^_^)", "(^o^)"],
    skip: "Skip",
    quiz_back: "← Back",
    tiles_title: "Almost done! Pick anything that sounds fun:",
    tiles_hint: "Press a letter or tap to pick, as many as you like.",
    tiles_done: "Enter  See my matches",
    tiles_picked: "Picked: {}",
    choice_title: "One last question: which sounds better?",
    results_title: "Your top matches",
    band_strong: "Strong match",
    band_good: "Good match",
    band_worth: "Worth a look",
    results_broad: "You like lots of things! These picks lean on the tiles you chose.",
    results_dislike: "Nothing grabbed you yet, and that's OK. Here are three to explore, or press B to browse every career area.",
    results_more: "N  Not me: show 3 more",
    results_retake: "R  Retake",
    results_browse: "B  Browse all",
    keys_quiz: "1-5 answer · 0 skip · ← back",
    keys_tiles: "A, B, C… pick · Enter done · ← back",
    keys_choice: "1 or 2 · ← back",
    keys_results: "1-3 or Enter open · N more · R retake · A apply",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    attract_open: "Applications are open: apply by {}",
    attract_last_day: "Applications close today: apply now!",
    attract_not_yet: "Applications open {}: scan now to save the link",
    attract_closed: "This year's applications are closed. The next round opens {}",
    about_date: "about {}",
    attract_scan: "Scan with your phone's camera",
    detail_ask_about: "Ask a Career Technician about: {}",
    ask_careers: "careers",
    ask_certifications: "certifications",
    ask_college_credit: "college credit",
    ask_a_g: "UC/CSU (A-G) credit",
    ask_campus: "where it is taught",
    ask_address: "the address",
    ask_sessions: "class times",
    ask_grades: "grades",
    ask_hours: "hours",
    ask_prerequisites: "what you need before you start",
    campus_ask_us: "Campus: ask us",
    more_below: "▼ More below",
    more_above: "▲ More above",
    browse_one_program: "1 program",
};

pub static ES: Strings = Strings {
    press_any_key: "Presiona cualquier tecla o toca la pantalla para empezar",
    welcome: "¡Bienvenidos!",
    campus: "Plantel",
    home_title: "¿Qué te gustaría hacer?",
    home_prompt: "Presiona un número o toca una opción.",
    menu_search: "Buscar un programa",
    menu_quiz: "Hacer el cuestionario (2 minutos)",
    menu_browse: "Explorar por área profesional",
    menu_apply: "Cómo inscribirse",
    menu_language: "English",
    back: "Esc Atrás",
    home: "Inicio",
    other_language: "F2 English",
    search_title: "Buscar un programa",
    search_prompt: "Escribe lo que sea: un trabajo, un pasatiempo, un programa",
    search_placeholder: "carros, enfermera, animales, videojuegos…",
    search_all_programs: "Todos los programas por área profesional",
    search_no_match: "Ningún programa coincide con \"{}\".",
    search_no_match_hint: "Prueba una palabra sencilla como 'carros', 'cabello' o 'animales', o haz el cuestionario desde Inicio.",
    search_partial: "Ningún programa coincide con todas las palabras. Los más cercanos: {}",
    results_count: "{} para explorar",
    keys_list: "↑↓ elegir · Enter abrir",
    keys_search: "↑↓ elegir · Enter abrir · Ctrl-U borrar",
    browse_title: "Explorar por área profesional",
    browse_choose_area: "Elige un área profesional",
    browse_programs_count: "{} programas",
    filter_campus: "C Plantel: {}",
    filter_session: "S Horario: {}",
    filter_all: "todos",
    browse_none: "No hay programas con estos filtros. Presiona C o S para cambiarlos.",
    keys_browse: "↑↓ elegir · Enter abrir · C plantel · S horario",
    detail_what_you_do: "Qué harás",
    detail_careers: "Carreras de ejemplo",
    detail_certifications: "Certificaciones",
    detail_college_credit: "Créditos universitarios",
    detail_a_g: "Cuenta para UC/CSU (A-G)",
    detail_a_g_yes: "Sí",
    detail_a_g_no: "No",
    detail_campus: "Dónde",
    detail_sessions: "Horario",
    detail_who: "Quién puede inscribirse",
    detail_grades: "Grados",
    detail_hours: "Horas de formación",
    detail_prerequisites: "Antes de empezar",
    detail_highlights: "Bueno saber",
    detail_sector: "Área profesional",
    detail_more_info: "Más información",
    ask_technician: "Pregunta a un Técnico de Carreras",
    filter_campus_not_listed: "sin indicar",
    partner_program: "Programa en alianza",
    detail_partner_note: "se ofrece con una organización aliada; no es una clase de ROC/CTEC de todo el año ni va en las sesiones de la mañana o de la tarde.",
    about_figures: "{} programas · el {}% de los de 12.º grado se gradúa · el {}% termina su programa · {}+ créditos universitarios en un año",
    about_source: "Fuente: {}",
    keys_detail: "↑↓ desplazar · A inscribirse",
    apply_button: "A  Cómo inscribirse (código QR)",
    junior: "11.º grado",
    senior: "12.º grado",
    grade_n: "grado {}",
    still_there_title: "¿Sigues ahí?",
    still_there_body: "Toca cualquier tecla para continuar. Empezamos de nuevo en {} s para que el próximo estudiante vea una pantalla limpia.",
    too_small: "Por favor, agranda esta ventana (ahora {}x{}, se necesita {}x{}).",
    pin_title: "Técnico",
    pin_prompt: "Escriba el PIN y presione Enter. Esc cancela.",
    pin_wrong: "PIN incorrecto. Quedan {} intentos.",
    tech_title: "Menú del técnico",
    tech_event: "Nombre del evento: {}",
    tech_idle: "Reiniciar tras inactividad: {} s  (+/- para cambiar)",
    tech_qr: "Ver el código QR de inscripción",
    tech_refresh: "Actualizar las cifras de hoy",
    tech_exit: "Salir del quiosco",
    tech_today: "Hoy en este stand",
    tech_log_problem: "El registro del stand no se está guardando: {}",
    tech_editing: "Escriba el nombre del evento, Enter para guardar, Esc para cancelar: {}",
    tech_none: "(ninguno)",
    reason_quote: ("«", "»"),
    reason_picked: "Elegiste {}.",
    reason_said: "Dijiste que {}.",
    reason_both: "Elegiste {} y dijiste que {}.",
    reason_like: "te gustaría {}",
    reason_love: "te encantaría {}",
    reason_and: " y ",
    reason_said_and: " y que ",
    tech_sessions: "Estudiantes",
    tech_median: "Visita típica",
    tech_quizzes: "Cuestionarios terminados",
    tech_apply_shown: "Código QR mostrado",
    tech_views: "Programas vistos",
    tech_most_viewed: "Más visto",
    keys_tech: "1-5 o ↑↓ Enter · Esc vuelve a la pantalla de inicio",
    apply_title: "Cómo inscribirse",
    apply_open_until: "Las inscripciones están abiertas hasta el {}.",
    apply_days_left: "¡Quedan {} días!",
    apply_last_day: "¡Hoy es el último día!",
    apply_not_yet: "Las inscripciones abren el {}. Escanea ahora para guardar la página.",
    apply_closed: "Las inscripciones de este año cerraron el {}. Las próximas abren el {}.",
    apply_approximate: "Las fechas son aproximadas: consulta el sitio web para las fechas exactas de este año.",
    apply_scan: "Apunta la cámara de tu teléfono al código para abrir la solicitud:",
    apply_who: "Quién puede inscribirse",
    apply_adults: "Adultos",
    apply_bus: "Cómo llegar",
    apply_counselor: "Siguiente paso",
    apply_need_bigger: "El código QR necesita una ventana más grande: al menos {} columnas por {} filas. La dirección es:",
    quiz_title: "Cuestionario de intereses",
    quiz_progress: "Pregunta {} de {}",
    quiz_question: "¿Qué tanto te gustaría…",
    quiz_hint: "Responde según lo que disfrutarías, no según lo que sabes hacer.",
    answers: [
        "No me gusta nada",
        "No me gusta",
        "No estoy seguro",
        "Me gusta",
        "Me encanta",
    ],
    faces: ["(>_<)", "(-_-)", "(o_o)", "(^_^)", "(^o^)"],
    skip: "Saltar",
    quiz_back: "← Atrás",
    tiles_title: "¡Casi terminas! Elige lo que te parezca divertido:",
    tiles_hint: "Presiona una letra o toca para elegir, todas las que quieras.",
    tiles_done: "Enter  Ver mis resultados",
    tiles_picked: "Elegidos: {}",
    choice_title: "Una última pregunta: ¿cuál te suena mejor?",
    results_title: "Tus mejores opciones",
    band_strong: "Muy buena opción",
    band_good: "Buena opción",
    band_worth: "Vale la pena verla",
    results_broad: "¡Te gustan muchas cosas! Estas opciones se basan en lo que elegiste.",
    results_dislike: "Nada te llamó la atención todavía, y está bien. Aquí hay tres para explorar, o presiona B para ver todas las áreas.",
    results_more: "N  No es para mí: ver 3 más",
    results_retake: "R  Repetir",
    results_browse: "B  Ver todas",
    keys_quiz: "1-5 responder · 0 saltar · ← atrás",
    keys_tiles: "A, B, C… elegir · Enter listo · ← atrás",
    keys_choice: "1 o 2 · ← atrás",
    keys_results: "1-3 o Enter abrir · N más · R repetir · A inscribirse",
    months: [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    attract_open: "Inscripciones abiertas: inscríbete a más tardar el {}",
    attract_last_day: "Las inscripciones cierran hoy: ¡inscríbete ya!",
    attract_not_yet: "Las inscripciones abren el {}: escanea ahora para guardar el enlace",
    attract_closed: "Las inscripciones de este año ya cerraron. Las próximas abren el {}",
    about_date: "{} (aprox.)",
    attract_scan: "Escanea con la cámara de tu teléfono",
    detail_ask_about: "Pregunta a un Técnico de Carreras sobre: {}",
    ask_careers: "carreras",
    ask_certifications: "certificaciones",
    ask_college_credit: "créditos universitarios",
    ask_a_g: "validez para UC/CSU (A-G)",
    ask_campus: "dónde se imparte",
    ask_address: "la dirección",
    ask_sessions: "horario",
    ask_grades: "grados",
    ask_hours: "horas",
    ask_prerequisites: "qué necesitas antes de empezar",
    campus_ask_us: "Plantel: pregúntanos",
    more_below: "▼ Hay más abajo",
    more_above: "▲ Hay más arriba",
    browse_one_program: "1 programa",
};

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
