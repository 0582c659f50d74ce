//! URLs, bare domain names and e-mail addresses.
//!
//! The scanners here only move forward. A failed attempt records how far it looked, and no
//! later attempt starting inside that stretch is made (its outcome would be the same failure),
//! so that a long run like `a.b.c.d…` without a top-level domain is scanned a bounded number of
//! times and tokenization stays linear.

use super::Scanner;
use crate::chars::is_alnum;
use crate::chars::is_gap;

/// Top-level domains accepted at the end of a bare domain name (`pravda.com.ua`, `DT.UA`).
/// Names with a scheme (`https://…`) or `www.` need no check.
fn is_tld(label: &str) -> bool {
    let lower_ok = label.chars().all(|c| c.is_lowercase());
    let upper_ok = label.chars().all(|c| c.is_uppercase());
    if !(lower_ok || upper_ok) {
        return false;
    }
    let mut buf = [0u8; 8];
    if label.len() > buf.len() {
        return false;
    }
    let mut len = 0;
    for c in label.chars() {
        let l = c.to_lowercase().next().unwrap_or(c);
        let n = l.len_utf8();
        let Some(slot) = buf.get_mut(len..len + n) else {
            return false;
        };
        l.encode_utf8(slot);
        len += n;
    }
    let Some(lower) = buf.get(..len).and_then(|b| std::str::from_utf8(b).ok()) else {
        return false;
    };
    matches!(
        lower,
        "com"
            | "net"
            | "org"
            | "info"
            | "biz"
            | "edu"
            | "gov"
            | "mil"
            | "int"
            | "io"
            | "co"
            | "ua"
            | "ru"
            | "by"
            | "kz"
            | "md"
            | "ge"
            | "am"
            | "az"
            | "uz"
            | "pl"
            | "de"
            | "fr"
            | "it"
            | "es"
            | "uk"
            | "us"
            | "eu"
            | "ca"
            | "au"
            | "cz"
            | "sk"
            | "hu"
            | "ro"
            | "bg"
            | "lt"
            | "lv"
            | "ee"
            | "fi"
            | "se"
            | "no"
            | "dk"
            | "nl"
            | "be"
            | "ch"
            | "at"
            | "il"
            | "tr"
            | "jp"
            | "cn"
            | "kr"
            | "vn"
            | "tv"
            | "fm"
            | "me"
            | "ly"
            | "ai"
            | "app"
            | "dev"
            | "news"
            | "online"
            | "site"
            | "top"
            | "xyz"
            | "club"
            | "pro"
            | "tech"
            | "media"
            | "today"
            | "world"
            | "live"
            | "укр"
            | "рф"
    )
}

/// Characters that end a URL (besides white space).
fn ends_url(c: char) -> bool {
    is_gap(c)
        || matches!(
            c,
            '"' | '<' | '>' | '«' | '»' | '“' | '”' | '„' | '{' | '}' | '|' | '\\' | '^'
        )
}

/// Characters dropped from the end of a URL: they are the sentence's punctuation.
fn trailing_url_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '’' | ')' | ']' | '…'
    )
}

/// Characters of the local part of an e-mail address.
fn is_local_char(c: char) -> bool {
    is_alnum(c) || matches!(c, '.' | '_' | '%' | '+' | '-')
}

/// Characters of a domain label.
fn is_label_char(c: char) -> bool {
    is_alnum(c)
}

/// The outcome of scanning a domain chain.
struct Chain {
    /// End of the chain.
    end: usize,
    /// Number of labels.
    labels: usize,
    /// Start of the last label.
    last_start: usize,
}

