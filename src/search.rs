//! Program search: what a student types → ranked programs with name highlights.
//!
//! # How it works
//! At [`SearchIndex::new`] every searchable text of every program (both languages) is
//! folded (see [`crate::text`]) and cut into words. Distinct words form a sorted
//! *vocabulary*; each word lists the programs and fields it appears in. A query is
//! folded, cut into words, and each query word is compared with the vocabulary once,
//! not with every program, so a keystroke costs about the same for 25 programs as for
//! thousands.
//!
//! A query word matches a vocabulary word in one of these ways, best first:
//! exact, a plural stripped ("animales" → "animal"), a prefix (the student is still
//! typing), a substring (4+ letters, short fields only), and — only when the word
//! matched nothing better outside descriptions — a typo pass: Skim fuzzy matching (one
//! [`SkimMatcherV2`], for dropped letters: "cosmetolgy", "vetrinary") and a small edit
//! distance (for swapped or wrong letters: "culinery", "dentel"). The typo pass never
//! looks at descriptions, where permissive matching finds noise in every paragraph.
//!
//! Each match has a quality in 0..=1; times the field's weight (name highest,
//! description lowest) it gives the word's score for that program. Every word of the
//! query must match somewhere ("vet animals" needs both); filler words ("the", "with",
//! "quiero") are dropped or optional. A program's score is the sum of its words' best
//! scores, plus a little for each other field the word also matched (a program that
//! is about the word in several places beats one that mentions it once). Ties keep
//! catalog order.

use std::ops::Range;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use serde::Serialize;

use crate::catalog::Catalog;
use crate::i18n::Lang;
use crate::text::{FoldedText, fold};

/// Longest query considered, in chars: a 10 KB paste must not stall the kiosk.
pub const MAX_QUERY_CHARS: usize = 100;
/// At most this many words of a query are used.
const MAX_QUERY_WORDS: usize = 8;
/// Words longer than this skip the edit-distance pass (no real word is this long).
const MAX_TYPO_WORD_CHARS: usize = 32;

/// The part of a program that gave a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchField {
    Name,
    Keyword,
    Career,
    Pathway,
    Sector,
    Certification,
    /// The description or the one-line summary.
    Description,
}

impl MatchField {
    const ALL: [MatchField; 7] = [
        MatchField::Name,
        MatchField::Keyword,
        MatchField::Career,
        MatchField::Pathway,
        MatchField::Sector,
        MatchField::Certification,
        MatchField::Description,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MatchField::Name => "name",
            MatchField::Keyword => "keyword",
            MatchField::Career => "career",
            MatchField::Pathway => "pathway",
            MatchField::Sector => "sector",
            MatchField::Certification => "certification",
            MatchField::Description => "description",
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// How much a perfect match in this field is worth. The name is what the student
    /// is looking for; keywords are curated synonyms, nearly as good; a word that only
    /// appears in a paragraph is a weak hint.
    fn weight(self) -> f32 {
        match self {
            MatchField::Name => 100.0,
            MatchField::Keyword => 90.0,
            MatchField::Career => 60.0,
            MatchField::Pathway => 45.0,
            MatchField::Certification => 40.0,
            MatchField::Sector => 35.0,
            MatchField::Description => 20.0,
        }
    }

    /// Short, curated fields where looser matching (substrings, typos) is safe.
    fn is_short(self) -> bool {
        matches!(
            self,
            MatchField::Name | MatchField::Keyword | MatchField::Career | MatchField::Pathway
        )
    }
}

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index into `catalog.programs`.
    pub program: usize,
    pub score: i64,
    /// The field that gave the best match.
    pub field: MatchField,
    /// Byte ranges into `catalog.programs[program].name.get(lang)` to highlight
    /// (sorted, merged, on char boundaries).
    pub name_highlight: Vec<Range<usize>>,
}

/// The search index, built once from the catalog.
pub struct SearchIndex {
    matcher: SkimMatcherV2,
    /// Distinct folded words of all programs, sorted, so a prefix is a range.
    vocab: Vec<VocabWord>,
    /// Per program, the folded display name in English and in Spanish (or English when
    /// the translation is missing, as [`crate::catalog::Text::get`] shows it).
    names: Vec<[NameKey; 2]>,
}

struct VocabWord {
    text: Box<str>,
    chars: Box<[char]>,
    mask: u64,
    /// True when some posting is in a short field (substring and typo passes skip the rest).
    in_short_field: bool,
    /// Sorted by field, so a match kind that does not count in some fields (most
    /// kinds and descriptions) skips those postings without looking at them.
    postings: Vec<Posting>,
    /// `postings[field_starts[f]..field_starts[f + 1]]` are the postings of field `f`.
    field_starts: [u32; 8],
}

