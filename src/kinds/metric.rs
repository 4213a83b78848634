//! `metric` — the length of a post and of its paragraphs, in characters.
//!
//! One `check` per rule:
//! - `min-chars` (with `min`): a post shorter than `min` characters of prose (hashtags
//!   included), reported at its first word;
//! - `max-chars` (with `max`): a post longer than `max`, reported where it passes the limit;
//! - `paragraph-chars` (with `max`): a paragraph longer than `max`, reported at its first
//!   word. A plain-text post's lines are its paragraphs (platforms show each line break); a
//!   Markdown post's paragraphs are separated by blank lines, except that a line over 160
//!   characters is one of its own (Hive and Steemit writers end paragraphs with a line break;
//!   text wrapped by hand has short lines), and a list item, a heading, a quotation or a line
//!   after one that ends a sentence or ends in a colon (`Example:`) starts one.
//!
//! Characters are counted as a reader sees them: a run of spaces or line breaks between words
//! is one, a Chinese, Japanese or Korean character is two, and Markdown syntax is not counted.
//! No fix: only the writer can shorten a post.

use super::{Check, Compiled, Context, Finding};
use crate::document::Document;
use crate::error::ConfigError;
use crate::rule_file::RawRule;
use std::ops::Range;

enum Metric {
    Min(usize),
    Max(usize),
    Paragraph(usize),
}

pub fn compile(rule: &mut RawRule, cx: &Context) -> Result<Compiled, ConfigError> {
    let metric = match cx.check_name(rule, &["min-chars", "max-chars", "paragraph-chars"])? {
        "min-chars" => Metric::Min(cx.required(rule.min.take(), "min")?.into_inner()),
        "max-chars" => Metric::Max(cx.required(rule.max.take(), "max")?.into_inner()),
        _ => Metric::Paragraph(cx.required(rule.max.take(), "max")?.into_inner()),
    };
    Ok(Compiled { check: Box::new(metric), vars: &["found", "count", "limit", "weighting"] })
}

/// Characters as a reader sees them: a run of whitespace (or of blanked Markdown syntax)
/// between words counts as one space, and none at the ends; a Chinese, Japanese or Korean
/// character counts as two, as platforms weigh them.
fn count(text: &str) -> usize {
    count_up_to(text, usize::MAX)
}

/// `count`, stopping once it reaches `limit`.
fn count_up_to(text: &str, limit: usize) -> usize {
    let mut n = 0;
    let mut gap = false;
    let mut bytes = text.trim().as_bytes().iter().enumerate();
    let trimmed = text.trim();
    while let Some((i, &b)) = bytes.next() {
        // ASCII bytes are read as they are; only other characters are decoded.
        let (space, w) = if b < 0x80 {
            (b.is_ascii_whitespace(), 1)
        } else {
            let c = trimmed[i..].chars().next().unwrap_or(' ');
            for _ in 1..c.len_utf8() {
                bytes.next();
            }
            (c.is_whitespace(), weight(c))
        };
        if space {
            gap = true;
        } else {
            n += w + usize::from(gap);
            gap = false;
            if n >= limit {
                break;
            }
        }
    }
    n
}

fn weight(c: char) -> usize {
    match c as u32 {
        0x1100..=0x11FF
        | 0x3040..=0x30FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF => 2,
        _ => 1,
    }
}

impl Check for Metric {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        match *self {
            Metric::Min(min) => {
                let n = count_up_to(&doc.prose, min);
                let first = doc.lines().find(|l| !doc.is_blank(l.clone())).unwrap_or(0..0);
                if n < min && n > 0 {
                    let at = doc.first_word(first);
                    out.push(measured(at, n, min, &doc.prose));
                }
            }
            // A character weighs at most as many bytes as it has: short texts need no count.
            Metric::Max(max) if doc.prose.len() <= max => {}
            Metric::Max(max) => {
                let mut n = 0;
                let mut gap = false;
                for (i, c) in doc.prose.trim_start().char_indices() {
                    if c.is_whitespace() {
                        gap = true;
                        continue;
                    }
                    n += weight(c) + usize::from(gap);
                    gap = false;
                    if n > max {
                        let i = i + (doc.prose.len() - doc.prose.trim_start().len());
                        let total = count(&doc.prose);
                        out.push(measured(i..i + c.len_utf8(), total, max, &doc.prose));
                        break;
                    }
                }
            }
            Metric::Paragraph(max) => {
                for paragraph in paragraphs(doc).into_iter().filter(|p| p.len() > max) {
                    let n = count(&doc.prose[paragraph.clone()]);
                    if n > max {
                        let at = doc.first_word(paragraph.clone());
                        out.push(measured(at, n, max, &doc.prose[paragraph]));
                    }
                }
            }
        }
    }
}

/// The finding at `at` for `text`, counted `count` against `limit`; `weighting` says how
/// Chinese, Japanese and Korean characters were counted, if `text` has any (a 20-character
/// Chinese post counts 40).
fn measured(at: Range<usize>, count: usize, limit: usize, text: &str) -> Finding {
    let weighted = text.chars().any(|c| weight(c) == 2);
    let weighting = if weighted { ", each Chinese, Japanese or Korean one counted as two" } else { "" };
    Finding::at(at)
        .var("count", count.to_string())
        .var("limit", limit.to_string())
        .var("weighting", weighting)
}

/// Whether a line of Markdown source starts a list item, a heading or a quotation, which
/// begins a block of its own even without a blank line before it.
fn starts_item(source_line: &str) -> bool {
    let line = source_line.trim_start();
    line.starts_with(['#', '>'])
        || crate::words::list_marker_len(line).is_some_and(|marker| line[marker..].starts_with(' '))
}

/// The post's paragraphs: lines of plain text; blank-line-separated blocks of Markdown whose
/// lines are wrapped, each at most `WRAPPED` characters. A longer line in Markdown is a
/// paragraph of its own, as Hive and Steemit show it: writers there end paragraphs with one
/// line break.
fn paragraphs(doc: &Document) -> Vec<Range<usize>> {
    const WRAPPED: usize = 160;
    let mut paragraphs: Vec<Range<usize>> = Vec::new();
    // Whether the line before was a wrapped line of Markdown, which the next one may continue.
    let mut continues = false;
    for line in doc.lines() {
        let text = &doc.prose[line.clone()];
        let blank = doc.is_blank(line.clone());
        let wrapped = doc.source.is_markdown() && !blank && text.chars().nth(WRAPPED).is_none();
        let start = line.start + (text.len() - text.trim_start().len());
        match paragraphs.last_mut() {
            _ if blank => {}
            Some(last) if continues && wrapped && !starts_item(&doc.text()[line.clone()]) => {
                last.end = line.end
            }
            _ => paragraphs.push(start..line.end),
        }
        // A line that ends a sentence ends the paragraph (Hive and Steemit show the line break:
        // writers put one sentence on each line), and one that ends in a colon introduces what
        // follows (`Example:`, `Vantaggi:`); text wrapped by hand breaks inside sentences.
        continues = wrapped && !text.trim_end().ends_with([':', '.', '!', '?', '…', '。', '！', '？']);
    }
    paragraphs
}
