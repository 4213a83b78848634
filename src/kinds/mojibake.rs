//! `mojibake` — UTF-8 text that was read as a single-byte code page and saved again:
//! `youâ€™ve` (Windows-1252), `ðŸš€`, `Ã©`, `đź“Ś` (Windows-1250), `โ€”` (Windows-874), or with
//! Latin-1's invisible controls.
//!
//! **What it catches:** a run of characters that, written back in Windows-1252, Latin-1,
//! Windows-1250, ISO-8859-16 or Windows-874, gives valid UTF-8 for characters that such text usually holds
//! (accented letters, Greek, Cyrillic, Arabic, typographic punctuation, symbols, emoji, Thai,
//! Vietnamese, and Chinese, Japanese or Korean when two or more in a row). **Never fires on:**
//! ordinary accented text such as `perché…”`, whose bytes would spell one stray ideograph, nor
//! symbols such as `×–` (`1.5×–2×`), whose bytes would spell one stray Hebrew letter.
//! Runs with only spaces between them are one stretch, repaired as a whole or not at all; other
//! rules' findings inside a stretch wait until it is repaired (it is garbled bytes, not spaces
//! and quotes). **Fix:** the characters the bytes spell (`’`, `🚀`, `é`), only when every byte is there;
//! a sequence that lost a byte on the way (`ðŸ‘ ` without its last byte, `šŸ“Œ` without its
//! first) is reported without a fix.

use super::{Check, Compiled, Context, Finding};
use crate::diagnostic::Edit;
use crate::document::Document;
use crate::error::ConfigError;
use crate::rule_file::RawRule;
use crate::words::non_ascii;
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::LazyLock;

struct Mojibake;

pub fn compile(_rule: &mut RawRule, _cx: &Context) -> Result<Compiled, ConfigError> {
    Ok(Compiled { check: Box::new(Mojibake), vars: &["found", "encoding", "replacement"] })
}

/// A single-byte code page: which byte each of its characters above ASCII is written as.
struct CodePage {
    name: &'static str,
    bytes: FxHashMap<char, u8>,
    /// Which characters spelled in two bytes (accented Latin, Greek, Cyrillic, Arabic) count.
    two_byte: fn(char) -> bool,
}

static CODE_PAGES: LazyLock<Vec<CodePage>> = LazyLock::new(|| {
    let from = |name, encoding: &'static encoding_rs::Encoding, two_byte: fn(char) -> bool| {
        let mut bytes = FxHashMap::default();
        for byte in 0x80..=0xFFu8 {
            let byte_array = [byte];
            let (text, _) = encoding.decode_without_bom_handling(&byte_array);
            if let Some(c) = text.chars().next().filter(|&c| c != char::REPLACEMENT_CHARACTER) {
                bytes.insert(c, byte);
            }
        }
        CodePage { name, bytes, two_byte }
    };
    // Latin-1 proper: every byte is the code point of the same number (the WHATWG label
    // "iso-8859-1" means Windows-1252, so it is built by hand).
    let latin1 = (0x80..=0xFFu8).map(|b| (char::from(b), b)).collect();
    vec![
        from("Windows-1252", encoding_rs::WINDOWS_1252, latin_or_other_alphabet),
        CodePage { name: "Latin-1", bytes: latin1, two_byte: latin_or_other_alphabet },
        from("Windows-1250", encoding_rs::WINDOWS_1250, latin_letter),
        // Romanian's Latin-10: `Ă€` is `ä` there (`fĂ€llt`), and `À` in Windows-1250.
        from("ISO-8859-16", encoding_rs::ISO_8859_16, latin_letter),
        from("Windows-874", encoding_rs::WINDOWS_874, none),
    ]
});

