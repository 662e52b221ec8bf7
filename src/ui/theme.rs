//! Colours and emphasis. The kiosk paints its own background so it looks the same on a
//! dark or light terminal; with `NO_COLOR` it uses no colour at all and relies on bold,
//! reverse and underline, which is also why the selection never depends on colour.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub base: Style,
    pub bar: Style,
    pub title: Style,
    pub accent: Style,
    pub dim: Style,
    pub selected: Style,
    /// Matched letters in search results.
    pub matched: Style,
    pub key: Style,
    pub warn: Style,
    pub button: Style,
}

impl Default for Theme {
    fn default() -> Self {
        Theme::high_contrast()
    }
}

impl Theme {
    /// White on near-black with a gold accent: readable across a booth table.
    pub fn high_contrast() -> Self {
        // 256-colour indices: themes rarely remap these, unlike the 16 ANSI colours.
        let bg = Color::Indexed(16);
        let fg = Color::Indexed(231);
        let gold = Color::Indexed(220);
        let blue = Color::Indexed(25);
        let base = Style::new().fg(fg).bg(bg);
        Theme {
            base,
            bar: Style::new().fg(fg).bg(blue).add_modifier(Modifier::BOLD),
            title: base.fg(gold).add_modifier(Modifier::BOLD),
            accent: base.fg(gold),
            dim: base.fg(Color::Indexed(250)),
            selected: Style::new().fg(bg).bg(gold).add_modifier(Modifier::BOLD),
            matched: Style::new()
                .fg(Color::Indexed(214))
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            key: base.fg(gold).add_modifier(Modifier::BOLD),
            warn: base.fg(Color::Indexed(203)).add_modifier(Modifier::BOLD),
            button: Style::new().fg(fg).bg(blue).add_modifier(Modifier::BOLD),
        }
    }

    /// No colour at all (https://no-color.org): emphasis by modifiers only.
    pub fn no_color() -> Self {
        let base = Style::new();
        Theme {
            base,
            bar: base.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            title: base.add_modifier(Modifier::BOLD),
            accent: base.add_modifier(Modifier::BOLD),
            dim: base,
            selected: base.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            matched: base.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            key: base.add_modifier(Modifier::BOLD),
            warn: base.add_modifier(Modifier::BOLD),
            button: base.add_modifier(Modifier::REVERSED),
        }
    }

    /// `NO_COLOR` set to anything non-empty turns colour off.
    pub fn from_env() -> Self {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::no_color(),
            _ => Theme::high_contrast(),
        }
    }
}
