//! Cutting a text into folded words, as the index reads it: the words of
//! [`fold`](crate::text::fold)`(text)` split at every char that is not alphanumeric.
//!
//! The index cuts every text of a statewide catalog (millions of words), so the cutter
//! works in two passes over a buffer reused from text to text: it folds the text (plain
//! ASCII, most of a catalog, is lowercased eight bytes at once; accented Latin letters
//! come from a table) with a zero byte for every char between words, then finds the
//! words as the runs of non-zero bytes, 64 bytes at a time. Each word comes with its
//! first 16 bytes already in one integer (its [`Word::head`]), ready to be hashed and
//! compared.

use std::sync::LazyLock;

use crate::text::fold_char;

/// How many bytes of a word its [`Word::head`] holds.
pub(super) const HEAD: usize = 16;

/// One folded word of a text, or two neighbouring words run together.
#[derive(Clone, Copy)]
pub(super) struct Word<'a> {
    /// The word's UTF-8, in two parts: two words run together are not next to each
    /// other in the cutter's buffer (a single word's second part is empty).
    parts: [&'a [u8]; 2],
    pub len: usize,
    /// Its first [`HEAD`] bytes, little-endian, zero after its end. A word holds no
    /// zero byte, so two words no longer than [`HEAD`] are the same word when their
    /// heads are equal.
    pub head: u128,
}

impl<'a> Word<'a> {
    /// The word `bytes`.
    pub fn whole(bytes: &'a [u8]) -> Self {
        Word {
            parts: [bytes, &[]],
            len: bytes.len(),
            head: head_of(bytes),
        }
    }

    pub fn is_whole_in_head(&self) -> bool {
        self.len <= HEAD
    }

    /// Whether `bytes` is this word.
    pub fn is(&self, bytes: &[u8]) -> bool {
        let [first, second] = self.parts;
        bytes.len() == self.len && bytes.starts_with(first) && bytes[first.len()..] == *second
    }

    pub fn write_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self.parts[0]);
        out.extend_from_slice(self.parts[1]);
    }
}

/// The head of any folded word (the cutter reads it from its buffer).
pub(super) fn head_of(word: &[u8]) -> u128 {
    let mut head = [0u8; HEAD];
    let n = word.len().min(HEAD);
    head[..n].copy_from_slice(&word[..n]);
    u128::from_le_bytes(head)
}

/// Cuts texts into folded words, reusing its buffers from text to text.
#[derive(Default)]
pub(super) struct WordCutter {
    /// The folded texts, each followed by a zero byte, with a zero byte for each char
    /// between words, then [`TAIL`] zero bytes, so that [`HEAD`] bytes can be read from
    /// the start of any word and 64 from the block holding its end. It only grows: the
    /// texts of one cut are written over the last's.
    folded: Vec<u8>,
    /// Where each text of the cut ends in `folded`, its zero byte included.
    ends: Vec<usize>,
    /// A char outside [`LATIN`], folded.
    other_char: Vec<u8>,
}

/// The zero bytes after a folded text: a word's [`HEAD`], and the 64 bytes read at once
/// that hold its end.
const TAIL: usize = HEAD + 64;

