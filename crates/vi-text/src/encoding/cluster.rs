//! Text to encode, taken a cluster at a time: a character and the combining marks that follow
//! it, composed the way each encoder needs.

use super::letters::{compose_mark, is_combining};
use unicode_normalization::UnicodeNormalization;

/// The clusters of a text, each with the byte offset of its first character.
pub(crate) struct Clusters<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Clusters<'a> {
    pub(crate) fn new(text: &'a str) -> Clusters<'a> {
        Clusters { text, pos: 0 }
    }

    /// Copies the run of plain ASCII at the current position to `out` and skips it, except
    /// its last byte when a non-ASCII character (perhaps a combining mark) follows.
    #[inline]
    pub(crate) fn copy_plain_ascii(&mut self, out: &mut Vec<u8>) {
        let rest = self.text.as_bytes().get(self.pos..).unwrap_or_default();
        let run = rest.iter().take_while(|&&b| plain_ascii(b)).count();
        let copy = if rest.get(run).is_some_and(|&b| b >= 0x80) {
            run.saturating_sub(1)
        } else {
            run
        };
        if let Some(plain) = rest.get(..copy) {
            out.extend_from_slice(plain);
        }
        self.pos += copy;
    }
}

impl<'a> Iterator for Clusters<'a> {
    type Item = (usize, &'a str);

    #[inline]
    fn next(&mut self) -> Option<(usize, &'a str)> {
        let start = self.pos;
        let rest = self.text.get(start..)?;
        let mut chars = rest.char_indices();
        let (_, first) = chars.next()?;
        let end = chars
            .find(|&(_, c)| !is_combining(c))
            .map_or(rest.len(), |(i, _)| i);
        debug_assert!(end >= first.len_utf8());
        self.pos = start + end;
        rest.get(..end).map(|cluster| (start, cluster))
    }
}

/// True for the ASCII bytes that every encoding but VIQR writes as themselves.
#[inline]
pub(crate) fn plain_ascii(b: u8) -> bool {
    (0x20..0x80).contains(&b) || matches!(b, b'\n' | b'\r' | b'\t')
}

/// What a cluster stands for.
pub(crate) enum Composed {
    /// One character: the cluster was one, or composition absorbed every mark.
    One(char),
    /// Several characters: the NFC of the cluster.
    Many(String),
}

/// Composes a cluster: each mark into the letter before it (so `a` + U+0302 + U+0301 is ấ),
/// or, when some mark does not compose that way, the NFC of the whole cluster.
#[inline]
pub(crate) fn compose(cluster: &str) -> Composed {
    let mut chars = cluster.chars();
    let Some(mut c) = chars.next() else {
        return Composed::Many(String::new());
    };
    for mark in chars {
        match compose_mark(c, mark) {
            Some(both) => c = both,
            None => return Composed::Many(cluster.nfc().collect()),
        }
    }
    Composed::One(c)
}

/// Encodes every character of a composed cluster with `encode_char`; the first it cannot
/// encode.
#[inline]
pub(crate) fn encode_composed(
    cluster: &str,
    out: &mut Vec<u8>,
    mut encode_char: impl FnMut(char, &mut Vec<u8>) -> bool,
) -> Result<(), char> {
    match compose(cluster) {
        Composed::One(c) => {
            if encode_char(c, out) {
                Ok(())
            } else {
                Err(c)
            }
        }
        Composed::Many(text) => match text.chars().find(|&c| !encode_char(c, out)) {
            None => Ok(()),
            Some(c) => Err(c),
        },
    }
}

/// Encodes a text cluster by cluster; the offset and character of the first failure.
#[inline]
pub(crate) fn encode_clusters(
    text: &str,
    out: &mut Vec<u8>,
    mut encode_cluster: impl FnMut(&str, &mut Vec<u8>) -> Result<(), char>,
) -> Option<(usize, char)> {
    let mut clusters = Clusters::new(text);
    loop {
        clusters.copy_plain_ascii(out);
        let (offset, cluster) = clusters.next()?;
        let start = out.len();
        if let Err(c) = encode_cluster(cluster, out) {
            out.truncate(start);
            return Some((offset, c));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clusters_keep_marks_with_their_letter() {
        let text = "\u{301}a\u{302}\u{301}bx\u{323}\u{302}";
        let clusters: Vec<_> = Clusters::new(text).collect();
        assert_eq!(
            clusters,
            [
                (0, "\u{301}"),
                (2, "a\u{302}\u{301}"),
                (7, "b"),
                (8, "x\u{323}\u{302}")
            ]
        );
    }

    #[test]
    fn composition_falls_back_to_nfc() {
        assert!(matches!(compose("a\u{302}\u{301}"), Composed::One('ấ')));
        assert!(matches!(compose("a\u{302}\u{323}"), Composed::One('ậ')));
        match compose("x\u{302}\u{323}") {
            Composed::Many(text) => assert_eq!(text, "x\u{323}\u{302}"),
            Composed::One(c) => panic!("{c}"),
        }
    }

    #[test]
    fn ascii_runs_stop_before_a_letter_a_mark_may_follow() {
        let mut clusters = Clusters::new("abc e\u{301}");
        let mut out = Vec::new();
        clusters.copy_plain_ascii(&mut out);
        assert_eq!(out, b"abc ");
        assert_eq!(clusters.next(), Some((4, "e\u{301}")));
    }
}
