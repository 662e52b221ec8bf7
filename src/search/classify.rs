//! How one query word matches one vocabulary word: the kind of match, its quality, and
//! the letters to light up; and the typo distance behind the typo kind.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::MatchField;
use super::index::VocabWord;
use super::query::QueryWord;

/// Words longer than this skip the edit-distance pass (no real word is this long).
const MAX_TYPO_WORD_CHARS: usize = 32;

/// The shortest word a typo may be matched to: one edit away from a word of three
/// letters or fewer is too weak to be a typo ("army" is not "arm"); such words must be
/// typed right.
const MIN_TYPO_WORD_CHARS: usize = 4;
/// The shortest beginning of a longer word a typo may be matched to. Four letters of a
/// longer word are a fragment, not a word: "king" is not a typo of "kind" in
/// "kindergarten". Five ("cosme" for "cosmo") say enough about which word it is.
const MIN_TYPO_BEGINNING_CHARS: usize = 5;

/// How a query word matched a vocabulary word; the quality of each kind is in
/// [`classify`].
///
/// Every kind is anchored at the start of a vocabulary word, and so at the start of a
/// catalog word: a vocabulary word is one word, or two neighbouring words run together
/// whose second word is also in the vocabulary on its own. Nothing matches from the
/// middle of a word: "cars" is not in "sacar sangre", "edit" is not in "credit".
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum MatchKind {
    Exact,
    /// The query word and the word differ only by a plural ending ("animales",
    /// "animal", "animals").
    Stem,
    /// The query word starts the word.
    Prefix,
    /// The query word minus its last letter or two starts the word: another ending
    /// ("nurse" → "nursing", "mecanico" → "mecanica").
    NearPrefix,
    /// Skim matched the query word as a scattered subsequence (dropped letters).
    Fuzzy,
    /// Within a small edit distance of the word or of its beginning.
    Typo,
}

impl MatchKind {
    pub fn allowed_in(self, field: MatchField, word_chars: usize) -> bool {
        // One- and two-letter words ("ag", "3d", "it") only count in names and keywords:
        // in a paragraph they match everything.
        if word_chars <= 2 && !matches!(field, MatchField::Name | MatchField::Keyword) {
            return false;
        }
        match self {
            MatchKind::Exact | MatchKind::Stem => true,
            MatchKind::Prefix => field != MatchField::Description || word_chars >= 4,
            MatchKind::NearPrefix => matches!(
                field,
                MatchField::Name | MatchField::Keyword | MatchField::Career
            ),
            MatchKind::Fuzzy | MatchKind::Typo => field.is_short(),
        }
    }
}

pub(super) struct TokenMatch {
    pub kind: MatchKind,
    pub quality: f32,
    /// Char positions within the token to highlight.
    pub highlight: Vec<usize>,
}

/// Which kinds of match [`classify`] may find.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pass {
    /// Exact, stems, prefixes and other endings: the word as typed.
    AsTyped,
    /// Also fuzzy and edit-distance typos, on words with the same first letter (typos
    /// rarely hit it).
    Typos,
    /// Typos in the first letter too ("mursing"): only to find the closest programs
    /// when nothing matched.
    AnyFirstLetter,
}

/// The best way `word` matches the vocabulary word `vw` in `pass`, with its quality
/// (0..=1).
pub(super) fn classify(
    matcher: &SkimMatcherV2,
    word: &QueryWord,
    vw: &VocabWord<'_>,
    pass: Pass,
) -> Option<TokenMatch> {
    let (text, chars, mask) = (vw.text, vw.chars, vw.mask);
    let wlen = word.chars.len();
    let tlen = chars.len();
    let span = |from: usize, n: usize| (from..(from + n).min(tlen)).collect::<Vec<usize>>();
    // How much of the catalog word the student typed: "mechanic" is most of
    // "mechanics", "car" is little of "careers".
    let coverage = |n: usize| n as f32 / tlen.max(1) as f32;

    if text == word.text {
        return Some(TokenMatch {
            kind: MatchKind::Exact,
            quality: 1.0,
            highlight: span(0, tlen),
        });
    }
    if word.stems.iter().any(|s| s == text) {
        return Some(TokenMatch {
            kind: MatchKind::Stem,
            quality: 0.95,
            highlight: span(0, tlen),
        });
    }
    if text.starts_with(word.text.as_str()) {
        return Some(TokenMatch {
            kind: MatchKind::Prefix,
            quality: 0.5 + 0.45 * coverage(wlen),
            highlight: span(0, wlen),
        });
    }
    // Another ending of the same word ("animales" finds "animals", "coches" finds
    // "coche"), not any longer word the stem starts ("cars" must not find "career").
    if let Some(stem) = word.stems.iter().find(|s| {
        text.strip_prefix(s.as_str())
            .is_some_and(|rest| ["s", "es"].contains(&rest))
    }) {
        return Some(TokenMatch {
            kind: MatchKind::Stem,
            quality: 0.9,
            highlight: span(0, stem.chars().count()),
        });
    }
    if let Some(near) = word.near.iter().find(|n| text.starts_with(n.as_str())) {
        let n = near.chars().count();
        return Some(TokenMatch {
            kind: MatchKind::NearPrefix,
            quality: 0.75 * (0.6 + 0.4 * coverage(n)),
            highlight: span(0, n),
        });
    }
    let first_letter_ok = pass == Pass::AnyFirstLetter || chars.first() == word.chars.first();
    if pass == Pass::AsTyped || wlen < 3 || !first_letter_ok {
        return None;
    }

    let mut best: Option<TokenMatch> = None;
    // Dropped letters: the word is a subsequence of the catalog word, with few gaps.
    if mask & word.mask == word.mask
        && tlen > wlen
        && let Some((score, indices)) = matcher.fuzzy_indices(text, &word.text)
    {
        let first = indices.first().copied().unwrap_or(0);
        let last = indices.last().copied().unwrap_or(0);
        let gaps = last + 1 - first - wlen;
        if first == 0 && gaps <= max_typos(wlen) {
            let ratio = (score as f32 / word.self_score as f32).clamp(0.0, 1.0);
            best = Some(TokenMatch {
                kind: MatchKind::Fuzzy,
                quality: 0.75 * ratio * (0.6 + 0.4 * coverage(last + 1)),
                highlight: indices,
            });
        }
    }
    // Wrong, swapped or extra letters: edit distance to the word or to its beginning.
    let allowed = max_typos(wlen);
    if allowed > 0
        && wlen <= MAX_TYPO_WORD_CHARS
        && (word.mask & !mask).count_ones() as usize <= allowed
        && let Some((distance, prefix_len)) = typo_distance(&word.chars, chars, allowed)
        && prefix_len
            >= if prefix_len == tlen {
                MIN_TYPO_WORD_CHARS
            } else {
                MIN_TYPO_BEGINNING_CHARS
            }
    {
        let whole = prefix_len == tlen;
        let quality = if whole { 0.72 } else { 0.6 } - 0.1 * (distance as f32 - 1.0);
        let quality = quality * (0.6 + 0.4 * coverage(prefix_len));
        if best.as_ref().is_none_or(|b| quality > b.quality) {
            best = Some(TokenMatch {
                kind: MatchKind::Typo,
                quality,
                highlight: span(0, prefix_len),
            });
        }
    }
    best
}

