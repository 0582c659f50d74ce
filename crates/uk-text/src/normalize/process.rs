//! The normalizer's single pass: words are analysed, then written with their repairs.

use super::{
    Chars, Direction, Normalizer, RepairKind, Run, WordInfo, char_at, compose, cyrillic_to_latin,
    is_transparent, latin_to_cyrillic, transparent_end,
};
use crate::chars::is_alpha;
use crate::chars::{SOFT_HYPHEN, STRESS_MARK, is_apostrophe, is_cyrillic, is_latin};

/// A letter that starts or continues a word; the modifier-letter apostrophe `ʼ` counts as an
/// apostrophe, not a letter, so that unifying it never changes where words end.
fn is_letter(c: char) -> bool {
    is_alpha(c) && !is_apostrophe(c)
}
use core_model::Span;

/// The next word of the line that is not a one-letter look-alike: where the search may be
/// reused up to, and whether that word is Cyrillic.
#[derive(Debug, Clone, Copy)]
struct NextWord {
    valid_until: usize,
    cyrillic: bool,
}

impl Normalizer {
    pub(super) fn process(&self, run: &mut Run<'_, '_>) {
        if !self.needs_no_change(run.text) {
            self.process_words(run);
        }
    }

    /// The pass itself, without the check for text that needs nothing.
    pub(super) fn process_words(&self, run: &mut Run<'_, '_>) {
        let text = run.text;
        let mut pos = 0;
        let mut prev_word_cyrillic = false;
        let mut next_word: Option<NextWord> = None;
        while let Some((c, n)) = char_at(text, pos) {
            if is_letter(c) {
                let info = self.analyze(text, pos);
                let mut dir = if self.repair_lookalikes {
                    info.direction()
                } else {
                    Direction::None
                };
                if info.is_single_lookalike() {
                    if self.repair_lookalikes
                        && prev_word_cyrillic
                        && self.next_word_cyrillic(text, info.end, &mut next_word)
                    {
                        dir = Direction::ToCyrillic;
                    }
                } else {
                    prev_word_cyrillic = info.final_cyrillic(dir);
                }
                if info.special || dir != Direction::None || self.lowercase {
                    self.emit_word(run, pos, info.end, dir, info.final_cyrillic(dir));
                }
                pos = info.end.max(pos + n);
                continue;
            }
            if c == '\n' {
                prev_word_cyrillic = false;
            }
            if c == SOFT_HYPHEN && self.remove_soft_hyphens {
                run.replace(pos, pos + n, &[], Some(RepairKind::SoftHyphen));
            } else if self.lowercase {
                self.lowercase_char(run, pos, c, n);
            }
            pos += n;
        }
    }

    fn lowercase_char(&self, run: &mut Run<'_, '_>, pos: usize, c: char, n: usize) {
        let mut lower = Chars::new();
        for l in c.to_lowercase() {
            lower.push(l);
        }
        if lower.as_slice() != [c] {
            run.replace(pos, pos + n, lower.as_slice(), None);
        }
    }

    /// The mark that composes with `base` in the transparent run `from..to`, skipping soft
    /// hyphens and the stress marks that will be removed: the composed letter and the mark's
    /// span.
    fn composing_mark(
        &self,
        text: &str,
        base: char,
        from: usize,
        to: usize,
    ) -> Option<(char, usize, usize)> {
        if !self.compose || !is_cyrillic(base) {
            return None;
        }
        let mut pos = from;
        while pos < to {
            let (m, n) = char_at(text, pos)?;
            if m == SOFT_HYPHEN || (m == STRESS_MARK && self.remove_stress) {
                pos += n;
                continue;
            }
            return compose(base, m).map(|composed| (composed, pos, pos + n));
        }
        None
    }

    /// Counts the letters of the word starting at `start` (a letter).
    fn analyze(&self, text: &str, start: usize) -> WordInfo {
        let folded = self.lowercase;
        let mut info = WordInfo {
            end: start,
            letters: 0,
            cyr: 0,
            lat: 0,
            cyr_strict: 0,
            lat_strict: 0,
            special: false,
        };
        let mut pos = start;
        while let Some((c, n)) = char_at(text, pos) {
            if is_apostrophe(c) && pos > start {
                let after = transparent_end(text, pos + n);
                if !char_at(text, after).is_some_and(|(d, _)| is_letter(d)) {
                    break;
                }
                info.special = true;
                pos = after;
                continue;
            }
            if !is_letter(c) {
                break;
            }
            let marks_end = transparent_end(text, pos + n);
            info.letters += 1;
            if marks_end > pos + n {
                info.special = true;
            }
            if is_cyrillic(c) {
                info.cyr += 1;
                let effective = if marks_end > pos + n {
                    self.composing_mark(text, c, pos + n, marks_end)
                        .map_or(c, |(composed, _, _)| composed)
                } else {
                    c
                };
                if cyrillic_to_latin(effective, folded).is_none() {
                    info.cyr_strict += 1;
                }
            } else if is_latin(c) {
                info.lat += 1;
                if latin_to_cyrillic(c, folded).is_none() {
                    info.lat_strict += 1;
                }
            }
            pos = marks_end;
        }
        info.end = pos;
        info
    }

