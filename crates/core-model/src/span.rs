use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A half-open byte range `start..end` into a source text.
///
/// ```
/// use core_model::Span;
/// let span = Span::new(2, 5);
/// assert_eq!(span.slice("a bíc d"), "bí");
/// assert!(!span.is_empty());
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// Creates a span. `start` must not exceed `end`; a reversed pair is swapped so that a
    /// span is always well formed.
    #[must_use]
    #[inline]
    pub fn new(start: usize, end: usize) -> Span {
        if start <= end {
            Span { start, end }
        } else {
            Span {
                start: end,
                end: start,
            }
        }
    }

    /// Number of bytes covered.
    #[must_use]
    #[inline]
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    #[must_use]
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The span as a range, for slicing.
    #[must_use]
    #[inline]
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The text the span covers.
    ///
    /// # Panics
    /// When the span is out of bounds or not on character boundaries of `text`; spans made
    /// by vnuk over the same text never are. Use [`Span::get`] for a checked slice.
    #[must_use]
    #[inline]
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.range()]
    }

    /// The text the span covers, or `None` when it is out of bounds or off a character
    /// boundary.
    #[must_use]
    #[inline]
    pub fn get<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.range())
    }

    /// The same span moved `offset` bytes to the right, for spans computed on a slice of a
    /// larger text.
    #[must_use]
    #[inline]
    pub fn shifted(&self, offset: usize) -> Span {
        Span {
            start: self.start + offset,
            end: self.end + offset,
        }
    }

    /// The smallest span covering both.
    #[must_use]
    #[inline]
    pub fn cover(&self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reversed_bounds_are_swapped() {
        assert_eq!(Span::new(5, 2), Span::new(2, 5));
    }

    #[test]
    fn get_rejects_non_boundary() {
        let text = "ї";
        assert_eq!(Span::new(0, 1).get(text), None);
        assert_eq!(Span::new(0, 2).get(text), Some("ї"));
        assert_eq!(Span::new(0, 9).get(text), None);
    }

    #[test]
    fn shift_and_cover() {
        assert_eq!(Span::new(1, 2).shifted(10), Span::new(11, 12));
        assert_eq!(Span::new(1, 2).cover(Span::new(4, 6)), Span::new(1, 6));
    }
}
