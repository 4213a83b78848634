//! Every mistake in a rule file is an error naming the file, line and column of the offending key.

use postlint::rules::RuleSet;

/// The errors for a rule file holding `body` after a valid preamble, as `file:line:col: message`.
fn errors(body: &str) -> Vec<String> {
    let text = format!("[[rule]]\nid = \"my-rule\"\nkind = \"forbid\"\nseverity = \"warning\"\n{body}");
    file_errors("my.toml", &text)
}

/// The errors for the rule file `name` holding `text`, as `file:line:col: message`.
fn file_errors(name: &str, text: &str) -> Vec<String> {
    match RuleSet::from_texts([(name, text)]) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn a_valid_rule_loads() {
    assert_eq!(errors("message = \"m\"\nany = [\"x\"]\n"), Vec::<String>::new());
}

#[test]
fn unknown_field() {
    let found = errors("message = \"m\"\nany = [\"x\"]\nanny = [\"y\"]\n");
    assert_eq!(found.len(), 1);
    assert!(found[0].starts_with("my.toml:7:1: unknown field `anny`, expected one of"), "{found:?}");
}

#[test]
fn unknown_kind() {
    let text = "[[rule]]\nid = \"a\"\nkind = \"forbidden\"\nseverity = \"info\"\nmessage = \"m\"\n";
    let found = file_errors("k.toml", text);
    assert_eq!(
        found,
        [
            "k.toml:3:8: unknown kind `forbidden`; expected one of require, forbid, near-miss, label, spacing, hashtags, cashtags, line-start, metric, title-case, links, whitespace, repetition, delimiters, glued, mojibake, invisible, mixed-script, sentence-start, spelling"
        ]
    );
}

#[test]
fn bad_regex() {
    assert_eq!(
        errors("message = \"m\"\npatterns = [\"ok\", \"(open\"]\n"),
        ["my.toml:6:19: invalid regular expression: unclosed group"]
    );
}

#[test]
fn a_regex_too_large_to_compile_is_an_error_at_its_key() {
    // Patterns compile on first use, but one that may exceed the size limit is compiled when read.
    assert_eq!(
        errors("message = \"m\"\npatterns = ['\\w{1000}{1000}']\n"),
        ["my.toml:6:13: invalid regular expression: Compiled regex exceeds size limit of 10485760 bytes."]
    );
}

#[test]
fn duplicate_id() {
    let rule =
        "[[rule]]\nid = \"twice\"\nkind = \"forbid\"\nseverity = \"info\"\nmessage = \"m\"\nany = [\"x\"]\n";
    let text = format!("{rule}\n{rule}");
    let errors = RuleSet::from_texts([("d.toml", text.as_str())]).err().unwrap();
    assert_eq!(
        errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["d.toml:9:6: duplicate rule id `twice`"]
    );
    let postlint::error::Error::Config(e) = &errors[0] else { panic!() };
    assert_eq!(e.notes, ["first defined at d.toml:1"]);
}

#[test]
fn missing_message() {
    assert_eq!(errors("any = [\"x\"]\n"), ["my.toml:1:1: missing field `message`"]);
}

#[test]
fn empty_message() {
    assert_eq!(errors("message = \" \"\nany = [\"x\"]\n"), ["my.toml:5:11: the message is empty"]);
}

#[test]
fn wrong_type() {
    assert_eq!(
        errors("message = \"m\"\nany = \"x\"\n"),
        [
            "my.toml:6:7: invalid type: string \"x\", expected a list of phrases, or a table of such lists by language code"
        ]
    );
}

#[test]
fn unknown_severity_and_fix_setting() {
    let text = "[[rule]]\nid = \"a\"\nkind = \"forbid\"\nseverity = \"fatal\"\nmessage = \"m\"\nany = [\"x\"]\n\n[[rule]]\nid = \"b\"\nkind = \"forbid\"\nseverity = \"info\"\nmessage = \"m\"\nany = [\"x\"]\nfix = \"maybe\"\n";
    let found = file_errors("s.toml", text);
    assert_eq!(
        found,
        [
            "s.toml:4:12: unknown severity `fatal`; expected off, info, warning or error",
            "s.toml:14:7: unknown fix setting `maybe`; expected safe, unsafe or none",
        ]
    );
}

#[test]
fn parameter_of_another_kind() {
    assert_eq!(
        errors("message = \"m\"\nany = [\"x\"]\nterms = [\"Bitcoin\"]\n"),
        ["my.toml:7:9: `terms` is not a parameter of kind `forbid`"]
    );
}

#[test]
fn missing_kind_parameter() {
    assert_eq!(
        errors("message = \"m\"\n"),
        ["my.toml:3:8: kind `forbid` needs `any`, `replace`, `patterns` or `rewrite`"]
    );
}

#[test]
fn unknown_placeholder() {
    let found = errors("message = \"{term}\"\nany = [\"x\"]\n");
    assert_eq!(
        found,
        ["my.toml:5:11: unknown placeholder `{term}`; this kind offers `{found}`, `{replacement}`"]
    );
}

#[test]
fn id_not_kebab_case() {
    let text = "[[rule]]\nid = \"My_Rule\"\nkind = \"forbid\"\nseverity = \"info\"\nmessage = \"m\"\nany = [\"x\"]\n";
    let found = file_errors("i.toml", text);
    assert_eq!(found, ["i.toml:2:6: rule id `My_Rule` must be kebab-case, e.g. `missing-space`"]);
}

#[test]
fn toml_syntax_error() {
    let found = file_errors("t.toml", "[[rule]\nid = 1\n");
    assert_eq!(found.len(), 1);
    assert!(found[0].starts_with("t.toml:1:"), "{found:?}");
}

#[test]
fn one_bad_rule_does_not_hide_the_next() {
    let text = "[[rule]]\nid = \"a\"\nkind = \"nope\"\nseverity = \"info\"\nmessage = \"m\"\n\n[[rule]]\nid = \"b\"\nkind = \"forbid\"\nseverity = \"info\"\n";
    let found = file_errors("two.toml", text);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].starts_with("two.toml:3:8: unknown kind `nope`"));
    assert_eq!(found[1], "two.toml:7:1: missing field `message`");
}