impl VocabWord {
    fn new(text: String, mut postings: Vec<Posting>) -> Self {
        postings.sort_by_key(|p| (p.field.index(), p.program));
        let mut field_starts = [0u32; 8];
        for (f, start) in field_starts.iter_mut().enumerate() {
            *start = postings.partition_point(|p| p.field.index() < f) as u32;
        }
        VocabWord {
            chars: text.chars().collect(),
            mask: char_mask(&text),
            in_short_field: postings.iter().any(|p| p.field.is_short()),
            text: text.into_boxed_str(),
            postings,
            field_starts,
        }
    }

    fn postings_in(&self, field: MatchField) -> &[Posting] {
        let f = field.index();
        &self.postings[self.field_starts[f] as usize..self.field_starts[f + 1] as usize]
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
struct Posting {
    program: u32,
    field: MatchField,
    /// One word of a several-word keyword ("draw" in "blood draw"): the keyword is
    /// about the phrase, so the word alone counts for less than a keyword of its own.
    in_phrase: bool,
}

impl Posting {
    fn weight(self) -> f32 {
        if self.in_phrase {
            0.8 * self.field.weight()
        } else {
            self.field.weight()
        }
    }
}

struct NameKey {
    folded: FoldedText,
    /// The words of the name and each pair of neighbouring words run together (as
    /// indexed), with their index in the vocabulary.
    words: Vec<NameWord>,
}

/// A word of a displayed name: one run of letters in `NameKey::folded`, or two
/// neighbouring runs read as one ("Video Game" as "videogame").
struct NameWord {
    first: Range<usize>,
    second: Option<Range<usize>>,
    vocab: u32,
}

impl NameWord {
    fn text(&self, chars: &[char]) -> String {
        let second = self.second.clone().unwrap_or(0..0);
        chars[self.first.clone()]
            .iter()
            .chain(&chars[second])
            .collect()
    }

    /// Position in `NameKey::folded` of char `i` of this word.
    fn position(&self, i: usize) -> usize {
        match &self.second {
            Some(second) if i >= self.first.len() => second.start + i - self.first.len(),
            _ => self.first.start + i,
        }
    }
}

/// A vocabulary word matched by a query word in a way that counts in names: what to
/// highlight wherever it appears in a displayed name.
struct NameMatch {
    vocab: u32,
    /// Char positions within the word.
    highlight: Vec<usize>,
}

/// How a query word matched a vocabulary word; the quality of each kind is in
/// [`SearchIndex::classify`].
#[derive(Debug, Clone, Copy, PartialEq)]
enum MatchKind {
    Exact,
    /// The query word and the word differ only by a plural ending ("animales",
    /// "animal", "animals").
    Stem,
    /// The query word starts the word.
    Prefix,
    /// The query word minus its last letter or two starts the word: another ending
    /// ("nurse" → "nursing", "mecanico" → "mecanica").
    NearPrefix,
    /// The query word is inside the word at this char offset.
    Substring(usize),
    /// Skim matched the query word as a scattered subsequence (dropped letters).
    Fuzzy,
    /// Within a small edit distance of the word or of its beginning.
    Typo,
}

impl MatchKind {
    fn allowed_in(self, field: MatchField, word_chars: usize) -> bool {
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
            MatchKind::Substring(_) | MatchKind::Fuzzy | MatchKind::Typo => field.is_short(),
        }
    }
}

/// One word of the query, folded.
struct QueryWord {
    text: String,
    chars: Vec<char>,
    mask: u64,
    /// Plural endings stripped ("animales" → "animale", "animal"), when long enough.
    stems: Vec<String>,
    /// The word minus its last letter (minus two for 8+ letters), for another ending
    /// of the same word in a name: "nurse" → "Nursing", "enfermera" → "Enfermería".
    near: Vec<String>,
    /// Filler words ("want", "trabajar") add score when they match but need not match.
    required: bool,
    /// Perfect Skim score of the word against itself, to normalise fuzzy scores.
    self_score: i64,
}

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

impl SearchIndex {
    pub fn new(catalog: &Catalog) -> Self {
        let mut postings: std::collections::HashMap<String, Vec<Posting>> =
            std::collections::HashMap::new();
        let mut add_text = |text: &str, program: usize, field: MatchField| {
            let folded = fold(text);
            let words: Vec<&str> = folded
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            let in_phrase = field == MatchField::Keyword && words.len() > 1;
            // Neighbouring words also run together, for students who type "videogames"
            // or "autoshop"; a two-word keyword run together is the whole keyword.
            let joined: Vec<(String, bool)> = if field.is_short() {
                words
                    .windows(2)
                    .map(|pair| (pair.concat(), in_phrase && words.len() > 2))
                    .collect()
            } else {
                Vec::new()
            };
            let singles = words.iter().map(|w| (w.to_string(), in_phrase));
            for (word, in_phrase) in singles.chain(joined) {
                let list = postings.entry(word).or_default();
                // Programs are added one after another, so a duplicate can only be
                // among this program's postings at the end of the list.
                let existing = list
                    .iter_mut()
                    .rev()
                    .take_while(|q| q.program == program as u32)
                    .find(|q| q.field == field);
                match existing {
                    Some(q) => q.in_phrase &= in_phrase,
                    None => list.push(Posting {
                        program: program as u32,
                        field,
                        in_phrase,
                    }),
                }
            }
        };

        let mut names = Vec::with_capacity(catalog.programs.len());
        for (i, p) in catalog.programs.iter().enumerate() {
            for t in p.name.all() {
                add_text(t, i, MatchField::Name);
            }
            for k in &p.keywords {
                add_text(k, i, MatchField::Keyword);
            }
            for c in &p.careers {
                for t in c.all() {
                    add_text(t, i, MatchField::Career);
                }
            }
            if let Some(sector) = catalog.sectors.iter().find(|s| s.id == p.sector) {
                for t in sector.name.all() {
                    add_text(t, i, MatchField::Sector);
                }
                if let Some(pathway) = sector.pathways.iter().find(|w| w.id == p.pathway) {
                    for t in pathway.name.all() {
                        add_text(t, i, MatchField::Pathway);
                    }
                }
            }
            for c in &p.certifications {
                for t in c.all() {
                    add_text(t, i, MatchField::Certification);
                }
            }
            for t in p.description.all().chain(p.summary.all()) {
                add_text(t, i, MatchField::Description);
            }
            names.push([
                NameKey::new(p.name.get(Lang::En)),
                NameKey::new(p.name.get(Lang::Es)),
            ]);
        }

        let mut vocab: Vec<VocabWord> = postings
            .into_iter()
            .map(|(text, postings)| VocabWord::new(text, postings))
            .collect();
        vocab.sort_by(|a, b| a.text.cmp(&b.text));
        for key in names.iter_mut().flatten() {
            for word in &mut key.words {
                let text = word.text(&key.folded.chars);
                // Names went into the vocabulary with the same folding and splitting.
                word.vocab = vocab
                    .binary_search_by(|v| (*v.text).cmp(text.as_str()))
                    .map_or(u32::MAX, |i| i as u32);
            }
        }

        SearchIndex {
            matcher: SkimMatcherV2::default().ignore_case(),
            vocab,
            names,
        }
    }

