//! Ranking: each query word scored against the vocabulary, summed per program, every
//! required word enforced (or, for the closest matches, as many as any program has, then
//! typos in the first letter too), and the letters of each displayed name that a query
//! word matched.

use std::ops::Range;

use super::classify::{MatchKind, Pass, TokenMatch, classify, may_be_a_typo_of};
use super::index::Vocab;
use super::query::{QueryWord, query_words};
use super::{FIELDS, Found, Hit, MatchField, SearchIndex};
use crate::i18n::Lang;

/// A vocabulary word matched by a query word in a way that counts in names: what to
/// highlight wherever it appears in a displayed name.
struct NameMatch {
    vocab: u32,
    /// Char positions within the word.
    highlight: Vec<usize>,
}

/// What the query words matched, one word at a time: per program and field, the best
/// `quality * weight` of the current word, and for every word the name words to light.
struct Scorer<'a> {
    vocab: &'a Vocab,
    /// Chars in the current query word (short words count in fewer fields).
    word_chars: usize,
    /// Per program, the current word's best score in each field.
    per_field: Vec<[f32; FIELDS]>,
    /// The programs with a non-zero entry in `per_field`.
    touched: Vec<u32>,
    /// Whether the current word matched anything outside descriptions; if not, the
    /// student probably misspelled it and the typo pass runs.
    found_short: bool,
    /// Kept across words: every name word any query word matched.
    name_matches: Vec<NameMatch>,
}

impl<'a> Scorer<'a> {
    fn new(vocab: &'a Vocab, programs: usize) -> Self {
        Scorer {
            vocab,
            word_chars: 0,
            per_field: vec![[0.0; FIELDS]; programs],
            touched: Vec::new(),
            found_short: false,
            name_matches: Vec::new(),
        }
    }

    fn start_word(&mut self, word: &QueryWord) {
        self.word_chars = word.chars.len();
        self.found_short = false;
    }

    /// Counts the match `m` of the current word with vocabulary word `id` in every
    /// field where its kind is allowed.
    fn record(&mut self, id: usize, m: TokenMatch) {
        let (kind, len) = (m.kind, self.word_chars);
        if kind.allowed_in(MatchField::Name, len)
            && self.vocab.postings_in(id, MatchField::Name).len() > 0
        {
            self.name_matches.push(NameMatch {
                vocab: id as u32,
                highlight: m.highlight,
            });
        }
        let fields = MatchField::ALL.into_iter();
        let allowed = fields.filter(|&f| kind.allowed_in(f, len));
        for p in allowed.flat_map(|f| self.vocab.postings_in(id, f)) {
            let s = m.quality * p.weight();
            if s <= 0.0 {
                continue;
            }
            let slot = &mut self.per_field[p.program as usize];
            if slot.iter().all(|&x| x == 0.0) {
                self.touched.push(p.program);
            }
            let cell = &mut slot[p.field.index()];
            if s > *cell {
                *cell = s;
            }
            if p.field.is_short() {
                self.found_short = true;
            }
        }
    }

    /// Hands each program the current word touched to `f` with its per-field scores,
    /// then clears them for the next word.
    fn finish_word(&mut self, mut f: impl FnMut(usize, &[f32; FIELDS])) {
        for &p in &self.touched {
            let fields = &mut self.per_field[p as usize];
            f(p as usize, fields);
            *fields = [0.0; FIELDS];
        }
        self.touched.clear();
    }
}

/// What all the words of a query matched, per program.
struct Tally {
    /// The sum of each word's best score.
    total: Vec<f32>,
    /// Required words matched.
    matched: Vec<usize>,
    /// The best single word's score, and its field.
    best: Vec<(f32, MatchField)>,
    /// Programs whose name matched a word: the only ones with anything to highlight.
    name_hit: Vec<bool>,
    name_matches: Vec<NameMatch>,
}

impl Tally {
    /// The most required words any program matched.
    fn most_matched(&self) -> usize {
        self.matched.iter().copied().max().unwrap_or(0)
    }
}

