//! Building the index: every text of every program cut into folded words, each distinct
//! word interned once, and the postings (word, field, program) grouped by word and field
//! without an allocation per word or per program.
//!
//! The work is linear in the catalog's text: one pass cuts each text and looks up each
//! word once, a program's repeated words are merged as they are met (a posting is
//! written the first time a word is met in a field of a program), and the postings are
//! laid out by word and field with one counting sort.

use std::ops::Range;
use std::sync::atomic::{AtomicU32, Ordering};

mod interner;
mod layout;
mod merge;

use self::interner::{Interner, WordRecord};
use self::layout::finish;
use self::merge::merge;
use super::{CutWord, NameScratch, Names, Vocab};
use crate::catalog::{Catalog, Program, Text};
use crate::i18n::Lang;
use crate::search::words::WordCutter;
use crate::search::{FIELDS, MatchField};

/// The sorted vocabulary of `catalog` and, per program, its English and Spanish name
/// keys.
///
/// A large catalog is read in parts, one per core: each part is a run of programs read
/// into words of its own and sorted, the parts' sorted words are merged into one
/// vocabulary ([`merge`]), and each part's postings are laid out after the earlier
/// parts' ([`finish`]), so the index is the same however many parts there are.
pub(in crate::search) fn build(catalog: &Catalog) -> (Vocab, Names) {
    build_in_parts(catalog, &part_ranges(catalog.programs.len()))
}

/// [`build`], reading the programs in `ranges` (in order, together all of them) as
/// parts.
fn build_in_parts(catalog: &Catalog, ranges: &[Range<usize>]) -> (Vocab, Names) {
    let parts: Vec<Part> = match ranges {
        [programs] => vec![Part::read(catalog, programs.clone())],
        _ => std::thread::scope(|scope| {
            let reading: Vec<_> = ranges
                .iter()
                .map(|programs| scope.spawn(|| Part::read(catalog, programs.clone())))
                .collect();
            reading.into_iter().map(joined).collect()
        }),
    };
    // The laid-out postings, zeroed (their memory first touched) on another core while
    // this one merges the parts' words.
    let total = parts.iter().map(|part| part.postings.len).sum();
    let zeroed = move || -> Vec<AtomicU32> { (0..total).map(|_| AtomicU32::new(0)).collect() };
    std::thread::scope(|scope| {
        let zeroing = (parts.len() > 1).then(|| scope.spawn(zeroed));
        let merged = merge(&parts);
        let mut words = Vec::with_capacity(parts.len());
        let mut postings = Vec::with_capacity(parts.len());
        let mut names = Names::default();
        for (i, (part, places)) in parts.into_iter().zip(&merged.places).enumerate() {
            // Each name word's id in its part becomes its place in the vocabulary; the
            // first part's names are kept where they are, the others' appended.
            let place = |id: u32| places.get(id as usize).copied().unwrap_or(u32::MAX);
            if i == 0 {
                names = part.names;
                for word in &mut names.words {
                    word.vocab = place(word.vocab);
                }
            } else {
                names.append(part.names, place);
            }
            words.push(part.words);
            postings.push(part.postings);
        }
        let stored = match zeroing {
            Some(zeroing) => joined(zeroing),
            None => zeroed(),
        };
        (finish(&words, merged, postings, stored), names)
    })
}

/// What a scoped thread returned; its panic, if it panicked.
fn joined<T>(thread: std::thread::ScopedJoinHandle<'_, T>) -> T {
    thread
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// A catalog this small is read in one part: a part costs a thread.
const PROGRAMS_PER_PART: usize = 2_000;

/// The runs of programs read as parts: one per core, of at least
/// [`PROGRAMS_PER_PART`] programs.
fn part_ranges(programs: usize) -> Vec<Range<usize>> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let parts = cores.min(programs / PROGRAMS_PER_PART).max(1);
    let per_part = programs.div_ceil(parts);
    (0..parts)
        .map(|i| i * per_part..((i + 1) * per_part).min(programs))
        .collect()
}

/// Some consecutive programs of the catalog, read: their words (numbered on their
/// own), postings and names.
#[derive(Default)]
struct Part {
    words: Interner,
    /// Its words in the order of their texts ([`merge::sorted_words`]).
    sorted: Vec<merge::SortedWord>,
    postings: Postings,
    names: Names,
}

