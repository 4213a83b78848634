//! `require` — the post must say something: one of the listed phrases or patterns, or a
//! negation near its subject.
//!
//! **What it catches:** a post without something every such post needs, such as a financial
//! disclaimer. **Example:** `any = ["NFA"]`, with `negations = { en = ["not"] }` and
//! `subjects = { en = ["financial advice"] }`, is met by `NFA`, `Not financial advice` and
//! `should not be considered financial advice` (a negation at most `within` words, default 4,
//! from a subject, in one sentence), and fires on a post that says none of them. Phrase lists
//! may be keyed by language (`all` for every language); a phrase counts only in text of its
//! language, or where the language cannot be told.
//! **When:** with `when` (phrases) and `signals` (regular expressions), only posts that say at
//! least `min` (default 1) different ones, one of them a signal if there are `signals`, must
//! meet it: a post about prices and targets needs a disclaimer, a security how-to or a
//! glossary of indicators with no number does not. With `topics`, only posts that also name one of
//! them, a cashtag or a trading pair (the assets a call is about: Bitcoin, `$SOL`, `BTT/KRW`,
//! `SOLUSDT`) do: a glossary of trading
//! terms does not; with `topics` alone, every post that names them `min` times must meet it
//! (reported at the first one named). Each phrase of `against` found cancels one of them, and
//! what a line or sentence opened by one of them says does not count: reported views
//! (`analysts expect`, `según`) and worked examples (`for example`) are not the writer's calls,
//! and a how-to that picks `BTC/USDT` as an example is not about Bitcoin. **Where:** at the first trigger; a rule that
//! appends text reports at the first word of the post's last non-blank line.
//! **Fix:** with `append = { en = "Not financial advice.", it = "Non è un consiglio finanziario." }`,
//! the text in the post's language (`zh-Hant` for Chinese in traditional characters; none if it
//! cannot be told, or has no text) as a line of its
//! own after the last line of prose (before it if it holds only hashtags); after a blank line if
//! the post separates paragraphs with blank lines. Line endings and a missing final newline are
//! kept. Phrases match case-insensitively, whole words only, with any whitespace between words
//! and either apostrophe (`'` or `’`); `patterns` are regular expressions over the prose.

use super::hashtags::is_hashtag_line;
use super::{Check, Compiled, Context, Finding, compile_phrases, read_patterns};
use crate::diagnostic::Edit;
use crate::document::Document;
use crate::error::ConfigError;
use crate::pattern::Pattern;
use crate::phrases::Phrases;
use crate::rule_file::RawRule;
use std::collections::BTreeMap;
use std::ops::Range;
use toml::Spanned;

struct Require {
    phrases: Phrases,
    patterns: Vec<Pattern>,
    /// A negation near a subject also meets the requirement: “not … financial advice”.
    denials: Option<Denials>,
    /// Text to append, by language code.
    append: BTreeMap<String, String>,
    /// Phrases and patterns that make the requirement apply, and how many different ones must
    /// occur; without them it always applies.
    when: Option<When>,
}

struct Denials {
    negations: Phrases,
    subjects: Phrases,
    /// How many words may stand between them.
    within: usize,
}

struct When {
    phrases: Phrases,
    signals: Vec<Pattern>,
    min: usize,
    /// Phrases one of which the post must name (`topics`), if given.
    topics: Option<Phrases>,
    /// Phrases each of which cancels one of the phrases and signals found (`against`).
    against: Phrases,
}