impl SearchIndex {
    pub(super) fn rank(&self, query: &str, lang: Lang, closest_ok: bool) -> (Vec<Hit>, Found) {
        let words = query_words(&self.matcher, query);
        if words.is_empty() || self.names.programs() == 0 {
            return (Vec::new(), Found::Nothing);
        }
        let required = words.iter().filter(|w| w.required).count();
        // Every required word must match. Failing that (when allowed), the programs that
        // match the most words; failing that, the closest spellings.
        let tally = self.tally(&words, Pass::Typos);
        let most = tally.most_matched();
        let (tally, need, found) = if most == required {
            (tally, required, Found::Every)
        } else if !closest_ok {
            return (Vec::new(), Found::Nothing);
        } else if most > 0 {
            (tally, most, Found::SomeWords)
        } else {
            let tally = self.tally(&words, Pass::AnyFirstLetter);
            let most = tally.most_matched();
            if most == 0 {
                return (Vec::new(), Found::Nothing);
            }
            (tally, most, Found::Closest)
        };
        (self.hits(tally, need, lang), found)
    }

    /// Scores every word of the query against the vocabulary, the typo pass in `typos`.
    fn tally(&self, words: &[QueryWord], typos: Pass) -> Tally {
        let n = self.names.programs();
        let mut total = vec![0.0f32; n];
        let mut matched = vec![0usize; n];
        let mut best: Vec<(f32, MatchField)> = vec![(0.0, MatchField::Description); n];
        let mut name_hit = vec![false; n];
        let mut scorer = Scorer::new(&self.vocab, n);

        for word in words {
            self.score_word(word, typos, &mut scorer);
            scorer.finish_word(|p, fields| {
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
            });
        }
        Tally {
            total,
            matched,
            best,
            name_hit,
            name_matches: scorer.name_matches,
        }
    }

    /// The programs that matched `need` required words, best first, with highlights.
    fn hits(&self, tally: Tally, need: usize, lang: Lang) -> Vec<Hit> {
        let Tally {
            total,
            matched,
            best,
            name_hit,
            mut name_matches,
        } = tally;
        let mut hits: Vec<Hit> = (0..total.len())
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
        hits
    }

    /// Matches one query word against the vocabulary and records what it matched in
    /// `scorer`. When nothing outside descriptions matched, runs the typo pass `typos`.
    fn score_word(&self, word: &QueryWord, typos: Pass, scorer: &mut Scorer) {
        scorer.start_word(word);
        let len = word.chars.len();
        // Exact and prefix matches, of the word, its stems and its near forms: each a
        // range of the sorted vocabulary.
        let mut prefixes: Vec<&str> = vec![word.text.as_str()];
        prefixes.extend(word.stems.iter().map(String::as_str));
        prefixes.extend(word.near.iter().map(String::as_str));
        for (i, prefix) in prefixes.iter().enumerate() {
            for id in self.prefix_range(prefix) {
                let vw = self.vocab.word(id);
                if prefixes[..i].iter().any(|p| vw.text.starts_with(p)) {
                    continue; // already scored from an earlier prefix
                }
                if let Some(m) = classify(&self.matcher, word, &vw, Pass::AsTyped) {
                    scorer.record(id, m);
                }
            }
        }
        if scorer.found_short || len < 3 {
            return;
        }
        // Nothing outside descriptions: the student probably misspelled a name or
        // keyword. Typos rarely hit the first letter, so only words starting with it,
        // unless this pass is looking for the closest programs.
        let candidates = match typos {
            Pass::AnyFirstLetter => 0..self.vocab.len(),
            _ => self.prefix_range(&word.text[..word.chars[0].len_utf8()]),
        };
        let vocab = &self.vocab;
        let worth_a_look =
            |&id: &usize| vocab.in_short_field(id) && may_be_a_typo_of(word, vocab.mask(id));
        for id in candidates.filter(worth_a_look) {
            if let Some(m) = classify(&self.matcher, word, &self.vocab.word(id), typos)
                && matches!(m.kind, MatchKind::Fuzzy | MatchKind::Typo)
            {
                scorer.record(id, m);
            }
        }
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
        let key = self.name_key(program, lang);
        scratch.clear();
        for word in key.words.iter() {
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
        key.byte_ranges(scratch.iter().copied())
    }
}