impl Part {
    fn read(catalog: &Catalog, programs: Range<usize>) -> Part {
        let mut builder = Builder {
            postings: Postings::starting_at(programs.start as u32),
            ..Builder::default()
        };
        let mut names = Names::default();
        let mut scratch = NameScratch::default();
        let areas = AreaWords::new(catalog, &mut builder);
        // The words of each name, as cut.
        let mut name_words: [Vec<CutWord>; 2] = Default::default();
        for p in &catalog.programs[programs] {
            let [en, es] = &mut name_words;
            builder.intern_text(&p.name.en, MatchField::Name, en);
            builder.mark_text(en, MatchField::Name);
            es.clear();
            if let Some(text) = &p.name.es {
                builder.intern_text(text, MatchField::Name, es);
                builder.mark_text(es, MatchField::Name);
            }
            // The texts in the order a program's fields are declared, which is the order
            // the loader reads (and allocates) them from a catalog written as the bundled
            // one is, so each is likely in memory soon after the last one. The order makes
            // no difference to the index.
            let (sector, pathway) = areas.of(p);
            builder.mark_text(sector, MatchField::Sector);
            builder.mark_text(pathway, MatchField::Pathway);
            let description = p.summary.all().chain(p.description.all());
            builder.add_texts(description, MatchField::Description);
            builder.add_texts(p.careers.iter().flat_map(Text::all), MatchField::Career);
            let certifications = p.certifications.iter().flat_map(Text::all);
            builder.add_texts(certifications, MatchField::Certification);
            builder.add_keywords(&p.keywords);
            builder.postings.end_program();
            // Word ids for now; their places in the sorted vocabulary in the end.
            let words = &builder.words;
            let mut id_of = |word: &str| words.get(word).unwrap_or(u32::MAX);
            for lang in [Lang::En, Lang::Es] {
                let name = p.name.get(lang);
                // The Spanish name shown is the English one when there is no translation.
                let cut = if std::ptr::eq(name, p.name.en.as_str()) {
                    &*en
                } else {
                    &*es
                };
                names.push(name, cut, &mut scratch, &mut id_of);
            }
        }
        Part {
            sorted: merge::sorted_words(&builder.words),
            words: builder.words,
            postings: builder.postings,
            names,
        }
    }
}

/// Reads the programs' texts into the interned words and their postings.
#[derive(Default)]
struct Builder {
    words: Interner,
    postings: Postings,
    /// Reused from text to text.
    cutter: WordCutter,
    /// Reused for the words of a keyword.
    text_words: Vec<CutWord>,
}

impl Builder {
    /// Notes the words of `texts`, of `field` (not [`MatchField::Keyword`]), in the
    /// current program.
    fn add_texts<'t>(&mut self, texts: impl IntoIterator<Item = &'t str>, field: MatchField) {
        let Builder {
            cutter,
            words,
            postings,
            ..
        } = self;
        cutter.cut_each(texts, field.is_short(), |word, _, _| {
            let id = words.intern(word);
            postings.mark(id, &mut words.records[id as usize], field, false);
        });
    }

    /// Notes the words of the current program's keywords: whether the words of one are
    /// part of a phrase is known once it is cut.
    fn add_keywords(&mut self, keywords: &[String]) {
        let Builder {
            cutter,
            words,
            postings,
            text_words,
        } = self;
        text_words.clear();
        let mut keyword = 0;
        let keywords = keywords.iter().map(String::as_str);
        cutter.cut_each(keywords, true, |word, pair, of| {
            if of != keyword {
                mark_words(words, postings, text_words, MatchField::Keyword);
                text_words.clear();
                keyword = of;
            }
            let id = words.intern(word);
            text_words.push(CutWord { id, pair });
        });
        mark_words(words, postings, text_words, MatchField::Keyword);
    }

    /// Cuts `text` and interns its words, into `out`.
    fn intern_text(&mut self, text: &str, field: MatchField, out: &mut Vec<CutWord>) {
        let Builder { cutter, words, .. } = self;
        out.clear();
        // In short fields neighbouring words also run together, for students who type
        // "videogames" or "autoshop"; a two-word keyword run together is the whole
        // keyword.
        cutter.cut(text, field.is_short(), |word, pair| {
            let id = words.intern(word);
            out.push(CutWord { id, pair });
        });
    }

    /// Notes the words of a text of `field` (as [`Builder::intern_text`] gives them) in
    /// the current program.
    fn mark_text(&mut self, text_words: &[CutWord], field: MatchField) {
        mark_words(&mut self.words, &mut self.postings, text_words, field);
    }
}

