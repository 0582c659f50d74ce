//! The affix file (`.aff`): flag syntax, affix classes and the flags that change which forms
//! are words.

use super::condition::Condition;
use super::{ErrorKind, HunspellError, decode};
use std::collections::HashMap;

/// An affix flag. One-character flags are stored as their code point, `FLAG long` pairs as
/// `first << 16 | second`, `FLAG num` flags as their number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Flag(pub u32);

impl Flag {
    /// The flag of a one-character flag syntax (`FLAG char`/`FLAG UTF-8`).
    #[must_use]
    pub fn from_char(c: char) -> Flag {
        Flag(u32::from(c))
    }

    /// The flag as a character, when it is a one-character flag.
    #[must_use]
    pub fn as_char(self) -> Option<char> {
        char::from_u32(self.0)
    }
}

/// How flags are written (`FLAG` directive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlagMode {
    /// One character per flag (the default, and `FLAG UTF-8`).
    Char,
    /// Two characters per flag (`FLAG long`).
    Long,
    /// Decimal numbers separated by commas (`FLAG num`).
    Num,
}

/// Prefix or suffix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AffixKind {
    /// `PFX`.
    Prefix,
    /// `SFX`.
    Suffix,
}

/// One affix rule: strip `strip` from the word, add `add`, when `condition` holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AffixRule {
    /// Characters removed from the word's end (suffix) or start (prefix); may be empty.
    pub strip: String,
    /// Characters added; may be empty.
    pub add: String,
    /// Continuation flags of the affixed form (`add/flags`).
    pub continuation: Vec<Flag>,
    /// What the word's end (suffix) or start (prefix) must look like.
    pub condition: Condition,
    /// The line of the rule in the affix file.
    pub line: usize,
}

/// All rules sharing one flag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AffixClass {
    /// Prefix or suffix.
    pub kind: AffixKind,
    /// The flag that names the class.
    pub flag: Flag,
    /// Whether the class combines with classes of the other kind (`Y` in the header).
    pub cross_product: bool,
    /// The rules, in file order.
    pub rules: Vec<AffixRule>,
    /// Rule indices grouped by strip string, groups in order of first appearance, so that a
    /// word is compared once with each distinct strip.
    groups: Vec<(String, Vec<usize>)>,
    /// Group indices by edge character (see `group_rules`), sorted by character.
    by_edge: Vec<(char, Vec<usize>)>,
    /// Indices of the groups with an empty strip.
    empty_strip: Vec<usize>,
}

impl AffixClass {
    /// The character a strip string is tested against first: its last (suffix) or first
    /// (prefix) character.
    fn edge(&self, text: &str) -> Option<char> {
        match self.kind {
            AffixKind::Suffix => text.chars().next_back(),
            AffixKind::Prefix => text.chars().next(),
        }
    }

    fn group_rules(&mut self) {
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        for (index, rule) in self.rules.iter().enumerate() {
            match groups.iter_mut().find(|(strip, _)| *strip == rule.strip) {
                Some((_, members)) => members.push(index),
                None => groups.push((rule.strip.clone(), vec![index])),
            }
        }
        // For each edge character, the groups a word with that edge can match: those whose
        // strip ends (starts) with it, and those with an empty strip, in group order.
        let empty: Vec<usize> = (0..groups.len())
            .filter(|&g| groups[g].0.is_empty())
            .collect();
        let mut by_edge: Vec<(char, Vec<usize>)> = Vec::new();
        for (g, (strip, _)) in groups.iter().enumerate() {
            let Some(edge) = self.edge(strip) else {
                continue;
            };
            match by_edge.iter_mut().find(|(c, _)| *c == edge) {
                Some((_, members)) => members.push(g),
                None => by_edge.push((edge, vec![g])),
            }
        }
        for (_, members) in &mut by_edge {
            members.extend_from_slice(&empty);
            members.sort_unstable();
        }
        by_edge.sort_unstable_by_key(|(c, _)| *c);
        self.groups = groups;
        self.by_edge = by_edge;
        self.empty_strip = empty;
    }

