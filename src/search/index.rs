//! The index built once from the catalog: the vocabulary (every distinct folded word,
//! sorted, with the programs and fields it appears in) and each program's name as
//! folded keys for highlighting.

mod build;

use std::ops::Range;

use super::classify::char_mask;
use super::{FIELDS, MatchField, SearchIndex};
use crate::i18n::Lang;
use crate::text::{FoldedText, merge_ranges};

pub(super) use build::build;

/// The vocabulary: every distinct folded word once, sorted, and all postings in one
/// array, grouped by word, then by field, then in program order. The words' texts and
/// chars are in one array each, so the whole vocabulary is a handful of allocations.
#[derive(Default, PartialEq)]
pub(super) struct Vocab {
    entries: Vec<VocabEntry>,
    /// Every word's text, one after another.
    text: String,
    /// Every word's chars, one after another.
    chars: Vec<char>,
    /// Each posting as `program << 1 | in_phrase`: its word and field are where it is
    /// stored (`VocabEntry::field_starts`), so four bytes hold it.
    postings: Vec<u32>,
}

#[derive(PartialEq)]
struct VocabEntry {
    /// Where its text is in `Vocab::text`, and its chars in `Vocab::chars`.
    text: (u32, u32),
    chars: (u32, u32),
    mask: u64,
    in_short_field: bool,
    /// `Vocab::postings[field_starts[f]..field_starts[f + 1]]` are the postings of
    /// this word in field `f`.
    field_starts: [u32; FIELDS + 1],
}

/// One word of the vocabulary.
#[derive(Clone, Copy)]
pub(super) struct VocabWord<'a> {
    pub text: &'a str,
    pub chars: &'a [char],
    pub mask: u64,
}

impl Vocab {
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether word `id` has a posting in a short field (the typo pass skips the rest),
    /// and its [`char_mask`].
    pub fn in_short_field(&self, id: usize) -> bool {
        self.entries[id].in_short_field
    }

    pub fn mask(&self, id: usize) -> u64 {
        self.entries[id].mask
    }

    pub fn word(&self, id: usize) -> VocabWord<'_> {
        let entry = &self.entries[id];
        VocabWord {
            text: self.text_of(entry),
            chars: &self.chars[entry.chars.0 as usize..entry.chars.1 as usize],
            mask: entry.mask,
        }
    }

    fn text_of(&self, entry: &VocabEntry) -> &str {
        &self.text[entry.text.0 as usize..entry.text.1 as usize]
    }

    /// [`Vocab::text_of`] as bytes, which order as the text does (and are found
    /// without looking for char boundaries).
    fn bytes_of(&self, entry: &VocabEntry) -> &[u8] {
        &self.text.as_bytes()[entry.text.0 as usize..entry.text.1 as usize]
    }

    /// An empty vocabulary with room for `words` words of `bytes` bytes in all.
    fn with_capacity(words: usize, bytes: usize) -> Self {
        Vocab {
            entries: Vec::with_capacity(words),
            text: String::with_capacity(bytes),
            chars: Vec::with_capacity(bytes),
            postings: Vec::new(),
        }
    }

    /// Adds the next word (in sorted order) and where its postings are.
    fn push(&mut self, text: &str, field_starts: [u32; FIELDS + 1]) {
        let in_short_field = MatchField::ALL
            .iter()
            .any(|f| f.is_short() && field_starts[f.index()] < field_starts[f.index() + 1]);
        let (text_start, chars_start) = (self.text.len(), self.chars.len());
        self.text.push_str(text);
        self.chars.extend(text.chars());
        self.entries.push(VocabEntry {
            text: (text_start as u32, self.text.len() as u32),
            chars: (chars_start as u32, self.chars.len() as u32),
            mask: char_mask(text),
            in_short_field,
            field_starts,
        });
    }

    /// The postings of word `id` in `field`. Sorted by field, so a match kind that does
    /// not count in some fields (most kinds and descriptions) skips those postings
    /// without looking at them.
    pub fn postings_in(
        &self,
        id: usize,
        field: MatchField,
    ) -> impl ExactSizeIterator<Item = Posting> + '_ {
        let starts = &self.entries[id].field_starts;
        let f = field.index();
        self.postings[starts[f] as usize..starts[f + 1] as usize]
            .iter()
            .map(move |&stored| Posting {
                program: stored >> 1,
                field,
                in_phrase: stored & 1 == 1,
            })
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

