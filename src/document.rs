//! The view of a post that checks read: its prose, with exact positions in the source.
//!
//! `prose` has exactly the bytes of `source.text`, except that whatever is not prose (Markdown
//! syntax, code, HTML, front matter, link targets, bare URLs and e-mail addresses) is blanked
//! to spaces, line breaks kept. Every byte offset therefore means the same in both, and a check
//! never needs to map positions. Where Markdown decodes an entity (`&amp;`) the decoded text
//! stands at the start of the entity's range, padded with spaces; such ranges are recorded as
//! not verbatim, and fixes touching them are downgraded to display-only.

use crate::markdown;
use crate::source::Source;
use crate::suppress::Directive;
use crate::words::{KeyFilter, Token, tokenize};
use regex::Regex;
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

/// A post prepared for checking.
pub struct Document<'a> {
    pub source: &'a Source,
    /// The source with non-prose blanked out; same length and line structure as `source.text`.
    pub prose: String,
    /// Sorted ranges where `prose` is not a copy of the source (decoded entities).
    not_verbatim: Vec<Range<usize>>,
    /// Words and punctuation of `prose`, in order; whitespace is not a token.
    pub tokens: Vec<Token>,
    /// For each token, the languages it is a function word of (`lang::function_word_languages`;
    /// 0 for punctuation), looked up once for all language identification.
    pub function_words: Vec<u32>,
    /// The keys of the post's tokens: a phrase list none of whose first words is here is not
    /// scanned at all.
    keys: KeyFilter,
    /// The post's language if it is known: from its front matter, else as configured.
    lang: Option<String>,
    /// Suppression comments (Markdown only).
    pub directives: Vec<Directive>,
    /// Where the post links to: Markdown link targets and bare URLs in the prose, in order.
    pub links: Vec<Range<usize>>,
    /// The hashtags, found once for all the rules that need them.
    hashtags: OnceLock<Vec<Range<usize>>>,
    /// The guessed language, worked out once if a rule asks.
    guessed: OnceLock<Option<&'static str>>,
    /// The stretches inside quotation marks, found once if a rule asks (see `is_quoted`).
    quotations: OnceLock<Vec<Range<usize>>>,
    /// Which byte values the prose holds (bit `b` for byte `b`), found once if a rule asks.
    bytes: OnceLock<[u64; 4]>,
    /// Each line's own language, if it shows one, worked out for a line once a rule asks.
    line_languages: Box<[OnceLock<Option<&'static str>>]>,
}

/// The stretches of `text` inside quotation marks, in order: from after an opening mark to
/// after its closing one, or to the paragraph's end if none closes it. Marks pair within a
/// paragraph; `“` closes a German `„` and opens an English quotation. One pass over the text.
fn quotations(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut open: Vec<char> = Vec::new();
    let mut straight_open = false;
    let mut since: Option<usize> = None;
    // Only the marks and line breaks matter: their first bytes are found with memchr (the
    // curly marks start with 0xE2, the guillemets with 0xC2), the text between is skipped.
    let bytes = text.as_bytes();
    let mut marks = memchr::memchr3_iter(b'"', b'\n', 0xE2, bytes).peekable();
    let mut guillemets = memchr::memchr_iter(0xC2, bytes).peekable();
    let mut next_mark = move || match (marks.peek(), guillemets.peek()) {
        (Some(a), Some(b)) if b < a => guillemets.next(),
        (Some(_), _) => marks.next(),
        (None, _) => guillemets.next(),
    };
    let mut chars = std::iter::from_fn(move || {
        let i = next_mark()?;
        Some((i, text[i..].chars().next().unwrap_or_default()))
    })
    .peekable();
    while let Some((i, c)) = chars.next() {
        let end = i + c.len_utf8();
        match c {
            '“' if open.last() == Some(&'„') => {
                open.pop();
            }
            '“' | '«' | '„' => open.push(c),
            '”' | '»' => {
                open.pop();
            }
            '"' => straight_open = !straight_open,
            '\n' if bytes.get(i + 1) == Some(&b'\n') => {
                // A paragraph ends: what is open stays unclosed up to the next one's start.
                chars.next();
                open.clear();
                straight_open = false;
                if let Some(start) = since.take() {
                    found.push(start..end + 1);
                }
                continue;
            }
            _ => continue,
        }
        match (since, !open.is_empty() || straight_open) {
            (None, true) => since = Some(end),
            (Some(start), false) => {
                found.push(start..end);
                since = None;
            }
            _ => {}
        }
    }
    found.extend(since.map(|start| start..text.len() + 1));
    found
}

