//! `hashtags` — how many hashtags a post has, where they stand, and campaign tag spelling.
//!
//! A hashtag is `#` followed by letters, digits, `_` or combining marks, with at least one
//! letter (a tag of small letters may join words with hyphens, as Hive's do: `#stem-espanol`), not glued to a word before it (`C#`, `&#39;` and URL fragments are not hashtags).
//! One `check` per rule:
//! - `count`: more than `max` hashtags; reported at the first one over the limit. No fix.
//! - `placement`: hashtags belong in one block at the end. Hashtags separated only by
//!   whitespace form a block; every block but the last is reported at its first hashtag, unless
//!   it is a word of a sentence (one tag with text on its line: a topic tag), stands in a
//!   quotation (a quoted tweet, a Markdown block quote), or opens the post before any text (a
//!   campaign's tag on top, as Binance Square campaign posts start).
//!   **Fix:** move the earlier blocks' hashtags to the start of the last block, in order, none
//!   dropped (a tag the last block already has is not repeated); a block inside a sentence
//!   leaves its words behind without the `#`. The one fix comes with the first block's report.
//! - `campaign`: a variant of a `canonical` campaign tag — another case, `to` for `2`, `_` or
//!   `-` inside, or one typo away in a tag of 8 or more characters (`#writetoearn`,
//!   `#Write2Ern` → `#Write2Earn`). **Fix:** the canonical tag.
//! - `duplicate`: the same tag again among tags, in any case (`#BTC … #btc`), reported at the
//!   repeat; a repeat that is a word of a sentence (`… on the #Stem`, `use #PT for…`) is the tag
//!   named in prose and never fires. **Fix:** remove the repeat and one space beside it.
//! - `after-final` (with `any`): one of the phrases stands after the final hashtag block, where
//!   readers stop reading (a disclaimer belongs before the tags). No fix.
//! - `malformed`: a tag the platform will cut short: `# Bitcoin` among hashtags (not at a line
//!   start, where it is a heading, nor a heading pasted after text: `$BTC # Lessons Learned`)
//!   or `#Bit-Coin`, `#Web3.0` (a hyphen, dot or apostrophe inside; a hyphen in a tag of small
//!   letters, `#stem-espanol` or `#Stem-espanol`, is Hive's style and part of the tag).
//!   **Fix:** drop the space or the mark.

use super::{Check, Compiled, Context, Finding};
use crate::diagnostic::Edit;
use crate::document::Document;
use crate::error::ConfigError;
use crate::phrases::Phrases;
use crate::rule_file::RawRule;
use crate::words::{is_mark, one_edit_apart};
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

enum Hashtags {
    Count { max: usize },
    Placement,
    Campaign { canonical: Vec<(String, String)> },
    Duplicate,
    Malformed,
    AfterFinal { phrases: Box<Phrases> },
}

pub fn compile(rule: &mut RawRule, cx: &Context) -> Result<Compiled, ConfigError> {
    let checks = ["count", "placement", "campaign", "duplicate", "malformed", "after-final"];
    let compiled: (Hashtags, &'static [&'static str]) = match cx.check_name(rule, &checks)? {
        "count" => {
            let max = cx.required(rule.max.take(), "max")?.into_inner();
            (Hashtags::Count { max }, &["found", "count", "max"])
        }
        "placement" => (Hashtags::Placement, &["found"]),
        "duplicate" => (Hashtags::Duplicate, &["found", "first"]),
        "malformed" => (Hashtags::Malformed, &["found", "replacement"]),
        "after-final" => {
            let any = Some(cx.required(rule.any.take(), "any")?);
            let phrases = Box::new(super::compile_phrases(&any, cx)?);
            (Hashtags::AfterFinal { phrases }, &["found"])
        }
        _ => {
            let canonical = cx.required(rule.canonical.take(), "canonical")?;
            let mut tags = Vec::new();
            for tag in canonical.as_ref() {
                let name = tag.strip_prefix('#').unwrap_or(tag);
                if hashtag_len(name) != name.len() || name.is_empty() {
                    return Err(cx.error(canonical.span(), format!("“{tag}” is not a hashtag")));
                }
                tags.push((format!("#{name}"), normalize(name)));
            }
            (Hashtags::Campaign { canonical: tags }, &["found", "canonical"])
        }
    };
    Ok(Compiled { check: Box::new(compiled.0), vars: compiled.1 })
}