#[test]
fn a_user_rule_replaces_the_built_in_rule_with_its_id() {
    let dir = tempfile::tempdir().unwrap();
    let text = "[[rule]]\nid = \"misspelling\"\nkind = \"forbid\"\nseverity = \"info\"\nmessage = \"mine\"\nany = [\"x\"]\n";
    std::fs::write(dir.path().join("mine.toml"), text).unwrap();
    let rules = RuleSet::load(true, &[dir.path().to_owned()]).unwrap();
    let misspelling: Vec<_> = rules.rules.iter().filter(|r| r.id == "misspelling").collect();
    assert_eq!(misspelling.len(), 1);
    assert_eq!(misspelling[0].kind, "forbid");
    assert!(misspelling[0].origin.0.ends_with("mine.toml"));
}

#[test]
fn unknown_check_names_the_checks_of_its_kind() {
    let text = "[[rule]]\nid = \"a\"\nkind = \"whitespace\"\ncheck = \"tripple\"\nseverity = \"info\"\nmessage = \"m\"\n";
    let found = file_errors("k.toml", text);
    assert_eq!(found, ["k.toml:4:9: unknown whitespace check `tripple`; expected double or trailing"]);
}

#[test]
fn a_phrase_list_keyed_by_an_unknown_language() {
    assert_eq!(
        errors("message = \"m\"\nany = { all = [\"x\"], xx = [\"y\"] }\n"),
        [
            "my.toml:6:7: unknown language `xx`; use `all` or one of en, it, es, fr, de, pt, tr, ru, vi, id, zh, ar, ja, ko, ur"
        ]
    );
}

