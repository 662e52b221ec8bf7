//! What the list screens show: career areas and their programs under the browse
//! filters, the filters' choices, and the search screen's rows and buttons. Read by the
//! screens' handlers and by the UI, so both count the same rows.

use super::msg::Target;
use super::state::App;

impl App {
    /// Sectors that have programs (after the browse filters), with their program counts,
    /// in [`App::sector_order`].
    pub fn sectors_with_programs(&self) -> Vec<(usize, usize)> {
        self.sector_order()
            .into_iter()
            .map(|i| {
                (
                    i,
                    self.programs_in_sector(&self.catalog.sectors[i].id).len(),
                )
            })
            .filter(|(_, count)| *count > 0)
            .collect()
    }

    /// Sector indices in alphabetical order of their names in the language on screen
    /// (accents and case folded), so a Spanish list reads A to Z in Spanish.
    pub fn sector_order(&self) -> Vec<usize> {
        let lang = self.lang();
        let sectors = &self.catalog.sectors;
        let mut order: Vec<usize> = (0..sectors.len()).collect();
        order.sort_by_cached_key(|&i| crate::text::fold(sectors[i].name.get(lang)));
        order
    }

    /// How many choices the campus filter cycles through besides "all".
    pub fn campus_filter_choices(&self) -> usize {
        self.campus_filter_values().len()
    }

    /// The campus filter's values besides "all", in order: each campus that some program
    /// is taught at, plus "Campus not listed" (one past the last campus) when some
    /// program has no campus. A value no program has would only ever show an empty list.
    pub fn campus_filter_values(&self) -> Vec<usize> {
        let campuses = &self.catalog.center.campuses;
        let programs = &self.catalog.programs;
        (0..=campuses.len())
            .filter(|&i| match campuses.get(i) {
                Some(campus) => programs
                    .iter()
                    .any(|p| p.campus.as_ref() == Some(&campus.id)),
                None => programs.iter().any(|p| p.campus.is_none()),
            })
            .collect()
    }

    /// The time-of-day filter's values besides "all": the center's sessions that some
    /// program meets in.
    pub fn session_filter_values(&self) -> Vec<usize> {
        let programs = &self.catalog.programs;
        self.catalog
            .center
            .sessions
            .iter()
            .enumerate()
            .filter(|(_, session)| {
                programs
                    .iter()
                    .any(|p| p.session_ids().contains(&session.id))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// Program indices of a sector, with the browse filters applied, in catalog order.
    pub fn programs_in_sector(&self, sector_id: &str) -> Vec<usize> {
        let filters = self.student.filters;
        let center = &self.catalog.center;
        self.catalog
            .programs
            .iter()
            .enumerate()
            .filter(|(_, p)| p.sector == sector_id)
            .filter(|(_, p)| {
                filters.campus.is_none_or(|c| match center.campuses.get(c) {
                    Some(campus) => p.campus.as_ref() == Some(&campus.id),
                    None => p.campus.is_none(),
                })
            })
            .filter(|(_, p)| {
                filters.session.is_none_or(|s| {
                    center
                        .sessions
                        .get(s)
                        .is_some_and(|s| p.session_ids().contains(&s.id))
                })
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// What the search screen lists: the hits for a query, or for an empty query every
    /// program grouped by sector (sector order, then catalog order).
    pub fn search_rows(&self) -> Vec<usize> {
        if self.student.search.input.0.as_str().trim().is_empty() {
            self.all_programs_by_sector()
        } else {
            self.student.search.hits.iter().map(|h| h.program).collect()
        }
    }

    /// The buttons under the search results, in screen order: when no program matches
    /// the query, "Take the quiz" and "Browse by career area"; otherwise none.
    pub fn search_actions(&self) -> &'static [Target] {
        let blank = self.student.search.input.0.as_str().trim().is_empty();
        if blank || !self.student.search.found.is_closest() {
            return &[];
        }
        &[Target::TakeQuiz, Target::BrowseAreas]
    }

    /// What the search screen's selection moves through: the rows, then the buttons.
    pub fn search_selectable(&self) -> usize {
        self.search_rows().len() + self.search_actions().len()
    }

    /// Every program, grouped by sector in [`App::sector_order`], then in catalog order.
    pub fn all_programs_by_sector(&self) -> Vec<usize> {
        let sectors = self.sector_order();
        let sector_rank = |id: &str| {
            sectors
                .iter()
                .position(|&s| self.catalog.sectors[s].id == id)
                .unwrap_or(usize::MAX)
        };
        let mut order: Vec<usize> = (0..self.catalog.programs.len()).collect();
        order.sort_by_key(|&i| (sector_rank(&self.catalog.programs[i].sector), i));
        order
    }
}
