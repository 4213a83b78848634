//! `mixed-script` — a word that mixes Latin and Cyrillic letters: one letter typed on the other
//! keyboard layout (`делитьcя` with a Latin `c`, `Bitсoin` with a Cyrillic `с`). It looks right,
//! but searches, hashtags and spell checkers miss it.
//!
//! **What it catches:** a word with letters of both scripts. **Never fires on:** words of one
//! script, words with digits (`4К`, `T2`), which mix on purpose.
//! **Fix** (safe): when the word has more letters of one script and every letter of the other
//! has a look-alike in it (`c` → `с`, `o` → `о`, `B` → `В`…), those letters are replaced by
//! their look-alikes; otherwise there is no fix, since only the writer knows the word.

use super::{Check, Compiled, Context, Finding};
use crate::diagnostic::Edit;
use crate::document::Document;
use crate::error::ConfigError;
use crate::rule_file::RawRule;

struct MixedScript;

pub fn compile(_rule: &mut RawRule, _cx: &Context) -> Result<Compiled, ConfigError> {
    Ok(Compiled { check: Box::new(MixedScript), vars: &["found", "replacement"] })
}

/// Latin letters and the Cyrillic letters that look the same.
const LOOK_ALIKES: &[(char, char)] = &[
    ('a', 'а'),
    ('c', 'с'),
    ('e', 'е'),
    ('i', 'і'),
    ('o', 'о'),
    ('p', 'р'),
    ('x', 'х'),
    ('y', 'у'),
    ('A', 'А'),
    ('B', 'В'),
    ('C', 'С'),
    ('E', 'Е'),
    ('H', 'Н'),
    ('I', 'І'),
    ('K', 'К'),
    ('M', 'М'),
    ('O', 'О'),
    ('P', 'Р'),
    ('T', 'Т'),
    ('X', 'Х'),
];

fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{4FF}').contains(&c)
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || (('\u{C0}'..='\u{24F}').contains(&c) && c.is_alphabetic())
}

impl Check for MixedScript {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for token in doc.tokens.iter().filter(|t| t.is_word && !t.plain) {
            let word = &doc.prose[token.range.clone()];
            let latin = word.chars().filter(|&c| is_latin(c)).count();
            let cyrillic = word.chars().filter(|&c| is_cyrillic(c)).count();
            if latin == 0 || cyrillic == 0 || word.chars().any(|c| c.is_numeric()) {
                continue;
            }
            let finding = Finding::at(token.range.clone());
            // Replace the fewer script's letters by their look-alikes in the other, if all have one.
            let to_cyrillic = cyrillic > latin;
            let swapped: Option<String> = (latin != cyrillic)
                .then(|| {
                    word.chars()
                        .map(|c| {
                            let foreign = if to_cyrillic { is_latin(c) } else { is_cyrillic(c) };
                            if !foreign {
                                return Some(c);
                            }
                            LOOK_ALIKES
                                .iter()
                                .find(|&&(l, k)| if to_cyrillic { l == c } else { k == c })
                                .map(|&(l, k)| if to_cyrillic { k } else { l })
                        })
                        .collect()
                })
                .flatten();
            out.push(match swapped {
                Some(replacement) => finding
                    .fix(
                        format!("replace with “{replacement}”"),
                        vec![Edit::replace(token.range.clone(), &replacement)],
                    )
                    .var("replacement", replacement),
                None => finding,
            });
        }
    }
}