impl Scanner<'_> {
    /// If a URL with a scheme or `www.` starts at `start`, its end.
    pub(super) fn scheme_url(&self, start: usize) -> Option<usize> {
        let rest = self.bytes.get(start..)?;
        let prefix_len = [
            &b"https://"[..],
            &b"http://"[..],
            &b"ftp://"[..],
            &b"www."[..],
        ]
        .into_iter()
        .find(|p| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p))
        .map(<[u8]>::len)?;
        let body = start + prefix_len;
        match self.char_at(body) {
            Some((c, _)) if is_alnum(c) => Some(self.url_tail(body)),
            _ => None,
        }
    }

    /// Extends a URL from `pos` to its last character, dropping trailing punctuation and an
    /// unbalanced closing parenthesis.
    pub(super) fn url_tail(&self, mut pos: usize) -> usize {
        let mut last_kept = pos;
        let mut open = 0usize;
        let mut close = 0usize;
        while let Some((c, n)) = self.char_at(pos) {
            if ends_url(c) {
                break;
            }
            match c {
                '(' => open += 1,
                ')' => close += 1,
                _ => {}
            }
            pos += n;
            let keep = if c == ')' {
                close <= open
            } else {
                !trailing_url_punct(c)
            };
            if keep {
                last_kept = pos;
            }
        }
        last_kept
    }

    /// Scans a chain of domain labels separated by single dots from `pos`.
    fn chain(&self, mut pos: usize) -> Chain {
        let mut labels = 0;
        let mut last_start = pos;
        let mut end = pos;
        loop {
            let label_start = pos;
            // A label: alphanumerics, with inner hyphens.
            loop {
                match self.char_at(pos) {
                    Some((c, n)) if is_label_char(c) => pos += n,
                    Some(('-', 1)) if pos > label_start => match self.char_at(pos + 1) {
                        Some((c, _)) if is_label_char(c) || c == '-' => pos += 1,
                        _ => break,
                    },
                    _ => break,
                }
            }
            if pos == label_start {
                break;
            }
            labels += 1;
            last_start = label_start;
            end = pos;
            match (self.char_at(pos), self.char_at(pos + 1)) {
                (Some(('.', _)), Some((c, _))) if is_label_char(c) => pos += 1,
                _ => break,
            }
        }
        Chain {
            end,
            labels,
            last_start,
        }
    }

    /// True when the chain is a domain name.
    fn is_domain(&self, chain: &Chain) -> bool {
        chain.labels >= 2
            && self
                .text
                .get(chain.last_start..chain.end)
                .is_some_and(is_tld)
    }

    /// The offset of the full stop when a plain word (ASCII letters and digits, letters of
    /// U+0400..U+047F) starts at `start` and a full stop follows it, then the end of the text
    /// or an ASCII character that goes on neither an e-mail address nor a domain name: the
    /// case [`Scanner::address`] is asked about most (a word at the end of a sentence), never
    /// an address.
    fn plain_word_before_stop(&self, start: usize) -> Option<usize> {
        let bytes = self.bytes;
        let mut pos = start;
        loop {
            match bytes.get(pos) {
                Some(b) if b.is_ascii_alphanumeric() => pos += 1,
                // A two-byte character of U+0400..U+047F (the text is UTF-8).
                Some(0xD0 | 0xD1) => pos += 2,
                _ => break,
            }
        }
        if pos == start || bytes.get(pos) != Some(&b'.') {
            return None;
        }
        match bytes.get(pos + 1) {
            None => Some(pos),
            Some(&b)
                if b.is_ascii()
                    && !b.is_ascii_alphanumeric()
                    && !matches!(b, b'.' | b'_' | b'%' | b'+' | b'-' | b'@') =>
            {
                Some(pos)
            }
            Some(_) => None,
        }
    }

    /// If an e-mail address or a bare domain name (with an optional path) starts at `start`,
    /// its end and whether it is an e-mail address.
    pub(super) fn address(&mut self, start: usize) -> Option<(usize, bool)> {
        if let Some(stop) = self.plain_word_before_stop(start) {
            // What the scans below find for it: the local part runs to the stop and past it,
            // but ends with it; the domain chain is the one word.
            if start >= self.email_fail_until {
                self.email_fail_until = stop + 1;
            }
            if start >= self.domain_fail_until {
                self.domain_fail_until = stop.max(start + 1);
            }
            return None;
        }
        self.address_scan(start)
    }

    /// [`Scanner::address`] by scanning for both kinds of address.
    fn address_scan(&mut self, start: usize) -> Option<(usize, bool)> {
        if start >= self.email_fail_until {
            let mut pos = start;
            while let Some((c, n)) = self.char_at(pos) {
                if !is_local_char(c) {
                    break;
                }
                pos += n;
            }
            let local_ok = pos > start && self.bytes.get(pos - 1) != Some(&b'.');
            if local_ok && self.bytes.get(pos) == Some(&b'@') {
                let chain = self.chain(pos + 1);
                if self.is_domain(&chain) {
                    return Some((chain.end, true));
                }
            }
            self.email_fail_until = pos;
        }
        if start >= self.domain_fail_until {
            let chain = self.chain(start);
            if self.is_domain(&chain) {
                let mut end = chain.end;
                // An optional port, then an optional path.
                if self.bytes.get(end) == Some(&b':') {
                    let mut p = end + 1;
                    while self.bytes.get(p).is_some_and(u8::is_ascii_digit) {
                        p += 1;
                    }
                    if p > end + 1 {
                        end = p;
                    }
                }
                if self.bytes.get(end) == Some(&b'/') {
                    end = self.url_tail(end + 1).max(end + 1);
                }
                return Some((end, false));
            }
            self.domain_fail_until = chain.end.max(start + 1);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens;
    use super::is_tld;

    /// Every start offset of `text`: the shortcut and the full scan give the same answer and
    /// leave the same state.
    fn shortcut_agrees(text: &str) {
        let fresh = tokens(text).scanner;
        for start in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            for fail in [0, start, start + 1] {
                let mut fast = fresh.clone();
                let mut slow = fresh.clone();
                for s in [&mut fast, &mut slow] {
                    s.email_fail_until = fail;
                    s.domain_fail_until = fail;
                }
                assert_eq!(
                    fast.address(start),
                    slow.address_scan(start),
                    "{text:?} {start}"
                );
                assert_eq!(
                    fast.email_fail_until, slow.email_fail_until,
                    "{text:?} {start}"
                );
                assert_eq!(
                    fast.domain_fail_until, slow.domain_fail_until,
                    "{text:?} {start}"
                );
            }
        }
    }

    #[test]
    fn the_plain_word_shortcut_is_the_full_scan() {
        for text in [
            "Слово. Далі",
            "слово.",
            "слово.\n",
            "word2. x",
            "pravda.com.ua/news. Це",
            "DT.UA. Так",
            "ivan.petrenko@ukr.net. Ні",
            "а.б. в",
            "ab.@cd.com",
            "ab._x",
            "ab.-x",
            "ab.+x",
            "ab.%x",
            "ab..x",
            "їжак. «Так»",
            "Ѐѿ. x",
            "ab.cd x",
            "ab.",
            ".",
            "a.b.c.d.e.f",
        ] {
            shortcut_agrees(text);
        }
    }

    #[test]
    fn tld_case() {
        assert!(is_tld("ua"));
        assert!(is_tld("UA"));
        assert!(is_tld("укр"));
        assert!(!is_tld("Ua"));
        assert!(!is_tld("Київ"));
        assert!(!is_tld("averyverylongname"));
    }
}
