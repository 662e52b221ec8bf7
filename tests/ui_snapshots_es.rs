//! Every screen in Spanish at 80x24: Spanish runs about a quarter longer than English, and
//! nothing important may be cut off. Besides the snapshots, each screen is checked for text
//! that must be whole on screen.

mod common;

use common::kiosk::{Kiosk, PIN, text};
use ratatui::crossterm::event::KeyCode;

fn spanish() -> Kiosk {
    Kiosk::with_settings(|s| s.default_lang = roc_kiosk::i18n::Lang::Es)
}

/// Snapshots `k` at 80x24 and checks that every `must_show` text is on screen in full.
fn snap(name: &str, k: &mut Kiosk, must_show: &[&str]) {
    let screen = text(&k.draw(80, 24));
    for wanted in must_show {
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
            "Buscar un programa",
            "Hacer el cuestionario",
            "Explorar por área profesional",
            "Cómo inscribirse",
            "English",
            "38 programas",
            "7,900+ créditos",
            "(Fuente: LeadersUp, 2025)",
        ],
    );
    k.chars("1");
    snap(
        "search_empty",
        &mut k,
        &["Escribe lo que sea", "Esc Atrás", "Inicio", "F2 English"],
    );
    k.chars("enfermeria");
    snap("search_enfermeria", &mut k, &["Asistente de Enfermería"]);
    k.key(KeyCode::Esc).key(KeyCode::Esc).chars("3");
    snap(
        "browse",
        &mut k,
        &[
            "Elige un área profesional",
            "C Plantel: todos",
            "S Horario: todos",
        ],
    );
    k.key(KeyCode::Enter);
    snap("browse_programs", &mut k, &["Agricultura"]);
    k.key(KeyCode::Enter);
    snap(
        "detail",
        &mut k,
        &[
            "Qué harás",
            "A  Cómo inscribirse (código QR)",
            "▼ Hay más abajo",
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
            "No me gusta nada",
            "Me encanta",
            "Saltar",
        ],
    );
    for _ in 0..k.app.catalog.quiz.items.len() {
        k.chars("4");
    }
    snap(
        "quiz_tiles",
        &mut k,
        &["¡Casi terminas!", "Enter  Ver mis resultados"],
    );
    k.chars("c").key(KeyCode::Enter);
    if matches!(
        k.app.student.quiz.step,
        roc_kiosk::app::QuizStep::Choice(..)
    ) {
        snap("quiz_choice", &mut k, &["¿cuál te suena mejor?"]);
        k.chars("1");
    }
    snap(
        "quiz_results",
        &mut k,
        &[
            "Tus mejores opciones",
            "N  No es para mí: ver 3 más",
            "R  Repetir",
            "B  Ver todas",
        ],
    );
    k.chars("a");
    snap(
        "apply",
        &mut k,
        &[
            "https://roc.kernhigh.org",
            "Las inscripciones están abiertas hasta el",
        ],
    );
}

#[test]
fn technician_and_still_there_in_spanish() {
    let mut k = spanish();
    k.chars("x").wait(std::time::Duration::from_secs(92));
    snap("still_there", &mut k, &["¿Sigues ahí?"]);
    k.chars("x");
    k.ctrl('t');
    snap("pin", &mut k, &["Escriba el PIN"]);
    k.chars(PIN).key(KeyCode::Enter);
    snap(
        "tech_menu",
        &mut k,
        &["Menú del técnico", "Salir del quiosco"],
    );
}
