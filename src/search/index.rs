//! The index built once from the catalog: the vocabulary (every distinct folded word,
//! sorted, with the programs and fields it appears in) and each program's name as
//! folded keys for highlighting.

use std::collections::HashMap;
use std::ops::Range;

use super::classify::char_mask;
use super::{FIELDS, MatchField, SearchIndex};
use crate::catalog::Catalog;
use crate::i18n::Lang;
use crate::text::{FoldedText, fold, merge_ranges};

/// The vocabulary: every distinct folded word once, sorted, and all postings in one
/// array, grouped by word, then by field, then in program order.
pub(super) struct Vocab {
    words: Vec<VocabWord>,
    /// Each posting as `program << 1 | in_phrase`: its word and field are where it is
    /// stored (`VocabWord::field_starts`), so four bytes hold it.
    postings: Vec<u32>,
}

impl std::ops::Deref for Vocab {
    type Target = [VocabWord];

    fn deref(&self) -> &[VocabWord] {
        &self.words
    }
}

impl Vocab {
    /// The postings of word `id` in `field`. Sorted by field, so a match kind that does
    /// not count in some fields (most kinds and descriptions) skips those postings
    /// without looking at them.
    pub fn postings_in(
        &self,
        id: usize,
        field: MatchField,
    ) -> impl ExactSizeIterator<Item = Posting> + '_ {
        let starts = &self.words[id].field_starts;
        let f = field.index();
        self.postings[starts[f] as usize..starts[f + 1] as usize]
            .iter()
            .map(move |&stored| Posting {
                program: stored >> 1,
                field,
                in_phrase: stored & 1 == 1,
            })
    }
}

pub(super) struct VocabWord {
    pub text: Box<str>,
    pub chars: Box<[char]>,
    pub mask: u64,
    /// True when some posting is in a short field (the typo pass skips the rest).
    pub in_short_field: bool,
    /// `Vocab::postings[field_starts[f]..field_starts[f + 1]]` are the postings of
    /// this word in field `f`.
    field_starts: [u32; FIELDS + 1],
}

