//! Putting the parts' vocabularies together: each part sorts its own words (on its own
//! core, as it finishes reading), and the sorted lists are merged into the one sorted
//! vocabulary, giving each part's words their places in it. Nothing is interned twice
//! and nothing is sorted on one core alone.

use std::cmp::Ordering;

use super::Part;
use super::interner::Interner;
use crate::search::FIELDS;

/// One part's words in the order of their texts: the words with a posting in the
/// part's programs (a sector or pathway none of them is in adds words in none), each
/// with its first sixteen bytes big-endian, which order words as their texts do (a word
/// holds no zero byte, so padding with zeros puts a prefix first); only words that
/// share all sixteen are compared in full.
pub(super) fn sorted_words(words: &Interner) -> Vec<(u128, u32)> {
    let head = |id: u32| {
        let mut bytes = [0u8; 16];
        let word = words.word(id);
        let n = word.len().min(16);
        bytes[..n].copy_from_slice(&word[..n]);
        u128::from_be_bytes(bytes)
    };
    let records = words.records.iter().enumerate();
    let in_some_program = records.filter(|(_, w)| w.counts.iter().any(|&n| n > 0));
    let mut order: Vec<(u128, u32)> = in_some_program
        .map(|(id, _)| (head(id as u32), id as u32))
        .collect();
    order.sort_unstable_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| words.word(a.1).cmp(words.word(b.1)))
    });
    order
}

/// The one sorted vocabulary of several parts.
pub(super) struct Merged {
    /// Per place in the vocabulary: a part that has the word, and its id there.
    pub words: Vec<(usize, u32)>,
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
    // Part `i`'s next word, if any: its head and id.
    let current = |next: &[usize], i: usize| parts[i].sorted.get(next[i]).copied();
    let compare = |(i, (head_i, id_i)): (usize, (u128, u32)),
                   (j, (head_j, id_j)): (usize, (u128, u32))| {
        head_i
            .cmp(&head_j)
            .then_with(|| parts[i].words.word(id_i).cmp(parts[j].words.word(id_j)))
    };
    loop {
        // The smallest of the parts' next words.
        let mut smallest: Option<(usize, (u128, u32))> = None;
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
                let id = word.1 as usize;
                merged.places[i][id] = place;
                for (all, n) in counts.iter_mut().zip(parts[i].words.records[id].counts) {
                    *all += n;
                }
                next[i] += 1;
            }
        }
        merged.words.push((first, first_word.1));
        merged.counts.push(counts);
    }
}