impl Check for Mojibake {
    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let prose = doc.prose.as_str();
        let mut checked_up_to = 0;
        let mut runs: Vec<Run> = Vec::new();
        for (i, _) in non_ascii(prose) {
            if i < checked_up_to {
                continue;
            }
            if let Some(run) = run_at(prose, i) {
                checked_up_to = run.range.end;
                match runs.last_mut() {
                    Some(last)
                        if last.encoding == run.encoding
                            && is_space_gap(&prose[last.range.end..run.range.start]) =>
                    {
                        last.join(prose, run)
                    }
                    _ => runs.push(run),
                }
            }
        }
        out.extend(runs.into_iter().map(Run::finding));
    }

    fn supersedes(&self) -> bool {
        true
    }
}

/// Whether two runs `gap` apart are one garbled stretch: only spaces between them, on one line.
fn is_space_gap(gap: &str) -> bool {
    gap.chars().all(|c| c == ' ' || c == '\u{A0}' || c == '\t')
}

/// Mis-decoded sequences found one after the other.
struct Run {
    range: Range<usize>,
    encoding: &'static str,
    /// The repaired text, if every sequence was whole.
    repaired: Option<String>,
}

impl Run {
    /// Extends this run over the spaces after it and the `next` run: the stretch is repaired
    /// as a whole, or not at all.
    fn join(&mut self, prose: &str, next: Run) {
        let gap = &prose[self.range.end..next.range.start];
        self.repaired = match (self.repaired.take(), next.repaired) {
            (Some(first), Some(second)) => Some(format!("{first}{gap}{second}")),
            _ => None,
        };
        self.range.end = next.range.end;
    }

    fn finding(self) -> Finding {
        let finding = Finding::at(self.range.clone()).var("encoding", self.encoding);
        match self.repaired {
            Some(text) => finding
                .var("replacement", &text)
                .fix(format!("replace with “{text}”"), vec![Edit::replace(self.range, text)]),
            None => finding.var("replacement", "?"),
        }
    }
}

/// The run of mis-decoded sequences that starts at `start`, if one does.
fn run_at(prose: &str, start: usize) -> Option<Run> {
    let before = prose[..start].chars().next_back();
    for page in CODE_PAGES.iter() {
        let mut end = start;
        let mut repaired = String::new();
        let mut whole = true;
        while let Some(sequence) = sequence_at(prose, end, page) {
            end = sequence.end;
            match sequence.decoded {
                Some(c) => repaired.push(c),
                None => whole = false,
            }
        }
        if end == start {
            continue;
        }
        let chars: Vec<char> = repaired.chars().collect();
        // A capital inside a word is the wrong code page's reading (`fĂ€llt` is not `fÀllt`,
        // `MĂ€rkte` not `MÀrkte`): another page may spell the small letter. After a capital, it
        // is inside a word when a small letter follows the run (not in `CAFĂ‰`).
        let after = prose[end..].chars().next();
        let inside_word = before.is_some_and(char::is_lowercase)
            || (before.is_some_and(char::is_alphabetic) && after.is_some_and(char::is_lowercase));
        if whole && inside_word && chars.first().is_some_and(|c| c.is_uppercase()) {
            continue;
        }
        // One letter of a script or of another alphabet alone is more likely an accented letter
        // before two marks (`perché…”` spells one ideograph) or two symbols (`1.5×–2×` spells
        // a Hebrew letter): mis-decoded Thai, Chinese, Cyrillic or Arabic comes in runs.
        if whole
            && chars.len() == 1
            && (is_script_letter(chars[0]) || matches!(u32::from(chars[0]), 0x370..=0x6FF))
        {
            continue;
        }
        // Thai text read through Windows-874 spells Vietnamese letters by chance (`แบบ` is the
        // bytes of `Ẻ`); garbled Thai spells Thai again (`เธฃ`), garbled punctuation `โ€”`.
        if page.name == "Windows-874" && chars.iter().any(|&c| ('\u{1E00}'..='\u{1EFF}').contains(&c)) {
            continue;
        }
        let repaired = whole.then_some(repaired);
        return Some(Run { range: start..end, encoding: page.name, repaired });
    }
    None
}