/// Notes `text_words`, the words of one text of `field`, in the current program.
fn mark_words(
    words: &mut Interner,
    postings: &mut Postings,
    text_words: &[CutWord],
    field: MatchField,
) {
    // Words of a several-word keyword count as part of a phrase.
    let singles = text_words.iter().filter(|w| !w.pair).count();
    let phrase_of = |pair: bool| field == MatchField::Keyword && singles > 1 + usize::from(pair);
    for w in text_words {
        let word = &mut words.records[w.id as usize];
        postings.mark(w.id, word, field, phrase_of(w.pair));
    }
}

/// The words of every sector's and every pathway's name, cut once: every program of a
/// pathway has the same.
struct AreaWords<'a> {
    /// Per sector: its id, its name's words, and per pathway its id and words.
    sectors: Vec<(&'a str, Vec<CutWord>, Vec<Pathway<'a>>)>,
}

type Pathway<'a> = (&'a str, Vec<CutWord>);

impl<'a> AreaWords<'a> {
    fn new(catalog: &'a Catalog, builder: &mut Builder) -> Self {
        let mut words_of = |name: &Text, field: MatchField| {
            let mut all = Vec::new();
            let mut one = Vec::new();
            for text in name.all() {
                builder.intern_text(text, field, &mut one);
                all.append(&mut one);
            }
            all
        };
        let sectors = catalog
            .sectors
            .iter()
            .map(|s| {
                let pathways = s.pathways.iter();
                let pathways =
                    pathways.map(|w| (w.id.as_str(), words_of(&w.name, MatchField::Pathway)));
                let pathways = pathways.collect();
                (
                    s.id.as_str(),
                    words_of(&s.name, MatchField::Sector),
                    pathways,
                )
            })
            .collect();
        AreaWords { sectors }
    }

    /// The words of `program`'s sector and pathway (none for an unknown one).
    fn of(&self, program: &Program) -> (&[CutWord], &[CutWord]) {
        let Some((_, sector, pathways)) = self.sectors.iter().find(|s| s.0 == program.sector)
        else {
            return (&[], &[]);
        };
        let pathway = pathways.iter().find(|w| w.0 == program.pathway);
        (sector, pathway.map_or(&[], |w| &w.1))
    }
}

/// The postings as the programs are read, before they are grouped by word and field.
#[derive(Default)]
struct Postings {
    /// The first program read.
    first: u32,
    /// The program being read.
    program: u32,
    /// The postings in program order, in chunks of [`CHUNK`]: a statewide catalog has
    /// millions, and one growing array would double its memory (and copy itself) on
    /// each growth.
    pending: Vec<Vec<Pending>>,
    len: usize,
    /// Where each program's postings end in `pending`, so that a posting need not say
    /// which program it is of.
    ends: Vec<u32>,
}

/// A posting while building, in four bytes: `word << 4 | field << 1 | in_phrase`. A
/// catalog file of at most 64 MB holds far fewer than 2^28 distinct words.
#[derive(Clone, Copy)]
struct Pending(u32);

impl Pending {
    fn new(word: u32, field: usize, in_phrase: bool) -> Pending {
        debug_assert!(word < 1 << 28);
        Pending(word << 4 | (field as u32) << 1 | u32::from(in_phrase))
    }

    fn not_in_phrase(&mut self) {
        self.0 &= !1;
    }

    fn word(self) -> u32 {
        self.0 >> 4
    }

    fn field(self) -> usize {
        (self.0 >> 1 & 0b111) as usize
    }

    /// As [`Vocab::postings`] keeps it, given its program: `program << 1 | in_phrase`.
    fn stored(self, program: u32) -> u32 {
        program << 1 | (self.0 & 1)
    }
}

/// How many postings a chunk of `Postings::pending` holds.
const CHUNK: usize = 1 << 16;

