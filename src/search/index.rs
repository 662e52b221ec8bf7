//! The index built once from the catalog: the vocabulary (every distinct folded word,
//! sorted, with the programs and fields it appears in) and each program's name as
//! folded keys for highlighting.

use std::collections::HashMap;
use std::ops::Range;

use super::classify::char_mask;
use super::{FIELDS, MatchField, SearchIndex};
use crate::catalog::Catalog;
use crate::i18n::Lang;
use crate::text::{FoldedText, fold};

pub(super) struct VocabWord {
    pub text: Box<str>,
    pub chars: Box<[char]>,
    pub mask: u64,
    /// True when some posting is in a short field (the typo pass skips the rest).
    pub in_short_field: bool,
    /// Sorted by field, so a match kind that does not count in some fields (most
    /// kinds and descriptions) skips those postings without looking at them.
    postings: Vec<Posting>,
    /// `postings[field_starts[f]..field_starts[f + 1]]` are the postings of field `f`.
    field_starts: [u32; FIELDS + 1],
}

impl VocabWord {
    fn new(text: String, mut postings: Vec<Posting>) -> Self {
        postings.sort_by_key(|p| (p.field.index(), p.program));
        let mut field_starts = [0u32; FIELDS + 1];
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

    pub fn postings_in(&self, field: MatchField) -> &[Posting] {
        let f = field.index();
        &self.postings[self.field_starts[f] as usize..self.field_starts[f + 1] as usize]
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
    pub folded: FoldedText,
    /// The words of the name and each pair of neighbouring words run together (as
    /// indexed), with their index in the vocabulary.
    pub words: Vec<NameWord>,
}

/// A word of a displayed name: one run of letters in `NameKey::folded`, or two
/// neighbouring runs read as one ("Video Game" as "videogame").
pub(super) struct NameWord {
    first: Range<usize>,
    second: Option<Range<usize>>,
    pub vocab: u32,
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
    pub fn position(&self, i: usize) -> usize {
        match &self.second {
            Some(second) if i >= self.first.len() => second.start + i - self.first.len(),
            _ => self.first.start + i,
        }
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

/// The sorted vocabulary of `catalog` and, per program, its English and Spanish name
/// keys.
pub(super) fn build(catalog: &Catalog) -> (Vec<VocabWord>, Vec<[NameKey; 2]>) {
    let mut postings: HashMap<String, Vec<Posting>> = HashMap::new();
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
