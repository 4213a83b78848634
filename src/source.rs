//! A post as read from disk or stdin: its display name, its text and a line index.

use std::ops::Range;

/// The UTF-8 byte order mark, kept aside so that positions start at the first visible character.
const BOM: &str = "\u{feff}";

/// One post's text, decoded and indexed by line.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path as the user gave it (or the `--stdin-filename`).
    pub name: String,
    /// The text without its byte order mark.
    pub text: String,
    /// Whether the bytes started with a UTF-8 byte order mark.
    pub bom: bool,
    line_starts: Vec<usize>,
    markdown: bool,
}

/// Bytes that are not valid UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// Offset of the first invalid byte in the file.
    pub offset: usize,
    /// That byte.
    pub byte: u8,
    /// 1-based line and column of that byte (columns counted in characters).
    pub line: usize,
    pub column: usize,
}

/// Decodes `bytes` as UTF-8; the error says where the first invalid byte is.
pub fn decode(bytes: Vec<u8>) -> Result<String, DecodeError> {
    String::from_utf8(bytes).map_err(|err| {
        let bytes = err.as_bytes();
        let offset = err.utf8_error().valid_up_to();
        let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
        let line_start = valid.rfind('\n').map_or(0, |i| i + 1);
        DecodeError {
            offset,
            byte: bytes[offset],
            line: valid.matches('\n').count() + 1,
            column: valid[line_start..].trim_start_matches(BOM).chars().count() + 1,
        }
    })
}

impl Source {
    /// Decodes `bytes` as UTF-8, setting a leading byte order mark aside.
    pub fn from_bytes(name: impl Into<String>, bytes: Vec<u8>) -> Result<Self, DecodeError> {
        decode(bytes).map(|text| Self::new(name, text))
    }

    /// Wraps text that is already decoded.
    pub fn new(name: impl Into<String>, text: String) -> Self {
        match text.strip_prefix(BOM) {
            Some(rest) => Self::indexed(name.into(), rest.to_owned(), true),
            None => Self::indexed(name.into(), text, false),
        }
    }

    fn indexed(name: String, text: String, bom: bool) -> Self {
        let line_starts =
            std::iter::once(0).chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1)).collect();
        let lower = name.to_ascii_lowercase();
        let markdown = lower.ends_with(".md") || lower.ends_with(".markdown");
        Self { name, text, bom, line_starts, markdown }
    }

    /// The same post with another text (a fixed one): same name, same byte order mark.
    pub fn with_text(&self, text: String) -> Self {
        Self::indexed(self.name.clone(), text, self.bom)
    }

    /// The post's bytes as they belong in its file: byte order mark, then text.
    pub fn file_bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(self.bom_len() + self.text.len());
        if self.bom {
            bytes.extend_from_slice(BOM.as_bytes());
        }
        bytes.extend_from_slice(self.text.as_bytes());
        bytes
    }

    /// Whether the post is Markdown, judged by its name's extension.
    pub fn is_markdown(&self) -> bool {
        self.markdown
    }

    /// The byte length of the byte order mark that precedes `text` in the file (0 or 3).
    pub fn bom_len(&self) -> usize {
        if self.bom { BOM.len() } else { 0 }
    }

    /// The number of lines (a final newline does not start a line of its own unless text follows).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The 0-based line index holding byte `offset`.
    pub fn line_index(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset) - 1
    }

    /// The bytes of 0-based line `index`, without its `\n` or `\r\n` terminator.
    pub fn line_range(&self, index: usize) -> Range<usize> {
        let start = self.line_starts[index];
        let end = self.line_starts.get(index + 1).map_or(self.text.len(), |&next| next - 1);
        let end = if self.text[start..end].ends_with('\r') { end - 1 } else { end };
        start..end
    }

    /// The bytes of 0-based line `index` including its terminator.
    pub fn full_line_range(&self, index: usize) -> Range<usize> {
        let start = self.line_starts[index];
        let end = self.line_starts.get(index + 1).copied().unwrap_or(self.text.len());
        start..end
    }

    /// 1-based line and column of byte `offset`; columns count Unicode characters, like rustc.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let index = self.line_index(offset);
        let start = self.line_starts[index];
        (index + 1, self.text[start..offset].chars().count() + 1)
    }

    /// A `Columns` over this post, for the positions of many offsets in a row.
    pub fn columns(&self) -> Columns<'_> {
        Columns { source: self, offset: 0, line: 0, column: 1 }
    }

    /// The line terminator this post uses: `\r\n` if its first line ends so, else `\n`.
    pub fn line_ending(&self) -> &'static str {
        match self.text.find('\n') {
            Some(i) if self.text[..i].ends_with('\r') => "\r\n",
            _ => "\n",
        }
    }
}

/// Works out line and column for offsets that mostly come in order (a post's diagnostics),
/// counting characters only from the previous offset on the same line: many problems on one
/// long line cost the line's length once, not once each.
pub struct Columns<'a> {
    source: &'a Source,
    offset: usize,
    /// 0-based line and 1-based column of `offset`.
    line: usize,
    column: usize,
}

impl Columns<'_> {
    /// 1-based line and column of byte `offset`, as `Source::line_column` gives them.
    pub fn line_column(&mut self, offset: usize) -> (usize, usize) {
        let line = self.source.line_index(offset);
        if line != self.line || offset < self.offset {
            let start = self.source.line_starts[line];
            (self.offset, self.line, self.column) = (start, line, 1);
        }
        self.column += self.source.text[self.offset..offset].chars().count();
        self.offset = offset;
        (line + 1, self.column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_and_crlf_is_kept() {
        let source = Source::new("a.txt", "è ok\r\nperché x\r\n".into());
        assert_eq!(source.line_column(0), (1, 1));
        assert_eq!(source.line_column("è ok\r\n".len()), (2, 1));
        let x = source.text.find('x').unwrap();
        assert_eq!(source.line_column(x), (2, 8));
        assert_eq!(&source.text[source.line_range(0)], "è ok");
        assert_eq!(source.line_ending(), "\r\n");
    }

    #[test]
    fn columns_in_a_row_agree_with_line_column() {
        let source = Source::new("a.txt", "è ok\r\nperché x 🚀 y\nlast".into());
        let mut columns = source.columns();
        let offsets: Vec<usize> =
            (0..=source.text.len()).filter(|&o| source.text.is_char_boundary(o)).collect();
        for &offset in offsets.iter().chain(offsets.iter().rev()).chain(&[3, 21, 2]) {
            assert_eq!(columns.line_column(offset), source.line_column(offset), "offset {offset}");
        }
    }

    #[test]
    fn bom_is_set_aside() {
        let source = Source::from_bytes("a.txt", b"\xEF\xBB\xBFhi".to_vec()).unwrap();
        assert!(source.bom);
        assert_eq!(source.text, "hi");
        assert_eq!(source.line_column(0), (1, 1));
    }

    #[test]
    fn invalid_utf8_names_offset_line_and_column() {
        let err = Source::from_bytes("a.txt", b"ok\nab\xFFc".to_vec()).unwrap_err();
        assert_eq!(err, DecodeError { offset: 5, byte: 0xFF, line: 2, column: 3 });
    }
}
