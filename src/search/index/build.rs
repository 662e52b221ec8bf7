//! Building the index: every text of every program cut into folded words, each distinct
//! word interned once, and the postings (word, field, program) grouped by word and field
//! without an allocation per word or per program.
//!
//! The work is linear in the catalog's text: one pass cuts and looks up each word once,
//! a program's repeated words are merged as they are met, and the postings are laid out
//! by word and field with one counting sort.

use std::hash::BuildHasher;

use hashbrown::HashTable;

use super::{NameKey, Vocab, VocabWord};
use crate::catalog::Catalog;
use crate::i18n::Lang;
use crate::search::words::FoldedWords;
use crate::search::{FIELDS, MatchField};

/// The sorted vocabulary of `catalog` and, per program, its English and Spanish name
/// keys.
pub(in crate::search) fn build(catalog: &Catalog) -> (Vocab, Vec<[NameKey; 2]>) {
    let mut builder = Builder::default();
    let mut names = Vec::with_capacity(catalog.programs.len());
    let mut text = String::new();
    for p in &catalog.programs {
        for t in p.name.all() {
            builder.add_text(t, MatchField::Name);
        }
        for k in &p.keywords {
            builder.add_text(k, MatchField::Keyword);
        }
        for c in &p.careers {
            for t in c.all() {
                builder.add_text(t, MatchField::Career);
            }
        }
        if let Some(sector) = catalog.sectors.iter().find(|s| s.id == p.sector) {
            for t in sector.name.all() {
                builder.add_text(t, MatchField::Sector);
            }
            if let Some(pathway) = sector.pathways.iter().find(|w| w.id == p.pathway) {
                for t in pathway.name.all() {
                    builder.add_text(t, MatchField::Pathway);
                }
            }
        }
        for c in &p.certifications {
            for t in c.all() {
                builder.add_text(t, MatchField::Certification);
            }
        }
        for t in p.description.all().chain(p.summary.all()) {
            builder.add_text(t, MatchField::Description);
        }
        builder.end_program();
        // Names went into the vocabulary with the same folding and splitting. Word ids
        // for now; their places in the sorted vocabulary below.
        let words = &builder.words;
        let mut id_of = |word: &str| words.get(word).unwrap_or(u32::MAX);
        names.push([
            NameKey::new(p.name.get(Lang::En), &mut text, &mut id_of),
            NameKey::new(p.name.get(Lang::Es), &mut text, &mut id_of),
        ]);
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

/// Every distinct folded word once, all in one string, numbered in the order met.
#[derive(Default)]
struct Interner {
    /// Word ids, found by the hash of their text.
    ids: HashTable<u32>,
    hasher: foldhash::fast::RandomState,
    text: String,
    /// Word `id` is `text[spans[id].0..spans[id].1]`.
    spans: Vec<(u32, u32)>,
}

impl Interner {
    fn len(&self) -> usize {
        self.spans.len()
    }

    fn word(&self, id: u32) -> &str {
        let (start, end) = self.spans[id as usize];
        &self.text[start as usize..end as usize]
    }

    fn get(&self, word: &str) -> Option<u32> {
        let hash = self.hasher.hash_one(word);
        self.ids.find(hash, |&id| self.word(id) == word).copied()
    }

    /// The id of `word`, a new one if it was never met.
    fn intern(&mut self, word: &str) -> u32 {
        let hash = self.hasher.hash_one(word);
        let Interner {
            ids,
            hasher,
            text,
            spans,
        } = self;
        let text_of = |id: u32| {
            let (start, end) = spans[id as usize];
            &text[start as usize..end as usize]
        };
        if let Some(&id) = ids.find(hash, |&id| text_of(id) == word) {
            return id;
        }
        let id = spans.len() as u32;
        let start = text.len() as u32;
        text.push_str(word);
        spans.push((start, text.len() as u32));
        ids.insert_unique(hash, id, |&id| {
            let (start, end) = spans[id as usize];
            hasher.hash_one(&text[start as usize..end as usize])
        });
        id
    }
}

/// The fields a word was met in within the current program.
#[derive(Clone, Copy, Default)]
struct Seen {
    /// 1 + the program they are for (0: none yet).
    program: u32,
    /// One bit per [`MatchField`].
    fields: u8,
    /// Whether every time the word was a keyword, it was one word of a several-word
    /// keyword.
    keyword_in_phrase: bool,
}

/// A posting while building, in four bytes: `program << 4 | field << 1 | in_phrase`.
/// A catalog file of at most 64 MB holds far fewer than 2^28 programs.
#[derive(Clone, Copy)]
struct Pending(u32);

impl Pending {
    fn new(program: u32, field: usize, in_phrase: bool) -> Pending {
        debug_assert!(program < 1 << 28);
        Pending(program << 4 | (field as u32) << 1 | u32::from(in_phrase))
    }

    fn field(self) -> usize {
        (self.0 >> 1 & 0b111) as usize
    }

    /// As [`Vocab::postings`] keeps it: `program << 1 | in_phrase`.
    fn stored(self) -> u32 {
        self.0 >> 4 << 1 | (self.0 & 1)
    }
}

/// How many postings a chunk of `Builder::pending` holds.
const CHUNK: usize = 1 << 16;

/// The postings as programs are read, before they are grouped by word.
#[derive(Default)]
struct Builder {
    words: Interner,
    /// Per word id: where it was met in the current program.
    seen: Vec<Seen>,
    /// Per word id: how many postings it has in each field.
    counts: Vec<[u32; FIELDS]>,
    /// The word ids met in the current program.
    touched: Vec<u32>,
    /// The program being read.
    program: u32,
    /// (word id, posting) in program order, in chunks of [`CHUNK`]: a statewide catalog
    /// has millions, and one growing array would double its memory (and copy itself)
    /// on each growth.
    pending: Vec<Vec<(u32, Pending)>>,
    /// Reused for words run together, so a pair costs no allocation of its own.
    joined: String,
    /// Reused for the words of each text.
    words_of_text: FoldedWords,
}

impl Builder {
    fn add_word(&mut self, word: &str, field: MatchField, in_phrase: bool) {
        let id = self.words.intern(word) as usize;
        if id == self.seen.len() {
            self.seen.push(Seen::default());
            self.counts.push([0; FIELDS]);
        }
        let seen = &mut self.seen[id];
        if seen.program != self.program + 1 {
            *seen = Seen {
                program: self.program + 1,
                fields: 0,
                keyword_in_phrase: true,
            };
            self.touched.push(id as u32);
        }
        seen.fields |= 1 << field.index();
        if field == MatchField::Keyword {
            seen.keyword_in_phrase &= in_phrase;
        }
    }

    fn add_text(&mut self, text: &str, field: MatchField) {
        let mut words = std::mem::take(&mut self.words_of_text);
        words.fill(text);
        let count = words.len();
        // Words of a several-word keyword count as part of a phrase.
        let in_phrase = field == MatchField::Keyword && count > 1;
        for word in words.iter() {
            self.add_word(word, field, in_phrase);
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
                self.add_word(&joined, field, in_phrase && count > 2);
            }
            self.joined = joined;
        }
        self.words_of_text = words;
    }

    /// Writes the postings of the program just read (one per word and field it was
    /// met in) and moves on to the next program.
    fn end_program(&mut self) {
        for &id in &self.touched {
            let seen = self.seen[id as usize];
            let mut fields = seen.fields;
            while fields != 0 {
                let field = fields.trailing_zeros() as usize;
                fields &= fields - 1;
                let in_phrase = field == MatchField::Keyword.index() && seen.keyword_in_phrase;
                if self.pending.last().is_none_or(|chunk| chunk.len() == CHUNK) {
                    self.pending.push(Vec::with_capacity(CHUNK));
                }
                let chunk = self.pending.last_mut().expect("a chunk");
                chunk.push((id, Pending::new(self.program, field, in_phrase)));
                self.counts[id as usize][field] += 1;
            }
        }
        self.touched.clear();
        self.program += 1;
    }

    /// The sorted vocabulary, its postings grouped by word and field with a counting
    /// sort (stable, so each group stays in program order), and the place in it of
    /// each word id.
    fn finish(self) -> (Vocab, Vec<u32>) {
        let Builder {
            words,
            mut counts,
            pending,
            ..
        } = self;
        let order = sorted_ids(&words);
        let mut rank = vec![0u32; order.len()];
        let mut field_starts = Vec::with_capacity(order.len());
        // Each word's postings start where the previous word's end; `counts` becomes
        // where the next posting of each word and field goes.
        let mut at = 0u32;
        for (place, &id) in order.iter().enumerate() {
            rank[id as usize] = place as u32;
            let mut starts = [0u32; FIELDS + 1];
            for (start, next) in starts.iter_mut().zip(&mut counts[id as usize]) {
                *start = at;
                at += std::mem::replace(next, at);
            }
            starts[FIELDS] = at;
            field_starts.push(starts);
        }
        let mut postings = vec![0u32; at as usize];
        for chunk in pending {
            for (id, posting) in chunk {
                let next = &mut counts[id as usize][posting.field()];
                postings[*next as usize] = posting.stored();
                *next += 1;
            }
        }
        let words = order
            .iter()
            .zip(field_starts)
            .map(|(&id, starts)| VocabWord::new(words.word(id).into(), starts))
            .collect();
        (Vocab { words, postings }, rank)
    }
}

/// The word ids of `words` in the order of their texts.
fn sorted_ids(words: &Interner) -> Vec<u32> {
    // The first eight bytes, big-endian, order words as their texts do (a word holds no
    // zero byte, so padding with zeros puts a prefix first); only words that share all
    // eight are compared in full.
    let head = |id: u32| {
        let mut bytes = [0u8; 8];
        let word = words.word(id).as_bytes();
        let n = word.len().min(8);
        bytes[..n].copy_from_slice(&word[..n]);
        u64::from_be_bytes(bytes)
    };
    let mut order: Vec<(u64, u32)> = (0..words.len() as u32).map(|id| (head(id), id)).collect();
    order.sort_unstable_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| words.word(a.1).cmp(words.word(b.1)))
    });
    order.into_iter().map(|(_, id)| id).collect()
}