impl Check for Hashtags {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let tags = doc.hashtags();
        match self {
            Self::Count { max } => {
                if let Some(first_over) = tags.get(*max) {
                    out.push(
                        Finding::at(first_over.clone())
                            .var("count", tags.len().to_string())
                            .var("max", max.to_string()),
                    );
                }
            }
            Self::Placement => {
                // Tags used as words in a sentence, and those of a quotation (a quoted tweet),
                // are where the writer meant them.
                let mut blocks = blocks(doc, tags);
                let last = blocks.pop();
                // Tags on the final block's line are at the end with it: `#BTCPriceAnalysis
                // #BitcoinPricePrediction : What next for Bitcoin? #BTC #Bitcoin2025`.
                let final_line = last.as_ref().map(|block| doc.source.line_index(block[0].start));
                // Tags that open the post, before any text, head it: Binance Square campaign
                // posts start with the campaign's tag.
                blocks.retain(|block| {
                    stands_alone(doc, block)
                        && !doc.is_blank(0..block[0].start)
                        && !doc.is_quoted(block[0].start)
                        && Some(doc.source.line_index(block[0].start)) != final_line
                });
                blocks.extend(last);
                if let Some((last, earlier)) = blocks.split_last()
                    && !earlier.is_empty()
                {
                    // One fix moves every block; it goes with the first block's report, so that
                    // a post with a tag in every paragraph does not carry it once per tag.
                    let mut edits = Some(move_to_final(doc, earlier, last));
                    for block in earlier {
                        let finding = Finding::at(block[0].clone());
                        out.push(match edits.take() {
                            Some(edits) => finding.fix("move the hashtags to the final block", edits),
                            None => finding,
                        });
                    }
                }
            }
            Self::Duplicate => {
                let mut seen: FxHashMap<String, &Range<usize>> = FxHashMap::default();
                for tag in tags {
                    let name = doc.prose[tag.clone()].to_lowercase();
                    match seen.get(&name) {
                        // A repeat that is a word of a sentence is the tag named again in
                        // prose (`use #PT for…`), not tagged twice.
                        Some(first)
                            if stands_alone(doc, std::slice::from_ref(tag)) || in_tag_run(doc, tag) =>
                        {
                            let removal = with_one_space(doc, tag.clone());
                            out.push(
                                Finding::at(tag.clone())
                                    .var("first", &doc.prose[(*first).clone()])
                                    .fix("remove the repeated hashtag", vec![Edit::delete(removal)]),
                            );
                        }
                        Some(_) => {}
                        None => {
                            seen.insert(name, tag);
                        }
                    }
                }
            }
            Self::Malformed => malformed(doc, out),
            Self::AfterFinal { phrases } => {
                let Some(last) = blocks(doc, tags).pop() else { return };
                let end = last[last.len() - 1].end;
                out.extend(
                    phrases
                        .find_all(doc)
                        .filter(|p| p.range.start >= end)
                        .map(|p| Finding::at(p.range))
                        .take(1),
                );
            }
            Self::Campaign { canonical } => {
                for tag in tags {
                    let written = &doc.prose[tag.clone()];
                    let key = normalize(&written[1..]);
                    let variant = canonical.iter().find(|(canon, canon_key)| {
                        written != canon
                            && (key == *canon_key
                                || (key.chars().count() >= 8 && one_edit_apart(&key, canon_key)))
                    });
                    if let Some((canon, _)) = variant {
                        out.push(
                            Finding::at(tag.clone()).var("canonical", canon).fix(
                                format!("replace with “{canon}”"),
                                vec![Edit::replace(tag.clone(), canon)],
                            ),
                        );
                    }
                }
            }
        }
    }
}

/// Whether the hashtags of `block` are a block of tags rather than words of a sentence: two or
/// more in a row, or alone on their line.
fn stands_alone(doc: &Document, block: &[Range<usize>]) -> bool {
    let (start, end) = (block[0].start, block[block.len() - 1].end);
    let line = doc.source.line_range(doc.source.line_index(start));
    block.len() >= 2 || (doc.is_blank(line.start..start) && doc.is_blank(end..line.end.max(end)))
}

/// Whether `tag` stands next to another hashtag on its line, with only spaces between them.
fn in_tag_run(doc: &Document, tag: &Range<usize>) -> bool {
    let tags = doc.hashtags();
    let i = tags.partition_point(|t| t.start < tag.start);
    let spaces = |gap: Range<usize>| doc.prose[gap].bytes().all(|b| b == b' ' || b == b'\t');
    let before = i.checked_sub(1).and_then(|j| tags.get(j)).is_some_and(|t| spaces(t.end..tag.start));
    let after = tags.get(i + 1).is_some_and(|t| spaces(tag.end..t.start));
    before || after
}