    /// Ranked hits, best first; empty for a blank query. `lang` chooses which name the
    /// highlight spans refer to (matching always uses both languages).
    pub fn search(&self, query: &str, lang: Lang) -> Vec<Hit> {
        self.rank(query, lang, false).0
    }

    /// As [`SearchIndex::search`], but when no program matches every word of a query of
    /// several words, the programs that match the most of them, with `true` to say the
    /// match is partial. "makeup artist" then still finds Cosmetology, and the screen can
    /// say that not every word matched.
    pub fn search_or_closest(&self, query: &str, lang: Lang) -> (Vec<Hit>, bool) {
        self.rank(query, lang, true)
    }

    fn rank(&self, query: &str, lang: Lang, closest_ok: bool) -> (Vec<Hit>, bool) {
        let words = self.query_words(query);
        if words.is_empty() || self.names.is_empty() {
            return (Vec::new(), false);
        }
        let n = self.names.len();
        let required = words.iter().filter(|w| w.required).count();

        // Per program: total score, required words matched, best single contribution.
        let mut total = vec![0.0f32; n];
        let mut matched = vec![0usize; n];
        let mut best: Vec<(f32, MatchField)> = vec![(0.0, MatchField::Description); n];
        // Programs whose name matched a word: the only ones with anything to highlight.
        let mut name_hit = vec![false; n];
        // Scratch for one word: best quality*weight per program and field.
        let mut per_field = vec![[0.0f32; 7]; n];
        let mut touched: Vec<u32> = Vec::new();
        let mut name_matches: Vec<NameMatch> = Vec::new();

        for word in &words {
            self.score_word(word, &mut per_field, &mut touched, &mut name_matches);
            for &p in &touched {
                let p = p as usize;
                let fields = &mut per_field[p];
                let (top_field, top) = MatchField::ALL
                    .iter()
                    .map(|&f| (f, fields[f.index()]))
                    .fold((MatchField::Description, 0.0f32), |acc, x| {
                        if x.1 > acc.1 { x } else { acc }
                    });
                name_hit[p] |= fields[MatchField::Name.index()] > 0.0;
                if top > 0.0 {
                    // A little for every other field that also matched the word.
                    let breadth: f32 = fields.iter().sum::<f32>() - top;
                    let score = top + 0.1 * breadth;
                    total[p] += score;
                    if word.required {
                        matched[p] += 1;
                    }
                    if score > best[p].0 {
                        best[p] = (score, top_field);
                    }
                }
                *fields = [0.0; 7];
            }
            touched.clear();
        }

        // Every required word must match; failing that (when allowed), as many as any
        // program matched, but at least one.
        let most = matched.iter().copied().max().unwrap_or(0);
        let partial = closest_ok && most < required && most > 0;
        let need = if partial { most } else { required };
        let mut hits: Vec<Hit> = (0..n)
            .filter(|&p| matched[p] == need && total[p] > 0.0)
            .map(|p| Hit {
                program: p,
                score: (total[p] * 10.0).round() as i64,
                field: best[p].1,
                name_highlight: Vec::new(),
            })
            .collect();
        // Stable sort: equal scores keep catalog order.
        hits.sort_by_key(|h| std::cmp::Reverse(h.score));
        name_matches.sort_by_key(|m| m.vocab);
        // Where each vocabulary word's matches start in `name_matches`: a direct lookup,
        // because thousands of hits each look up several name words.
        let mut first_match = vec![u32::MAX; self.vocab.len()];
        for (i, m) in name_matches.iter().enumerate().rev() {
            first_match[m.vocab as usize] = i as u32;
        }
        let mut scratch = Vec::new();
        for hit in hits.iter_mut().filter(|h| name_hit[h.program]) {
            hit.name_highlight =
                self.name_highlight(hit.program, lang, &name_matches, &first_match, &mut scratch);
        }
        (hits, partial)
    }

