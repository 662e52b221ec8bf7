//! The index build's interner: every distinct folded word once, with what the build keeps
//! of it while the programs are read (one cache line per word).

use std::hash::BuildHasher;

use hashbrown::HashTable;

use crate::search::FIELDS;
use crate::search::words::{HEAD, Word};

/// Every distinct folded word once, numbered in the order met, with what the build
/// keeps of it.
#[derive(Default)]
pub(super) struct Interner {
    /// Every word's id, found by the hash of its text.
    pub(super) ids: HashTable<u32>,
    pub(super) hasher: foldhash::fast::RandomState,
    /// Every word's text, one after another.
    pub(super) text: Vec<u8>,
    /// Per word id.
    pub(super) records: Vec<WordRecord>,
}

/// A word while the index is built, in one cache line: what a lookup compares (its
/// head and length), and what marking it updates (its fields in the current program,
/// its postings so far).
#[derive(Clone, Copy, Default)]
#[repr(align(64))]
pub(super) struct WordRecord {
    /// [`Word::head`], in two halves (a `u128` would need a wider alignment).
    pub(super) head: [u64; 2],
    pub(super) len: u32,
    /// Where its text starts in `Interner::text`.
    pub(super) start: u32,
    /// 1 + the program `fields` are for (0: none yet).
    pub(super) program: u32,
    /// One bit per [`MatchField`].
    pub(super) fields: u8,
    /// Where its keyword posting of that program is in `Postings::pending`, to clear
    /// its phrase bit when the word is also a keyword on its own.
    pub(super) keyword_at: u32,
    /// How many postings it has in each field.
    pub(super) counts: [u32; FIELDS],
}

pub(super) fn halves(head: u128) -> [u64; 2] {
    [head as u64, (head >> 64) as u64]
}

impl Interner {
    pub(super) fn len(&self) -> usize {
        self.records.len()
    }

    pub(super) fn word(&self, id: u32) -> &[u8] {
        text_of(&self.text, &self.records[id as usize])
    }

    #[inline(always)]
    pub(super) fn find(&self, word: Word, hash: u64) -> Option<u32> {
        let (head, len) = (halves(word.head), word.len as u32);
        let same = |&id: &u32| {
            let record = &self.records[id as usize];
            record.head == head
                && record.len == len
                && (word.is_whole_in_head() || word.is(text_of(&self.text, record)))
        };
        self.ids.find(hash, same).copied()
    }

    pub(super) fn get(&self, word: &str) -> Option<u32> {
        let word = Word::whole(word.as_bytes());
        self.find(word, hash_of(&self.hasher, word.head, word.len))
    }

    /// The id of `word`, a new one if it was never met.
    #[inline]
    pub(super) fn intern(&mut self, word: Word) -> u32 {
        let hash = hash_of(&self.hasher, word.head, word.len);
        if let Some(id) = self.find(word, hash) {
            return id;
        }
        self.insert(word, hash)
    }

    #[inline(never)]
    pub(super) fn insert(&mut self, word: Word, hash: u64) -> u32 {
        let id = self.records.len() as u32;
        self.records.push(WordRecord {
            head: halves(word.head),
            len: word.len as u32,
            start: self.text.len() as u32,
            ..WordRecord::default()
        });
        word.write_to(&mut self.text);
        let Interner {
            ids,
            hasher,
            records,
            ..
        } = self;
        ids.insert_unique(hash, id, |&id| {
            let record = &records[id as usize];
            let head = u128::from(record.head[0]) | u128::from(record.head[1]) << 64;
            hash_of(hasher, head, record.len as usize)
        });
        id
    }
}

pub(super) fn text_of<'a>(text: &'a [u8], record: &WordRecord) -> &'a [u8] {
    let start = record.start as usize;
    &text[start..start + record.len as usize]
}

/// The hash of a word, from its head (one multiplication) and, when it is longer than
/// that, its length: words longer than their head rarely share it, and those that do
/// are told apart by comparing them.
#[inline]
pub(super) fn hash_of(hasher: &foldhash::fast::RandomState, head: u128, len: usize) -> u64 {
    if len <= HEAD {
        hasher.hash_one(head)
    } else {
        hasher.hash_one((head, len))
    }
}
