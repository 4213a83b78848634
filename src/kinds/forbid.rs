//! `forbid` — listed phrases or patterns must not occur; a phrase may name its replacement.
//!
//! **What it catches:** wording that is wrong or risky, such as a mangled disclaimer.
//! **Example:** `replace = { "not financial advise" = "not financial advice" }` fires on
//! `Not financial advise.` **Fix:** the replacement, in the found text's case style
//! (`Not financial advice.`). Phrases in `any` and patterns in `patterns` have no fix;
//! `rewrite = { "regex" = "replacement" }` patterns do (`$1` names a group; `""` deletes). A
//! pattern with a group named `found` reports and replaces only that group: the rest of the
//! match is context, as a look-behind would be (`(?:^|\s)(?P<found>i) ` — an `i` after a space).

use super::{Check, Compiled, Context, Finding, phrase_entries, read_pattern, read_patterns};
use crate::diagnostic::Edit;
use crate::document::Document;
use crate::error::ConfigError;
use crate::pattern::{AnyGate, Pattern, focus};
use crate::phrases::Phrases;
use crate::rule_file::RawRule;
use crate::words::match_case;

struct Forbid {
    phrases: Phrases,
    /// The replacement of each phrase, by phrase index.
    replacements: Vec<Option<String>>,
    patterns: Vec<Pattern>,
    /// Patterns with their replacement.
    rewrites: Vec<(Pattern, String)>,
    /// Whether a post could match any pattern or rewrite: most posts match none, and one
    /// search tells so where one per pattern would cost a search each.
    gate: AnyGate,
    /// The rule's languages (`lang`): a rewrite's groups are worked out only for matches on
    /// lines in them, since the rule drops the others (`lowercase-pronoun` meets the Italian
    /// article `i` in every mixed post).
    langs: Vec<String>,
}

pub fn compile(rule: &mut RawRule, cx: &Context) -> Result<Compiled, ConfigError> {
    let any = phrase_entries(&rule.any.take(), cx)?;
    let replace = rule.replace.take();
    if let Some(table) = &replace
        && table.as_ref().keys().any(|phrase| phrase.trim().is_empty())
    {
        return Err(
            cx.error(table.span(), "`replace` has an empty phrase, which would match nowhere; remove it")
        );
    }
    let replace = replace.map(|r| r.into_inner()).unwrap_or_default();
    let patterns = read_patterns(rule.patterns.take(), cx)?;
    let mut rewrites = Vec::new();
    if let Some(table) = rule.rewrite.take() {
        for (pattern, replacement) in table.as_ref() {
            let regex = read_pattern(pattern, table.span(), cx)?;
            regex.check_replacement(replacement).map_err(|why| {
                cx.error(table.span(), format!("in the replacement for `{pattern}`: {why}"))
            })?;
            rewrites.push((regex, replacement.clone()));
        }
    }
    if any.is_empty() && replace.is_empty() && patterns.is_empty() && rewrites.is_empty() {
        return Err(cx.error(cx.kind.span(), "kind `forbid` needs `any`, `replace`, `patterns` or `rewrite`"));
    }
    let mut phrases: Vec<(Option<&str>, &str)> =
        any.iter().map(|(l, p)| (l.as_deref(), p.as_str())).collect();
    let mut replacements = vec![None; any.len()];
    for (phrase, replacement) in &replace {
        phrases.push((None, phrase));
        replacements.push(Some(replacement.clone()));
    }
    let all: Vec<&Pattern> = patterns.iter().chain(rewrites.iter().map(|(p, _)| p)).collect();
    let gate = AnyGate::new(&all);
    let langs = rule.lang.as_ref().map(|l| l.as_ref().clone()).unwrap_or_default();
    let check = Forbid { phrases: Phrases::new(phrases), replacements, patterns, rewrites, gate, langs };
    Ok(Compiled { check: Box::new(check), vars: &["found", "replacement"] })
}

impl Check for Forbid {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for found in self.phrases.find_all(doc) {
            let finding = Finding::at(found.range.clone());
            out.push(match &self.replacements[found.phrase] {
                Some(replacement) => {
                    let replacement = match_case(&doc.text()[found.range.clone()], replacement, true);
                    finding
                        .fix(
                            format!("replace with “{replacement}”"),
                            vec![Edit::replace(found.range, &replacement)],
                        )
                        .var("replacement", replacement)
                }
                None => finding,
            });
        }
        if !self.gate.passes(doc) {
            return;
        }
        for pattern in &self.patterns {
            out.extend(pattern.found(doc).into_iter().map(Finding::at));
        }
        let in_langs = |at: usize| self.langs.is_empty() || doc.is_in_language(at, &self.langs);
        for (pattern, replacement) in &self.rewrites {
            if !pattern.may_match(doc) {
                continue;
            }
            let regex = pattern.regex();
            let starts: Vec<usize> =
                regex.find_iter(&doc.prose).map(|m| m.start()).filter(|&at| in_langs(at)).collect();
            for found in starts.into_iter().filter_map(|at| regex.captures_at(&doc.prose, at)) {
                let range = focus(&found);
                let mut new = String::new();
                found.expand(replacement, &mut new);
                let title =
                    if new.is_empty() { "delete it".to_owned() } else { format!("replace with “{new}”") };
                let edit = Edit::replace(range.clone(), &new);
                out.push(Finding::at(range).var("replacement", new).fix(title, vec![edit]));
            }
        }
    }
}
