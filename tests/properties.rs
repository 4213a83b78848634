//! Property tests of the fix engine over posts assembled from fixture fragments and mistakes.

use postlint::diagnostic::{Applicability, Edit};
use postlint::fix;
use postlint::lint::Linter;
use postlint::rules::RuleSet;
use postlint::source::Source;
use proptest::prelude::*;
use std::sync::LazyLock;

static RULES: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::load(true, &[]).unwrap());

/// Lines of the fixtures, and the mistakes the rules fix, as building blocks.
static FRAGMENTS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut fragments: Vec<String> = [
        "fixtures/example/nvidia-openai-it.txt",
        "fixtures/clean/bitcoin-halving-en.txt",
        "fixtures/clean/ethereum-staking-it.txt",
        "fixtures/clean/defi-guide.md",
    ]
    .iter()
    .flat_map(|path| std::fs::read_to_string(path).unwrap().lines().map(str::to_owned).collect::<Vec<_>>())
    .collect();
    for mistake in [
        "Heading",
        "Body,",
        ",Subheading,",
        "Introduction,",
        "Conclusion ",
        "Diclaimaer:",
        "Etherium",
        "BLOKCHAIN",
        "records.The",
        "sale,ma",
        "not financial advise",
        "Non Consiglio Finanziario",
        "#writetoearn",
        "#BTC #ETH",
        "#Write_To_Earn",
        "&amp;",
        "`code,x`",
        "**bold**",
        "é",
        "🚀",
        "\u{feff}",
        "  ",
        ":",
        ",",
        ".",
    ] {
        fragments.push(mistake.to_owned());
    }
    fragments
});

fn post() -> impl Strategy<Value = (String, bool)> {
    let piece = (0..FRAGMENTS.len(), prop::sample::select(vec!["\n", "\r\n", " ", "", "\n\n", ","]));
    (prop::collection::vec(piece, 1..14), any::<bool>()).prop_map(|(pieces, markdown)| {
        let text = pieces.into_iter().map(|(i, sep)| format!("{}{sep}", FRAGMENTS[i])).collect::<String>();
        (text, markdown)
    })
}

fn source(text: &str, markdown: bool) -> Source {
    Source::new(if markdown { "post.md" } else { "post.txt" }, text.to_owned())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn a_pass_changes_bytes_only_inside_its_edits((text, markdown) in post()) {
        let source = source(&text, markdown);
        let diagnostics = Linter::new(&RULES.rules).lint(&source).unwrap();
        let planned = fix::plan(&diagnostics, Applicability::Unsafe);
        let fixed = fix::apply(&source.text, &planned);
        let mut edits: Vec<&Edit> = planned.iter().flat_map(|d| &d.fix.as_ref().unwrap().edits).collect();
        edits.sort_by_key(|e| (e.range.start, e.range.end));
        // Walk the original and the fixed text side by side: between edits they must agree.
        let (mut old, mut new) = (0, 0);
        for edit in edits {
            let kept = &source.text[old..edit.range.start];
            prop_assert_eq!(&fixed[new..new + kept.len()], kept);
            new += kept.len();
            prop_assert_eq!(&fixed[new..new + edit.replacement.len()], edit.replacement.as_str());
            new += edit.replacement.len();
            old = edit.range.end;
        }
        prop_assert_eq!(&fixed[new..], &source.text[old..]);
    }

    #[test]
    fn fixing_twice_equals_fixing_once_and_leaves_nothing_safe_to_fix((text, markdown) in post()) {
        let original = source(&text, markdown);
        for level in [Applicability::Safe, Applicability::Unsafe] {
            let once = fix::fix(&original, &Linter::new(&RULES.rules), level).unwrap();
            prop_assert!(once.unsettled.is_none(), "did not settle: {:?}", once.unsettled);
            let fixed = original.with_text(once.text.clone());
            let twice = fix::fix(&fixed, &Linter::new(&RULES.rules), level).unwrap();
            prop_assert_eq!(&twice.text, &once.text);
            prop_assert_eq!(twice.applied, 0);
            let left = Linter::new(&RULES.rules).lint(&fixed).unwrap();
            prop_assert!(
                left.iter().all(|d| d.fix.as_ref().is_none_or(|f| !fix::is_applicable(f, level))),
                "still fixable: {:?}", left
            );
        }
    }
}