impl<'a> Document<'a> {
    /// Builds the prose view of `source`: Markdown is parsed, plain text is prose as a whole.
    /// `lang` is the post's language if it is configured.
    pub fn new(source: &'a Source, lang: Option<&str>) -> Self {
        let (mut prose, not_verbatim, directives, front_matter_lang, mut links) = if source.is_markdown() {
            let parsed = markdown::parse(&source.text);
            (parsed.prose, parsed.not_verbatim, parsed.directives, parsed.lang, parsed.links)
        } else {
            (source.text.clone().into_bytes(), Vec::new(), Vec::new(), None, Vec::new())
        };
        let lang = front_matter_lang.or_else(|| lang.map(str::to_owned));
        links.extend(blank_addresses(&source.text, &mut prose));
        links.sort_by_key(|l| l.start);
        let prose = String::from_utf8(prose).expect("blanking keeps UTF-8 valid");
        let tokens = tokenize(&prose);
        let mut keys = KeyFilter::default();
        let mut note = |key: u64| keys.insert(key);
        let mut function_words = Vec::with_capacity(tokens.len());
        for token in &tokens {
            note(token.key);
            function_words.push(if token.is_word {
                crate::lang::function_word_languages(token.key)
            } else {
                0
            });
            // And the parts of a word joined by apostrophes (`Bitcoin's`, `dell'IA`), which a
            // pattern may match on their own.
            let word = &prose[token.range.clone()];
            if token.is_word && !token.plain && word.contains(['\'', '’']) {
                word.split(['\'', '’'])
                    .filter(|part| !part.is_empty())
                    .for_each(|part| note(crate::words::key(part)));
            }
        }
        let (hashtags, guessed) = (OnceLock::new(), OnceLock::new());
        let line_languages = (0..source.line_count()).map(|_| OnceLock::new()).collect();
        Self {
            source,
            prose,
            not_verbatim,
            tokens,
            function_words,
            keys,
            lang,
            directives,
            links,
            hashtags,
            guessed,
            quotations: OnceLock::new(),
            bytes: OnceLock::new(),
            line_languages,
        }
    }

    /// Whether a token with `key`, or a part of a word between apostrophes, may be in the post
    /// (no means certainly not).
    pub fn may_have(&self, key: u64) -> bool {
        self.keys.may_contain(key)
    }

    /// Whether the post may hold a token with one of the keys of `keys` (no means certainly
    /// not).
    pub fn may_have_any(&self, keys: &KeyFilter) -> bool {
        self.keys.may_share(keys)
    }

    /// Whether the prose holds byte `byte`: a test of a bit once the post's bytes are known,
    /// so that a pattern whose strings need a byte the post lacks is ruled out at once.
    pub fn has_byte(&self, byte: u8) -> bool {
        let set = self.bytes.get_or_init(|| {
            let mut set = [0u64; 4];
            for &b in self.prose.as_bytes() {
                set[usize::from(b >> 6)] |= 1 << (b & 63);
            }
            set
        });
        set[usize::from(byte >> 6)] & (1 << (byte & 63)) != 0
    }

    /// Whether the prose holds Hangul (Korean) syllables.
    pub fn has_hangul(&self) -> bool {
        // Their UTF-8 forms, U+AC00 to U+D7AF, start with the bytes EA to ED.
        (0xEA..=0xED).any(|b| self.has_byte(b))
    }

    /// The byte ranges of the post's hashtags, `#` included.
    pub fn hashtags(&self) -> &[Range<usize>] {
        self.hashtags.get_or_init(|| crate::kinds::hashtags::find_hashtags(&self.prose))
    }