    /// The rules whose strip string `word` ends with (suffixes) or starts with (prefixes),
    /// grouped by strip string in order of first appearance; conditions not checked yet.
    pub(crate) fn candidates<'s>(&'s self, word: &'s str) -> impl Iterator<Item = &'s AffixRule> {
        let kind = self.kind;
        let groups = match self.edge(word) {
            Some(edge) => match self.by_edge.binary_search_by_key(&edge, |(c, _)| *c) {
                Ok(at) => self.by_edge.get(at).map_or(&[][..], |(_, g)| g.as_slice()),
                Err(_) => self.empty_strip.as_slice(),
            },
            None => self.empty_strip.as_slice(),
        };
        groups
            .iter()
            .filter_map(|&g| self.groups.get(g))
            .filter(move |(strip, _)| match kind {
                AffixKind::Suffix => word.ends_with(strip.as_str()),
                AffixKind::Prefix => word.starts_with(strip.as_str()),
            })
            .flat_map(|(_, members)| members.iter().filter_map(|&i| self.rules.get(i)))
    }

    fn condition_holds(&self, rule: &AffixRule, word: &str) -> bool {
        match self.kind {
            AffixKind::Suffix => rule.condition.matches_end(word),
            AffixKind::Prefix => rule.condition.matches_start(word),
        }
    }

    /// Applies `rule` (of this class) to `word`, writing the affixed form to `out`; false
    /// (with `out` unspecified) when the rule does not apply.
    pub(crate) fn apply(
        &self,
        rule: &AffixRule,
        word: &str,
        full_strip: bool,
        out: &mut String,
    ) -> bool {
        // Cheap byte test first: most rules fail it.
        let kept = match self.kind {
            AffixKind::Suffix => word.strip_suffix(rule.strip.as_str()),
            AffixKind::Prefix => word.strip_prefix(rule.strip.as_str()),
        };
        let Some(kept) = kept else {
            return false;
        };
        // The stem must keep at least one character (unless FULLSTRIP) and be as long as the
        // condition.
        if (kept.is_empty() && !full_strip) || !self.condition_holds(rule, word) {
            return false;
        }
        out.clear();
        match self.kind {
            AffixKind::Suffix => {
                out.push_str(kept);
                out.push_str(&rule.add);
            }
            AffixKind::Prefix => {
                out.push_str(&rule.add);
                out.push_str(kept);
            }
        }
        true
    }
}

/// A parsed affix file.
///
/// Directives that shape the set of words are honoured: `SET` (UTF-8 only), `FLAG`, `AF`,
/// `PFX`, `SFX` (with cross products, conditions and continuation flags), `NEEDAFFIX`
/// (and its old name `PSEUDOROOT`), `FORBIDDENWORD`, `ONLYINCOMPOUND`, `CIRCUMFIX`,
/// `FULLSTRIP` and `IGNORE`. Directives that only affect spelling suggestions, compounding
/// or input conversion (`TRY`, `MAP`, `REP`, `KEY`, `WORDCHARS`, `BREAK`, `ICONV`, `OCONV`,
/// `COMPOUND*`, …) are read past.
#[derive(Debug, Clone)]
pub struct AffixFile {
    pub(crate) name: String,
    pub(crate) flag_mode: FlagMode,
    pub(crate) aliases: Vec<Vec<Flag>>,
    pub(crate) classes: Vec<AffixClass>,
    pub(crate) class_of: HashMap<Flag, usize>,
    pub(crate) need_affix: Option<Flag>,
    pub(crate) forbidden: Option<Flag>,
    pub(crate) only_in_compound: Option<Flag>,
    pub(crate) circumfix: Option<Flag>,
    pub(crate) full_strip: bool,
    pub(crate) ignore: Vec<char>,
}

/// A class header waiting for its rules.
struct Pending {
    class: usize,
    remaining: usize,
    header_line: usize,
}

