//! A rule's regular expression: checked when its rule file is read, compiled the first time a
//! post could match it, and skipped without running on a post that lacks the text every match
//! must contain.
//!
//! Most patterns never match most posts (`\\approx`, `pic.twitter.com/`, `【1†source】`), but a
//! regular expression with no literal prefix scans every byte of every post, and compiling all
//! of them costs more than checking one post. So each pattern keeps the literal strings one of
//! which every match contains (found in its syntax tree) and searches for those first, with
//! `memchr`'s vectorised search, which is many times faster than the regex's scan.

use memchr::memmem;
use regex::Regex;
use regex_syntax::hir::{Class, Hir, HirKind};
use std::sync::OnceLock;

/// At most this many strings are searched for before a pattern runs; more cost as much as the
/// pattern's own scan (an Aho-Corasick automaton for them was measured slower than the regex).
const MAX_NEEDLES: usize = 6;

/// A regular expression from a rule file, compiled on first use.
pub struct Pattern {
    source: String,
    /// Strings one of which every match contains, if the pattern has such a small set.
    needles: Option<Vec<Vec<u8>>>,
    gate: Gate,
    /// Whether it has a group named `found`, the part of a match that is reported.
    focused: bool,
    regex: OnceLock<Regex>,
}

impl Pattern {
    /// Checks `source`'s syntax; the error is the regex crate's explanation, in one line.
    pub fn new(source: &str) -> Result<Self, String> {
        let hir = regex_syntax::ParserBuilder::new().build().parse(source).map_err(|e| {
            let text = e.to_string();
            text.lines().last().unwrap_or_default().trim_start_matches("error: ").to_owned()
        })?;
        let needles = required(&hir).map(dedup).filter(|n| n.len() <= MAX_EXACT);
        let gate = Gate::new(needles.as_deref());
        let focused = source.contains("(?P<found>") || source.contains("(?<found>");
        Ok(Self { source: source.to_owned(), needles, gate, focused, regex: OnceLock::new() })
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// Whether `text` could hold a match: false only when it lacks every string that each
    /// match contains.
    pub fn may_match(&self, text: &str) -> bool {
        self.gate.passes(text.as_bytes())
    }

    /// The compiled expression. Its syntax was checked when it was read; what can still fail
    /// is the regex crate's size limit, a rule-file mistake reported as an internal error of
    /// the post being checked.
    pub fn regex(&self) -> &Regex {
        self.regex.get_or_init(|| {
            Regex::new(&self.source)
                .unwrap_or_else(|e| panic!("the pattern `{}` cannot be compiled: {e}", self.source))
        })
    }

    /// Whether the pattern matches somewhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.may_match(text) && self.regex().is_match(text)
    }

    /// The first match in `text`.
    pub fn find<'t>(&self, text: &'t str) -> Option<regex::Match<'t>> {
        if self.may_match(text) { self.regex().find(text) } else { None }
    }

    /// The reported part of every match in `text`, left to right: its group named `found` if
    /// it has one (the rest is context, as a look-behind would be), else the whole match.
    pub fn found(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        if !self.may_match(text) {
            Vec::new()
        } else if self.focused {
            self.regex().captures_iter(text).map(|c| focus(&c)).collect()
        } else {
            self.regex().find_iter(text).map(|m| m.range()).collect()
        }
    }

    /// Every match in `text`, left to right.
    pub fn find_iter<'t>(&self, text: &'t str) -> impl Iterator<Item = regex::Match<'t>> {
        self.may_match(text).then(|| self.regex().find_iter(text)).into_iter().flatten()
    }

    /// Every match in `text` with its groups, left to right.
    pub fn captures_iter<'t>(&self, text: &'t str) -> impl Iterator<Item = regex::Captures<'t>> {
        self.may_match(text).then(|| self.regex().captures_iter(text)).into_iter().flatten()
    }
}

/// What a match reports and replaces: its group named `found` if the pattern has one, else the
/// whole match.
pub fn focus(found: &regex::Captures) -> std::ops::Range<usize> {
    found.name("found").or_else(|| found.get(0)).map_or(0..0, |m| m.range())
}

/// What a post must contain for any of `patterns` to match, searched once for all of them.
pub struct AnyGate(Gate);

impl AnyGate {
    /// The gate of the patterns together: none of them can match a text it rejects.
    pub fn new(patterns: &[&Pattern]) -> Self {
        let mut all = Vec::new();
        for pattern in patterns {
            match &pattern.needles {
                Some(needles) => all.extend(needles.iter().cloned()),
                None => return Self(Gate::Open),
            }
        }
        Self(Gate::new(Some(&dedup(all))))
    }

    /// Whether any of the patterns could match `text`.
    pub fn passes(&self, text: &str) -> bool {
        self.0.passes(text.as_bytes())
    }
}

