//! Generating every form a stem's flags allow.

use super::aff::{AffixFile, AffixKind, Flag};

/// Which affixes produced a form. All `None` for the stem itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Origin {
    /// The prefix class applied, if any.
    pub prefix: Option<Flag>,
    /// The (inner) suffix class applied, if any.
    pub suffix: Option<Flag>,
    /// A second suffix class allowed by the first one's continuation flags, if any.
    pub outer_suffix: Option<Flag>,
}

/// Expands stems into forms, reusing its buffers from stem to stem.
#[derive(Debug)]
pub struct Expander<'a> {
    aff: &'a AffixFile,
    suffixed: String,
    outer: String,
    prefixed: String,
}

fn has(flags: &[Flag], flag: Option<Flag>) -> bool {
    flag.is_some_and(|flag| flags.contains(&flag))
}

impl<'a> Expander<'a> {
    /// An expander for the rules of `aff`.
    #[must_use]
    pub fn new(aff: &'a AffixFile) -> Expander<'a> {
        Expander {
            aff,
            suffixed: String::new(),
            outer: String::new(),
            prefixed: String::new(),
        }
    }

    /// Calls `emit` with every form of the stem `word` carrying `flags`, and how it was made.
    ///
    /// Order: the stem itself (unless it carries `NEEDAFFIX` or `ONLYINCOMPOUND`); then for
    /// each suffix flag in order, each applicable rule's form (rules grouped by strip string,
    /// groups in order of first appearance), followed by the forms its
    /// continuation suffixes and cross-product prefixes make of it; then prefixed forms. A
    /// stem carrying `FORBIDDENWORD` yields nothing. An affixed form whose rule carries
    /// `NEEDAFFIX` is only emitted with a further affix; `CIRCUMFIX` affixes only in pairs.
    /// The same form may be emitted more than once.
    pub fn expand(&mut self, word: &str, flags: &[Flag], emit: &mut impl FnMut(&str, Origin)) {
        let aff = self.aff;
        let Expander {
            suffixed,
            outer,
            prefixed,
            ..
        } = self;
        if has(flags, aff.forbidden) {
            return;
        }
        if !has(flags, aff.need_affix) && !has(flags, aff.only_in_compound) {
            emit(word, Origin::default());
        }
        let full_strip = aff.full_strip;
        for &suffix_flag in flags {
            let Some(class) = aff.class(suffix_flag) else {
                continue;
            };
            if class.kind != AffixKind::Suffix {
                continue;
            }
            for rule in class.candidates(word) {
                if !class.apply(rule, word, full_strip, suffixed) {
                    continue;
                }
                let continuation = &rule.continuation;
                let circumfix = has(continuation, aff.circumfix);
                let origin = Origin {
                    suffix: Some(suffix_flag),
                    ..Origin::default()
                };
                if !circumfix && !has(continuation, aff.need_affix) {
                    emit(suffixed, origin);
                }
                for &outer_flag in continuation {
                    let Some(outer_class) = aff.class(outer_flag) else {
                        continue;
                    };
                    if outer_class.kind != AffixKind::Suffix {
                        continue;
                    }
                    for outer_rule in outer_class.candidates(suffixed) {
                        if outer_class.apply(outer_rule, suffixed, full_strip, outer)
                            && !has(&outer_rule.continuation, aff.need_affix)
                        {
                            emit(
                                outer,
                                Origin {
                                    outer_suffix: Some(outer_flag),
                                    ..origin
                                },
                            );
                        }
                    }
                }
                if !class.cross_product {
                    continue;
                }
                for &prefix_flag in flags.iter().chain(continuation) {
                    let Some(prefix_class) = aff.class(prefix_flag) else {
                        continue;
                    };
                    if prefix_class.kind != AffixKind::Prefix || !prefix_class.cross_product {
                        continue;
                    }
                    for prefix_rule in prefix_class.candidates(suffixed) {
                        let prefix_circumfix = has(&prefix_rule.continuation, aff.circumfix);
                        if prefix_circumfix == circumfix
                            && !has(&prefix_rule.continuation, aff.need_affix)
                            && prefix_class.apply(prefix_rule, suffixed, full_strip, prefixed)
                        {
                            emit(
                                prefixed,
                                Origin {
                                    prefix: Some(prefix_flag),
                                    ..origin
                                },
                            );
                        }
                    }
                }
            }
        }
        for &prefix_flag in flags {
            let Some(class) = aff.class(prefix_flag) else {
                continue;
            };
            if class.kind != AffixKind::Prefix {
                continue;
            }
            for rule in class.candidates(word) {
                if !has(&rule.continuation, aff.need_affix)
                    && !has(&rule.continuation, aff.circumfix)
                    && class.apply(rule, word, full_strip, prefixed)
                {
                    emit(
                        prefixed,
                        Origin {
                            prefix: Some(prefix_flag),
                            ..Origin::default()
                        },
                    );
                }
            }
        }
    }
}
