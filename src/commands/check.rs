//! `postlint check`: find the posts, give each the rules its configuration selects, lint (and
//! fix) them in parallel, and report.

use super::{Loaded, load, render_errors};
use crate::cli::{CLEAN, CheckArgs, FAILURE, FailOn, PROBLEMS};
use crate::config::{Config, ENGINE_RULES};
use crate::diagnostic::{Applicability, Severity};
use crate::error::Error;
use crate::lint::Linter;
use crate::progress::Progress;
use crate::report::{Reporter, Settings};
use crate::rules::Rule;
use crate::run::{self, Mode, Outcome};
use crate::suppress::UNUSED;
use crate::walk::{self, Input};
use codespan_reporting::term::termcolor::{Buffer, WriteColor};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Runs `postlint check` and returns its exit code.
pub fn run(args: &CheckArgs) -> u8 {
    let mut stderr = args.color.stream(true);
    let Loaded { config, rules: rules_loaded } = match load(&args.rule_args) {
        Ok(loaded) => loaded,
        Err(errors) => {
            render_errors(&errors, &mut stderr);
            return FAILURE;
        }
    };
    if let Err(e) = check_selection(args, &rules_loaded.rules).and_then(|()| check_lang(args.lang.as_deref()))
    {
        render_errors(&[e], &mut stderr);
        return FAILURE;
    }
    let paths = if args.paths.is_empty() { vec![PathBuf::from(".")] } else { args.paths.clone() };
    let exclude_config = std::sync::Arc::new(config.clone());
    let excluded: walk::Exclude = std::sync::Arc::new(move |path: &Path| exclude_config.is_excluded(path));
    let (inputs, errors) = walk::discover(&paths, excluded, args.force_exclude);

    // Posts matched by the same [[overrides]] entries share one rule list, compiled once.
    let keys: Vec<Vec<usize>> =
        inputs.iter().map(|input| config.overrides_for(&input_path(input, args))).collect();
    let mut groups: BTreeMap<&[usize], Group> = BTreeMap::new();
    let mut config_errors = Vec::new();
    for key in &keys {
        if !groups.contains_key(key.as_slice()) {
            match config.apply(&rules_loaded.rules, key) {
                Ok(configured) => {
                    let selected = configured.into_iter().filter(|r| is_selected(args, &r.id)).collect();
                    let report_unused = is_selected(args, UNUSED) && !config.engine_rule_off(UNUSED, key);
                    groups.insert(
                        key,
                        Group { rules: selected, lang: lang(args, &config, key), report_unused },
                    );
                }
                Err(e) => config_errors.extend(e),
            }
        }
    }
    if !config_errors.is_empty() {
        render_errors(&config_errors, &mut stderr);
        return FAILURE;
    }

    let mode = match (args.fix, args.diff) {
        (true, _) => Mode::Fix,
        (_, true) => Mode::Diff,
        _ => Mode::Check,
    };
    let level = if args.unsafe_fixes { Applicability::Unsafe } else { Applicability::Safe };
    // A draft fixed from stdin goes to stdout, so the problems left go to stderr.
    let report_to_stderr = mode == Mode::Fix && inputs.contains(&Input::Stdin);
    let mut stdout = args.color.stream(false);
    let mut reporter = Reporter::new(Settings {
        format: args.format,
        statistics: args.statistics,
        rules: &rules_loaded.rules,
        level,
        fixing: mode == Mode::Fix,
        quiet: args.quiet,
        color: if report_to_stderr { stderr.supports_color() } else { stdout.supports_color() },
    });
    render_errors(&errors, &mut stderr);
    let mut failed = !errors.is_empty();
    let mut fixed = 0;
    let mut changed = false;
    let progress = Progress::new(inputs.len());
    // Posts are checked in parallel a batch at a time and reported in order, so that memory
    // holds one batch, not the whole run.
    let mut write_all = || -> std::io::Result<()> {
        for (batch, batch_keys) in inputs.chunks(BATCH).zip(keys.chunks(BATCH)) {
            let reporting = &reporter;
            let check_one = |(input, key): (&Input, &Vec<usize>)| {
                let group = &groups[key.as_slice()];
                let linter = Linter {
                    rules: &group.rules,
                    lang: group.lang,
                    known: &rules_loaded.rules,
                    report_unused: group.report_unused,
                };
                let outcome =
                    run::process(input, &args.stdin_filename, &linter, mode, level, config.max_post_size);
                let rendered = outcome.report.as_ref().and_then(|r| reporting.prerender(r));
                progress.tick();
                (outcome, rendered)
            };
            // One post (a draft, the pre-commit hook) needs no worker threads to start.
            let outcomes: Vec<(Outcome, Option<Buffer>)> = if batch.len() == 1 {
                batch.iter().zip(batch_keys).map(check_one).collect()
            } else {
                batch.par_iter().zip(batch_keys).map(check_one).collect()
            };
            for (outcome, rendered) in outcomes {
                failed |= !outcome.errors.is_empty();
                render_errors(&outcome.errors, &mut stderr);
                fixed += outcome.fixed;
                if let Some(diff) = &outcome.diff {
                    changed = true;
                    stdout.write_all(diff.as_bytes())?;
                }
                if let Some(draft) = &outcome.fixed_draft {
                    stdout.write_all(draft)?;
                }
                if let Some(report) = &outcome.report
                    && mode != Mode::Diff
                {
                    let out: &mut dyn WriteColor = if report_to_stderr { &mut stderr } else { &mut stdout };
                    reporter.file(report, rendered.as_ref(), out)?;
                }
            }
        }
        progress.finish();
        if mode != Mode::Diff {
            let out: &mut dyn WriteColor = if report_to_stderr { &mut stderr } else { &mut stdout };
            reporter.finish(inputs.len(), fixed, out)?;
        }
        crate::spelling::save_caches();
        // Notes about the run (a dictionary that is not installed) go to stderr, after the
        // report, so that machine-readable output stays clean.
        for note in crate::notes::take() {
            writeln!(stderr, "note: {note}")?;
        }
        stdout.flush()?;
        stderr.flush()
    };
    if let Err(e) = write_all()
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        let _ = writeln!(args.color.stream(true), "error: cannot write the output: {e}");
        return FAILURE;
    }
    let fail_on = match args.fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
    };
    if failed {
        FAILURE
    } else if args.exit_zero {
        CLEAN
    } else if mode == Mode::Diff {
        if changed { PROBLEMS } else { CLEAN }
    } else if reporter.has_at_least(fail_on) {
        PROBLEMS
    } else {
        CLEAN
    }
}

