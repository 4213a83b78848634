//! Making text from posts and file names safe to print: a control character (a newline in a
//! file name, ESC or BEL in a post) would start a new line of a report, inject a CI workflow
//! command, or drive the terminal. Printed text shows each one visibly instead, as rustc does:
//! C0 controls as their Unicode control pictures (`␛`, `␊`), DEL as `␡`, and C1 controls and
//! the bidirectional overrides that can reorder a line as `\u{…}`.

use std::borrow::Cow;

/// How a character that must not be printed raw is shown, or `None` if it may be.
fn visible_form(c: char, keep_line_breaks: bool) -> Option<Cow<'static, str>> {
    match c {
        '\n' if keep_line_breaks => None,
        '\t' => None,
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).map(|p| Cow::Owned(p.to_string())),
        '\u{7f}' => Some(Cow::Borrowed("\u{2421}")),
        c if is_terminal_control(c) => Some(Cow::Owned(format!("\\u{{{:x}}}", c as u32))),
        _ => None,
    }
}

/// The characters above ASCII that a terminal obeys: C1 controls and bidirectional overrides.
fn is_terminal_control(c: char) -> bool {
    matches!(c, '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether `text` may hold a character that `replace` shows otherwise (a fast byte test): one
/// pass, a table lookup per byte, looking closer only at the bytes that can start one.
fn may_need(text: &str) -> bool {
    const STARTS: [bool; 256] = {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 0x20 {
            table[b] = true;
            b += 1;
        }
        table[0x7f] = true;
        table[0xc2] = true;
        table[0xe2] = true;
        table
    };
    let bytes = text.as_bytes();
    bytes
        .iter()
        .enumerate()
        .any(|(i, &b)| STARTS[usize::from(b)] && (b < 0x20 || is_terminal_control_at(bytes, i)))
}

/// Whether `text` may hold DEL or a character of `is_terminal_control`: a byte test that lets
/// curly quotes, dashes and the rest of U+2000–U+2FFF through without decoding them.
fn may_hold_terminal_control(text: &str) -> bool {
    let bytes = text.as_bytes();
    (0..bytes.len()).any(|i| is_terminal_control_at(bytes, i))
}

/// Whether DEL or a character of `is_terminal_control` starts at byte `i` of `bytes`.
fn is_terminal_control_at(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        0x7f => true,
        // C1 controls: U+0080–U+009F.
        0xc2 => bytes.get(i + 1).is_some_and(|&next| next < 0xa0),
        // Bidirectional overrides: U+202A–U+202E, U+2066–U+2069.
        0xe2 => matches!(
            (bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
        ),
        _ => false,
    }
}

/// `text` on one line with every control character shown visibly (tabs kept).
pub fn one_line(text: &str) -> Cow<'_, str> {
    replace(text, false, None)
}

/// `text` with every control character shown visibly, line breaks and tabs kept.
pub fn lines(text: &str) -> Cow<'_, str> {
    replace(text, true, None)
}

/// `text` with its control characters shown; `shifts`, if given, gets for each one its end
/// offset in `text` and how many bytes longer the shown text is from there on.
fn replace<'t>(
    text: &'t str,
    keep_line_breaks: bool,
    mut shifts: Option<&mut Vec<(usize, usize)>>,
) -> Cow<'t, str> {
    if !may_need(text) {
        return Cow::Borrowed(text);
    }
    let mut chars = text.char_indices().peekable();
    let mut out = String::new();
    let mut copied = 0;
    while let Some((i, c)) = chars.next() {
        // A CRLF line ending is a line break, not a stray carriage return.
        let crlf = c == '\r' && keep_line_breaks && chars.peek().is_some_and(|&(_, n)| n == '\n');
        if let Some(visible) = visible_form(c, keep_line_breaks).filter(|_| !crlf) {
            out.push_str(&text[copied..i]);
            out.push_str(&visible);
            copied = i + c.len_utf8();
            if let Some(shifts) = shifts.as_deref_mut() {
                shifts.push((copied, out.len() - copied));
            }
        }
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// A post's text as shown in a code frame (`lines`), with a map from byte offsets in the
/// post to byte offsets in the shown text.
pub struct ShownText<'a> {
    pub text: Cow<'a, str>,
    /// For each replaced character: its end offset in the post, and how many bytes longer the
    /// shown text is from there on.
    shifts: Vec<(usize, usize)>,
}

impl<'a> ShownText<'a> {
    /// `text` shown visibly, line breaks kept.
    pub fn new(text: &'a str) -> Self {
        let mut shifts = Vec::new();
        let text = replace(text, true, Some(&mut shifts));
        Self { text, shifts }
    }

    /// Where byte `offset` of the post is in the shown text (an offset inside a replaced
    /// character maps to its start).
    pub fn offset(&self, offset: usize) -> usize {
        let i = self.shifts.partition_point(|&(end, _)| end <= offset);
        offset + if i == 0 { 0 } else { self.shifts[i - 1].1 }
    }
}

/// Escapes, in serialised JSON, the characters JSON allows raw but a terminal obeys: DEL, the
/// C1 controls and the bidirectional overrides (they can only be inside strings, so writing
/// them as `\uXXXX` keeps the JSON valid and its meaning unchanged).
pub fn json(text: String) -> String {
    if !may_hold_terminal_control(&text) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            c if c == '\u{7f}' || is_terminal_control(c) => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_as_pictures_and_escapes() {
        assert_eq!(one_line("evil\n::error::x"), "evil␊::error::x");
        assert_eq!(one_line("a\u{1b}[31mred\u{7}"), "a␛[31mred␇");
        assert_eq!(one_line("del\u{7f} csi\u{9b} rlo\u{202e}"), "del␡ csi\\u{9b} rlo\\u{202e}");
        assert_eq!(one_line("tab\tkept, ok — “é”"), "tab\tkept, ok — “é”");
        assert!(matches!(one_line("plain — “text”… ‰ ⁉"), Cow::Borrowed(_)));
        assert_eq!(one_line("\u{2066}x\u{2069} nel\u{85}"), "\\u{2066}x\\u{2069} nel\\u{85}");
        assert_eq!(lines("one\r\ntwo\rthree\n"), "one\r\ntwo␍three\n");
    }

    #[test]
    fn offsets_in_the_post_map_to_the_shown_text() {
        let post = "a\u{1b}b\u{9b}c\n";
        let shown = ShownText::new(post);
        assert_eq!(shown.text, "a␛b\\u{9b}c\n");
        for (offset, expected) in [(0, 0), (1, 1), (2, 4), (3, 5), (5, 11), (6, 12)] {
            assert_eq!(shown.offset(offset), expected, "offset {offset}");
            assert!(shown.text.is_char_boundary(shown.offset(offset)));
        }
    }

    #[test]
    fn json_keeps_its_meaning_with_terminal_controls_escaped() {
        let raw = serde_json::to_string(&"x\u{9b}31m\u{7f}\u{1b}").unwrap();
        let escaped = json(raw);
        assert_eq!(escaped, r#""x\u009b31m\u007f\u001b""#);
        assert_eq!(serde_json::from_str::<String>(&escaped).unwrap(), "x\u{9b}31m\u{7f}\u{1b}");
    }
}
