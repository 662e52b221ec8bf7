//! Laying out the index once the parts are read and their words merged: the sorted
//! vocabulary, and every posting grouped by word and field.

use std::sync::atomic::AtomicU32;

use super::interner::Interner;
use super::merge::Merged;
use super::{Postings, joined};
use crate::search::FIELDS;
use crate::search::index::Vocab;

/// The vocabulary of the parts' `words` as [`merge`] sorted it, with each part's
/// postings grouped by word and field with a counting sort (stable, so each group
/// stays in program order).
///
/// Each part's postings of a word and field come after the earlier parts' ones, so
/// each part knows where all of its own go, and the parts are laid out at once, each
/// on its own core.
pub(super) fn finish(
    words: &[Interner],
    merged: Merged,
    postings: Vec<Postings>,
    stored: Vec<AtomicU32>,
) -> Vocab {
    let Merged {
        words: places,
        places: parts_places,
        counts: mut next,
    } = merged;
    let mut field_starts = Vec::with_capacity(places.len());
    // Each word's postings start where the previous word's end; `next` becomes where
    // the next posting of each word and field goes.
    let mut at = 0u32;
    for next in &mut next {
        let mut starts = [0u32; FIELDS + 1];
        for (start, next) in starts.iter_mut().zip(next) {
            *start = at;
            at += std::mem::replace(next, at);
        }
        starts[FIELDS] = at;
        field_starts.push(starts);
    }
    // Where each part's next posting of each of its words and fields goes.
    let parts_next = words.iter().zip(&parts_places).map(|(words, places)| {
        let of_part = words.records.iter().zip(places).map(|(word, &place)| {
            let Some(all) = next.get_mut(place as usize) else {
                return [0; FIELDS];
            };
            let here = *all;
            for (all, count) in all.iter_mut().zip(word.counts) {
                *all += count;
            }
            here
        });
        of_part.collect::<Vec<_>>()
    });
    let parts_next: Vec<_> = parts_next.collect();
    debug_assert_eq!(stored.len(), at as usize);
    let vocabulary = || {
        let bytes = words.iter().map(|w| w.text.len()).max().unwrap_or(0);
        let mut vocab = Vocab::with_capacity(places.len(), bytes);
        for (&(part, word), starts) in places.iter().zip(field_starts) {
            // Only whole chars went in, so every word is UTF-8.
            let text = std::str::from_utf8(word.text(&words[part])).unwrap_or_default();
            vocab.push(text, starts);
        }
        vocab
    };
    let work = postings.into_iter().zip(parts_next);
    let mut vocab = if work.len() > 1 {
        std::thread::scope(|scope| {
            // Written by several cores at once, each at places of its own.
            let stored = &stored;
            let scattering: Vec<_> = work
                .map(|(part, next)| scope.spawn(move || part.scatter(next, stored)))
                .collect();
            let vocab = vocabulary();
            scattering.into_iter().for_each(joined);
            vocab
        })
    } else {
        for (part, next) in work {
            part.scatter(next, &stored);
        }
        vocabulary()
    };
    vocab.postings = stored.into_iter().map(AtomicU32::into_inner).collect();
    vocab
}
