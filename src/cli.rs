//! The command line: argument parsing and the `check` run.

use crate::error::Error;
use crate::lint::lint;
use crate::report::{self, FileReport, Format};
use crate::rules::RuleSet;
use crate::source::Source;
use crate::walk::{self, Input};
use clap::{Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use rayon::prelude::*;
use std::io::{IsTerminal, Read, Write};
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
            Self::Auto
                if is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) =>
            {
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
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let (inputs, mut errors) = walk::discover(&paths);
    let results: Vec<Result<FileReport, Error>> = inputs
        .par_iter()
        .map(|input| {
            let source = read(input, &args.stdin_filename)?;
            let diagnostics = lint(&source, &rules.rules);
            Ok(FileReport {
                source,
                diagnostics,
            })
        })
        .collect();
    let mut reports = Vec::new();
    for result in results {
        match result {
            Ok(report) => reports.push(report),
            Err(e) => errors.push(e),
        }
    }
    for e in &errors {
        let _ = e.render(&mut stderr);
    }
    let mut stdout = StandardStream::stdout(args.color.choice(std::io::stdout().is_terminal()));
    let written = report::write(args.format, &reports, inputs.len(), &mut stdout)
        .and_then(|()| stdout.flush());
    if let Err(e) = written
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        let _ = writeln!(stderr, "error: cannot write the report: {e}");
        return FAILURE;
    }
    let has_errors = reports
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| d.severity == crate::diagnostic::Severity::Error);
    if !errors.is_empty() {
        FAILURE
    } else if has_errors {
        PROBLEMS
    } else {
        CLEAN
    }
}

/// Reads and decodes one post.
fn read(input: &Input, stdin_name: &str) -> Result<Source, Error> {
    let (name, bytes) = match input {
        Input::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| Error::io(stdin_name, &e))?;
            (stdin_name.to_owned(), bytes)
        }
        Input::File(path) => {
            let name = path.display().to_string();
            let bytes = std::fs::read(path).map_err(|e| Error::io(&name, &e))?;
            (name, bytes)
        }
    };
    Source::from_bytes(name.clone(), bytes).map_err(|error| Error::Utf8 { path: name, error })
}
