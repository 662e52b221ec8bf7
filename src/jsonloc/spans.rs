//! Where every value of a JSON text is: a small scanner that records, for each path
//! (`programs[3].riasec.R`), the byte offsets of its key and value.
//!
//! serde_json's `Value` forgets positions, and its typed errors give a position but not
//! the path, so both meaning checks ("riasec.R is 9") and schema errors ("invalid type
//! at byte 812") need this map to say line, column and field. The scanner runs only on
//! text serde_json has already parsed, but still never indexes out of bounds: on
//! anything unexpected it just stops recording.

use std::collections::BTreeMap;
use std::fmt;

/// One step of a path: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Seg {
    Key(String),
    Index(usize),
}

impl From<&str> for Seg {
    fn from(key: &str) -> Self {
        Seg::Key(key.to_string())
    }
}

impl From<usize> for Seg {
    fn from(index: usize) -> Self {
        Seg::Index(index)
    }
}

/// A path as people read it: `riasec.R`, `careers[2].es`.
pub struct Dotted<'a>(pub &'a [Seg]);

impl fmt::Display for Dotted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(k) if n == 0 => write!(f, "{k}")?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(i) => write!(f, "[{i}]")?,
            }
        }
        Ok(())
    }
}

/// Byte offsets of one value: its key (object members only) and the value itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub key: Option<usize>,
    pub start: usize,
    /// Exclusive.
    pub end: usize,
}

impl Span {
    /// Where a person should look: the key when there is one, else the value.
    pub fn anchor(&self) -> usize {
        self.key.unwrap_or(self.start)
    }

    /// Key and value together.
    fn contains(&self, offset: usize) -> bool {
        self.anchor() <= offset && offset < self.end
    }
}

/// Every value's span, by path.
#[derive(Debug, Default)]
pub struct SpanIndex {
    spans: BTreeMap<Vec<Seg>, Span>,
}

/// serde_json refuses nesting deeper than 128; stop well before the stack could suffer.
const MAX_DEPTH: usize = 256;

impl SpanIndex {
    pub fn build(text: &str) -> SpanIndex {
        let mut scanner = Scanner {
            bytes: text.as_bytes(),
            text,
            pos: 0,
            spans: BTreeMap::new(),
        };
        let mut path = Vec::new();
        let _ = scanner.value(&mut path, None, 0);
        SpanIndex {
            spans: scanner.spans,
        }
    }

    pub fn get(&self, path: &[Seg]) -> Option<Span> {
        self.spans.get(path).copied()
    }

    /// The span of `path`, or of its nearest ancestor that exists (a missing field is
    /// best shown at the object that lacks it).
    pub fn nearest(&self, path: &[Seg]) -> Option<Span> {
        (0..=path.len()).rev().find_map(|n| self.get(&path[..n]))
    }

    /// The deepest path under `within` whose key-and-value span holds `offset`.
    pub fn innermost_at(&self, within: &[Seg], offset: usize) -> Vec<Seg> {
        self.spans
            .range(within.to_vec()..)
            .take_while(|(path, _)| path.starts_with(within))
            .filter(|(_, span)| span.contains(offset))
            .max_by_key(|(path, _)| path.len())
            .map_or_else(|| within.to_vec(), |(path, _)| path.clone())
    }
}