/// `tag`'s range widened by the spaces before it on its line (or after it, when it starts the
/// line), so that removing it leaves one space between its neighbours.
fn with_one_space(doc: &Document, tag: Range<usize>) -> Range<usize> {
    let prose = &doc.prose;
    let before = prose[..tag.start].trim_end_matches([' ', '\t']).len();
    if before < tag.start && !prose[..before].ends_with('\n') && before > 0 {
        before..tag.end
    } else {
        tag.start..tag.end + (prose[tag.end..].len() - prose[tag.end..].trim_start_matches([' ', '\t']).len())
    }
}

/// Hashtags that a platform will cut short: `# Bitcoin` (a space after `#`, inside a line) and
/// `#Bit-coin` / `#Web3.0` (a hyphen or dot between letters or digits).
fn malformed(doc: &Document, out: &mut Vec<Finding>) {
    let prose = &doc.prose;
    // `#` is found with memchr, then the space checked: a two-byte search is much slower.
    for i in
        memchr::memchr_iter(b'#', prose.as_bytes()).filter(|&i| prose.as_bytes().get(i + 1) == Some(&b' '))
    {
        let line_start = prose[..i].rfind('\n').map_or(0, |n| n + 1);
        let glued = prose[..i].chars().next_back().is_some_and(|c| !c.is_whitespace());
        let name = hashtag_len(&prose[i + 2..]);
        let word = &prose[i + 2..i + 2 + name];
        if glued || prose[line_start..i].trim().is_empty() || !word.starts_with(char::is_alphabetic) {
            continue;
        }
        // Among hashtags (`#BTC # Bitcoin`, `# Bitcoin #ETH`, or last on its line), not a
        // Markdown heading pasted after text (`$BTC # Lessons Learned in 2024`).
        let line_end = prose[i..].find('\n').map_or(prose.len(), |n| i + n);
        let after = prose[i + 2 + name..line_end].trim_start();
        let before = prose[line_start..i].trim_end();
        let among_tags = after.is_empty()
            || after.starts_with('#')
            || before.rsplit(char::is_whitespace).next().is_some_and(|w| w.starts_with('#'));
        if !among_tags {
            continue;
        }
        let range = i..i + 2 + name;
        let replacement = format!("#{word}");
        out.push(
            Finding::at(range.clone())
                .var("replacement", &replacement)
                .fix(format!("write “{replacement}”"), vec![Edit::delete(i + 1..i + 2)]),
        );
    }
    for tag in doc.hashtags() {
        let rest = &prose[tag.end..];
        let mut chars = rest.chars();
        let (Some(mark @ ('-' | '.')), Some(next)) = (chars.next(), chars.next()) else { continue };
        if !next.is_alphanumeric() {
            continue;
        }
        let tail = hashtag_len(&rest[mark.len_utf8()..]);
        let range = tag.start..tag.end + mark.len_utf8() + tail;
        let replacement =
            format!("{}{}", &prose[tag.clone()], &rest[mark.len_utf8()..mark.len_utf8() + tail]);
        out.push(
            Finding::at(range).var("replacement", &replacement).fix(
                format!("write “{replacement}”"),
                vec![Edit::delete(tag.end..tag.end + mark.len_utf8())],
            ),
        );
    }
}

/// The byte ranges of the hashtags in `prose`, `#` included.
pub fn find_hashtags(prose: &str) -> Vec<Range<usize>> {
    let mut tags = Vec::new();
    for i in memchr::memchr_iter(b'#', prose.as_bytes()) {
        let glued = prose[..i]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '&' || c == '#' || c == '_');
        let mut len = hashtag_len(&prose[i + 1..]);
        // Hive's tags are small letters joined by hyphens (`#stem-espanol`, or `#Stem-espanol`
        // with the first capitalised, which Hive links the same): one tag.
        let first = &prose[i + 1..i + 1 + len];
        let capital_first_only = first.chars().skip(1).all(|c| !c.is_uppercase());
        while capital_first_only
            && prose[i + 1 + len..].starts_with('-')
            && prose[i + 2 + len..].starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
        {
            let more = hashtag_len(&prose[i + 2 + len..]);
            if prose[i + 2 + len..i + 2 + len + more].chars().any(char::is_uppercase) {
                break;
            }
            len += 1 + more;
        }
        if !glued && prose[i + 1..i + 1 + len].chars().any(char::is_alphabetic) {
            tags.push(i..i + 1 + len);
        }
    }
    tags
}