impl AffixFile {
    /// Parses an affix file. `name` (usually the file name) is used in error messages.
    ///
    /// ```
    /// use uk_text::hunspell::AffixFile;
    /// let aff = AffixFile::parse(b"SET UTF-8\nSFX A Y 1\nSFX A 0 \xd0\xb8 .\n", "t.aff").unwrap();
    /// assert_eq!(aff.classes().len(), 1);
    /// assert_eq!(aff.rule_count(), 1);
    /// ```
    pub fn parse(bytes: &[u8], name: &str) -> Result<AffixFile, HunspellError> {
        let text = decode(bytes, name)?;
        let mut aff = AffixFile {
            name: name.to_owned(),
            flag_mode: FlagMode::Char,
            aliases: Vec::new(),
            classes: Vec::new(),
            class_of: HashMap::new(),
            need_affix: None,
            forbidden: None,
            only_in_compound: None,
            circumfix: None,
            full_strip: false,
            ignore: Vec::new(),
        };
        // FLAG decides how every other flag is read; it normally comes first, but nothing
        // requires it, so find it before anything else.
        for (index, raw) in text.lines().enumerate() {
            let mut fields = raw.split_whitespace();
            if fields.next() == Some("FLAG") {
                let mode = fields.next().unwrap_or_default();
                aff.flag_mode = match mode.to_ascii_lowercase().as_str() {
                    "long" => FlagMode::Long,
                    "num" => FlagMode::Num,
                    "utf-8" | "utf8" | "char" => FlagMode::Char,
                    _ => {
                        return Err(HunspellError::new(
                            name,
                            index + 1,
                            ErrorKind::BadDirective(raw.trim().to_owned()),
                        ));
                    }
                };
            }
        }
        let mut pending: Option<Pending> = None;
        let mut alias_count: Option<(usize, usize)> = None;

        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            let err = |kind| HunspellError::new(name, line, kind);
            let trimmed = raw.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let mut fields = trimmed.split_whitespace();
            let keyword = fields.next().unwrap_or_default();

            if let Some(p) = pending.as_mut() {
                let kind = aff.classes[p.class].kind;
                let expected_kw = match kind {
                    AffixKind::Prefix => "PFX",
                    AffixKind::Suffix => "SFX",
                };
                if keyword != expected_kw {
                    return Err(err(ErrorKind::RuleCount {
                        header_line: p.header_line,
                        expected: aff.classes[p.class].rules.len() + p.remaining,
                        found: aff.classes[p.class].rules.len(),
                    }));
                }
                let rule = aff.parse_rule(fields, p.class, line)?;
                aff.classes[p.class].rules.push(rule);
                p.remaining -= 1;
                if p.remaining == 0 {
                    pending = None;
                }
                continue;
            }

            match keyword {
                "SET" => {
                    let encoding = fields.next().unwrap_or_default();
                    let normalized = encoding.to_ascii_uppercase().replace('_', "-");
                    if normalized != "UTF-8" && normalized != "UTF8" {
                        return Err(err(ErrorKind::UnsupportedEncoding(encoding.to_owned())));
                    }
                }
                "FLAG" => {}
                "AF" => {
                    let value = fields.next().unwrap_or_default();
                    match alias_count {
                        None => {
                            let count = value
                                .parse::<usize>()
                                .map_err(|_| err(ErrorKind::BadNumber(value.to_owned())))?;
                            alias_count = Some((count, 0));
                        }
                        Some((count, seen)) if seen < count => {
                            alias_count = Some((count, seen + 1));
                            let flags = aff.parse_flag_list(value).map_err(err)?;
                            aff.aliases.push(flags);
                        }
                        Some(_) => {
                            return Err(err(ErrorKind::BadDirective(trimmed.to_owned())));
                        }
                    }
                }
                "NEEDAFFIX" | "PSEUDOROOT" | "FORBIDDENWORD" | "ONLYINCOMPOUND" | "CIRCUMFIX" => {
                    let value = fields
                        .next()
                        .ok_or_else(|| err(ErrorKind::MissingField("flag")))?;
                    let flag = aff.parse_single_flag(value).map_err(err)?;
                    match keyword {
                        "NEEDAFFIX" | "PSEUDOROOT" => aff.need_affix = Some(flag),
                        "FORBIDDENWORD" => aff.forbidden = Some(flag),
                        "ONLYINCOMPOUND" => aff.only_in_compound = Some(flag),
                        _ => aff.circumfix = Some(flag),
                    }
                }
                "FULLSTRIP" => aff.full_strip = true,
                "IGNORE" => {
                    aff.ignore = fields.next().unwrap_or_default().chars().collect();
                }
                "PFX" | "SFX" => {
                    let kind = if keyword == "PFX" {
                        AffixKind::Prefix
                    } else {
                        AffixKind::Suffix
                    };
                    let flag_text = fields
                        .next()
                        .ok_or_else(|| err(ErrorKind::MissingField("flag")))?;
                    let cross = fields
                        .next()
                        .ok_or_else(|| err(ErrorKind::MissingField("cross product (Y/N)")))?;
                    let count_text = fields
                        .next()
                        .ok_or_else(|| err(ErrorKind::MissingField("rule count")))?;
                    let flag = aff.parse_single_flag(flag_text).map_err(err)?;
                    let cross_product = match cross {
                        "Y" | "y" => true,
                        "N" | "n" => false,
                        other => {
                            return Err(err(ErrorKind::BadDirective(format!(
                                "{keyword} {flag_text} {other}"
                            ))));
                        }
                    };
                    let count = count_text
                        .parse::<usize>()
                        .map_err(|_| err(ErrorKind::BadNumber(count_text.to_owned())))?;
                    let class = match aff.class_of.get(&flag) {
                        Some(&class) => {
                            if aff.classes[class].kind != kind {
                                return Err(err(ErrorKind::FlagKindClash(flag_text.to_owned())));
                            }
                            class
                        }
                        None => {
                            aff.classes.push(AffixClass {
                                kind,
                                flag,
                                cross_product,
                                rules: Vec::new(),
                                groups: Vec::new(),
                                by_edge: Vec::new(),
                                empty_strip: Vec::new(),
                            });
                            aff.class_of.insert(flag, aff.classes.len() - 1);
                            aff.classes.len() - 1
                        }
                    };
                    if count > 0 {
                        pending = Some(Pending {
                            class,
                            remaining: count,
                            header_line: line,
                        });
                    }
                }
                _ => {}
            }
        }
        if let Some(p) = pending {
            let found = aff.classes[p.class].rules.len();
            return Err(HunspellError::new(
                name,
                p.header_line,
                ErrorKind::RuleCount {
                    header_line: p.header_line,
                    expected: found + p.remaining,
                    found,
                },
            ));
        }
        let ignore = aff.ignore.clone();
        for class in &mut aff.classes {
            if !ignore.is_empty() {
                for rule in &mut class.rules {
                    rule.strip.retain(|c| !ignore.contains(&c));
                    rule.add.retain(|c| !ignore.contains(&c));
                }
            }
            class.group_rules();
        }
        Ok(aff)
    }

    fn parse_rule<'a>(
        &self,
        mut fields: impl Iterator<Item = &'a str>,
        class: usize,
        line: usize,
    ) -> Result<AffixRule, HunspellError> {
        let err = |kind| HunspellError::new(&self.name, line, kind);
        let flag_text = fields
            .next()
            .ok_or_else(|| err(ErrorKind::MissingField("flag")))?;
        let flag = self.parse_single_flag(flag_text).map_err(err)?;
        if flag != self.classes[class].flag {
            return Err(err(ErrorKind::RuleFlagMismatch(flag_text.to_owned())));
        }
        let strip = fields
            .next()
            .ok_or_else(|| err(ErrorKind::MissingField("strip")))?;
        let add_field = fields
            .next()
            .ok_or_else(|| err(ErrorKind::MissingField("affix")))?;
        let condition_text = fields.next().unwrap_or(".");
        let (add, continuation) = match add_field.split_once('/') {
            Some((add, flags)) => (add, self.resolve_flags(flags).map_err(err)?),
            None => (add_field, Vec::new()),
        };
        let zero = |s: &str| {
            if s == "0" {
                String::new()
            } else {
                s.to_owned()
            }
        };
        let condition =
            Condition::parse(condition_text).map_err(|e| err(ErrorKind::BadCondition(e.0)))?;
        Ok(AffixRule {
            strip: zero(strip),
            add: zero(add),
            continuation,
            condition,
            line,
        })
    }

    /// Parses one flag in the file's flag syntax.
    fn parse_single_flag(&self, text: &str) -> Result<Flag, ErrorKind> {
        let flags = self.parse_flag_list(text)?;
        match flags.as_slice() {
            [flag] => Ok(*flag),
            _ => Err(ErrorKind::BadFlag(text.to_owned())),
        }
    }

    /// Parses a run of flags (`abc`, `AaBb`, `1,22,333`).
    pub(crate) fn parse_flag_list(&self, text: &str) -> Result<Vec<Flag>, ErrorKind> {
        match self.flag_mode {
            FlagMode::Char => Ok(text.chars().map(Flag::from_char).collect()),
            FlagMode::Long => {
                let chars: Vec<char> = text.chars().collect();
                if !chars.len().is_multiple_of(2) {
                    return Err(ErrorKind::BadFlag(text.to_owned()));
                }
                chars
                    .chunks(2)
                    .map(|pair| match pair {
                        [a, b] if u32::from(*a) <= 0xFFFF && u32::from(*b) <= 0xFFFF => {
                            Ok(Flag(u32::from(*a) << 16 | u32::from(*b)))
                        }
                        _ => Err(ErrorKind::BadFlag(text.to_owned())),
                    })
                    .collect()
            }
            FlagMode::Num => text
                .split(',')
                .filter(|part| !part.is_empty())
                .map(|part| {
                    part.parse::<u16>()
                        .map(|n| Flag(u32::from(n)))
                        .map_err(|_| ErrorKind::BadFlag(text.to_owned()))
                })
                .collect(),
        }
    }

    /// Resolves a flag field of the dictionary or a continuation: an `AF` alias number when
    /// the file declares aliases, otherwise flags in the file's syntax.
    pub(crate) fn resolve_flags(&self, text: &str) -> Result<Vec<Flag>, ErrorKind> {
        if self.aliases.is_empty() {
            self.parse_flag_list(text)
        } else {
            self.resolve_alias(text)
        }
    }

    fn resolve_alias(&self, text: &str) -> Result<Vec<Flag>, ErrorKind> {
        let number = text
            .parse::<usize>()
            .map_err(|_| ErrorKind::BadNumber(text.to_owned()))?;
        number
            .checked_sub(1)
            .and_then(|index| self.aliases.get(index))
            .cloned()
            .ok_or(ErrorKind::UnknownAlias(number))
    }

    /// The affix classes, in file order.
    #[must_use]
    pub fn classes(&self) -> &[AffixClass] {
        &self.classes
    }

    /// The class named by `flag`, if any.
    #[must_use]
    pub fn class(&self, flag: Flag) -> Option<&AffixClass> {
        self.class_of.get(&flag).and_then(|&i| self.classes.get(i))
    }

    /// Total number of affix rules.
    #[must_use]
    pub fn rule_count(&self) -> usize {
        self.classes.iter().map(|class| class.rules.len()).sum()
    }

    /// The flag syntax.
    #[must_use]
    pub fn flag_mode(&self) -> FlagMode {
        self.flag_mode
    }

    /// The `NEEDAFFIX` flag: stems carrying it are not words by themselves.
    #[must_use]
    pub fn need_affix(&self) -> Option<Flag> {
        self.need_affix
    }

    /// The `FORBIDDENWORD` flag: stems carrying it yield no word.
    #[must_use]
    pub fn forbidden(&self) -> Option<Flag> {
        self.forbidden
    }

    /// Characters removed from stems and affixes (`IGNORE`).
    #[must_use]
    pub fn ignored_chars(&self) -> &[char] {
        &self.ignore
    }
}