    /// Folds and splits the query, drops stop words, marks filler words optional.
    fn query_words(&self, query: &str) -> Vec<QueryWord> {
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
                self_score: self.matcher.fuzzy_match(w, w).unwrap_or(1).max(1),
                mask: char_mask(w),
                required: !any_content || !FILLER_WORDS.contains(&w),
                text: w.to_string(),
                chars,
                stems,
            });
        }
        words
    }

    /// Matches one query word against the vocabulary and records, per program and
    /// field, the best `quality * weight` in `per_field` (programs listed in
    /// `touched`), and in `name_matches` what to highlight in names.
    fn score_word(
        &self,
        word: &QueryWord,
        per_field: &mut [[f32; 7]],
        touched: &mut Vec<u32>,
        name_matches: &mut Vec<NameMatch>,
    ) {
        let len = word.chars.len();
        let found_short = std::cell::Cell::new(false);
        let mut record = |id: usize, m: TokenMatch| {
            let vw = &self.vocab[id];
            let (kind, quality) = (m.kind, m.quality);
            if kind.allowed_in(MatchField::Name, len)
                && !vw.postings_in(MatchField::Name).is_empty()
            {
                name_matches.push(NameMatch {
                    vocab: id as u32,
                    highlight: m.highlight,
                });
            }
            let fields = MatchField::ALL.into_iter();
            let allowed = fields.filter(|&f| kind.allowed_in(f, len));
            for p in allowed.flat_map(|f| vw.postings_in(f)) {
                let s = quality * p.weight();
                if s <= 0.0 {
                    continue;
                }
                let slot = &mut per_field[p.program as usize];
                if slot.iter().all(|&x| x == 0.0) {
                    touched.push(p.program);
                }
                let cell = &mut slot[p.field.index()];
                if s > *cell {
                    *cell = s;
                }
                if p.field.is_short() {
                    found_short.set(true);
                }
            }
        };

        // Exact and prefix matches, of the word, its stems and its near forms: each a
        // range of the sorted vocabulary.
        let mut prefixes: Vec<&str> = vec![word.text.as_str()];
        prefixes.extend(word.stems.iter().map(String::as_str));
        prefixes.extend(word.near.iter().map(String::as_str));
        for (i, prefix) in prefixes.iter().enumerate() {
            for id in self.prefix_range(prefix) {
                let vw = &self.vocab[id];
                if prefixes[..i].iter().any(|p| vw.text.starts_with(p)) {
                    continue; // already scored from an earlier prefix
                }
                if let Some(m) = self.classify(word, vw, false) {
                    record(id, m);
                }
            }
        }
        // Substrings ("fighter" in "firefighter"), short fields only.
        if len >= 4 {
            for (id, vw) in self.vocab.iter().enumerate() {
                if vw.in_short_field
                    && vw.mask & word.mask == word.mask
                    && vw.chars.len() > len
                    && !vw.text.starts_with(word.text.as_str())
                    && let Some(m) = self.classify(word, vw, false)
                    && matches!(m.kind, MatchKind::Substring(_))
                {
                    record(id, m);
                }
            }
        }
        if found_short.get() || len < 3 {
            return;
        }
        // Nothing outside descriptions: the student probably misspelled a name or
        // keyword. Typos rarely hit the first letter, so only words starting with it.
        let first: String = word.chars[..1].iter().collect();
        for id in self.prefix_range(&first) {
            let vw = &self.vocab[id];
            if vw.in_short_field
                && let Some(m) = self.classify(word, vw, true)
                && matches!(m.kind, MatchKind::Fuzzy | MatchKind::Typo)
            {
                record(id, m);
            }
        }
    }

    /// Indices of the vocabulary words starting with `prefix` (a range: it is sorted).
    fn prefix_range(&self, prefix: &str) -> Range<usize> {
        let start = self.vocab.partition_point(|v| &*v.text < prefix);
        let len = self.vocab[start..].partition_point(|v| v.text.starts_with(prefix));
        start..start + len
    }

    /// The best way `word` matches the vocabulary word `vw`, with its quality (0..=1).
    /// `typos` enables the fuzzy and edit-distance kinds.
    fn classify(&self, word: &QueryWord, vw: &VocabWord, typos: bool) -> Option<TokenMatch> {
        classify_chars(&self.matcher, word, &vw.text, &vw.chars, vw.mask, typos)
    }

    /// Highlight spans in the displayed name: every name word that a query word
    /// matched, in the same way the ranking counted it. `name_matches` is sorted by
    /// vocabulary id and `first_match[id]` is where id's matches start in it;
    /// `scratch` is reused between hits.
    fn name_highlight(
        &self,
        program: usize,
        lang: Lang,
        name_matches: &[NameMatch],
        first_match: &[u32],
        scratch: &mut Vec<usize>,
    ) -> Vec<Range<usize>> {
        let key = &self.names[program][match lang {
            Lang::En => 0,
            Lang::Es => 1,
        }];
        scratch.clear();
        for word in &key.words {
            let Some(&from) = first_match.get(word.vocab as usize) else {
                continue; // not in the vocabulary (cannot happen: names are indexed)
            };
            if from == u32::MAX {
                continue;
            }
            for m in name_matches[from as usize..]
                .iter()
                .take_while(|m| m.vocab == word.vocab)
            {
                scratch.extend(m.highlight.iter().map(|&i| word.position(i)));
            }
        }
        key.folded.byte_ranges(scratch.iter().copied())
    }
}