struct Scanner<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
    spans: BTreeMap<Vec<Seg>, Span>,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        self.skip_ws();
        (self.peek()? == byte).then(|| self.pos += 1)
    }

    /// Scans one value at `pos`, recording it under `path`.
    fn value(&mut self, path: &mut Vec<Seg>, key: Option<usize>, depth: usize) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_ws();
        let start = self.pos;
        match self.peek()? {
            b'{' => self.object(path, depth)?,
            b'[' => self.array(path, depth)?,
            b'"' => {
                self.string()?;
            }
            _ => {
                // A number, true, false or null: runs until a delimiter.
                while !matches!(
                    self.peek(),
                    None | Some(b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')
                ) {
                    self.pos += 1;
                }
            }
        }
        let span = Span {
            key,
            start,
            end: self.pos,
        };
        self.spans.insert(path.clone(), span);
        Some(())
    }

    fn object(&mut self, path: &mut Vec<Seg>, depth: usize) -> Option<()> {
        self.pos += 1;
        self.skip_ws();
        if self.peek()? == b'}' {
            self.pos += 1;
            return Some(());
        }
        loop {
            self.skip_ws();
            let key_start = self.pos;
            let key = self.string()?;
            self.eat(b':')?;
            path.push(Seg::Key(key));
            let scanned = self.value(path, Some(key_start), depth + 1);
            path.pop();
            scanned?;
            self.skip_ws();
            match self.peek()? {
                b',' => self.pos += 1,
                b'}' => {
                    self.pos += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    fn array(&mut self, path: &mut Vec<Seg>, depth: usize) -> Option<()> {
        self.pos += 1;
        self.skip_ws();
        if self.peek()? == b']' {
            self.pos += 1;
            return Some(());
        }
        for index in 0.. {
            path.push(Seg::Index(index));
            let scanned = self.value(path, None, depth + 1);
            path.pop();
            scanned?;
            self.skip_ws();
            match self.peek()? {
                b',' => self.pos += 1,
                b']' => {
                    self.pos += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
        None
    }

    /// Scans a string literal and returns its decoded value.
    fn string(&mut self) -> Option<String> {
        let start = self.pos;
        if self.peek()? != b'"' {
            return None;
        }
        self.pos += 1;
        loop {
            match self.peek()? {
                b'\\' => self.pos += 2,
                b'"' => {
                    self.pos += 1;
                    break;
                }
                _ => self.pos += 1,
            }
        }
        let literal = self.text.get(start..self.pos)?;
        serde_json::from_str(literal).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jsonloc::Lines;

    fn path(segs: &[Seg]) -> Vec<Seg> {
        segs.to_vec()
    }

    #[test]
    fn records_keys_values_and_indices() {
        let text = "{\n  \"a\": [1, {\"b\": \"x\\\"y\"}],\n  \"ñ\": true\n}";
        let index = SpanIndex::build(text);
        let lines = Lines::new(text);
        let b = index
            .get(&path(&["a".into(), 1.into(), "b".into()]))
            .unwrap();
        assert_eq!(&text[b.key.unwrap()..b.end], "\"b\": \"x\\\"y\"");
        assert_eq!(lines.line_col(text, b.key.unwrap()), (2, 13));
        let n = index.get(&path(&["ñ".into()])).unwrap();
        assert_eq!(&text[n.start..n.end], "true");
        assert_eq!(lines.line_col(text, n.start), (3, 8));
        assert_eq!(
            index.innermost_at(&[], b.start + 2),
            path(&["a".into(), 1.into(), "b".into()])
        );
        assert_eq!(
            Dotted(&path(&["a".into(), 1.into(), "b".into()])).to_string(),
            "a[1].b"
        );
    }

    #[test]
    fn deep_nesting_stops_instead_of_overflowing_the_stack() {
        let text = "[".repeat(200_000);
        let index = SpanIndex::build(&text);
        assert_eq!(index.get(&[]), None);
        assert_eq!(Lines::new(&text).line_col(&text, 5), (1, 6));
    }

    #[test]
    fn never_panics_on_broken_text() {
        for text in [
            "{\"a\": [1, 2",
            "\"abc",
            "{\"a\"",
            "[[[[",
            "{\"a\": \"\\",
            "ñ\"{",
        ] {
            let index = SpanIndex::build(text);
            let lines = Lines::new(text);
            for offset in 0..=text.len() + 2 {
                let _ = lines.line_col(text, offset);
                let _ = index.innermost_at(&[], offset);
            }
        }
    }
}