/// A cheap test that a text may hold a match.
enum Gate {
    /// Every text may.
    Open,
    /// Only a text that contains one of these strings.
    Needles(Vec<memmem::Finder<'static>>),
    /// Only a text that contains one of these bytes (up to three, searched at once): for many
    /// needles that share their rarest byte (`\frac`, `\approx`, `\%` all hold `\`).
    Bytes(Vec<u8>),
}

impl Gate {
    fn new(needles: Option<&[Vec<u8>]>) -> Self {
        let Some(needles) = needles.filter(|n| !n.is_empty()) else { return Gate::Open };
        if needles.len() <= MAX_NEEDLES && needles.iter().all(|n| quality(n) >= 2) {
            return Gate::Needles(needles.iter().map(|n| memmem::Finder::new(n).into_owned()).collect());
        }
        let mut bytes: Vec<u8> = Vec::new();
        for needle in needles {
            let Some(&byte) = needle.iter().find(|b| is_rare(**b)) else { return Gate::Open };
            if !bytes.contains(&byte) {
                bytes.push(byte);
            }
        }
        if bytes.len() <= 3 { Gate::Bytes(bytes) } else { Gate::Open }
    }

    fn passes(&self, text: &[u8]) -> bool {
        match self {
            Gate::Open => true,
            Gate::Needles(finders) => finders.iter().any(|f| f.find(text).is_some()),
            Gate::Bytes(bytes) => match bytes[..] {
                [a] => memchr::memchr(a, text).is_some(),
                [a, b] => memchr::memchr2(a, b, text).is_some(),
                [a, b, c] => memchr::memchr3(a, b, c, text).is_some(),
                _ => true,
            },
        }
    }
}

/// An ASCII sign that prose seldom holds, so that searching for it rules out most posts.
fn is_rare(byte: u8) -> bool {
    byte.is_ascii_punctuation() && !matches!(byte, b'.' | b',' | b'\'' | b'"' | b'-' | b':' | b'!' | b'?')
}

/// How well a needle rules texts out: its length, and more for each rare sign it holds.
fn quality(needle: &[u8]) -> usize {
    needle.len() + 3 * needle.iter().filter(|b| is_rare(**b)).count()
}

fn dedup(mut needles: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
    needles.sort();
    needles.dedup();
    needles
}

/// Largest set of strings one of which is in every match, that is worth spelling out.
const MAX_EXACT: usize = 256;

/// The strings that are each a whole match of `hir`, if it matches only a few fixed strings
/// (`abc`, `[Aa]`, `(?:com|org)`).
fn exact(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    match hir.kind() {
        HirKind::Literal(literal) => Some(vec![literal.0.to_vec()]),
        HirKind::Class(Class::Unicode(class)) => {
            let count: u32 = class.ranges().iter().map(|r| r.end() as u32 - r.start() as u32 + 1).sum();
            (count <= 8).then(|| {
                class
                    .ranges()
                    .iter()
                    .flat_map(|r| r.start()..=r.end())
                    .map(|c| c.to_string().into_bytes())
                    .collect()
            })
        }
        HirKind::Class(Class::Bytes(class)) => {
            let count: u32 = class.ranges().iter().map(|r| u32::from(r.end() - r.start()) + 1).sum();
            (count <= 8)
                .then(|| class.ranges().iter().flat_map(|r| r.start()..=r.end()).map(|b| vec![b]).collect())
        }
        HirKind::Capture(capture) => exact(&capture.sub),
        HirKind::Alternation(alternatives) => {
            let mut all = Vec::new();
            for alternative in alternatives {
                all.extend(exact(alternative)?);
                if all.len() > MAX_EXACT {
                    return None;
                }
            }
            Some(all)
        }
        HirKind::Concat(parts) => {
            let mut all = vec![Vec::new()];
            for part in parts {
                let part = exact(part)?;
                if all.len() * part.len() > MAX_EXACT {
                    return None;
                }
                all = all.iter().flat_map(|a| part.iter().map(move |b| [&a[..], b].concat())).collect();
            }
            Some(all)
        }
        // An assertion matches no text: the strings around it are still in every match.
        HirKind::Look(_) => Some(vec![Vec::new()]),
        HirKind::Empty | HirKind::Repetition(_) => None,
    }
}

/// Strings one of which every match of `hir` contains, if there is such a set.
fn required(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => None,
        HirKind::Literal(_) | HirKind::Class(_) => exact(hir),
        HirKind::Capture(capture) => required(&capture.sub),
        HirKind::Repetition(repetition) if repetition.min >= 1 => required(&repetition.sub),
        HirKind::Repetition(_) => None,
        HirKind::Alternation(alternatives) => {
            let mut all = Vec::new();
            for alternative in alternatives {
                all.extend(required(alternative)?);
                if all.len() > MAX_EXACT {
                    return None;
                }
            }
            Some(all)
        }
        HirKind::Concat(parts) => {
            // The best of: each run of fixed parts spelled out, and each other part's own set.
            let mut best: Option<Vec<Vec<u8>>> = None;
            let mut consider = |candidate: Option<Vec<Vec<u8>>>| {
                let Some(candidate) = candidate.map(dedup) else { return };
                if best.as_ref().is_none_or(|b| score(&candidate) > score(b)) {
                    best = Some(candidate);
                }
            };
            let mut run: Option<Vec<Vec<u8>>> = None;
            for part in parts {
                match exact(part) {
                    Some(fixed) => {
                        run = Some(match run.take() {
                            None => fixed,
                            Some(before) if before.len() * fixed.len() <= MAX_EXACT => before
                                .iter()
                                .flat_map(|a| fixed.iter().map(move |b| [&a[..], b].concat()))
                                .collect(),
                            Some(before) => {
                                consider(Some(before));
                                fixed
                            }
                        });
                    }
                    None => {
                        consider(run.take());
                        consider(required(part));
                    }
                }
            }
            consider(run);
            best
        }
    }
}