impl Postings {
    /// Notes that word `id` (its record `word`) is in `field` of the current program:
    /// a posting the first time. A word of a several-word keyword (`in_phrase`) is only
    /// part of a phrase if it is never a keyword of its own in the program.
    #[inline(always)]
    fn mark(&mut self, id: u32, word: &mut WordRecord, field: MatchField, in_phrase: bool) {
        let program = self.program + 1;
        if word.program != program {
            word.program = program;
            word.fields = 0;
        }
        let bit = 1 << field.index();
        if word.fields & bit != 0 {
            if field == MatchField::Keyword && !in_phrase {
                self.not_in_phrase(word.keyword_at);
            }
            return;
        }
        word.fields |= bit;
        word.counts[field.index()] += 1;
        if field == MatchField::Keyword {
            word.keyword_at = self.len as u32;
        }
        let posting = Pending::new(id, field.index(), in_phrase);
        match self.pending.last_mut() {
            Some(chunk) if chunk.len() < CHUNK => chunk.push(posting),
            _ => self.push_in_new_chunk(posting),
        }
        self.len += 1;
    }

    #[cold]
    fn not_in_phrase(&mut self, at: u32) {
        let at = at as usize;
        self.pending[at / CHUNK][at % CHUNK].not_in_phrase();
    }

    #[cold]
    fn push_in_new_chunk(&mut self, posting: Pending) {
        let mut chunk = Vec::with_capacity(CHUNK);
        chunk.push(posting);
        self.pending.push(chunk);
    }

    /// Starts at program `first`.
    fn starting_at(first: u32) -> Postings {
        Postings {
            first,
            program: first,
            ..Postings::default()
        }
    }

    fn end_program(&mut self) {
        self.ends.push(self.len as u32);
        self.program += 1;
    }

    /// Writes each posting, as [`Vocab::postings`] keeps it, where `next` says its word
    /// and field's next one goes.
    fn scatter(self, mut next: Vec<[u32; FIELDS]>, out: &[AtomicU32]) {
        self.for_each(|program, posting| {
            let next = &mut next[posting.word() as usize][posting.field()];
            out[*next as usize].store(posting.stored(program), Ordering::Relaxed);
            *next += 1;
        });
    }

    /// Calls `f` with each posting, in program order, and its program.
    fn for_each(self, mut f: impl FnMut(u32, Pending)) {
        let mut program = self.first;
        let mut ends = self.ends.into_iter();
        let mut end = ends.next().unwrap_or(u32::MAX);
        let mut at = 0;
        for chunk in self.pending {
            for posting in chunk {
                while at == end {
                    program += 1;
                    end = ends.next().unwrap_or(u32::MAX);
                }
                f(program, posting);
                at += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_in_parts_builds_the_same_index() {
        // The bundled programs three times over, each copy's names with a word of its
        // own, and a Spanish name missing here and there.
        let mut catalog = Catalog::bundled().expect("bundled catalog");
        let bundled = catalog.programs.clone();
        for copy in 1..3 {
            catalog
                .programs
                .extend(bundled.iter().enumerate().map(|(i, p)| {
                    let mut p = p.clone();
                    p.name.en = format!("{} copy{copy}", p.name.en);
                    p.name.es = p
                        .name
                        .es
                        .filter(|_| i % 4 != 0)
                        .map(|es| format!("{es} copia{copy}"));
                    p
                }));
        }
        let n = catalog.programs.len();
        let whole = build_in_parts(&catalog, std::slice::from_ref(&(0..n)));
        for ranges in [vec![0..1, 1..n], vec![0..30, 30..31, 31..70, 70..n]] {
            let parts = build_in_parts(&catalog, &ranges);
            assert!(parts.0 == whole.0, "vocabulary in parts {ranges:?}");
            assert!(parts.1 == whole.1, "names in parts {ranges:?}");
        }
    }

    #[test]
    fn parts_cover_every_program_once() {
        for programs in [0, 1, 1_999, 4_000, 10_001] {
            let ranges = part_ranges(programs);
            assert_eq!(ranges.first().map_or(0, |r| r.start), 0);
            assert_eq!(ranges.last().map_or(0, |r| r.end), programs);
            assert!(ranges.windows(2).all(|w| w[0].end == w[1].start));
        }
    }
}