    /// The post's language: from its front matter (Markdown), else as configured, else guessed
    /// from its words (`None` if unclear).
    pub fn language(&self) -> Option<&str> {
        self.lang.as_deref().or_else(|| *self.guessed.get_or_init(|| crate::lang::guess(self)))
    }

    /// The language of the text at `offset`: its line's own, when the line shows one (a
    /// paragraph in another language), else the post's. It may be a language postlint does not
    /// check (`lang::is_checked`).
    pub fn language_at(&self, offset: usize) -> Option<&str> {
        let index = self.source.line_index(offset);
        let own = self
            .line_languages
            .get(index)
            .and_then(|slot| *slot.get_or_init(|| crate::lang::of_line(self, self.source.line_range(index))));
        own.or_else(|| self.language())
    }

    /// Whether the language at `offset` (`language_at`) is one of `languages`.
    pub fn is_in_language(&self, offset: usize, languages: &[String]) -> bool {
        self.language_at(offset).is_some_and(|l| languages.iter().any(|x| x == l))
    }

    /// Whether some line's language is one of `languages`.
    pub fn has_language_in(&self, languages: &[String]) -> bool {
        (0..self.source.line_count())
            .any(|index| self.is_in_language(self.source.line_range(index).start, languages))
    }

    /// Whether the language at `offset` is the one stated for the post (front matter or
    /// configuration) rather than guessed.
    pub fn language_is_stated_at(&self, offset: usize) -> bool {
        self.lang.is_some() && self.language_at(offset) == self.lang.as_deref()
    }

    /// The source text.
    pub fn text(&self) -> &str {
        &self.source.text
    }

    /// Whether `range` holds the writer's bytes unchanged, so an edit there is safe to make.
    pub fn is_verbatim(&self, range: &Range<usize>) -> bool {
        let first = self.not_verbatim.partition_point(|r| r.end <= range.start);
        self.not_verbatim.get(first).is_none_or(|r| r.start >= range.end.max(range.start + 1))
    }