#[test]
fn negations_without_subjects_against_without_signals_and_an_unknown_quiet_language() {
    let require = "[[rule]]\nid = \"r\"\nkind = \"require\"\nseverity = \"warning\"\nmessage = \"m\"\n\
                   negations = [\"not\"]\n";
    assert_eq!(
        file_errors("r.toml", require),
        ["r.toml:6:13: `negations` and `subjects` go together: give both"]
    );
    let against = "[[rule]]\nid = \"r\"\nkind = \"require\"\nseverity = \"warning\"\nmessage = \"m\"\n\
                   any = [\"NFA\"]\nagainst = [\"analysts\"]\n";
    assert_eq!(
        file_errors("r.toml", against),
        ["r.toml:7:11: `against` cancels `when` phrases, `signals` or `topics`: give one of them"]
    );
    let spelling = "[[rule]]\nid = \"s\"\nkind = \"spelling\"\nseverity = \"warning\"\nmessage = \"m\"\n\
                    quiet = [\"xx\"]\n";
    assert_eq!(file_errors("s.toml", spelling), ["s.toml:6:9: unknown language `xx`"]);
}

#[test]
fn an_empty_or_blank_phrase_is_an_error() {
    assert_eq!(
        errors("message = \"m\"\nany = [\"moon\", \"\"]\n"),
        ["my.toml:6:7: an empty phrase would match nowhere (or everywhere); remove it"]
    );
    assert_eq!(
        errors("message = \"m\"\nany = { en = [\" \"] }\n"),
        ["my.toml:6:7: an empty phrase would match nowhere (or everywhere); remove it"]
    );
    assert_eq!(
        errors("message = \"m\"\nfix = \"safe\"\nreplace = { \"\" = \"x\" }\n"),
        ["my.toml:7:11: `replace` has an empty phrase, which would match nowhere; remove it"]
    );
}

#[test]
fn a_regex_that_matches_empty_text_is_an_error() {
    assert_eq!(
        errors("message = \"m\"\npatterns = [\"moon\", \"x*\"]\n"),
        [
            "my.toml:6:21: invalid regular expression: it matches empty text, so it would fire everywhere; make every match hold at least one character"
        ]
    );
}

#[test]
fn an_unclosed_placeholder_is_an_error() {
    assert_eq!(
        errors("message = \"bad {found\"\nany = [\"moon\"]\n"),
        [
            "my.toml:5:11: `{found` is not closed: write `{found}` for the placeholder, or `{{` for a literal brace"
        ]
    );
}

#[test]
fn a_replacement_group_the_pattern_lacks_is_an_error() {
    let rule = |replacement: &str| {
        errors(&format!("message = \"m\"\nfix = \"safe\"\nrewrite = {{ \"(moon)\" = \"{replacement}\" }}\n"))
    };
    assert_eq!(
        rule("$9"),
        [
            "my.toml:7:11: in the replacement for `(moon)`: `$9` names no group of the pattern, which has 1 group"
        ]
    );
    assert_eq!(
        rule("${2"),
        [
            "my.toml:7:11: in the replacement for `(moon)`: `${2` is not closed; write `${name}` or `$$` for a dollar sign"
        ]
    );
    assert_eq!(rule("$1 moon"), Vec::<String>::new());
}

#[test]
fn invalid_utf8_in_a_rule_file_or_the_configuration_names_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let (rules, config) = (dir.path().join("r.toml"), dir.path().join("postlint.toml"));
    std::fs::write(&rules, b"[[rule]]\nid = \"t\"\nmessage = \"m\xff\"\n").unwrap();
    std::fs::write(&config, b"lang = \"en\"\n# caf\xe9\n").unwrap();
    let messages =
        |errors: Vec<postlint::error::Error>| errors.iter().map(ToString::to_string).collect::<Vec<_>>();
    assert_eq!(
        messages(RuleSet::load(false, std::slice::from_ref(&rules)).err().unwrap()),
        [format!("{}:3:13: invalid UTF-8 at byte 30 (0xFF); save the file as UTF-8", rules.display())]
    );
    assert_eq!(
        messages(postlint::config::Config::load(&config).err().unwrap()),
        [format!("{}:2:6: invalid UTF-8 at byte 17 (0xE9); save the file as UTF-8", config.display())]
    );
}