/// What the posts matched by the same `[[overrides]]` entries are checked with.
struct Group<'a> {
    rules: Vec<Rule>,
    lang: Option<&'a str>,
    /// Whether `unused-suppression` runs for them.
    report_unused: bool,
}

/// How many posts are checked between two writes of the report.
const BATCH: usize = 512;

/// The path a post's configuration is chosen by (stdin: `--stdin-filename`).
fn input_path(input: &Input, args: &CheckArgs) -> PathBuf {
    match input {
        Input::Stdin => PathBuf::from(&args.stdin_filename),
        Input::File(path) => path.clone(),
    }
}

fn is_selected(args: &CheckArgs, id: &str) -> bool {
    (args.select.is_empty() || args.select.iter().any(|s| s == id)) && !args.ignore.iter().any(|s| s == id)
}

/// `--select` and `--ignore` may only name rules that exist.
fn check_selection(args: &CheckArgs, rules: &[Rule]) -> Result<(), Error> {
    let unknown = args
        .select
        .iter()
        .chain(&args.ignore)
        .find(|id| !rules.iter().any(|r| r.id == **id) && !ENGINE_RULES.contains(&id.as_str()));
    match unknown {
        Some(id) => Err(Error::Usage(format!("there is no rule `{id}`; `postlint rules list` shows them"))),
        None => Ok(()),
    }
}

fn check_lang(lang: Option<&str>) -> Result<(), Error> {
    match lang {
        Some(code) if code != "auto" && !crate::lang::is_code(code) => {
            Err(Error::Usage(format!("--lang {code}: write `auto` or a language code such as `en`, `it`")))
        }
        _ => Ok(()),
    }
}

/// The language set for posts in a group: `--lang`, else the configuration's.
fn lang<'a>(args: &'a CheckArgs, config: &'a Config, key: &[usize]) -> Option<&'a str> {
    match args.lang.as_deref() {
        Some("auto") => None,
        Some(code) => Some(code),
        None => config.lang_for(key),
    }
}
