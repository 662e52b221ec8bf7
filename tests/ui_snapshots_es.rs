//! Every screen in Spanish at 80x24: Spanish runs about a quarter longer than English, and
//! nothing important may be cut off. Besides the snapshots, each screen is checked for text
//! that must be whole on screen.

mod common;

use common::kiosk::{Kiosk, PIN, text};
use ratatui::crossterm::event::KeyCode;
use roc_kiosk::app::Screen;

fn spanish() -> Kiosk {
    Kiosk::with_settings(|s| s.default_lang = roc_kiosk::i18n::Lang::Es)
}

/// The bar buttons every student screen but Home shows: the language switch, Back, Home.
const BAR: [&str; 3] = [" F2 English ", " Esc Atrás ", " Inicio "];

/// Snapshots `k` at 80x24 and checks that every `must_show` text is on screen in full.
fn snap(name: &str, k: &mut Kiosk, must_show: &[&str]) {
    let screen = text(&k.draw(80, 24));
    let bar: &[&str] = match k.app.screen() {
        Screen::Home => &[" F2 English ", " 6 Terminé "],
        Screen::Pin | Screen::Tech => &[" F2 English "],
        _ => &BAR,
    };
    for wanted in must_show.iter().chain(bar) {
        assert!(
            screen.contains(wanted),
            "{name}: {wanted:?} is cut off or missing:\n{screen}"
        );
    }
    insta::assert_snapshot!(format!("es_{name}_80x24"), screen);
}

/// The attract screen after F2 on an English kiosk, at every size the README names: it
/// switches in place, and the visit the next key starts stays in Spanish.
#[test]
fn attract_in_spanish_at_every_size() {
    let mut k = Kiosk::with_settings(|s| {
        s.event_name = Some("Noche de Carreras".into());
        s.site = Some("Foothill High School".into());
    });
    k.key(KeyCode::F(2));
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let screen = text(&k.draw(w, h));
        // At 80 columns the status wraps beside the code; wider, it is one line.
        let status = if w == 80 {
            "Inscripciones abiertas"
        } else {
            "Inscripciones abiertas: inscríbete a más tardar el 1 de marzo (aprox.)"
        };
        for wanted in [
            "¡Bienvenidos!",
            "Noche de Carreras · Foothill High School",
            status,
            "Cosmetología",
            "https://roc.kernhigh.org",
            "Presiona cualquier tecla o toca la pantalla para empezar",
            "Press any key or tap the screen to start",
            "F2 English",
        ] {
            assert!(
                screen.contains(wanted),
                "{w}x{h}: {wanted:?} is cut off or missing:\n{screen}"
            );
        }
        insta::assert_snapshot!(format!("es_attract_{w}x{h}"), screen);
    }
    k.chars("x");
    assert!(text(&k.draw(80, 24)).contains("Buscar un programa"));
}

#[test]
fn home_search_browse_detail_in_spanish() {
    let mut k = spanish();
    k.chars("x");
    snap(
        "home",
        &mut k,
        &[
            "¿Qué te gustaría hacer?",
            "1  Buscar un programa",
            "2  Hacer el cuestionario (2 minutos)",
            "3  Explorar por área profesional",
            "4  Cómo inscribirse",
            "5  English",
            "↑↓ elegir · Enter abrir",
            "38 programas",
            "7,900+ créditos",
            "(Fuente: LeadersUp, 2025)",
        ],
    );
    k.chars("1");
    snap(
        "search_empty",
        &mut k,
        &[
            "Escribe lo que sea",
            "Todos los programas por área profesional (31 para explorar)",
            "── Agricultura y Recursos Naturales",
            "↑↓ elegir · Enter abrir · Ctrl-U borrar",
        ],
    );
    k.chars("enfermeria");
    snap("search_enfermeria", &mut k, &["Asistente de Enfermería"]);
    k.key(KeyCode::Esc).key(KeyCode::Esc).chars("3");
    snap(
        "browse",
        &mut k,
        &[
            "Elige un área profesional",
            " P Plantel: todos ",
            " H Horario: todos ",
            "Agricultura y Recursos Naturales  (2 programas)",
            "Transporte  (5 programas)",
            "P plantel · H horario",
        ],
    );
    // Career areas read A to Z in Spanish, not in the English names' order.
    let screen = text(&k.draw(80, 24));
    let at = |name: &str| {
        screen
            .find(name)
            .unwrap_or_else(|| panic!("{name}:\n{screen}"))
    };
    assert!(at("Ciencias de la Salud") < at("Diseño de Moda"));
    assert!(at("Diseño de Moda") < at("Educación, Desarrollo Infantil"));
    assert!(at("Servicios Públicos") < at("Tecnologías de la Información"));
    assert!(at("Tecnologías de la Información") < at("Transporte"));
    // The Spanish letters work, and so do the English ones.
    k.chars("p");
    assert!(k.app.student.filters.campus.is_some());
    k.chars("h");
    assert!(k.app.student.filters.session.is_some());
    k.app.student.filters = Default::default();
    k.key(KeyCode::Enter);
    snap(
        "browse_programs",
        &mut k,
        &[
            " P Plantel: todos ",
            " H Horario: todos ",
            "Agricultura y Recursos Naturales",
            "Tecnología Veterinaria",
        ],
    );
    k.key(KeyCode::Enter);
    snap(
        "detail",
        &mut k,
        &[
            "Qué harás",
            "Carreras de ejemplo",
            "Dónde",
            "Horario",
            " A  Cómo inscribirse (código QR) ",
            "▼ Hay más abajo",
            "↑↓ desplazar · A inscribirse",
        ],
    );
}