/// Whether `line` holds hashtags and nothing else but whitespace.
pub fn is_hashtag_line(line: &str) -> bool {
    let tags = find_hashtags(line);
    let mut rest = 0;
    for tag in &tags {
        if !line[rest..tag.start].trim().is_empty() {
            return false;
        }
        rest = tag.end;
    }
    !tags.is_empty() && line[rest..].trim().is_empty()
}

/// The length of the hashtag name at the start of `text`.
fn hashtag_len(text: &str) -> usize {
    text.char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '_' || is_mark(c)))
        .map_or(text.len(), |(i, _)| i)
}

/// Groups hashtags into blocks: runs separated by nothing but whitespace.
fn blocks(doc: &Document, tags: &[Range<usize>]) -> Vec<Vec<Range<usize>>> {
    let mut blocks: Vec<Vec<Range<usize>>> = Vec::new();
    for tag in tags {
        match blocks.last_mut() {
            Some(block) if doc.is_blank(block[block.len() - 1].end..tag.start) => block.push(tag.clone()),
            _ => blocks.push(vec![tag.clone()]),
        }
    }
    blocks
}

/// The edits that move the hashtags of the `earlier` blocks to the start of the `last` one, in
/// order, leaving out tags the last block already has. A block on lines of its own goes with its
/// lines; a block ending a line goes with the spaces before it; a block inside a sentence leaves
/// its words behind without their `#`.
fn move_to_final(doc: &Document, earlier: &[Vec<Range<usize>>], last: &[Range<usize>]) -> Vec<Edit> {
    let text = doc.text();
    let mut edits = Vec::new();
    let mut present: FxHashSet<String> = last.iter().map(|t| text[t.clone()].to_lowercase()).collect();
    let mut moved: Vec<&str> = Vec::new();
    for block in earlier {
        let span = block[0].start..block[block.len() - 1].end;
        let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[span.end..].find('\n').map_or(text.len(), |i| span.end + i + 1);
        if doc.is_blank(line_start..span.start) && doc.is_blank(span.end..line_end) {
            // With blank lines on both sides, one of them goes too.
            let blank_after = text[line_end..].find('\n').filter(|&i| doc.is_blank(line_end..line_end + i));
            let blank_before = line_start > 0 && {
                let previous_start = text[..line_start - 1].rfind('\n').map_or(0, |i| i + 1);
                doc.is_blank(previous_start..line_start)
            };
            let end = match blank_after {
                Some(i) if blank_before => line_end + i + 1,
                _ => line_end,
            };
            edits.push(Edit::delete(line_start..end));
        } else if doc.is_blank(span.end..line_end) {
            edits.push(Edit::delete(text[..span.start].trim_end().len()..span.end));
        } else {
            edits.extend(block.iter().map(|tag| Edit::delete(tag.start..tag.start + 1)));
        }
        for tag in block {
            if present.insert(text[tag.clone()].to_lowercase()) {
                moved.push(&text[tag.clone()]);
            }
        }
    }
    if !moved.is_empty() {
        edits.push(Edit::insert(last[0].start, format!("{} ", moved.join(" "))));
    }
    edits
}

/// A tag name compared loosely: lowercase, `to` read as `2`, `_` and `-` dropped.
fn normalize(name: &str) -> String {
    let mut loose = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase).filter(|c| !matches!(c, '_' | '-')) {
        if c == 'o' && loose.ends_with('t') {
            loose.pop();
            loose.push('2');
        } else {
            loose.push(c);
        }
    }
    loose
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_reads_to_as_2_and_drops_separators() {
        assert_eq!(normalize("WriteToEarn"), "write2earn");
        assert_eq!(normalize("Write_2-Earn"), "write2earn");
        assert_eq!(normalize("t-o"), "2");
        assert_eq!(normalize("TtoTO"), "t22");
    }

    #[test]
    fn finds_hashtags_but_not_glued_or_numeric_ones() {
        let prose = "#BTC C# &#39; #1 x#y (#Ethereum) #Web3_AI #hive-engine #stem-espanol. #Stem-espanol #Bit-Coin #web3-";
        let tags: Vec<&str> = find_hashtags(prose).into_iter().map(|r| &prose[r]).collect();
        assert_eq!(
            tags,
            [
                "#BTC",
                "#Ethereum",
                "#Web3_AI",
                "#hive-engine",
                "#stem-espanol",
                "#Stem-espanol",
                "#Bit",
                "#web3"
            ]
        );
    }
}