impl WordCutter {
    /// Calls `on_word` with each word of `text` in order (and `false`); with `pairs`,
    /// also with each word run together with the one before it ("video", "game" →
    /// "videogame"), right after that word (and `true`).
    pub fn cut(&mut self, text: &str, pairs: bool, mut on_word: impl FnMut(Word<'_>, bool)) {
        self.cut_each([text], pairs, |word, pair, _| on_word(word, pair));
    }

    /// [`WordCutter::cut`] for each of `texts` in turn, in one pass: `on_word` also
    /// gets the number of the word's text, and a word is never run together with one of
    /// another text. A program has some twenty-five keywords of a word or two each, and
    /// one pass over all of them costs far less than one per keyword.
    pub fn cut_each<'t>(
        &mut self,
        texts: impl IntoIterator<Item = &'t str>,
        pairs: bool,
        mut on_word: impl FnMut(Word<'_>, bool, usize),
    ) {
        self.ends.clear();
        let mut len = 0;
        for text in texts {
            // A zero byte after each text, so that no word runs into the next text.
            len = self.fold(text, len) + 1;
            self.ends.push(len);
        }
        if self.folded.len() < len + TAIL {
            // No text (or none yet) made room.
            self.folded.resize(len + TAIL, 0);
        }
        self.folded[len..len + TAIL].fill(0);
        let folded = &self.folded[..len + TAIL];
        let ends = &self.ends;
        let mut text = 0;
        let mut previous: Option<Word<'_>> = None;
        let mut emit = |start: usize, end: usize| {
            while ends.get(text).is_some_and(|&text_end| text_end <= start) {
                text += 1;
                previous = None;
            }
            let bytes = &folded[start..end];
            let block: [u8; HEAD] = folded[start..start + HEAD].try_into().unwrap_or_default();
            let head = u128::from_le_bytes(block) & HEAD_MASKS[bytes.len().min(HEAD)];
            let word = Word {
                parts: [bytes, &[]],
                len: bytes.len(),
                head,
            };
            on_word(word, false, text);
            if !pairs {
                return;
            }
            if let Some(before) = previous {
                let pair = Word {
                    parts: [before.parts[0], bytes],
                    len: before.len + word.len,
                    head: before.head | shifted(head, before.len),
                };
                on_word(pair, true, text);
            }
            previous = Some(word);
        };
        // Where a word starts or ends, a zero byte follows a non-zero one or the other
        // way round. Sixty-four bytes at a time: the loop over a block's edges ends
        // after a number of edges the processor cannot guess, and with blocks of eight
        // that was once per word. Blocks up to the one holding byte `len` (zero), so
        // every word ends.
        let mut start = 0;
        let mut in_word = false;
        for at in (0..=len).step_by(64) {
            let mut non_zero = 0u64;
            for (i, block) in folded[at..at + 64].chunks_exact(8).enumerate() {
                let block: [u8; 8] = block.try_into().unwrap_or_default();
                non_zero |= u64::from(non_zero_bytes(u64::from_le_bytes(block))) << (8 * i);
            }
            let mut changes = non_zero ^ (non_zero << 1 | u64::from(in_word));
            in_word = non_zero >> 63 != 0;
            while changes != 0 {
                let place = changes.trailing_zeros();
                changes &= changes - 1;
                if non_zero >> place & 1 == 1 {
                    start = at + place as usize;
                } else {
                    emit(start, at + place as usize);
                }
            }
        }
    }

    /// Writes the folded text into `self.folded` from byte `at`: the UTF-8 of each
    /// letter or digit, lowercased, and a zero byte for anything else. Where it ends.
    fn fold(&mut self, text: &str, at: usize) -> usize {
        let src = text.as_bytes();
        // Room for the text folded as it is read, the zero byte after it and the tail.
        // Plain ASCII keeps this true (it writes no more bytes than it reads, and eight
        // bytes at a time fit in the tail); another char makes room for its own folding.
        let room = |out: &mut Vec<u8>, at: usize, unread: usize| {
            if out.len() < at + unread + 1 + TAIL {
                out.resize((at + unread + 1 + TAIL).next_power_of_two(), 0);
            }
        };
        let out = &mut self.folded;
        room(out, at, src.len());
        let (mut at, mut i) = (at, 0);
        while i < src.len() {
            let block = AsciiBlock::at(src, i);
            let ascii = block.ascii_len().min(src.len() - i);
            if ascii > 0 {
                out[at..at + 8].copy_from_slice(&block.folded().to_le_bytes());
                at += ascii;
                i += ascii;
            } else {
                let c = text[i..].chars().next().unwrap_or_default();
                i += c.len_utf8();
                let folded = match LATIN.get((c as usize).wrapping_sub(0x80)) {
                    Some(Some(folded)) => folded.bytes(),
                    _ => {
                        self.other_char.clear();
                        fold_into(c, &mut self.other_char);
                        &self.other_char
                    }
                };
                room(out, at + folded.len(), src.len() - i);
                out[at..at + folded.len()].copy_from_slice(folded);
                at += folded.len();
            }
        }
        out[at] = 0;
        at
    }
}

/// What [`WordCutter::fold`] writes for `c`: the UTF-8 of each letter or digit of its
/// folded form, and a zero byte for anything else.
fn fold_into(c: char, out: &mut Vec<u8>) {
    fold_char(c, |f| {
        if f.is_alphanumeric() {
            out.extend_from_slice(f.encode_utf8(&mut [0; 4]).as_bytes());
        } else {
            out.push(0);
        }
    });
}

/// The chars from U+0080 up to [`LATIN_END`] (accented Latin letters, Spanish
/// punctuation), folded once: a catalog in Spanish has one in every hundred chars, and
/// folding one from Unicode's tables costs more than the eight ASCII bytes around it.
static LATIN: LazyLock<Vec<Option<FoldedChar>>> = LazyLock::new(|| {
    let latin = (0x80..LATIN_END).map(|c| char::from_u32(c).and_then(FoldedChar::of));
    latin.collect()
});

/// The end of the chars [`LATIN`] holds (Latin-1, Latin Extended-A and -B).
const LATIN_END: u32 = 0x250;

/// What [`fold_into`] writes for one char, when that is at most eight bytes.
#[derive(Clone, Copy)]
struct FoldedChar {
    bytes: [u8; 8],
    len: u8,
}

impl FoldedChar {
    fn of(c: char) -> Option<FoldedChar> {
        let mut out = Vec::new();
        fold_into(c, &mut out);
        let mut bytes = [0; 8];
        bytes.get_mut(..out.len())?.copy_from_slice(&out);
        Some(FoldedChar {
            bytes,
            len: out.len() as u8,
        })
    }