pub fn compile(rule: &mut RawRule, cx: &Context) -> Result<Compiled, ConfigError> {
    let phrases = compile_phrases(&rule.any.take(), cx)?;
    let patterns = read_patterns(rule.patterns.take(), cx)?;
    let (negations, subjects) = (rule.negations.take(), rule.subjects.take());
    let within = rule.within.take().map_or(4, Spanned::into_inner);
    let denials = match (&negations, &subjects) {
        (None, None) => None,
        (Some(_), Some(_)) => Some(Denials {
            negations: compile_phrases(&negations, cx)?,
            subjects: compile_phrases(&subjects, cx)?,
            within,
        }),
        (Some(one), None) | (None, Some(one)) => {
            return Err(cx.error(one.span(), "`negations` and `subjects` go together: give both"));
        }
    };
    if phrases.is_empty() && patterns.is_empty() && denials.is_none() {
        return Err(
            cx.error(cx.kind.span(), "kind `require` needs a non-empty `any`, `patterns` or `negations`")
        );
    }
    let append = rule.append.take().map(Spanned::into_inner).unwrap_or_default();
    let when_phrases = rule.when.take();
    let signals = read_patterns(rule.signals.take(), cx)?;
    let min = rule.min.take().map_or(1, Spanned::into_inner).max(1);
    let topics = rule.topics.take();
    let topics = topics.is_some().then(|| compile_phrases(&topics, cx)).transpose()?;
    let against = rule.against.take();
    if let Some(against) = &against
        && when_phrases.is_none()
        && signals.is_empty()
        && topics.is_none()
    {
        return Err(cx.error(
            against.span(),
            "`against` cancels `when` phrases, `signals` or `topics`: give one of them",
        ));
    }
    let when = (when_phrases.is_some() || !signals.is_empty() || topics.is_some())
        .then(|| {
            let phrases = compile_phrases(&when_phrases, cx)?;
            Ok::<_, ConfigError>(When {
                phrases,
                signals,
                min,
                topics,
                against: compile_phrases(&against, cx)?,
            })
        })
        .transpose()?;
    let check = Require { phrases, patterns, denials, append, when };
    Ok(Compiled { check: Box::new(check), vars: &["found", "suggestion"] })
}

impl Check for Require {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        if self.is_met(doc) {
            return;
        }
        let trigger = match &self.when {
            Some(when) => match when.trigger(doc) {
                Some(trigger) => Some(trigger),
                None => return,
            },
            None => None,
        };
        let last = doc.lines().rfind(|line| !doc.is_blank(line.clone()));
        // The post's language; for a post too short to tell, its last line's.
        let language = doc.language().or_else(|| last.as_ref().and_then(|l| doc.language_at(l.start)));
        // Chinese written in traditional characters gets the `zh-Hant` text, if there is one.
        let traditional = language == Some("zh") && crate::lang::is_traditional_chinese(&doc.prose);
        let text = (traditional.then(|| self.append.get("zh-Hant")).flatten())
            .or_else(|| language.and_then(|language| self.append.get(language)));
        // A rule that appends text reports where the text would go; else at what triggered it.
        let mut finding = match (trigger, self.append.is_empty()) {
            (Some(trigger), true) => Finding::at(trigger),
            _ => Finding::at(last.clone().map_or(0..0, |line| doc.first_word(line))),
        };
        // The wording offered is the post's language's, else English's.
        let suggestion = text.or_else(|| self.append.get("en")).cloned().unwrap_or_default();
        finding = finding.var("suggestion", suggestion);
        if let (Some(text), Some(last)) = (text, last) {
            finding = finding.fix(format!("add “{text}”"), vec![append(doc, last, text)]);
        }
        out.push(finding);
    }
}

impl Require {
    /// Whether the post already has what is required.
    fn is_met(&self, doc: &Document) -> bool {
        self.phrases.find_all(doc).next().is_some()
            || self.patterns.iter().any(|p| p.is_match(doc))
            || self.denials.as_ref().is_some_and(|d| d.any_in(doc))
    }
}

impl Denials {
    /// Whether a negation stands within `within` words of a subject, in one sentence.
    fn any_in(&self, doc: &Document) -> bool {
        let subjects: Vec<(usize, usize)> =
            self.subjects.find_all(doc).map(|m| (doc.token_at(m.range.start), m.next_token)).collect();
        if subjects.is_empty() {
            return false;
        }
        self.negations.find_all(doc).any(|negation| {
            let (start, end) = (doc.token_at(negation.range.start), negation.next_token);
            subjects.iter().any(|&(s_start, s_end)| {
                let (gap_start, gap_end) = if s_start >= end { (end, s_start) } else { (s_end, start) };
                gap_end >= gap_start
                    && gap_end - gap_start <= self.within
                    && !doc.tokens[gap_start..gap_end]
                        .iter()
                        .any(|t| is_sentence_end(&doc.prose[t.range.clone()]))
            })
        })
    }
}

