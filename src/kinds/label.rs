//! `label` — template section labels left in a post (`Heading`, `Body,`, `,Subheading,`).
//!
//! **What it catches:** labels from prompt templates and CSV content schemas, pasted with
//! the post, in these shapes:
//! - alone on a line: `Heading` (also `Heading:`);
//! - glued to a line start with a comma: `Introduction,Un investimento…`;
//! - between two comma-separated fields: `…dollari,Subheading,Costi…`;
//! - at a line start, then one space and a capitalised word, in a line that reads as a sentence
//!   (not a Title Case headline) in another language than the English label:
//!   `Conclusion Il confronto…` (but not `Hook Protocol launches staking for the holders…`);
//! - at a line start with a colon: `Hook: Did you know…`.
//!
//! `template` words (Heading, Body, Hook…) fire in every shape; `sections` words (Introduction,
//! Conclusion…) are also real headings, so they fire only in the comma and space shapes, never
//! alone on a line or as `Conclusion: …`. Nothing fires inside a sentence (`In conclusion, …`,
//! `Introduction to DeFi`). **Fix:** a label alone on a line removes the line; a label at a line
//! start is removed with its separator; `,Label,` becomes a line break, splitting the fields.

use super::{Check, Compiled, Context, Finding};
use crate::diagnostic::Edit;
use crate::document::Document;
use crate::error::ConfigError;
use crate::phrases::Phrases;
use crate::rule_file::RawRule;
use std::ops::Range;

struct Label {
    labels: Phrases,
    /// Whether each label (by phrase index) is a template word rather than a section heading.
    is_template: Vec<bool>,
}

pub fn compile(rule: &mut RawRule, cx: &Context) -> Result<Compiled, ConfigError> {
    let template = super::phrase_entries(&rule.template.take(), cx)?;
    let sections = super::phrase_entries(&rule.sections.take(), cx)?;
    if template.is_empty() && sections.is_empty() {
        return Err(cx.error(cx.kind.span(), "kind `label` needs `template` or `sections`"));
    }
    let labels = Phrases::new(template.iter().chain(&sections).map(|(l, p)| (l.as_deref(), p.as_str())));
    let is_template = template.iter().map(|_| true).chain(sections.iter().map(|_| false)).collect();
    Ok(Compiled { check: Box::new(Label { labels, is_template }), vars: &["found"] })
}

const REMOVE: &str = "remove the label";

impl Check for Label {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for (index, line) in doc.lines().enumerate() {
            let prose = &doc.prose[line.clone()];
            let start = line.start + (prose.len() - prose.trim_start().len());
            let end = line.start + prose.trim_end().len();
            if start >= end {
                continue;
            }
            self.at_line_start(doc, index, start..end, out);
            self.between_fields(doc, start..end, out);
        }
    }
}

impl Label {
    /// The label that spans exactly `range`, if any.
    fn label_at(&self, doc: &Document, range: Range<usize>) -> Option<(Range<usize>, bool)> {
        let token = doc.token_at(range.start);
        let found = self.labels.match_at(doc, token)?;
        (found.range.start == range.start && found.range.end <= range.end)
            .then(|| (found.range, self.is_template[found.phrase]))
    }

    fn at_line_start(&self, doc: &Document, index: usize, line: Range<usize>, out: &mut Vec<Finding>) {
        let Some((label, is_template)) = self.label_at(doc, line.clone()) else {
            return;
        };
        let text = doc.text();
        let rest = &doc.prose[label.end..line.end];
        let after = &text[label.end..line.end];
        let finding = Finding::at(label.clone());
        if rest.trim() == "" || rest.trim() == ":" {
            if is_template {
                out.push(finding.fix(REMOVE, vec![Edit::delete(doc.whole_line(index))]));
            }
        } else if after.starts_with(',') && after[1..].starts_with(|c: char| !c.is_whitespace()) {
            out.push(finding.fix(REMOVE, vec![Edit::delete(label.start..label.end + 1)]));
        } else if let Some(colon) =
            after.strip_prefix(':').or_else(|| after.strip_prefix(" :").filter(|_| is_template))
            && is_template
        {
            // `Titre : …`: French puts a space before the colon.
            let colon_and_space = after.len() - colon.trim_start().len();
            out.push(finding.fix(REMOVE, vec![Edit::delete(label.start..label.end + colon_and_space)]));
        } else if after.starts_with(' ')
            && after[1..].starts_with(char::is_uppercase)
            && reads_as_prose(after)
            && !reads_as_english(after)
        {
            out.push(finding.fix(REMOVE, vec![Edit::delete(label.start..label.end + 1)]));
        }
    }

    fn between_fields(&self, doc: &Document, line: Range<usize>, out: &mut Vec<Finding>) {
        let prose = &doc.prose[line.clone()];
        let mut previous = None;
        for comma in memchr::memchr_iter(b',', prose.as_bytes()).map(|i| line.start + i) {
            let Some(start) = previous.replace(comma) else { continue };
            let field = start + 1..comma;
            if field.is_empty() || doc.prose[field.clone()].trim().len() != field.len() {
                continue;
            }
            if let Some((label, _)) = self.label_at(doc, field.clone()).filter(|(l, _)| *l == field) {
                let edit = Edit::replace(start..comma + 1, doc.source.line_ending());
                out.push(Finding::at(label).fix("put the two fields on separate lines", vec![edit]));
            }
        }
    }
}

/// Whether the text after a label reads as a sentence rather than a Title Case headline: one
/// of the next words is a lowercase word of four letters or more (`Il confronto…` does,
/// `Into 2025, Bitcoin Looks Strong` does not).
fn reads_as_prose(after: &str) -> bool {
    after
        .split_whitespace()
        .skip(1)
        .take(6)
        .any(|word| word.chars().count() >= 4 && word.starts_with(char::is_lowercase))
}

/// English function words that are not also common words of other Latin-script languages.
const ENGLISH_WORDS: &[&str] = &[
    "the", "and", "of", "to", "is", "are", "for", "with", "that", "this", "it", "be", "from", "will", "has",
    "have", "its", "not",
];

/// Whether the text after a label reads as English: three or more English function words
/// among its first twenty words.
fn reads_as_english(after: &str) -> bool {
    let words = after.split_whitespace().take(20);
    words.filter(|w| ENGLISH_WORDS.iter().any(|e| w.eq_ignore_ascii_case(e))).count() >= 3
}
