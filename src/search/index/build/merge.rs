//! Putting the parts' vocabularies together: each part sorts its own words (on its own
//! core, as it finishes reading), and the sorted lists are merged into the one sorted
//! vocabulary, giving each part's words their places in it. Nothing is interned twice
//! and nothing is sorted on one core alone.

use std::cmp::Ordering;

use super::Part;
use super::interner::Interner;
use crate::search::FIELDS;
use crate::search::words::head_of;

/// One word of a part, as the parts are merged: what orders it (its [`head_of`] read
/// big-endian, which orders words as their texts do: a word holds no zero byte, so
/// padding with zeros puts a prefix first; only words that share all sixteen bytes are
/// compared in full), its id in the part, and where its text is in the part's
/// `Interner::text` (so the merge and the vocabulary read the texts in order, not each
/// word's record).
#[derive(Clone, Copy)]
pub(super) struct SortedWord {
    head: u128,
    pub id: u32,
    pub text: (u32, u32),
}

impl SortedWord {
    pub fn text<'a>(&self, words: &'a Interner) -> &'a [u8] {
        &words.text[self.text.0 as usize..self.text.1 as usize]
    }
}

/// One part's words in the order of their texts: the words with a posting in the
/// part's programs (a sector or pathway none of them is in adds words in none).
pub(super) fn sorted_words(words: &Interner) -> Vec<SortedWord> {
    let records = words.records.iter().enumerate();
    let in_some_program = records.filter(|(_, w)| w.counts.iter().any(|&n| n > 0));
    let mut order: Vec<SortedWord> = in_some_program
        .map(|(id, record)| {
            let start = record.start;
            SortedWord {
                head: head_of(words.word(id as u32)).swap_bytes(),
                id: id as u32,
                text: (start, start + record.len),
            }
        })
        .collect();
    order.sort_unstable_by(|a, b| {
        a.head
            .cmp(&b.head)
            .then_with(|| a.text(words).cmp(b.text(words)))
    });
    order
}

/// The one sorted vocabulary of several parts.
pub(super) struct Merged {
    /// Per place in the vocabulary: a part that has the word, and the word there.
    pub words: Vec<(usize, SortedWord)>,
    /// Per part, per word id: its place in the vocabulary (`u32::MAX`: in no program).
    pub places: Vec<Vec<u32>>,
    /// Per place: how many postings the word has in each field, in all parts.
    pub counts: Vec<[u32; FIELDS]>,
}

/// Merges the parts' words (each part's [`sorted_words`]): one place per distinct
/// word, in the order of their texts.
pub(super) fn merge(parts: &[Part]) -> Merged {
    let total: usize = parts.iter().map(|part| part.sorted.len()).sum();
    let mut merged = Merged {
        words: Vec::with_capacity(total),
        places: parts
            .iter()
            .map(|part| vec![u32::MAX; part.words.len()])
            .collect(),
        counts: Vec::with_capacity(total),
    };
    let mut next = vec![0usize; parts.len()];
    // Part `i`'s next word, if any.
    let current = |next: &[usize], i: usize| parts[i].sorted.get(next[i]).copied();
    let compare = |(i, a): (usize, SortedWord), (j, b): (usize, SortedWord)| {
        a.head
            .cmp(&b.head)
            .then_with(|| a.text(&parts[i].words).cmp(b.text(&parts[j].words)))
    };
    loop {
        // The smallest of the parts' next words.
        let mut smallest: Option<(usize, SortedWord)> = None;
        for i in 0..parts.len() {
            if let Some(word) = current(&next, i)
                && smallest.is_none_or(|s| compare((i, word), s) == Ordering::Less)
            {
                smallest = Some((i, word));
            }
        }
        let Some((first, first_word)) = smallest else {
            return merged;
        };
        let place = merged.words.len() as u32;
        let mut counts = [0u32; FIELDS];
        // Every part whose next word is this one (none before `first`, the first part
        // with the smallest).
        for i in first..parts.len() {
            let Some(word) = current(&next, i) else {
                continue;
            };
            if i == first || compare((i, word), (first, first_word)) == Ordering::Equal {
                let id = word.id as usize;
                merged.places[i][id] = place;
                for (all, n) in counts.iter_mut().zip(parts[i].words.records[id].counts) {
                    *all += n;
                }
                next[i] += 1;
            }
        }
        merged.words.push((first, first_word));
        merged.counts.push(counts);
    }
}
