//! A query as words: folded, capped, stop words dropped, filler words made optional,
//! and the other forms of each word (plural stripped, another ending) prepared once.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::MAX_QUERY_CHARS;
use super::classify::char_mask;
use crate::text::fold;

/// At most this many words of a query are used.
const MAX_QUERY_WORDS: usize = 8;

/// Words that carry no meaning for search; dropped unless the query has nothing else.
const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "to", "of", "in", "on", "at", "for", "with", "and", "or", "i", "im", "my",
    "me", "is", "be", "do", "about", "some", "de", "del", "la", "las", "el", "los", "un", "una",
    "y", "o", "en", "con", "para", "por", "al", "mi", "es", "ser", "que", "lo", "como",
];

/// True for words search ignores ("the", "de", "las") unless a query has nothing else.
/// `word` is compared after folding.
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(&fold(word).as_str())
}

/// Words students add around what they mean ("I want to work with cars"): they count
/// when they match but a program need not contain them.
const FILLER_WORDS: &[&str] = &[
    "want", "like", "love", "learn", "become", "work", "working", "job", "jobs", "career",
    "careers", "class", "classes", "program", "programs", "how", "get", "make", "quiero", "gusta",
    "gustan", "trabajar", "trabajo", "aprender", "clase", "clases", "carrera", "programa", "hacer",
];

/// One word of the query, folded.
pub(super) struct QueryWord {
    pub text: String,
    pub chars: Vec<char>,
    pub mask: u64,
    /// Plural endings stripped ("animales" → "animale", "animal"), when long enough.
    pub stems: Vec<String>,
    /// The word minus its last letter (minus two for 8+ letters), for another ending
    /// of the same word in a name: "nurse" → "Nursing", "enfermera" → "Enfermería".
    pub near: Vec<String>,
    /// Filler words ("want", "trabajar") add score when they match but need not match.
    pub required: bool,
    /// Perfect Skim score of the word against itself, to normalise fuzzy scores.
    pub self_score: i64,
}

/// Folds and splits the query, drops stop words, marks filler words optional.
pub(super) fn query_words(matcher: &SkimMatcherV2, query: &str) -> Vec<QueryWord> {
    let capped: String = query.chars().take(MAX_QUERY_CHARS).collect();
    let folded = fold(&capped);
    let raw: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(MAX_QUERY_WORDS)
        .collect();
    let meaningful: Vec<&str> = raw
        .iter()
        .copied()
        .filter(|w| !STOP_WORDS.contains(w))
        .collect();
    // "the" alone, or "a" typed as a first letter, still searches.
    let kept = if meaningful.is_empty() {
        raw
    } else {
        meaningful
    };
    let any_content = kept.iter().any(|w| !FILLER_WORDS.contains(w));
    let mut words: Vec<QueryWord> = Vec::with_capacity(kept.len());
    for w in kept {
        if words.iter().any(|q| q.text == w) {
            continue; // "cars cars" counts once
        }
        let chars: Vec<char> = w.chars().collect();
        let mut stems = Vec::new();
        if chars.len() >= 4 {
            for ending in ["es", "s"] {
                if let Some(stem) = w.strip_suffix(ending)
                    && stem.chars().count() >= 3
                {
                    stems.push(stem.to_string());
                }
            }
        }
        let mut near = Vec::new();
        for (min_len, drop) in [(5, 1), (8, 2)] {
            if chars.len() >= min_len {
                near.push(chars[..chars.len() - drop].iter().collect());
            }
        }
        words.push(QueryWord {
            near,
            self_score: matcher.fuzzy_match(w, w).unwrap_or(1).max(1),
            mask: char_mask(w),
            required: !any_content || !FILLER_WORDS.contains(&w),
            text: w.to_string(),
            chars,
            stems,
        });
    }
    words
}