    fn bytes(&self) -> &[u8] {
        &self.bytes[..self.len as usize]
    }
}

/// All ones over the first `n` bytes of a head, for `n` up to [`HEAD`].
const HEAD_MASKS: [u128; HEAD + 1] = {
    let mut masks = [u128::MAX; HEAD + 1];
    let mut n = 0;
    while n < HEAD {
        masks[n] = (1 << (8 * n)) - 1;
        n += 1;
    }
    masks
};

/// `head` moved `by` bytes along: the bytes of a word that start `by` bytes into
/// another, in that other word's head.
fn shifted(head: u128, by: usize) -> u128 {
    if by < HEAD { head << (8 * by) } else { 0 }
}

/// `byte` in every byte.
const fn every(byte: u8) -> u64 {
    u64::from_le_bytes([byte; 8])
}

/// The top bit of every byte.
const TOP: u64 = every(0x80);

/// One bit per byte of `block` (bit `i` for byte `i`): set when the byte is not zero.
fn non_zero_bytes(block: u64) -> u32 {
    let low_seven = (block & !TOP) + !TOP;
    gather_top_bits((low_seven | block) & TOP)
}

/// The top bits of the eight bytes, as the low eight bits (bit `i` from byte `i`):
/// the multiplication moves each into place without any two meeting.
fn gather_top_bits(tops: u64) -> u32 {
    ((tops >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32
}

/// Eight bytes of text read as one integer, to fold plain ASCII eight bytes at a
/// time: each test below is done on every byte at once, its answer in the byte's top
/// bit.
#[derive(Clone, Copy)]
struct AsciiBlock(u64);

impl AsciiBlock {
    /// The eight bytes of `src` from `at` (zeros past its end).
    fn at(src: &[u8], at: usize) -> AsciiBlock {
        let eight = |from: usize| {
            let bytes: [u8; 8] = src[from..from + 8].try_into().unwrap_or_default();
            u64::from_le_bytes(bytes)
        };
        if at + 8 <= src.len() {
            AsciiBlock(eight(at))
        } else if src.len() >= 8 {
            // The last eight bytes, moved down so that byte `at` comes first.
            let last = src.len() - 8;
            AsciiBlock(eight(last) >> (8 * (at - last)))
        } else {
            let rest = src[at.min(src.len())..].iter().enumerate();
            AsciiBlock(rest.fold(0, |block, (i, &b)| block | u64::from(b) << (8 * i)))
        }
    }

    /// How many bytes from the first are ASCII (0 to 8).
    fn ascii_len(self) -> usize {
        ((self.0 & TOP).trailing_zeros() / 8) as usize
    }

    /// The top bit of each byte of `seven_bits` (bytes below 0x80) that is at least
    /// `low`: `byte + 0x80 - low` stays within the byte.
    fn at_least(seven_bits: u64, low: u8) -> u64 {
        seven_bits + every(0x80 - low)
    }

    /// The ASCII bytes folded: letters lowercased, digits kept, any other byte zero.
    fn folded(self) -> u64 {
        let ascii = !self.0 & TOP;
        let seven_bits = self.0 & !TOP;
        // Setting 0x20 makes each upper-case letter lower-case.
        let lower = seven_bits | every(0x20);
        let letters = Self::at_least(lower, b'a') & !Self::at_least(lower, b'z' + 1);
        let digits = Self::at_least(seven_bits, b'0') & !Self::at_least(seven_bits, b'9' + 1);
        let letters = letters & ascii;
        let keep = (letters | digits) & ascii;
        // Each kept byte's top bit spread over the whole byte.
        let keep_bytes = (keep >> 7) * 0xFF;
        (self.0 | letters >> 2) & keep_bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    fn words(text: &str) -> Vec<String> {
        cut_with(&mut WordCutter::default(), text)
    }

    /// The words `cutter` gives for `text`.
    fn cut_with(cutter: &mut WordCutter, text: &str) -> Vec<String> {
        let mut words = Vec::new();
        cutter.cut(text, false, |word, _| words.push(text_of(word)));
        words
    }

    /// The text of `word`, checking its head and length on the way.
    fn text_of(word: Word) -> String {
        let mut bytes = Vec::new();
        word.write_to(&mut bytes);
        assert_eq!(word.len, bytes.len());
        assert_eq!(word.head, head_of(&bytes));
        assert!(word.is(&bytes));
        String::from_utf8(bytes).unwrap()
    }

    /// What the index meant by a text's words before the cutter.
    fn fold_then_split(text: &str) -> Vec<String> {
        fold(text)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn ascii_blocks_fold_every_byte_as_the_standard_library_does() {
        for byte in 0..=u8::MAX {
            for place in 0..8 {
                let mut bytes = *b"a-Z 9.q\x7f";
                bytes[place] = byte;
                let block = AsciiBlock(u64::from_le_bytes(bytes));
                let ascii = bytes.iter().take_while(|b| b.is_ascii()).count();
                assert_eq!(block.ascii_len(), ascii, "{bytes:?}");
                let folded = block.folded().to_le_bytes();
                for (b, f) in bytes.iter().zip(folded).take(ascii) {
                    let expected = if b.is_ascii_alphanumeric() {
                        b.to_ascii_lowercase()
                    } else {
                        0
                    };
                    assert_eq!(f, expected, "{bytes:?}");
                }
                let non_zero = non_zero_bytes(u64::from_le_bytes(bytes));
                for (i, b) in bytes.iter().enumerate() {
                    assert_eq!(non_zero >> i & 1 == 1, *b != 0, "{bytes:?}");
                }
            }
        }
    }

    #[test]
    fn cuts_folded_words() {
        assert_eq!(words("Enfermería, MECÁNICO!"), ["enfermeria", "mecanico"]);
        assert_eq!(words("  3D-Printing  "), ["3d", "printing"]);
        assert_eq!(words(""), Vec::<String>::new());
        assert_eq!(words("¿Qué?"), ["que"]);
        assert_eq!(words("abcdefgh"), ["abcdefgh"]);
        assert_eq!(
            words("Pharmaceutical manufacturing technicians"),
            ["pharmaceutical", "manufacturing", "technicians"]
        );
    }

    #[test]
    fn runs_each_word_together_with_the_one_before() {
        let mut pairs = Vec::new();
        let text = "Video Game design, internationalization";
        WordCutter::default().cut(text, true, |word, pair| {
            if pair {
                pairs.push(text_of(word));
            }
        });
        assert_eq!(
            pairs,
            ["videogame", "gamedesign", "designinternationalization"]
        );
    }

    #[test]
    fn gives_the_words_of_folding_then_splitting() {
        for text in [
            "Tecnologi\u{0301}a Veterinaria",
            "İstanbul 2×4 niño—año «sí» x\u{00A0}y",
            "Ⅻ ½ ß ǅungla co-op ÉCOLE",
            "a\u{0301}\u{0301}b ' \u{0301}start",
            "Certified Nursing Assistant (CNA) / Asistente de enfermería certificado",
        ] {
            assert_eq!(words(text), fold_then_split(text), "{text}");
        }
    }

    #[test]
    fn every_char_of_the_latin_table_cuts_as_folding_then_splitting() {
        let mut cutter = WordCutter::default();
        for c in (0x80..LATIN_END + 64).filter_map(char::from_u32) {
            let alone = c.to_string();
            for text in [alone.clone(), format!("ab{c}cd ef{c}"), alone.repeat(70)] {
                let expected = fold_then_split(&text);
                assert_eq!(cut_with(&mut cutter, &text), expected, "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn a_reused_cutter_keeps_nothing_of_the_text_before() {
        // "Ⱥ" folds to more bytes than it has, so the buffer grows in the middle of a text.
        let long = "Word ".repeat(100) + &"Ⱥ".repeat(300) + " end";
        let mut cutter = WordCutter::default();
        for text in [long.as_str(), "a", "", "xy  z", &long, "q", "ÑANDÚ"] {
            assert_eq!(cut_with(&mut cutter, text), fold_then_split(text), "{text}");
        }
    }

    /// Each word `cutter.cut_each` gives for `texts`, whether it is a pair, and its text.
    fn cut_each_with(cutter: &mut WordCutter, texts: &[&str]) -> Vec<(String, bool, usize)> {
        let mut words = Vec::new();
        let texts = texts.iter().copied();
        cutter.cut_each(texts, true, |word, pair, of| {
            words.push((text_of(word), pair, of))
        });
        words
    }

    #[test]
    fn cutting_texts_at_once_gives_what_cutting_each_alone_does() {
        use rand::rngs::StdRng;
        use rand::seq::IndexedRandom;
        use rand::{Rng, SeedableRng};
        let alphabet: Vec<char> = "aZ9 -.É\u{0301}ñß".chars().collect();
        let mut rng = StdRng::seed_from_u64(29);
        let random_text = |rng: &mut StdRng| -> String {
            let len = rng.random_range(0..12);
            (0..len).filter_map(|_| alphabet.choose(rng)).collect()
        };
        let mut lists = vec![
            vec!["Video", "Game design", "", "  ", "Ñandú co-op", "x"],
            vec![],
            vec![""],
        ]
        .into_iter()
        .map(|list| list.into_iter().map(String::from).collect::<Vec<_>>())
        .collect::<Vec<_>>();
        for _ in 0..500 {
            let count = rng.random_range(0..30);
            lists.push((0..count).map(|_| random_text(&mut rng)).collect());
        }
        let mut cutter = WordCutter::default();
        for list in &lists {
            let texts: Vec<&str> = list.iter().map(String::as_str).collect();
            let mut alone = Vec::new();
            for (i, text) in texts.iter().enumerate() {
                WordCutter::default().cut(text, true, |word, pair| {
                    alone.push((text_of(word), pair, i));
                });
            }
            assert_eq!(cut_each_with(&mut cutter, &texts), alone, "{texts:?}");
        }
    }

    #[test]
    fn gives_the_words_of_folding_then_splitting_on_random_text() {
        use rand::rngs::StdRng;
        use rand::seq::IndexedRandom;
        use rand::{Rng, SeedableRng};
        let alphabet: Vec<char> = "aZz09 -.,'/AÉéñÑßİ\u{0301}¿—½\u{00A0}ﬁ\u{7f}\u{0}"
            .chars()
            .collect();
        let mut rng = StdRng::seed_from_u64(17);
        for _ in 0..5_000 {
            let len = rng.random_range(0..60);
            let text: String = (0..len).filter_map(|_| alphabet.choose(&mut rng)).collect();
            assert_eq!(words(&text), fold_then_split(&text), "{text:?}");
        }
    }
}