/// The folded display names of every program, in English and in Spanish (or English
/// when the translation is missing, as [`crate::catalog::Text::get`] shows it), all in
/// three arrays.
#[derive(Default, PartialEq)]
pub(super) struct Names {
    /// For every folded char of every name, the byte range of the displayed name it
    /// came from ([`FoldedText::source`], kept in 32 bits); for a plain ASCII name, one
    /// entry ([`PLAIN`]) instead.
    source: Vec<(u32, u32)>,
    /// The words of every name, each with its index in the vocabulary.
    words: Vec<NameWord>,
    /// Where name `2 * program + language` starts in `source` and in `words`, then
    /// where the last one ends.
    starts: Vec<(u32, u32)>,
}

/// The one entry of `Names::source` for a plain ASCII name, with its length: its
/// folded char `i` is its byte `i`. (No name is 4 GB long, so no byte range starts
/// there.)
const PLAIN: u32 = u32::MAX;

/// One program's name in one language.
pub(super) struct NameKey<'a> {
    source: &'a [(u32, u32)],
    /// The words of the name and each pair of neighbouring words run together (as
    /// indexed).
    pub words: &'a [NameWord],
}

/// A word of a displayed name: one run of letters in the folded name, or two
/// neighbouring runs read as one ("Video Game" as "videogame"). Runs are folded char
/// positions, start and end.
#[derive(PartialEq)]
pub(super) struct NameWord {
    first: (u16, u16),
    second: Option<(u16, u16)>,
    pub vocab: u32,
}

impl NameWord {
    /// Writes this word's text into `out`.
    fn text_into(&self, chars: &[char], out: &mut String) {
        let run = |(start, end): (u16, u16)| &chars[start as usize..end as usize];
        out.clear();
        out.extend(
            run(self.first)
                .iter()
                .chain(self.second.map_or(&[][..], run)),
        );
    }

    /// Position in the folded name of char `i` of this word.
    pub fn position(&self, i: usize) -> usize {
        let (start, end) = self.first;
        let first_len = usize::from(end - start);
        match self.second {
            Some((second, _)) if i >= first_len => usize::from(second) + i - first_len,
            _ => usize::from(start) + i,
        }
    }
}

/// A word of a text as the index cut it.
#[derive(Clone, Copy)]
pub(super) struct CutWord {
    /// Its id while the index is built.
    pub id: u32,
    /// Whether it is two neighbouring words run together.
    pub pair: bool,
}

/// Reused from name to name while the names are added.
#[derive(Default)]
pub(super) struct NameScratch {
    folded: FoldedText,
    runs: Vec<(u16, u16)>,
    word: String,
}

impl Names {
    /// How many programs have names here.
    pub fn programs(&self) -> usize {
        self.starts.len().saturating_sub(1) / 2
    }