    /// Whether the next word of the line that is not a one-letter look-alike is Cyrillic.
    /// The answer is cached, so runs of one-letter words are scanned once.
    fn next_word_cyrillic(&self, text: &str, from: usize, cache: &mut Option<NextWord>) -> bool {
        if let Some(hit) = *cache
            && hit.valid_until >= from
        {
            return hit.cyrillic;
        }
        let mut pos = from;
        let found = loop {
            let Some((c, n)) = char_at(text, pos) else {
                break NextWord {
                    valid_until: text.len(),
                    cyrillic: false,
                };
            };
            if c == '\n' {
                break NextWord {
                    valid_until: pos,
                    cyrillic: false,
                };
            }
            if is_letter(c) {
                let info = self.analyze(text, pos);
                if !info.is_single_lookalike() {
                    break NextWord {
                        valid_until: pos,
                        cyrillic: info.final_cyrillic(info.direction()),
                    };
                }
                pos = info.end.max(pos + n);
            } else {
                pos += n;
            }
        };
        *cache = Some(found);
        found.cyrillic
    }

    /// Writes the word `start..end` with its repairs.
    fn emit_word(
        &self,
        run: &mut Run<'_, '_>,
        start: usize,
        end: usize,
        dir: Direction,
        cyrillic: bool,
    ) {
        let text = run.text;
        let folded = self.lowercase;
        let mut pos = start;
        while pos < end {
            let Some((c, n)) = char_at(text, pos) else {
                break;
            };
            if is_apostrophe(c) && pos > start {
                let after = transparent_end(text, pos + n);
                let between_letters =
                    after < end && char_at(text, after).is_some_and(|(d, _)| is_letter(d));
                if between_letters {
                    if let Some(target) = self.apostrophe
                        && cyrillic
                        && c != target
                    {
                        run.replace(pos, pos + n, &[target], Some(RepairKind::Apostrophe));
                    }
                    pos += n;
                    continue;
                }
            }
            if !is_letter(c) {
                // Only transparent characters can be here (a word starts with a letter).
                if is_transparent(c) {
                    self.emit_marks(run, c, pos, pos + n, false);
                }
                pos += n;
                continue;
            }
            // The letter, repaired.
            let mut letter = c;
            let mut accented = false;
            let mut kind = None;
            match dir {
                Direction::ToCyrillic if is_latin(c) => {
                    if let Some((cyr, acute)) = latin_to_cyrillic(c, folded) {
                        letter = cyr;
                        accented = acute;
                        kind = Some(RepairKind::CyrillicLookalike);
                    }
                }
                Direction::ToLatin if is_cyrillic(c) => {
                    if let Some(lat) = cyrillic_to_latin(c, folded) {
                        letter = lat;
                        kind = Some(RepairKind::LatinLookalike);
                    }
                }
                _ => {}
            }
            let marks_end = transparent_end(text, pos + n);
            let composing = self.composing_mark(text, letter, pos + n, marks_end);
            if let Some((composed, _, _)) = composing {
                letter = composed;
            }
            let letter_is_cyrillic = is_cyrillic(letter);
            let mut written = Chars::new();
            if self.lowercase {
                for l in letter.to_lowercase() {
                    written.push(l);
                }
            } else {
                written.push(letter);
            }
            if accented && !self.remove_stress {
                written.push(STRESS_MARK);
            }
            if written.as_slice() != [c] {
                run.replace(pos, pos + n, written.as_slice(), kind);
            }
            if let Some((_, mark_start, mark_end)) = composing {
                run.record(Span::new(pos, mark_end), RepairKind::Composed);
                // The marks before the composing one, then the composing mark (dropped).
                self.emit_marks_range(run, pos + n, mark_start, letter_is_cyrillic);
                run.replace(mark_start, mark_end, &[], None);
                self.emit_marks_range(run, mark_end, marks_end, letter_is_cyrillic);
            } else {
                self.emit_marks_range(run, pos + n, marks_end, letter_is_cyrillic);
            }
            pos = marks_end;
        }
    }

    /// Writes the transparent characters `from..to` that follow a letter.
    fn emit_marks_range(
        &self,
        run: &mut Run<'_, '_>,
        from: usize,
        to: usize,
        after_cyrillic: bool,
    ) {
        let text = run.text;
        let mut pos = from;
        while pos < to {
            let Some((m, n)) = char_at(text, pos) else {
                break;
            };
            self.emit_marks(run, m, pos, pos + n, after_cyrillic);
            pos += n;
        }
    }

    /// Writes one transparent character: soft hyphens and stress marks after Cyrillic letters
    /// are removed, other marks kept.
    fn emit_marks(
        &self,
        run: &mut Run<'_, '_>,
        m: char,
        start: usize,
        end: usize,
        after_cyrillic: bool,
    ) {
        if m == SOFT_HYPHEN && self.remove_soft_hyphens {
            run.replace(start, end, &[], Some(RepairKind::SoftHyphen));
        } else if m == STRESS_MARK && self.remove_stress && after_cyrillic {
            run.replace(start, end, &[], Some(RepairKind::StressMark));
        }
    }
}
