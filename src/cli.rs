//! The command line: argument parsing and the `check` run.

use crate::diagnostic::{Applicability, Severity};
use crate::report::{self, Format, Summary};
use crate::rules::RuleSet;
use crate::run::{self, Mode, Outcome};
use crate::walk;
use clap::{Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Lint write-to-earn posts against rules loaded from files.
#[derive(Debug, Parser)]
#[command(name = "postlint", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check posts and report problems with their line and column.
    Check(CheckArgs),
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Files or directories to check (`-` reads stdin); the current directory if none.
    paths: Vec<PathBuf>,
    /// Also load the rule files in this directory (or this file); repeatable.
    #[arg(long = "rules", value_name = "DIR")]
    rules: Vec<PathBuf>,
    /// Do not load the built-in rules.
    #[arg(long)]
    no_builtin: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// The name stdin is reported under; its extension decides Markdown or plain text.
    #[arg(long, value_name = "NAME", default_value = "<stdin>")]
    stdin_filename: String,
    /// When to use colour.
    #[arg(long, value_enum, default_value_t)]
    color: ColorMode,
    /// Apply safe fixes in place (stdin: print the fixed draft), then report what remains.
    #[arg(long)]
    fix: bool,
    /// Also apply fixes that may change meaning (with `--fix` or `--diff`).
    #[arg(long)]
    unsafe_fixes: bool,
    /// Print what `--fix` would change as a unified diff; write nothing. Exits 1 if anything would change.
    #[arg(long, conflicts_with = "fix")]
    diff: bool,
}

/// When to colour the output.
#[derive(Debug, Clone, Copy, Default, ValueEnum)]
enum ColorMode {
    /// On a terminal, unless NO_COLOR is set.
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorMode {
    fn choice(self, is_terminal: bool) -> ColorChoice {
        match self {
            Self::Always => ColorChoice::Always,
            Self::Never => ColorChoice::Never,
            Self::Auto if is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) => {
                ColorChoice::Auto
            }
            Self::Auto => ColorChoice::Never,
        }
    }
}

/// Exit codes: no error-level problem, at least one, and could not do the job.
const CLEAN: u8 = 0;
const PROBLEMS: u8 = 1;
const FAILURE: u8 = 2;

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { FAILURE } else { CLEAN });
        }
    };
    match cli.command {
        Command::Check(args) => ExitCode::from(check(&args)),
    }
}

fn check(args: &CheckArgs) -> u8 {
    let mut stderr = StandardStream::stderr(args.color.choice(std::io::stderr().is_terminal()));
    let rules = match RuleSet::load(!args.no_builtin, &args.rules) {
        Ok(rules) => rules,
        Err(errors) => {
            for e in &errors {
                let _ = e.render(&mut stderr);
            }
            return FAILURE;
        }
    };
    let paths = if args.paths.is_empty() { vec![PathBuf::from(".")] } else { args.paths.clone() };
    let (inputs, mut errors) = walk::discover(&paths);
    let mode = match (args.fix, args.diff) {
        (true, _) => Mode::Fix,
        (_, true) => Mode::Diff,
        _ => Mode::Check,
    };
    let level = if args.unsafe_fixes { Applicability::Unsafe } else { Applicability::Safe };
    let outcomes: Vec<Outcome> = inputs
        .par_iter()
        .map(|input| run::process(input, &args.stdin_filename, &rules.rules, mode, level))
        .collect();

    let mut stdout = StandardStream::stdout(args.color.choice(std::io::stdout().is_terminal()));
    let mut fixed_draft = None;
    let mut reports = Vec::new();
    let mut fixed = 0;
    let mut diffs = String::new();
    for outcome in outcomes {
        errors.extend(outcome.errors);
        reports.extend(outcome.report);
        fixed += outcome.fixed;
        diffs.push_str(outcome.diff.as_deref().unwrap_or_default());
        fixed_draft = fixed_draft.or(outcome.fixed_draft);
    }
    for e in &errors {
        let _ = e.render(&mut stderr);
    }
    let summary = Summary { files: inputs.len(), fixed, level, fixing: mode == Mode::Fix };
    let written = match (mode, fixed_draft) {
        (Mode::Diff, _) => stdout.write_all(diffs.as_bytes()),
        // A fixed draft from stdin goes to stdout; the problems left go to stderr.
        (_, Some(draft)) => stdout
            .write_all(&draft)
            .and_then(|()| report::write(args.format, &reports, &summary, &mut stderr)),
        _ => report::write(args.format, &reports, &summary, &mut stdout),
    };
    if let Err(e) = written.and_then(|()| stdout.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        let _ = writeln!(stderr, "error: cannot write the output: {e}");
        return FAILURE;
    }
    let has_errors = reports.iter().flat_map(|r| &r.diagnostics).any(|d| d.severity == Severity::Error);
    if !errors.is_empty() {
        FAILURE
    } else if mode == Mode::Diff {
        if diffs.is_empty() { CLEAN } else { PROBLEMS }
    } else if has_errors {
        PROBLEMS
    } else {
        CLEAN
    }
}