    /// Adds the next name (English, then Spanish, program after program). `cut` is the
    /// name as the index cut it: the vocabulary id of each word, and whether it is two
    /// words run together; `vocab_of` gives the id of a word's text, for a name too
    /// long to take them from there.
    fn push(
        &mut self,
        name: &str,
        cut: &[CutWord],
        scratch: &mut NameScratch,
        mut vocab_of: impl FnMut(&str) -> u32,
    ) {
        if self.starts.is_empty() {
            self.starts.push((0, 0));
        }
        let NameScratch { folded, runs, word } = scratch;
        // Most names are plain ASCII: one folded char per byte, char `i` from byte `i`,
        // so no byte ranges need keeping (or computing).
        let plain = name.is_ascii();
        if plain {
            folded.set_ascii_chars(name);
        } else {
            folded.set(name);
        }
        // A name longer than 65,535 chars is only searched on its first ones.
        let whole = folded.chars.len() <= usize::from(u16::MAX);
        let chars = &folded.chars[..folded.chars.len().min(usize::from(u16::MAX))];
        runs.clear();
        let mut start = None;
        for (i, c) in chars.iter().enumerate() {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(i as u16),
                (false, Some(s)) => {
                    runs.push((s, i as u16));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            runs.push((s, chars.len() as u16));
        }
        // The runs are the words the index cut, in the same order.
        let singles = runs.iter().map(|&first| (first, None));
        let pairs = runs.windows(2).map(|pair| (pair[0], Some(pair[1])));
        let cut_singles = cut.iter().filter(|w| !w.pair);
        let cut_pairs = cut.iter().filter(|w| w.pair);
        let mut cut_ids = cut_singles.chain(cut_pairs).map(|w| w.id);
        for (first, second) in singles.chain(pairs) {
            let mut name_word = NameWord {
                first,
                second,
                vocab: u32::MAX,
            };
            name_word.vocab = match cut_ids.next() {
                Some(id) if whole => id,
                _ => {
                    name_word.text_into(chars, word);
                    vocab_of(word)
                }
            };
            self.words.push(name_word);
        }
        let byte = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        if plain {
            self.source.push((PLAIN, byte(name.len())));
        } else {
            let source = folded.source.iter().map(|r| (byte(r.start), byte(r.end)));
            self.source.extend(source);
        }
        self.starts
            .push((self.source.len() as u32, self.words.len() as u32));
    }

    /// Adds the names of `other` (of the programs after these), its words' `vocab`
    /// changed by `vocab`.
    fn append(&mut self, other: Names, vocab: impl Fn(u32) -> u32) {
        if self.starts.is_empty() {
            self.starts.push((0, 0));
        }
        let (source, words) = (self.source.len() as u32, self.words.len() as u32);
        self.source.extend(other.source);
        self.words
            .extend(other.words.into_iter().map(|word| NameWord {
                vocab: vocab(word.vocab),
                ..word
            }));
        let starts = other.starts.iter().skip(1);
        self.starts
            .extend(starts.map(|&(s, w)| (source + s, words + w)));
    }

    fn key(&self, program: usize, lang: Lang) -> NameKey<'_> {
        let at = 2 * program
            + match lang {
                Lang::En => 0,
                Lang::Es => 1,
            };
        let ((source, words), (source_end, words_end)) = (self.starts[at], self.starts[at + 1]);
        NameKey {
            source: &self.source[source as usize..source_end as usize],
            words: &self.words[words as usize..words_end as usize],
        }
    }
}

impl NameKey<'_> {
    /// Byte ranges of the displayed name covering the folded char positions `chars`,
    /// sorted and merged, as [`FoldedText::byte_ranges`] gives them.
    pub fn byte_ranges(&self, chars: impl IntoIterator<Item = usize>) -> Vec<Range<usize>> {
        let chars = chars.into_iter();
        // Sized up front: a search highlights the names of thousands of hits.
        let mut ranges = Vec::with_capacity(chars.size_hint().0);
        match self.source {
            &[(PLAIN, len)] => {
                let within = chars.filter(|&i| i < len as usize);
                ranges.extend(within.map(|i| i..i + 1));
            }
            source => {
                let sources = chars.filter_map(|i| source.get(i));
                ranges.extend(sources.map(|&(start, end)| start as usize..end as usize));
            }
        }
        merge_ranges(&mut ranges);
        ranges
    }
}

impl SearchIndex {
    /// Indices of the vocabulary words starting with `prefix` (a range: it is sorted).
    pub(super) fn prefix_range(&self, prefix: &str) -> Range<usize> {
        let (vocab, prefix) = (&self.vocab, prefix.as_bytes());
        let start = vocab
            .entries
            .partition_point(|e| vocab.bytes_of(e) < prefix);
        let rest = &vocab.entries[start..];
        let len = rest.partition_point(|e| vocab.bytes_of(e).starts_with(prefix));
        start..start + len
    }

    /// The folded name of `program` as shown in `lang`.
    pub(super) fn name_key(&self, program: usize, lang: Lang) -> NameKey<'_> {
        self.names.key(program, lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_keeps_the_byte_ranges_of_its_folded_chars() {
        // A plain ASCII name keeps one entry where another keeps one per char: both
        // give what folding the name gives, out-of-range positions dropped.
        for (en, es) in [
            ("Auto Shop", "Tecnología Automotriz"),
            ("Culinary Arts", "Artes Culinarias"),
            ("Ⅻ Ǆ İstanbul", ""),
        ] {
            let mut names = Names::default();
            let mut scratch = NameScratch::default();
            names.push(en, &[], &mut scratch, |_| 0);
            names.push(es, &[], &mut scratch, |_| 0);
            for (name, lang) in [(en, Lang::En), (es, Lang::Es)] {
                let folded = FoldedText::new(name);
                let chars = 0..folded.chars.len() + 3;
                let got = names.key(0, lang).byte_ranges(chars.clone());
                assert_eq!(got, folded.byte_ranges(chars), "{name}");
                let some = [1, 3, 4, 40];
                let got = names.key(0, lang).byte_ranges(some);
                assert_eq!(got, folded.byte_ranges(some), "{name}");
            }
        }
    }
}