impl NameKey {
    fn new(name: &str) -> Self {
        let folded = FoldedText::new(name);
        let mut runs: Vec<Range<usize>> = Vec::new();
        let mut start = None;
        for (i, c) in folded.chars.iter().enumerate() {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    runs.push(s..i);
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            runs.push(s..folded.chars.len());
        }
        let singles = runs.iter().map(|r| NameWord {
            first: r.clone(),
            second: None,
            vocab: u32::MAX,
        });
        let pairs = runs.windows(2).map(|pair| NameWord {
            first: pair[0].clone(),
            second: Some(pair[1].clone()),
            vocab: u32::MAX,
        });
        let words = singles.chain(pairs).collect();
        NameKey { folded, words }
    }
}

struct TokenMatch {
    kind: MatchKind,
    quality: f32,
    /// Char positions within the token to highlight.
    highlight: Vec<usize>,
}

/// Compares one query word with one word of the catalog (both folded).
fn classify_chars(
    matcher: &SkimMatcherV2,
    word: &QueryWord,
    text: &str,
    chars: &[char],
    mask: u64,
    typos: bool,
) -> Option<TokenMatch> {
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
    if wlen >= 4
        && mask & word.mask == word.mask
        && let Some(byte) = text.find(word.text.as_str())
    {
        let at = text[..byte].chars().count();
        return Some(TokenMatch {
            kind: MatchKind::Substring(at),
            quality: 0.4 + 0.3 * coverage(wlen),
            highlight: span(at, wlen),
        });
    }
    if !typos || wlen < 3 || chars.first() != word.chars.first() {
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
        // One edit away from a word of three letters or fewer is too weak to be a
        // typo ("army" is not "arm"); such words must be typed right.
        && prefix_len >= MIN_TYPO_TARGET_CHARS
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

/// The shortest word (or beginning of one) a typo may be matched to.
const MIN_TYPO_TARGET_CHARS: usize = 4;

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
fn char_mask(text: &str) -> u64 {
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

#[cfg(test)]
mod engine_tests {
    //! Behaviour on small in-test catalogs built from the bundled one.
    use super::*;
    use crate::catalog::{Program, Text};

    fn text(en: &str, es: &str) -> Text {
        Text {
            en: en.to_string(),
            es: Some(es.to_string()),
        }
    }

    fn program(id: &str, name: Text, keywords: &[&str], description: &str) -> Program {
        let base = Catalog::bundled().expect("bundled catalog").programs[0].clone();
        Program {
            id: id.to_string(),
            name,
            keywords: keywords.iter().map(|k| k.to_string()).collect(),
            description: Text::en(description),
            summary: Text::en(""),
            careers: Vec::new(),
            certifications: Vec::new(),
            ..base
        }
    }

    fn catalog(programs: Vec<Program>) -> Catalog {
        let mut c = Catalog::bundled().expect("bundled catalog");
        c.programs = programs;
        c
    }

    fn small() -> Catalog {
        catalog(vec![
            program(
                "vet",
                text("Veterinary Technology", "Tecnología Veterinaria"),
                &["animals", "pets", "dogs", "animales", "mascotas"],
                "Care for animals in a teaching hospital.",
            ),
            program(
                "auto",
                text("Automotive Technology", "Tecnología Automotriz"),
                &["cars", "mechanic", "coches", "mecánico"],
                "Fix engines and brakes in a real shop.",
            ),
            program(
                "cosmo",
                text("Cosmetology", "Cosmetología"),
                &["hair", "nails", "makeup", "cabello"],
                "Cut and color hair; nails and skin care in a student salon.",
            ),
            program(
                "culinary",
                text("Culinary Arts", "Artes Culinarias"),
                &["cooking", "chef", "cocina"],
                "Cook and bake for a student-run café open to the public.",
            ),
        ])
    }

    fn ids(c: &Catalog, hits: &[Hit]) -> Vec<String> {
        hits.iter()
            .map(|h| c.programs[h.program].id.clone())
            .collect()
    }

    fn top(c: &Catalog, index: &SearchIndex, q: &str) -> Option<String> {
        index
            .search(q, Lang::En)
            .first()
            .map(|h| c.programs[h.program].id.clone())
    }

    #[test]
    fn blank_query_returns_nothing() {
        let c = small();
        let index = SearchIndex::new(&c);
        for q in ["", "   ", "\t\n", "!!!", "--"] {
            assert!(index.search(q, Lang::En).is_empty(), "{q:?}");
        }
    }

    #[test]
    fn nonsense_returns_nothing() {
        let c = small();
        let index = SearchIndex::new(&c);
        for q in ["xyzzy", "qqqq", "zzzz", "qwxv", "bbbbbbbb", "jjj kkk"] {
            let hits = index.search(q, Lang::En);
            assert!(hits.is_empty(), "{q:?} gave {:?}", ids(&c, &hits));
        }
    }

    #[test]
    fn accents_and_case_are_ignored_both_ways() {
        let c = small();
        let index = SearchIndex::new(&c);
        for q in ["mecanico", "MECÁNICO", "Mecánico", "mecánico"] {
            assert_eq!(top(&c, &index, q).as_deref(), Some("auto"), "{q:?}");
        }
        for q in ["cosmetologia", "cosmetología", "COSMETOLOGÍA"] {
            assert_eq!(top(&c, &index, q).as_deref(), Some("cosmo"), "{q:?}");
        }
        // Decomposed input (e + combining accent) folds the same.
        assert_eq!(
            top(&c, &index, "mec\u{0061}\u{0301}nico").as_deref(),
            Some("auto")
        );
    }

    #[test]
    fn every_word_must_match() {
        let c = small();
        let index = SearchIndex::new(&c);
        assert_eq!(ids(&c, &index.search("vet animals", Lang::En)), ["vet"]);
        // "vet" alone finds the vet program; "vet cars" matches no single program.
        assert!(index.search("vet cars", Lang::En).is_empty());
        // Filler and stop words do not break the AND.
        assert_eq!(
            top(&c, &index, "I want to work with animals").as_deref(),
            Some("vet")
        );
        assert_eq!(
            top(&c, &index, "quiero ser mecanico").as_deref(),
            Some("auto")
        );
    }

    #[test]
    fn typos_of_names_and_keywords_still_match() {
        let c = small();
        let index = SearchIndex::new(&c);
        for (q, want) in [
            ("cosmetolgy", "cosmo"),
            ("cosmotology", "cosmo"),
            ("vetrinary", "vet"),
            ("veterinery", "vet"),
            ("culinery", "culinary"),
            ("automtive", "auto"),
            ("mechanics", "auto"),
            ("mecanic", "auto"),
            ("animales", "vet"),
            ("coche", "auto"),
        ] {
            assert_eq!(top(&c, &index, q).as_deref(), Some(want), "{q:?}");
        }
    }

    #[test]
    fn name_beats_keyword_beats_description() {
        let c = catalog(vec![
            program(
                "desc",
                Text::en("Alpha Program"),
                &[],
                "we talk about robots here",
            ),
            program("kw", Text::en("Beta Program"), &["robots"], "nothing"),
            program("name", Text::en("Robots Lab"), &[], "nothing"),
        ]);
        let index = SearchIndex::new(&c);
        let hits = index.search("robots", Lang::En);
        assert_eq!(ids(&c, &hits), ["name", "kw", "desc"]);
        assert_eq!(
            hits.iter().map(|h| h.field).collect::<Vec<_>>(),
            [
                MatchField::Name,
                MatchField::Keyword,
                MatchField::Description
            ]
        );
    }

    #[test]
    fn ties_keep_catalog_order() {
        let twins: Vec<Program> = ["c", "a", "d", "b"]
            .iter()
            .map(|id| program(id, Text::en("Welding"), &["metal"], "Join metal."))
            .collect();
        let c = catalog(twins);
        let index = SearchIndex::new(&c);
        for q in ["welding", "metal", "weld", "wleding"] {
            let hits = index.search(q, Lang::En);
            assert_eq!(ids(&c, &hits), ["c", "a", "d", "b"], "{q:?}");
            assert!(hits.windows(2).all(|w| w[0].score == w[1].score));
        }
    }

    #[test]
    fn description_typos_and_scattered_letters_do_not_match() {
        let c = catalog(vec![program(
            "p",
            Text::en("Alpha"),
            &[],
            "Students learn customer service, scheduling and teamwork in a modern office.",
        )]);
        let index = SearchIndex::new(&c);
        // "cat" is scattered through "customer service"... but no word starts with it.
        for q in ["cat", "sdt", "tmwrk", "custmer"] {
            assert!(index.search(q, Lang::En).is_empty(), "{q:?}");
        }
        // Whole words and prefixes of 4+ letters in descriptions do count.
        assert_eq!(index.search("teamwork", Lang::En).len(), 1);
        assert_eq!(index.search("sched", Lang::En).len(), 1);
    }

    #[test]
    fn highlight_covers_matched_letters_of_an_accented_name() {
        let c = small();
        let index = SearchIndex::new(&c);
        let hits = index.search("tecnologia vet", Lang::Es);
        assert_eq!(ids(&c, &hits), ["vet"]);
        let name = c.programs[hits[0].program].name.get(Lang::Es);
        assert_eq!(name, "Tecnología Veterinaria");
        let spans: Vec<&str> = hits[0]
            .name_highlight
            .iter()
            .map(|r| &name[r.clone()])
            .collect();
        assert_eq!(spans, ["Tecnología", "Vet"]);
        // In English only what matched is lit: "tecnologia" matched the Spanish name
        // exactly, so it is not also treated as a typo of "Technology".
        let hits = index.search("tecnologia vet", Lang::En);
        let name = c.programs[hits[0].program].name.get(Lang::En);
        let spans: Vec<&str> = hits[0]
            .name_highlight
            .iter()
            .map(|r| &name[r.clone()])
            .collect();
        assert_eq!(spans, ["Vet"]);
    }

    #[test]
    fn highlight_of_a_typo_and_a_prefix() {
        let c = small();
        let index = SearchIndex::new(&c);
        let lit = |q: &str| {
            let hits = index.search(q, Lang::En);
            let name = c.programs[hits[0].program].name.get(Lang::En);
            hits[0]
                .name_highlight
                .iter()
                .map(|r| &name[r.clone()])
                .collect::<Vec<_>>()
        };
        // Skim's indices: every typed letter, the skipped "e" left out.
        assert_eq!(lit("cosmtology"), ["Cosm", "tology"]);
        // A slip in the last letters matches the beginning of the word.
        assert_eq!(lit("cosmetolgy"), ["Cosmetol"]);
        let hits = index.search("culi", Lang::Es);
        let name = c.programs[hits[0].program].name.get(Lang::Es);
        assert_eq!(hits[0].name_highlight, vec![6..10]);
        assert_eq!(&name[6..10], "Culi");
    }

    #[test]
    fn words_run_together_match_a_two_word_name() {
        let c = catalog(vec![
            program("game", Text::en("Video Game Design"), &[], "Make games."),
            program("video", Text::en("Video Production"), &[], "Film."),
        ]);
        let index = SearchIndex::new(&c);
        let hits = index.search("videogames", Lang::En);
        assert_eq!(ids(&c, &hits), ["game"]);
        let name = c.programs[hits[0].program].name.get(Lang::En);
        let lit: Vec<&str> = hits[0]
            .name_highlight
            .iter()
            .map(|r| &name[r.clone()])
            .collect();
        assert_eq!(lit, ["Video", "Game"]);
    }

    #[test]
    fn a_keyword_of_its_own_beats_one_word_of_a_phrase() {
        let c = catalog(vec![
            program("medical", Text::en("Alpha"), &["blood draw"], ""),
            program("art", Text::en("Beta"), &["draw"], ""),
        ]);
        let index = SearchIndex::new(&c);
        assert_eq!(ids(&c, &index.search("draw", Lang::En)), ["art", "medical"]);
        assert_eq!(ids(&c, &index.search("blood draw", Lang::En)), ["medical"]);
    }

    #[test]
    fn long_and_odd_input_never_panics() {
        let c = small();
        let index = SearchIndex::new(&c);
        let long = "a".repeat(10_000);
        let pasted = "cars ".repeat(2_000);
        let inputs = [
            long.as_str(),
            pasted.as_str(),
            "\u{0}\u{1}\u{7}\u{1b}[31mcars\u{1b}[0m",
            "🚗🚗 cars 🐶",
            "🐶",
            "שלום עולם",
            "مرحبا",
            "\u{202e}srac",
            "e\u{0301}\u{0301}\u{0301}",
            "\u{0301}",
            "İıſﬁ",
            "汽车",
        ];
        for q in inputs {
            for lang in [Lang::En, Lang::Es] {
                for hit in index.search(q, lang) {
                    let name = c.programs[hit.program].name.get(lang);
                    for r in &hit.name_highlight {
                        assert!(name.is_char_boundary(r.start) && name.is_char_boundary(r.end));
                        assert!(r.start < r.end && r.end <= name.len());
                    }
                }
            }
        }
        // A huge paste is capped, so it still finds what its first words say.
        assert_eq!(top(&c, &index, &pasted).as_deref(), Some("auto"));
    }

    #[test]
    fn empty_catalog_is_fine() {
        let c = catalog(Vec::new());
        let index = SearchIndex::new(&c);
        assert!(index.search("cars", Lang::En).is_empty());
    }

    #[test]
    fn closest_matches_stand_in_only_when_no_program_matches_every_word() {
        let catalog = Catalog::bundled().unwrap();
        let index = SearchIndex::new(&catalog);
        let id = |h: &Hit| catalog.programs[h.program].id.as_str();
        assert!(
            index.search("makeup artist", Lang::En).is_empty(),
            "strict search needs every word"
        );
        let (hits, partial) = index.search_or_closest("makeup artist", Lang::En);
        assert!(partial);
        assert_eq!(hits.first().map(id), Some("cosmetology"));
        // When every word matches, nothing changes.
        let (hits, partial) = index.search_or_closest("vet animals", Lang::En);
        assert!(!partial);
        assert_eq!(hits, index.search("vet animals", Lang::En));
        // Nonsense stays nothing.
        assert_eq!(
            index.search_or_closest("xyzzy qqqq", Lang::En),
            (Vec::new(), false)
        );
    }
}
