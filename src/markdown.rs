//! Markdown posts: which bytes are prose, found with pulldown-cmark's offset iterator.

use crate::suppress::{self, Directive};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// A Markdown post's prose view (see `Document`), the ranges where it is not a verbatim copy of
/// the source, and its suppression comments.
pub struct Parsed {
    pub prose: Vec<u8>,
    pub not_verbatim: Vec<Range<usize>>,
    pub directives: Vec<Directive>,
    /// The `lang:` value of the YAML front matter, if any.
    pub lang: Option<String>,
    /// Where the link targets are (`[text](target)`, `<target>`).
    pub links: Vec<Range<usize>>,
}

/// Parses a Markdown `text`.
pub fn parse(text: &str) -> Parsed {
    let mut prose: Vec<u8> = text.bytes().map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' }).collect();
    let mut not_verbatim = Vec::new();
    let mut directives = Vec::new();
    let mut lang = None;
    let mut links = Vec::new();
    let mut in_front_matter = false;
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES;
    // Depth of elements whose text is not prose: code blocks, front matter, images, autolinks.
    let mut hidden = 0usize;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => {
                hidden += 1;
                in_front_matter = true;
            }
            Event::Text(yaml) if in_front_matter => lang = lang.or_else(|| front_matter_lang(&yaml)),
            Event::End(TagEnd::MetadataBlock(_)) => {
                hidden = hidden.saturating_sub(1);
                in_front_matter = false;
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(at) =
                    text[range.clone()].rfind(dest_url.as_ref()).filter(|_| !dest_url.is_empty())
                {
                    links.push(range.start + at..range.start + at + dest_url.len());
                }
            }
            Event::Start(tag) if hides_text(&tag) => hidden += 1,
            Event::End(tag) if hides_text_end(tag) => hidden = hidden.saturating_sub(1),
            Event::Html(html) | Event::InlineHtml(html) if html.contains("postlint-") => {
                directives.extend(suppress::parse(&text[range.clone()], range.start));
            }
            Event::Text(decoded) if hidden == 0 && !is_autolink(text, &range) => {
                if text[range.clone()] == *decoded {
                    prose[range.clone()].copy_from_slice(decoded.as_bytes());
                } else {
                    if decoded.len() <= range.len() {
                        prose[range.start..range.start + decoded.len()].copy_from_slice(decoded.as_bytes());
                    }
                    not_verbatim.push(range);
                }
            }
            _ => {}
        }
    }
    Parsed { prose, not_verbatim, directives, lang, links }
}

/// The value of a top-level `lang:` key in YAML front matter, if it is a language code.
fn front_matter_lang(yaml: &str) -> Option<String> {
    yaml.lines().find_map(|line| {
        let value = line.strip_prefix("lang:")?.trim().trim_matches(['"', '\'']);
        crate::lang::is_code(value).then(|| value.to_owned())
    })
}

fn hides_text(tag: &Tag) -> bool {
    matches!(tag, Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::Image { .. })
}

fn hides_text_end(tag: TagEnd) -> bool {
    matches!(tag, TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::Image)
}

/// An autolink's (`<https://…>`) text is its address, written between angle brackets.
fn is_autolink(text: &str, range: &Range<usize>) -> bool {
    range.start > 0
        && text.as_bytes()[range.start - 1] == b'<'
        && text.as_bytes().get(range.end) == Some(&b'>')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(text: &str) -> String {
        String::from_utf8(parse(text).prose).unwrap()
    }

    #[test]
    fn code_html_front_matter_and_link_targets_are_blanked() {
        let text = "---\nlang: it\n---\nHi `x` [a](http://b) <b>c</b>\n\n```\nd\n```\n";
        assert_eq!(view(text), "   \n        \n   \nHi      a               c    \n\n   \n \n   \n");
    }

    #[test]
    fn entities_are_decoded_in_place_and_marked() {
        let parsed = parse("R&amp;D");
        assert_eq!(String::from_utf8(parsed.prose).unwrap(), "R&    D");
        assert_eq!(parsed.not_verbatim, vec![1..6]);
    }
}
