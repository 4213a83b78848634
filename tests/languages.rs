//! Language identification on short, jargon-heavy samples in 31 languages (tests/lang: 372
//! samples and a 93-sample hold-out, written for postlint's measurement of language
//! identifiers; see docs/design.md). Each sample is checked as a one-line post, as postlint
//! tells a line's language. What matters most is that text in a language postlint does not
//! check is never taken for one it does ("harmful": spelling would run on it).

use postlint::document::Document;
use postlint::lang;
use postlint::source::Source;

/// (language, text) of every sample in `file`.
fn samples(file: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(format!("tests/lang/{file}")).unwrap();
    text.lines()
        .skip(1)
        .map(|line| {
            let mut fields = line.splitn(3, '\t');
            let (lang, _size, text) =
                (fields.next().unwrap(), fields.next().unwrap(), fields.next().unwrap());
            (lang.to_owned(), text.replace("\\n", " "))
        })
        .collect()
}

/// postlint's answer for `text` as a line: its own language, else the post's guess.
fn identify(text: &str) -> Option<String> {
    let source = Source::new("a.txt", text.to_owned());
    let doc = Document::new(&source, None);
    doc.language_at(0).map(str::to_owned)
}

/// (right, cannot tell, harmful, total) over `file`'s samples in checked and in other languages.
fn score(file: &str) -> ((usize, usize, usize), (usize, usize)) {
    let (mut right, mut unknown, mut checked) = (0, 0, 0);
    let (mut harmful, mut others) = (0, 0);
    for (expected, text) in samples(file) {
        let found = identify(&text);
        if lang::is_checked(&expected) {
            checked += 1;
            match found {
                Some(f) if f == expected => right += 1,
                None => unknown += 1,
                Some(_) => {}
            }
        } else {
            others += 1;
            if found.is_some_and(|f| lang::is_checked(&f)) {
                harmful += 1;
                eprintln!("harmful: {expected} sample read as checked: {text}");
            }
        }
    }
    eprintln!("{file}: {right}/{checked} right, {unknown} cannot tell; {harmful}/{others} harmful");
    ((right, unknown, checked), (harmful, others))
}

#[test]
fn text_in_a_language_postlint_does_not_check_is_rarely_taken_for_one_it_does() {
    let (_, (harmful, others)) = score("samples.tsv");
    assert!(others >= 150, "{others} samples in other languages");
    assert!(harmful * 100 <= others * HARMFUL_PERCENT, "{harmful} of {others} harmful");
    let (_, (harmful, others)) = score("holdout.tsv");
    assert!(harmful * 100 <= others * HARMFUL_PERCENT, "{harmful} of {others} harmful in the hold-out");
}

#[test]
fn checked_languages_are_told_on_most_samples_and_never_taken_for_another() {
    for file in ["samples.tsv", "holdout.tsv"] {
        let ((right, unknown, checked), _) = score(file);
        assert!(right * 100 >= checked * RIGHT_PERCENT, "{file}: {right} of {checked} right");
        // Whatever is not right is "cannot tell" (the post's language is used), never wrong.
        assert!(checked - right - unknown <= checked * WRONG_PERCENT / 100, "{file}: wrong answers");
    }
}

/// The bounds measured (December 2026: 4 of 192 and 2 of 48 harmful, Malay read as
/// Indonesian and Catalan as Spanish; 86% of checked-language samples right, the rest "cannot
/// tell", none wrong); tighten them as the identification improves.
const HARMFUL_PERCENT: usize = 5;
const RIGHT_PERCENT: usize = 85;
const WRONG_PERCENT: usize = 0;
