//! `invisible` — characters that take no room on screen but change the text: zero-width spaces
//! and joiners, word joiners, a byte order mark after the start, soft hyphens, and the
//! direction controls that can make text read differently from how it is stored.
//!
//! **What it catches:** `Bit\u{200B}coin` (searches for "Bitcoin" miss it), `\u{202E}` (right-to-left
//! override). **Never fires on:** a zero-width joiner inside an emoji sequence (👨‍💻, ❤️‍🔥);
//! zero-width joiners and non-joiners between letters of scripts that need them (Arabic, Urdu,
//! Persian, Indic scripts); a zero-width space between Thai, Lao, Khmer or Burmese letters, where
//! it marks a word break; left-to-right and right-to-left marks in a post with Arabic or Hebrew
//! letters. The byte order mark at the very start of a file is not part of the text.
//! **Fix:** delete the character.

use super::{Check, Compiled, Context, Finding};
use crate::diagnostic::Edit;
use crate::document::Document;
use crate::error::ConfigError;
use crate::rule_file::RawRule;
use crate::words::non_ascii;

struct Invisible;

pub fn compile(_rule: &mut RawRule, _cx: &Context) -> Result<Compiled, ConfigError> {
    Ok(Compiled { check: Box::new(Invisible), vars: &["found", "name", "code"] })
}

impl Check for Invisible {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let prose = doc.prose.as_str();
        let mut has_rtl: Option<bool> = None;
        for (i, c) in non_ascii(prose) {
            let Some(name) = name(c) else { continue };
            let before = prose[..i].chars().next_back();
            let after = prose[i + c.len_utf8()..].chars().next();
            let allowed = match c {
                '\u{200D}' => {
                    before.is_some_and(|b| is_emoji_part(b) || needs_joiners(b))
                        && after.is_some_and(|a| is_emoji_part(a) || needs_joiners(a))
                }
                '\u{200C}' => before.is_some_and(needs_joiners) && after.is_some_and(needs_joiners),
                '\u{200B}' => {
                    before.is_some_and(breaks_without_spaces) && after.is_some_and(breaks_without_spaces)
                }
                '\u{200E}' | '\u{200F}' | '\u{061C}' => {
                    *has_rtl.get_or_insert_with(|| prose.chars().any(is_right_to_left))
                }
                _ => false,
            };
            if allowed {
                continue;
            }
            let range = i..i + c.len_utf8();
            out.push(
                Finding::at(range.clone())
                    .var("name", name)
                    .var("code", format!("U+{:04X}", u32::from(c)))
                    .fix("delete it", vec![Edit::delete(range)]),
            );
        }
    }
}

/// The name of an invisible character this kind reports.
fn name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{00AD}' => "soft hyphen",
        '\u{061C}' => "Arabic letter mark",
        '\u{180E}' => "Mongolian vowel separator",
        '\u{200B}' => "zero-width space",
        '\u{200C}' => "zero-width non-joiner",
        '\u{200D}' => "zero-width joiner",
        '\u{200E}' => "left-to-right mark",
        '\u{200F}' => "right-to-left mark",
        '\u{202A}' => "left-to-right embedding",
        '\u{202B}' => "right-to-left embedding",
        '\u{202C}' => "pop directional formatting",
        '\u{202D}' => "left-to-right override",
        '\u{202E}' => "right-to-left override",
        '\u{2060}' => "word joiner",
        '\u{2061}'..='\u{2064}' => "invisible operator",
        '\u{2066}' => "left-to-right isolate",
        '\u{2067}' => "right-to-left isolate",
        '\u{2068}' => "first strong isolate",
        '\u{2069}' => "pop directional isolate",
        '\u{FEFF}' => "byte order mark",
        _ => return None,
    })
}

/// Emoji, their variation selector and skin tones: the parts a joiner may glue.
fn is_emoji_part(c: char) -> bool {
    matches!(c as u32, 0x2190..=0x21FF | 0x2300..=0x23FF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0xFE0F | 0x1F000..=0x1FAFF)
}

/// Letters of scripts whose spelling uses zero-width joiners and non-joiners.
fn needs_joiners(c: char) -> bool {
    matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFC | 0x0900..=0x0DFF)
}

/// Letters of scripts written without spaces, where a zero-width space marks a word break.
fn breaks_without_spaces(c: char) -> bool {
    matches!(c as u32, 0x0E00..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17FF)
}

/// Hebrew and Arabic-script letters.
fn is_right_to_left(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}