impl VocabWord {
    fn new(text: Box<str>, field_starts: [u32; FIELDS + 1]) -> Self {
        let in_short_field = MatchField::ALL
            .iter()
            .any(|f| f.is_short() && field_starts[f.index()] < field_starts[f.index() + 1]);
        VocabWord {
            chars: text.chars().collect(),
            mask: char_mask(&text),
            in_short_field,
            text,
            field_starts,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct Posting {
    pub program: u32,
    pub field: MatchField,
    /// One word of a several-word keyword ("draw" in "blood draw"): the keyword is
    /// about the phrase, so the word alone counts for less than a keyword of its own.
    in_phrase: bool,
}

impl Posting {
    pub fn weight(self) -> f32 {
        if self.in_phrase {
            0.8 * self.field.weight()
        } else {
            self.field.weight()
        }
    }
}

pub(super) struct NameKey {
    /// For every folded char of the name, the byte range of the displayed name it came
    /// from ([`FoldedText::source`], kept in 32 bits: one per program and language).
    source: Box<[(u32, u32)]>,
    /// The words of the name and each pair of neighbouring words run together (as
    /// indexed), with their index in the vocabulary.
    pub words: Box<[NameWord]>,
}

/// A word of a displayed name: one run of letters in the folded name, or two
/// neighbouring runs read as one ("Video Game" as "videogame"). Runs are folded char
/// positions, start and end.
pub(super) struct NameWord {
    first: (u16, u16),
    second: Option<(u16, u16)>,
    pub vocab: u32,
}

impl NameWord {
    /// Writes this word's text into `out`.
    fn text_into(&self, chars: &[char], out: &mut String) {
        let run = |(start, end): (u16, u16)| &chars[start as usize..end as usize];
        out.clear();
        out.extend(
            run(self.first)
                .iter()
                .chain(self.second.map_or(&[][..], run)),
        );
    }

    /// Position in the folded name of char `i` of this word.
    pub fn position(&self, i: usize) -> usize {
        let (start, end) = self.first;
        let first_len = usize::from(end - start);
        match self.second {
            Some((second, _)) if i >= first_len => usize::from(second) + i - first_len,
            _ => usize::from(start) + i,
        }
    }
}

impl NameKey {
    /// The name key of `name`, its words' `vocab` set by `vocab_of` (given each
    /// word's text).
    fn new(name: &str, scratch: &mut String, mut vocab_of: impl FnMut(&str) -> u32) -> Self {
        let folded = FoldedText::new(name);
        // A name longer than 65,535 chars is only searched on its first ones.
        let chars = &folded.chars[..folded.chars.len().min(usize::from(u16::MAX))];
        let mut runs: Vec<(u16, u16)> = Vec::new();
        let mut start = None;
        for (i, c) in chars.iter().enumerate() {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(i as u16),
                (false, Some(s)) => {
                    runs.push((s, i as u16));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            runs.push((s, chars.len() as u16));
        }
        let singles = runs.iter().map(|&first| (first, None));
        let pairs = runs.windows(2).map(|pair| (pair[0], Some(pair[1])));
        let words = singles
            .chain(pairs)
            .map(|(first, second)| {
                let mut word = NameWord {
                    first,
                    second,
                    vocab: u32::MAX,
                };
                word.text_into(chars, scratch);
                word.vocab = vocab_of(scratch);
                word
            })
            .collect();
        let byte = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        let source = folded
            .source
            .iter()
            .map(|r| (byte(r.start), byte(r.end)))
            .collect();
        NameKey { source, words }
    }

    /// Byte ranges of the displayed name covering the folded char positions `chars`,
    /// sorted and merged, as [`FoldedText::byte_ranges`] gives them.
    pub fn byte_ranges(&self, chars: impl IntoIterator<Item = usize>) -> Vec<Range<usize>> {
        let mut ranges: Vec<Range<usize>> = chars
            .into_iter()
            .filter_map(|i| self.source.get(i))
            .map(|&(start, end)| start as usize..end as usize)
            .collect();
        merge_ranges(&mut ranges);
        ranges
    }
}

/// A posting while building, in four bytes: `program << 4 | field << 1 | in_phrase`.
/// A catalog file of at most 64 MB holds far fewer than 2^28 programs.
#[derive(Clone, Copy)]
struct Found(u32);

impl Found {
    fn new(program: u32, field: MatchField, in_phrase: bool) -> Found {
        debug_assert!(program < 1 << 28);
        Found(program << 4 | (field.index() as u32) << 1 | u32::from(in_phrase))
    }

    fn program(self) -> u32 {
        self.0 >> 4
    }

    fn field(self) -> MatchField {
        MatchField::ALL[(self.0 >> 1 & 0b111) as usize]
    }

    /// As [`Vocab::postings`] keeps it.
    fn stored(self) -> u32 {
        self.program() << 1 | (self.0 & 1)
    }
}

/// How many postings a chunk of `Builder::found` holds.
const CHUNK: usize = 1 << 16;

/// Postings as they are found, before they are grouped by word: each distinct folded
/// word is stored once (interned), and a posting is three integers.
#[derive(Default)]
struct Builder {
    ids: HashMap<Box<str>, u32, foldhash::fast::RandomState>,
    words: Vec<Box<str>>,
    /// Per word and field, 1 + the index in `found` of its latest posting (0: none), so
    /// a word met again in the same field of the same program adds nothing.
    latest: Vec<[u32; FIELDS]>,
    /// (word id, [`Found`]) in the order found, in chunks of [`CHUNK`]: a statewide
    /// catalog has millions, and one growing array would double its memory (and copy
    /// itself) on each growth.
    found: Vec<Vec<(u32, Found)>>,
    found_len: usize,
    /// Reused for words run together, so a pair costs no allocation of its own.
    joined: String,
    /// Reused for the words of each text.
    words_of_text: FoldedWords,
}

/// The folded words of one text, in one reused buffer: the words of `fold(text)` split
/// at every char that is not alphanumeric, without a new string per text.
#[derive(Default)]
struct FoldedWords {
    text: String,
    bounds: Vec<Range<usize>>,
}

impl FoldedWords {
    /// Takes the words of `text`. A run of ASCII letters and digits is lowercased as it
    /// is copied; only a run holding a non-ASCII char goes through [`fold`]. That gives
    /// the words of folding the whole text and then splitting it, because folding goes
    /// char by char and leaves ASCII punctuation and spaces, where both split, as they
    /// are.
    fn fill(&mut self, text: &str) {
        self.text.clear();
        self.bounds.clear();
        let runs = text.split(|c: char| c.is_ascii() && !c.is_ascii_alphanumeric());
        for run in runs.filter(|run| !run.is_empty()) {
            if run.is_ascii() {
                let start = self.text.len();
                self.text.push_str(run);
                self.text[start..].make_ascii_lowercase();
                self.bounds.push(start..self.text.len());
            } else {
                for word in fold(run).split(|c: char| !c.is_alphanumeric()) {
                    if !word.is_empty() {
                        let start = self.text.len();
                        self.text.push_str(word);
                        self.bounds.push(start..self.text.len());
                    }
                }
            }
        }
    }

    fn get(&self, i: usize) -> &str {
        &self.text[self.bounds[i].clone()]
    }
}

impl Builder {
    fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.words.len() as u32;
        self.words.push(word.into());
        self.ids.insert(word.into(), id);
        self.latest.push([0; FIELDS]);
        id
    }

    fn add_word(&mut self, word: &str, program: u32, field: MatchField, in_phrase: bool) {
        let id = self.id(word);
        let latest = &mut self.latest[id as usize][field.index()];
        // Programs are added one after another, so the same program's posting of this
        // word in this field, if any, is the latest one.
        if let Some((_, q)) = latest
            .checked_sub(1)
            .map(|i| &mut self.found[i as usize / CHUNK][i as usize % CHUNK])
            && q.program() == program
        {
            q.0 &= !u32::from(!in_phrase);
            return;
        }
        if self.found_len.is_multiple_of(CHUNK) {
            self.found.push(Vec::with_capacity(CHUNK));
        }
        let found = Found::new(program, field, in_phrase);
        self.found.last_mut().expect("a chunk").push((id, found));
        self.found_len += 1;
        *latest = self.found_len as u32;
    }

    fn add_text(&mut self, text: &str, program: usize, field: MatchField) {
        let mut words = std::mem::take(&mut self.words_of_text);
        words.fill(text);
        let program = program as u32;
        let count = words.bounds.len();
        // Words of a several-word keyword count as part of a phrase.
        let in_phrase = field == MatchField::Keyword && count > 1;
        for i in 0..count {
            self.add_word(words.get(i), program, field, in_phrase);
        }
        // In short fields neighbouring words also run together, for students who type
        // "videogames" or "autoshop"; a two-word keyword run together is the whole
        // keyword.
        if field.is_short() {
            let mut joined = std::mem::take(&mut self.joined);
            for i in 1..count {
                joined.clear();
                joined.push_str(words.get(i - 1));
                joined.push_str(words.get(i));
                self.add_word(&joined, program, field, in_phrase && count > 2);
            }
            self.joined = joined;
        }
        self.words_of_text = words;
    }

    /// The sorted vocabulary, its postings grouped by word and field with a counting
    /// sort (stable, so each group stays in program order), and the place in it of
    /// each word id.
    fn finish(mut self) -> (Vocab, Vec<u32>) {
        drop(std::mem::take(&mut self.ids));
        drop(std::mem::take(&mut self.latest));
        let mut order: Vec<u32> = (0..self.words.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| self.words[a as usize].cmp(&self.words[b as usize]));
        let mut rank = vec![0u32; order.len()];
        for (r, &id) in order.iter().enumerate() {
            rank[id as usize] = r as u32;
        }
        let bucket =
            |id: u32, field: MatchField| rank[id as usize] as usize * FIELDS + field.index();
        // starts[b] is where bucket b (word rank × field) begins in the postings.
        let mut starts = vec![0u32; order.len() * FIELDS + 1];
        for &(id, found) in self.found.iter().flatten() {
            starts[bucket(id, found.field()) + 1] += 1;
        }
        for b in 1..starts.len() {
            starts[b] += starts[b - 1];
        }
        let mut next = starts.clone();
        let mut postings = vec![0u32; self.found_len];
        for chunk in std::mem::take(&mut self.found) {
            for (id, found) in chunk {
                let slot = &mut next[bucket(id, found.field())];
                postings[*slot as usize] = found.stored();
                *slot += 1;
            }
        }
        drop(next);
        let mut texts: Vec<Option<Box<str>>> = self.words.into_iter().map(Some).collect();
        let words = order
            .iter()
            .enumerate()
            .map(|(r, &id)| {
                let mut field_starts = [0u32; FIELDS + 1];
                field_starts.copy_from_slice(&starts[r * FIELDS..=(r + 1) * FIELDS]);
                let text = texts[id as usize].take().unwrap_or_default();
                VocabWord::new(text, field_starts)
            })
            .collect();
        (Vocab { words, postings }, rank)
    }
}

/// The sorted vocabulary of `catalog` and, per program, its English and Spanish name
/// keys.
pub(super) fn build(catalog: &Catalog) -> (Vocab, Vec<[NameKey; 2]>) {
    let mut builder = Builder::default();
    let mut names = Vec::with_capacity(catalog.programs.len());
    let mut text = String::new();
    for (i, p) in catalog.programs.iter().enumerate() {
        for t in p.name.all() {
            builder.add_text(t, i, MatchField::Name);
        }
        for k in &p.keywords {
            builder.add_text(k, i, MatchField::Keyword);
        }
        for c in &p.careers {
            for t in c.all() {
                builder.add_text(t, i, MatchField::Career);
            }
        }
        if let Some(sector) = catalog.sectors.iter().find(|s| s.id == p.sector) {
            for t in sector.name.all() {
                builder.add_text(t, i, MatchField::Sector);
            }
            if let Some(pathway) = sector.pathways.iter().find(|w| w.id == p.pathway) {
                for t in pathway.name.all() {
                    builder.add_text(t, i, MatchField::Pathway);
                }
            }
        }
        for c in &p.certifications {
            for t in c.all() {
                builder.add_text(t, i, MatchField::Certification);
            }
        }
        for t in p.description.all().chain(p.summary.all()) {
            builder.add_text(t, i, MatchField::Description);
        }
        // Names went into the vocabulary with the same folding and splitting. Word ids
        // for now; their places in the sorted vocabulary below.
        let ids = &builder.ids;
        let mut id_of = |word: &str| ids.get(word).copied().unwrap_or(u32::MAX);
        let keys = [
            NameKey::new(p.name.get(Lang::En), &mut text, &mut id_of),
            NameKey::new(p.name.get(Lang::Es), &mut text, &mut id_of),
        ];
        names.push(keys);
    }

    let (vocab, rank) = builder.finish();
    for word in names
        .iter_mut()
        .flatten()
        .flat_map(|key| key.words.iter_mut())
    {
        if let Some(&place) = rank.get(word.vocab as usize) {
            word.vocab = place;
        }
    }
    (vocab, names)
}

impl SearchIndex {
    /// Indices of the vocabulary words starting with `prefix` (a range: it is sorted).
    pub(super) fn prefix_range(&self, prefix: &str) -> Range<usize> {
        let start = self.vocab.partition_point(|v| &*v.text < prefix);
        let len = self.vocab[start..].partition_point(|v| v.text.starts_with(prefix));
        start..start + len
    }

    /// The folded name of `program` as shown in `lang`.
    pub(super) fn name_key(&self, program: usize, lang: Lang) -> &NameKey {
        &self.names[program][match lang {
            Lang::En => 0,
            Lang::Es => 1,
        }]
    }
}