/// Whether a token ends a sentence.
fn is_sentence_end(token: &str) -> bool {
    matches!(token, "." | "!" | "?" | "。" | "！" | "？")
}

impl When {
    /// Where the requirement starts to apply: the first of `min` different phrases or signals,
    /// if that many occur once each `against` phrase found has cancelled one.
    fn trigger(&self, doc: &Document) -> Option<Range<usize>> {
        // A cashtag in capitals (`$SOL`) names an asset whatever the list says.
        let cashtag = || {
            super::cashtags::find_cashtags(&doc.prose)
                .into_iter()
                .any(|tag| doc.prose[tag.start + 1..tag.end].bytes().all(|b| b.is_ascii_uppercase()))
        };
        if self.topics.as_ref().is_some_and(|topics| topics.find_all(doc).next().is_none())
            && !cashtag()
            && !names_trading_pair(&doc.prose)
        {
            return None;
        }
        // A number in a worked example or a reported view (a sentence or line that opens
        // with `Example:`, `For example`, `According to`) is not the writer's call.
        // (Where each `against` phrase starts, found once, in order.)
        let leads = std::cell::OnceCell::new();
        let leads = || -> &Vec<usize> {
            leads.get_or_init(|| self.against.find_all(doc).map(|m| m.range.start).collect())
        };
        let in_example = |offset: usize| {
            !leads().is_empty()
                && (line_and_sentence_start(doc, offset)
                    .iter()
                    .any(|start| leads().binary_search(start).is_ok())
                    || in_example_block(doc, offset, leads()))
        };
        // With only `topics`, naming them `min` times outside examples, once each `against`
        // phrase has cancelled one, is enough: a post about a coin should tag it, a how-to
        // that names one in passing or in its examples need not.
        if self.phrases.is_empty() && self.signals.is_empty() {
            let topics = self.topics.as_ref()?;
            let mut named = topics.find_all(doc).filter(|m| !in_example(m.range.start));
            let first = named.next()?;
            let against = leads().len();
            return (1 + named.take(self.min + against).count() >= self.min + against).then_some(first.range);
        }
        let mut seen: Vec<usize> = Vec::new();
        let mut first: Option<Range<usize>> = None;
        let mut note = |kind: usize, range: Range<usize>| {
            if !seen.contains(&kind) {
                seen.push(kind);
            }
            if first.as_ref().is_none_or(|f| range.start < f.start) {
                first = Some(range);
            }
        };
        // A hashtag is a topic, not a call: a how-to tagged #TakeProfit #StopLoss names no level.
        for found in self.phrases.find_all(doc).filter(|found| !doc.in_hashtag(found.range.start)) {
            note(found.phrase, found.range);
        }
        let mut signalled = self.signals.is_empty();
        for (i, signal) in self.signals.iter().enumerate() {
            let Some(found) = signal.find(doc) else { continue };
            let call = if in_example(found.start()) {
                signal.found(doc).into_iter().find(|range| !in_example(range.start))
            } else {
                Some(found.range())
            };
            if let Some(range) = call {
                note(usize::MAX - i, range);
                signalled = true;
            }
        }
        // A call names a number (a price, a target, a change); words alone are a glossary.
        if seen.len() < self.min || !signalled {
            return None;
        }
        // Views reported from others (`analysts expect`) and worked examples (`for example`) are
        // not the writer's calls: each one cancels one of those found (a how-to that gives three
        // examples cancels three).
        (seen.len().saturating_sub(leads().len()) >= self.min).then_some(first).flatten()
    }
}