/// Whether a vocabulary word with the chars of `mask` ([`char_mask`]) may be a dropped
/// letters ([`MatchKind::Fuzzy`]) or [`MatchKind::Typo`] match of `word`: both need all
/// but [`max_typos`] of the word's chars in it. A cheap test before [`classify`].
pub(super) fn may_be_a_typo_of(word: &QueryWord, mask: u64) -> bool {
    (word.mask & !mask).count_ones() as usize <= max_typos(word.chars.len())
}

/// Typos tolerated in a word of `len` chars.
fn max_typos(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Optimal-string-alignment distance (Levenshtein plus adjacent swaps) between `a` and
/// the best of `b` or a beginning of `b` (at least `a.len() - max` chars long), when it
/// is at most `max`. Returns the distance and the length of `b`'s part that matched;
/// the whole of `b` wins ties.
fn typo_distance(a: &[char], b: &[char], max: usize) -> Option<(usize, usize)> {
    const N: usize = MAX_TYPO_WORD_CHARS + 1;
    if a.len() > MAX_TYPO_WORD_CHARS {
        return None;
    }
    let b = &b[..b.len().min(a.len() + max)];
    let (m, n) = (a.len(), b.len());
    // Three rolling rows of the DP table, on the stack: no allocation per word.
    let mut prev2 = [0usize; N + 2];
    let mut prev = [0usize; N + 2];
    let mut cur = [0usize; N + 2];
    for (j, cell) in prev.iter_mut().enumerate().take(n + 1) {
        *cell = j;
    }
    for i in 1..=m {
        cur[0] = i;
        for j in 1..=n {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(prev2[j - 2] + 1);
            }
            cur[j] = d;
        }
        prev2 = prev;
        prev = cur;
    }
    // `prev` is now the last row: distance from all of `a` to each beginning of `b`.
    let min_len = m.saturating_sub(max).max(1);
    let mut best: Option<(usize, usize)> = None;
    for (j, &d) in prev.iter().enumerate().take(n + 1).skip(min_len) {
        if d <= max && best.is_none_or(|(bd, bj)| d < bd || (d == bd && j > bj)) {
            best = Some((d, j));
        }
    }
    best
}

/// A 64-bit set of the chars in `text` (a..z, 0..9, everything else hashed), for
/// cheap "cannot possibly match" checks.
pub(super) fn char_mask(text: &str) -> u64 {
    text.chars().fold(0, |m, c| m | char_bit(c))
}

fn char_bit(c: char) -> u64 {
    let bit = match c {
        'a'..='z' => c as u32 - 'a' as u32,
        '0'..='9' => 26 + c as u32 - '0' as u32,
        _ => 36 + c as u32 % 28,
    };
    1 << bit
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn typo_distance_counts_edits() {
        let d = |a: &str, b: &str, max| typo_distance(&chars(a), &chars(b), max);
        assert_eq!(d("culinery", "culinary", 2), Some((1, 8)));
        assert_eq!(d("dentel", "dental", 1), Some((1, 6)));
        assert_eq!(d("nrusing", "nursing", 1), Some((1, 7)));
        assert_eq!(d("cosmo", "cosmetology", 1), Some((1, 5)));
        assert_eq!(d("xyzzy", "culinary", 1), None);
        assert_eq!(d("mecanico", "mechanic", 2), Some((2, 8)));
    }

    #[test]
    fn char_mask_is_a_superset_test() {
        assert_eq!(char_mask("car") & !char_mask("scary"), 0);
        assert_ne!(char_mask("cars") & !char_mask("care"), 0);
    }
}