#[test]
fn quiz_results_and_apply_in_spanish() {
    let mut k = spanish();
    k.chars("x2");
    snap(
        "quiz_item",
        &mut k,
        &[
            "Pregunta 1 de 20",
            "¿Qué tanto te gustaría…",
            "1  (>_<)  No me gusta nada",
            "2  (-_-)  No me gusta",
            "3  (o_o)  Tal vez",
            "4  (^_^)  Me gusta",
            "5  (^o^)  Me encanta",
            "0  Saltar",
            "1-5 responder · 0 saltar · ← atrás",
        ],
    );
    for _ in 0..k.app.catalog.quiz.items.len() {
        k.chars("4");
    }
    snap(
        "quiz_tiles",
        &mut k,
        &[
            "¡Casi terminas! Elige hasta 3 que te parezcan divertidas:",
            "A  [ ] Carros y máquinas",
            "M  [ ] Cabello y belleza",
            "← Atrás",
            "Enter  Ver mis resultados",
            "Elegidas: 0 de 3",
            "A, B, C… elegir · Enter listo · ← atrás",
        ],
    );
    k.chars("c").key(KeyCode::Enter);
    if matches!(
        k.app.student.quiz.step,
        roc_kiosk::app::QuizStep::Choice(..)
    ) {
        snap(
            "quiz_choice",
            &mut k,
            &[
                "¿cuál te suena mejor?",
                "1  ",
                "2  ",
                "← Atrás",
                "1 o 2 · ← atrás",
            ],
        );
        k.chars("1");
    }
    snap(
        "quiz_results",
        &mut k,
        &[
            "Tus mejores opciones",
            "N  No es para mí: ver 3 más",
            " R  Repetir ",
            " A  Cómo inscribirse (código QR) ",
            " B  Ver todas ",
            "Plantel: pregúntanos",
            "1-3 o Enter abrir · N más · R repetir · A inscribirse",
        ],
    );
    k.chars("a");
    snap(
        "apply",
        &mut k,
        &[
            "https://roc.kernhigh.org",
            "Escanea con la cámara de tu",
            "Las inscripciones están abiertas hasta el",
            "Quién puede inscribirse",
            "Cómo llegar",
            "▼ Hay más abajo",
            "↑↓ desplazar",
        ],
    );
    // The rest of the page is a scroll away; nothing is dropped.
    k.key(KeyCode::End);
    snap(
        "apply_end",
        &mut k,
        &["Siguiente paso", "Adultos", "▲ Hay más arriba"],
    );
    k.key(KeyCode::Home);
    assert_eq!(k.app.student.scroll, 0, "Home goes back to the top first");
    assert_eq!(k.app.screen(), Screen::Apply);
}

#[test]
fn technician_and_still_there_in_spanish() {
    let mut k = spanish();
    k.chars("x").wait(std::time::Duration::from_secs(92));
    snap(
        "still_there",
        &mut k,
        &["¿Sigues ahí?", "Toca cualquier tecla para continuar."],
    );
    k.chars("x");
    k.ctrl('t');
    snap(
        "pin",
        &mut k,
        &["Técnico", "Escriba el PIN y presione Enter. Esc cancela."],
    );
    k.chars(PIN).key(KeyCode::Enter);
    snap(
        "tech_menu",
        &mut k,
        &[
            "Menú del técnico",
            "1  Nombre del evento: (ninguno)",
            "2  Reiniciar tras inactividad: 90 s",
            "3  Ver el código QR de inscripción",
            "4  Actualizar las cifras de hoy",
            "5  Salir del quiosco",
            "Hoy en este stand",
            "1-5 o ↑↓ Enter · Esc vuelve a la pantalla de inicio",
        ],
    );
}
