//! Key press → new frame: `App::update` plus a full render of the search screen at 120x40,
//! and a plain render of each main screen. `cargo bench --bench render`.

use std::hint::black_box;
use std::sync::Arc;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use roc_kiosk::app::{App, Msg, Settings};
use roc_kiosk::catalog::Catalog;
use roc_kiosk::ui;

fn app() -> App {
    let catalog = Arc::new(Catalog::bundled().expect("bundled catalog"));
    App::new(
        catalog,
        Settings::new(jiff::civil::date(2026, 11, 24)),
        Arc::new(|_: &str| false.into()),
        Instant::now(),
    )
}

fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(
            Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
            Instant::now(),
        );
    }
}

fn key_to_frame(c: &mut Criterion) {
    let mut app = app();
    keys(&mut app, "x1nur");
    app.update(Msg::Resize(120, 40), Instant::now());
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    // Alternate typing a letter and deleting it, so every iteration re-runs the search.
    let mut toggle = false;
    c.bench_function("key_to_frame/search_120x40", |b| {
        b.iter(|| {
            toggle = !toggle;
            let code = if toggle {
                KeyCode::Char('s')
            } else {
                KeyCode::Backspace
            };
            app.update(
                Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)),
                Instant::now(),
            );
            terminal
                .draw(|f| drop(black_box(ui::draw(f, &mut app))))
                .unwrap();
        })
    });
}

fn draw_screens(c: &mut Criterion) {
    let screens: [(&str, &str); 6] = [
        ("attract", ""),
        ("home", "x"),
        ("search_all", "x1"),
        ("detail", "x1vet\r"),
        ("apply", "x4"),
        ("quiz_item", "x2"),
    ];
    for (name, path) in screens {
        let mut app = app();
        for c in path.chars() {
            let code = if c == '\r' {
                KeyCode::Enter
            } else {
                KeyCode::Char(c)
            };
            app.update(
                Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)),
                Instant::now(),
            );
        }
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        c.bench_function(&format!("draw/{name}_120x40"), |b| {
            b.iter(|| {
                terminal
                    .draw(|f| drop(black_box(ui::draw(f, &mut app))))
                    .unwrap();
            })
        });
    }
}

criterion_group!(benches, key_to_frame, draw_screens);
criterion_main!(benches);