/// How good a set of needles is: every needle worth searching for, then few enough to search
/// for one by one, then the weakest needle's quality.
fn score(needles: &[Vec<u8>]) -> (bool, bool, usize) {
    let weakest = needles.iter().map(|n| quality(n)).min().unwrap_or(0);
    (weakest >= 2, needles.len() <= MAX_NEEDLES, weakest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn needles(source: &str) -> Option<Vec<String>> {
        let pattern = Pattern::new(source).unwrap();
        pattern.needles.map(|n| n.into_iter().map(|n| String::from_utf8(n).unwrap()).collect())
    }

    #[test]
    fn needles_are_what_every_match_contains() {
        assert_eq!(needles(r"\\approx"), Some(vec![r"\approx".to_owned()]));
        assert_eq!(needles(r"(?m)^[ \t]*\$\$[ \t]*$"), Some(vec!["$$".to_owned()]));
        assert_eq!(needles(r"pic\.twitter\.com/[A-Za-z0-9]+"), Some(vec!["pic.twitter.com/".to_owned()]));
        assert_eq!(needles("[¿¡]"), Some(vec!["¡".to_owned(), "¿".to_owned()]));
        assert_eq!(needles("[Ee]xplain"), Some(vec!["Explain".to_owned(), "explain".to_owned()]));
        assert_eq!(needles(r"[0-9]+\+[0-9]+"), Some(vec!["+".to_owned()]));
        assert_eq!(needles("a|b*"), None);
        assert_eq!(needles(r"\w+"), None);
        assert_eq!(needles(r"\bETF\b"), Some(vec!["ETF".to_owned()]));
        assert_eq!(needles(r"(?:^|\s)i[ ,]").map(|n| n.len()), Some(2));
    }

    #[test]
    fn a_gated_pattern_finds_what_the_regex_finds() {
        let sources = [
            r"\\approx",
            r"(?m)^[ \t]*\$\$[ \t]*$",
            "[¿¡]",
            r"(?:com|org)\+[0-9]+",
            r"\bi[ ,]",
            r"(?:^|[^\p{L}'’])(?P<found>i(?P<rest>['’](?:m|ve)(?-u:\b)|[ ,;!?]))",
            r"(?m)^[ \t]*(?:[Ee]xplain briefly|[Aa]dd a call to action|[Ii]nsert an image|[Ww]rite a short intro)\b",
        ];
        let texts = [
            "x \\approx 3",
            "a\n $$ \nb",
            "¿Qué?",
            "site.com+12",
            "so i think, i'm sure",
            "Steemit’i and Hawaii, i",
            "nothing here",
            "Intro\n  explain briefly why\nAdd a call to action",
        ];
        for source in sources {
            let pattern = Pattern::new(source).unwrap();
            let regex = Regex::new(source).unwrap();
            for text in texts {
                let ours: Vec<_> = pattern.find_iter(text).map(|m| m.range()).collect();
                let theirs: Vec<_> = regex.find_iter(text).map(|m| m.range()).collect();
                assert_eq!(ours, theirs, "{source} on {text:?}");
            }
        }
    }

    #[test]
    fn a_union_gate_rejects_only_what_none_can_match() {
        let patterns = [Pattern::new(r"\\frac\{").unwrap(), Pattern::new(r"\$\$[^$]+\$\$").unwrap()];
        let gate = AnyGate::new(&patterns.iter().collect::<Vec<_>>());
        assert!(gate.passes("a $$x$$ b"));
        assert!(gate.passes("\\frac{1}{2}"));
        assert!(!gate.passes("plain prose, with commas: and colons."));
    }

    #[test]
    fn a_syntax_mistake_is_one_line() {
        let error = Pattern::new("(unclosed").err().unwrap();
        assert_eq!(error, "unclosed group");
    }
}