struct Sequence {
    end: usize,
    /// The character the bytes spell; `None` if a byte is missing.
    decoded: Option<char>,
}

/// One mis-decoded UTF-8 sequence at `start`, read through `page`.
fn sequence_at(prose: &str, start: usize, page: &CodePage) -> Option<Sequence> {
    let mut chars = prose[start..].chars();
    let lead_char = chars.next()?;
    let lead = *page.bytes.get(&lead_char)?;
    let length = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        // A run of continuation bytes that lost its lead byte: `šŸ“Œ` is the tail of 📌.
        0x80..=0xBF => return orphan_at(prose, start, page),
        _ => return None,
    };
    let mut bytes = vec![lead];
    let mut end = start + lead_char.len_utf8();
    for c in chars.take(length - 1) {
        match page.bytes.get(&c) {
            Some(&b @ 0x80..=0xBF) => {
                bytes.push(b);
                end += c.len_utf8();
            }
            _ => break,
        }
    }
    if bytes.len() == length {
        let decoded = std::str::from_utf8(&bytes).ok()?.chars().next()?;
        let likely = if length == 2 { (page.two_byte)(decoded) } else { is_likely(decoded, length) };
        return likely.then_some(Sequence { end, decoded: Some(decoded) });
    }
    // A sequence cut short still shows if it starts like an emoji (F0 9F) or like typographic
    // punctuation (E2 80).
    let telltale = matches!(bytes[..], [0xF0, 0x9F, ..] | [0xE2, 0x80, ..]);
    telltale.then_some(Sequence { end, decoded: None })
}

/// Three or more continuation bytes in a row with `Ÿ` (0x9F, the second byte of most emoji)
/// among them: an emoji that lost its lead byte.
fn orphan_at(prose: &str, start: usize, page: &CodePage) -> Option<Sequence> {
    let chars: Vec<char> = prose[start..]
        .chars()
        .take_while(|c| page.bytes.get(c).is_some_and(|b| (0x80..=0xBF).contains(b)))
        .take(4)
        .collect();
    let has_emoji_byte = chars.iter().position(|c| page.bytes.get(c) == Some(&0x9F));
    let end = start + chars.iter().map(|c| c.len_utf8()).sum::<usize>();
    (chars.len() >= 3 && has_emoji_byte.is_some_and(|p| chars.len() - p >= 3))
        .then_some(Sequence { end, decoded: None })
}

/// Characters spelled in two bytes that text read as Windows-1252 or Latin-1 is likely to have
/// held: Latin letters and symbols, Greek, Cyrillic, Hebrew, Arabic.
fn latin_or_other_alphabet(c: char) -> bool {
    matches!(u32::from(c), 0xA0..=0x24F | 0x370..=0x6FF)
}

/// In Windows-1250, only accented Latin letters: there a capital such as `Č` or `Ó` before a
/// quotation mark or `š` is ordinary Czech or Polish.
fn latin_letter(c: char) -> bool {
    matches!(u32::from(c), 0xC0..=0x17F) && c.is_alphabetic()
}

/// In Windows-874, none: ordinary Thai text pairs up into two-byte sequences all the time.
fn none(_: char) -> bool {
    false
}

/// Whether mis-decoded text is likely to have held `c`, spelled in `length` (3 or 4) bytes.
fn is_likely(c: char, length: usize) -> bool {
    let code = u32::from(c);
    match length {
        3 => {
            is_script_letter(c)
                || matches!(code, 0x1E00..=0x1EFF | 0x2000..=0x27BF | 0x2B00..=0x2BFF | 0xFE0F)
        }
        _ => true,
    }
}

/// Letters of Indic, Thai, Chinese, Japanese and Korean script, and full-width forms.
fn is_script_letter(c: char) -> bool {
    matches!(u32::from(c), 0x900..=0xDFF | 0xE00..=0xE7F | 0x3000..=0x9FFF | 0xAC00..=0xD7AF | 0xFF00..=0xFFEF)
}