    /// The 0-based line ranges of the post (without terminators), in prose coordinates.
    pub fn lines(&self) -> impl DoubleEndedIterator<Item = Range<usize>> + '_ {
        (0..self.source.line_count()).map(|i| self.source.line_range(i))
    }

    /// The bytes to delete to remove 0-based line `index` entirely, terminator included (for the
    /// last line, which has none, the terminator before it).
    pub fn whole_line(&self, index: usize) -> Range<usize> {
        let full = self.source.full_line_range(index);
        if full.end < self.text().len() || index == 0 {
            full
        } else {
            self.source.line_range(index - 1).end..full.end
        }
    }

    /// Where a problem of the whole post (or a whole paragraph) is shown within `range`, a line
    /// or a paragraph: its first word (with the `#` of a hashtag; in Chinese, its first character), so the report
    /// points at a place without underlining a paragraph. Empty at `range.start` if it has none.
    pub fn first_word(&self, range: Range<usize>) -> Range<usize> {
        let first = self.token_at(range.start);
        let in_range = self.tokens[first..].iter().take_while(|t| t.range.end <= range.end);
        let Some(word) = in_range.clone().find(|t| t.is_word).or(in_range.clone().next()) else {
            return range.start..range.start;
        };
        // A hashtag, cashtag or mention is shown whole.
        let start = if self.is_tagged(word.range.start) && word.range.start > range.start {
            word.range.start - 1
        } else {
            word.range.start
        };
        start..word.range.end
    }

    /// The index of the first token that starts at or after `offset`.
    pub fn token_at(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.range.start < offset)
    }

    /// Whether the prose between two offsets is only whitespace.
    pub fn is_blank(&self, range: Range<usize>) -> bool {
        self.prose[range].chars().all(char::is_whitespace)
    }

    /// Whether the whitespace between two tokens (`range`) holds a blank line: a paragraph break.
    pub fn is_paragraph_break(&self, range: Range<usize>) -> bool {
        // Most tokens are one space apart.
        range.len() >= 2 && self.prose.as_bytes()[range].iter().filter(|&&b| b == b'\n').count() >= 2
    }

    /// Whether `offset` lies inside a quotation: a Markdown block quote, or after an opening
    /// quotation mark of its paragraph (`“`, `«`, `„`, `"`) that is not closed before it. A
    /// quotation is someone else's words: a quoted tweet's hashtags, an old author's spelling.
    pub fn is_quoted(&self, offset: usize) -> bool {
        let text = self.text();
        let line = self.source.line_range(self.source.line_index(offset.min(text.len())));
        if text[line].trim_start().starts_with('>') {
            return true;
        }
        let quotations = self.quotations.get_or_init(|| quotations(text));
        let i = quotations.partition_point(|q| q.end <= offset);
        quotations.get(i).is_some_and(|q| q.start <= offset)
    }

    /// Whether the word at `offset` is the name of a hashtag, cashtag or @mention, or a part of
    /// a mention's name after a hyphen or dot (`@utopian-io`, `@steem.chain`: Hive and Steem
    /// account names).
    pub fn is_tagged(&self, offset: usize) -> bool {
        let head = &self.prose[..offset];
        if head.ends_with(['#', '$', '@']) {
            return true;
        }
        let name = head.trim_end_matches(|c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'));
        name.len() < head.len() && head.ends_with(['-', '.']) && name.ends_with('@')
    }

    /// Whether `line` is a byline or a picture credit: a short line that opens with “by”,
    /// “written by”, “Photo by” or the like in a language postlint checks (`Written by
    /// cryptoanna`, `di Marco Rossi | @marco`, `Foto di usman zahoor da Pixabay`). The names in
    /// it are the writer's to spell.
    pub fn is_byline(&self, line: Range<usize>) -> bool {
        const OPENERS: &[&str] = &[
            "by ",
            "written by ",
            "posted by ",
            "author:",
            "di ",
            "scritto da ",
            "autore:",
            "por ",
            "escrito por ",
            "autor:",
            "par ",
            "écrit par ",
            "auteur :",
            "auteur:",
            "von ",
            "oleh ",
            "penulis:",
            "yazan:",
            "tác giả:",
            "автор:",
            // Picture credits: `Photo by usman zahoor from Pixabay`.
            "photo by ",
            "image by ",
            "picture by ",
            "foto di ",
            "immagine di ",
            "foto de ",
            "imagen de ",
            "photo de ",
            "image de ",
            "foto von ",
            "bild von ",
            "foto oleh ",
            "gambar oleh ",
            "ảnh: ",
        ];
        // The ASCII letters an opener starts with, a bit each, worked out at compile time.
        const FIRST_LETTERS: u128 = {
            let (mut mask, mut i) = (0u128, 0);
            while i < OPENERS.len() {
                let first = OPENERS[i].as_bytes()[0];
                if first.is_ascii() {
                    mask |= 1 << first.to_ascii_lowercase();
                }
                i += 1;
            }
            mask
        };
        let text = self.prose[line].trim_start();
        // Most lines start with another letter than any opener: one bit tells.
        let Some(&byte) = text.as_bytes().first() else { return false };
        let may_open = if byte.is_ascii() {
            FIRST_LETTERS & (1 << byte.to_ascii_lowercase()) != 0
        } else {
            let first = text.chars().next().and_then(|c| c.to_lowercase().next());
            first.is_some_and(|c| OPENERS.iter().any(|o| o.starts_with(c)))
        };
        if text.len() >= 200 || !may_open {
            return false;
        }
        let opens = |opener: &&str| {
            text.get(..opener.len()).is_some_and(|head| {
                head.eq_ignore_ascii_case(opener) || (!head.is_ascii() && head.to_lowercase() == **opener)
            })
        };
        OPENERS.iter().any(opens) && text.split_whitespace().count() <= 12
    }

    /// Whether `offset` lies inside a hashtag, as its later words do (`espanol` in
    /// `#stem-espanol`).
    pub fn in_hashtag(&self, offset: usize) -> bool {
        self.hashtag_at(offset).is_some()
    }

    /// The hashtag (its `#` included) that holds byte `offset`, if one does.
    pub fn hashtag_at(&self, offset: usize) -> Option<&Range<usize>> {
        let tags = self.hashtags();
        tags.get(tags.partition_point(|t| t.end <= offset)).filter(|t| t.start <= offset)
    }
}