/// The first words of the line and of the sentence that hold `offset`: a sentence starts after
/// the last `.`, `?` or `!` on its line before `offset`.
fn line_and_sentence_start(doc: &Document, offset: usize) -> [usize; 2] {
    let line = doc.source.line_range(doc.source.line_index(offset));
    let (first, at) = (doc.token_at(line.start), doc.token_at(offset));
    let first_word_from = |from: usize| {
        let word = doc.tokens[from..at].iter().find(|t| t.is_word);
        word.map_or(offset, |t| t.range.start)
    };
    let ends = doc.tokens[first..at]
        .iter()
        .rposition(|t| !t.is_word && is_sentence_end(&doc.prose[t.range.clone()]));
    [first_word_from(first), first_word_from(ends.map_or(first, |i| first + i + 1))]
}

/// Whether `offset` is in the lines under a lead that ends in a colon and holds one of `leads`
/// (offsets, in order: `Example:`, `📊 Sample trade setup:`, `Ecco un formato di segnale di
/// esempio:`): the entry, target and stop listed under it are the example's. The block is the
/// next eight lines with text, up to a line that ends in a colon or a question mark (another
/// section).
fn in_example_block(doc: &Document, offset: usize, leads: &[usize]) -> bool {
    const BLOCK: usize = 8;
    let mut index = doc.source.line_index(offset);
    let mut lines_with_text = 0;
    while index > 0 && lines_with_text < BLOCK {
        index -= 1;
        let line = doc.source.line_range(index);
        let text = doc.prose[line.clone()].trim_end();
        if text.trim_start().is_empty() {
            continue;
        }
        lines_with_text += 1;
        if text.ends_with(':') {
            return leads
                .get(leads.partition_point(|&lead| lead < line.start))
                .is_some_and(|&lead| lead < line.end);
        }
        if text.ends_with('?') {
            return false;
        }
    }
    false
}

/// Whether `prose` names a trading pair (`BTT/KRW`, `ETH/BTC`, `SOLUSDT`): an asset quoted in
/// another, whatever the topic list holds.
fn names_trading_pair(prose: &str) -> bool {
    const QUOTES: [&str; 10] = ["USDT", "USDC", "FDUSD", "USD", "KRW", "BTC", "ETH", "EUR", "TRY", "JPY"];
    let bytes = prose.as_bytes();
    let is_upper = |b: &u8| b.is_ascii_uppercase();
    let ticker_before = |end: usize| {
        let start = bytes[..end].iter().rposition(|b| !is_upper(b)).map_or(0, |p| p + 1);
        (2..=6).contains(&(end - start)) && bytes[..start].last().is_none_or(|b| !b.is_ascii_alphanumeric())
    };
    let quote_at = |at: usize| {
        QUOTES.iter().any(|q| {
            prose[at..].starts_with(q) && bytes.get(at + q.len()).is_none_or(|b| !b.is_ascii_alphanumeric())
        })
    };
    memchr::memchr_iter(b'/', bytes).any(|slash| slash > 0 && ticker_before(slash) && quote_at(slash + 1))
        || memchr::memmem::find_iter(bytes, b"USDT")
            .any(|at| ticker_before(at) && bytes.get(at + 4).is_none_or(|b| !b.is_ascii_alphanumeric()))
}

/// The edit that adds `text` as a line of its own after `last`, the post's last line with prose
/// (before it if it holds only hashtags). What follows that line in the source (a code block, a
/// comment) stays after the new line, so the new line is prose too.
fn append(doc: &Document, last: Range<usize>, text: &str) -> Edit {
    let newline = doc.source.line_ending();
    let gap = if doc.text().contains(&format!("{newline}{newline}")) { newline } else { "" };
    let full = doc.source.full_line_range(doc.source.line_index(last.start));
    if is_hashtag_line(&doc.prose[last.clone()]) {
        Edit::insert(last.start, format!("{text}{newline}{gap}"))
    } else if doc.text()[..full.end].ends_with('\n') {
        Edit::insert(full.end, format!("{gap}{text}{newline}"))
    } else {
        Edit::insert(full.end, format!("{newline}{gap}{text}"))
    }
}