/// URLs and e-mail addresses are not prose: no word or punctuation rule applies inside them.
/// E-mail addresses are matched in ASCII (`(?-u:\w)`): Unicode `\w` there made this the costliest
/// regex to compile (1.3 ms of a 5 ms run), and addresses in posts are ASCII.
static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:https?://|www\.)[^\s<>]+|(?-u:[\w.+-])+@(?-u:[\w-])+(?:\.(?-u:[\w-])+)+")
        .expect("valid regex")
});

/// Blanks the URLs and e-mail addresses that are still prose; returns where the URLs were.
fn blank_addresses(text: &str, prose: &mut [u8]) -> Vec<Range<usize>> {
    let mut urls = Vec::new();
    if !(text.contains("://") || text.contains("www.") || text.contains("WWW.") || text.contains('@')) {
        return urls;
    }
    for found in ADDRESS.find_iter(text) {
        // A sentence's own punctuation right after a URL is not part of it.
        let address = found.as_str().trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '"', '\'']);
        let range = found.start()..found.start() + address.len();
        // Only blank what is still prose: a URL inside code is blanked already.
        if prose[range.clone()] == text.as_bytes()[range.clone()] {
            if !address.contains('@') || address.contains("://") {
                urls.push(range.clone());
            }
            prose[range].fill(b' ');
        }
    }
    urls
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `offset` is inside a quotation, worked out from the paragraph's start: what
    /// `quotations` must agree with at every offset.
    fn quoted_from_paragraph_start(text: &str, offset: usize) -> bool {
        let paragraph_start = text[..offset].rfind("\n\n").map_or(0, |i| i + 2);
        let mut open: Vec<char> = Vec::new();
        let mut straight_open = false;
        for c in text[paragraph_start..offset].chars() {
            match c {
                '“' if open.last() == Some(&'„') => {
                    open.pop();
                }
                '“' | '«' | '„' => open.push(c),
                '”' | '»' => {
                    open.pop();
                }
                '"' => straight_open = !straight_open,
                _ => {}
            }
        }
        !open.is_empty() || straight_open
    }

    #[test]
    fn quotations_found_in_one_pass_agree_with_a_scan_from_each_paragraph_start() {
        let texts = [
            "He said “buy now” and „gut“ #tag.\n\nNew «para \"x\" y» end",
            "“open across\nlines\n\nclosed? no ” here",
            "\"a\" \"b #c\n\n\n\"d",
            "„ein „zwei“ drei“ vier",
            "no quotes at all",
            "",
        ];
        for text in texts {
            let source = Source::new("a.txt", text.to_owned());
            let doc = Document::new(&source, None);
            for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
                assert_eq!(
                    doc.is_quoted(offset),
                    quoted_from_paragraph_start(text, offset),
                    "{text:?} at {offset}"
                );
            }
        }
    }

    #[test]
    fn plain_text_is_prose_but_urls_are_not() {
        let source = Source::new("a.txt", "See https://binance.com/x. Or a@b.io.".into());
        let doc = Document::new(&source, None);
        assert_eq!(doc.prose, format!("See {}. Or {}.", " ".repeat(21), " ".repeat(6)));
    }

    #[test]
    fn urls_may_hold_any_letter_but_a_mention_is_prose() {
        let source =
            Source::new("a.txt", "Vedi https://it.wikipedia.org/wiki/Società, @binance e x.y@z.it".into());
        let doc = Document::new(&source, None);
        let url = "https://it.wikipedia.org/wiki/Società".len();
        assert_eq!(doc.prose, format!("Vedi {}, @binance e {}", " ".repeat(url), " ".repeat(8)));
    }
}
