//! The command line: arguments, and the dispatch to `commands`.

use crate::commands;
use crate::report::Format;
use clap::{Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{BufferedStandardStream, ColorChoice};
use std::io::IsTerminal;
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
    /// List, explain and test rules.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Write a commented postlint.toml in the current directory.
    Init,
}

/// Where rules and settings come from; shared by `check` and `rules`.
#[derive(Debug, clap::Args)]
pub struct RuleArgs {
    /// The configuration file (default: the nearest postlint.toml in this directory or above).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Also load the rule files in this directory (or this file); repeatable.
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    /// Do not load the built-in rules.
    #[arg(long)]
    pub no_builtin: bool,
    /// The platform profile: generic, binance-square, medium, hive or publish0x.
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
}

/// Arguments of `postlint check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files or directories to check (`-` reads stdin); the current directory if none.
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub rule_args: RuleArgs,
    /// Run only these rules (comma-separated ids).
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    pub select: Vec<String>,
    /// Do not run these rules (comma-separated ids).
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    pub ignore: Vec<String>,
    /// The posts' language (`auto`: from config, else guessed), e.g. `it`.
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// The name stdin is reported under; its extension decides Markdown or plain text.
    #[arg(long, value_name = "NAME", default_value = "<stdin>")]
    pub stdin_filename: String,
    /// When to use colour.
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorMode,
    /// Apply safe fixes in place (stdin: print the fixed draft), then report what remains.
    #[arg(long)]
    pub fix: bool,
    /// Also apply fixes that may change meaning (with `--fix` or `--diff`).
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print what `--fix` would change as a unified diff; write nothing. Exits 1 if anything would change.
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,
    /// The lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value_t)]
    pub fail_on: FailOn,
    /// Exit 0 even if problems are found (errors still exit 2).
    #[arg(long)]
    pub exit_zero: bool,
    /// Print only the problems: no summary.
    #[arg(long)]
    pub quiet: bool,
    /// Print how many problems each rule found instead of the problems.
    #[arg(long)]
    pub statistics: bool,
    /// Apply the configuration's `exclude` to files named on the command line too.
    #[arg(long)]
    pub force_exclude: bool,
}

/// `postlint rules …`.
#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// List the rules: id, kind, severity, fix, and where each was loaded from.
    List {
        #[command(flatten)]
        rule_args: RuleArgs,
        /// Output format: `human` (a table) or `json`.
        #[arg(long, value_enum, default_value_t)]
        format: ListFormat,
    },
    /// Explain a rule: its message, help, examples and allowed texts.
    Explain {
        /// The rule id.
        id: String,
        #[command(flatten)]
        rule_args: RuleArgs,
    },
    /// Run every rule's own examples and allow texts; exit 1 if any fails.
    Test {
        /// Rule directories or files to test (default: the built-in rules and the configured ones).
        dirs: Vec<PathBuf>,
    },
}

/// Formats of `rules list`.
#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum ListFormat {
    #[default]
    Human,
    Json,
}

/// The lowest severity that fails a run.
#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum FailOn {
    #[default]
    Error,
    Warning,
    Info,
}

/// When to colour the output.
#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum ColorMode {
    /// On a terminal, unless NO_COLOR is set.
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorMode {
    /// A buffered stream on stdout (or stderr) coloured as asked; flush it when done.
    pub fn stream(self, stderr: bool) -> BufferedStandardStream {
        let is_terminal =
            if stderr { std::io::stderr().is_terminal() } else { std::io::stdout().is_terminal() };
        let choice = match self {
            Self::Always => ColorChoice::Always,
            Self::Never => ColorChoice::Never,
            Self::Auto if is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) => {
                ColorChoice::Auto
            }
            Self::Auto => ColorChoice::Never,
        };
        if stderr { BufferedStandardStream::stderr(choice) } else { BufferedStandardStream::stdout(choice) }
    }
}

/// Exit codes: no problem at the failing level, at least one, and could not do the job.
pub const CLEAN: u8 = 0;
pub const PROBLEMS: u8 = 1;
pub const FAILURE: u8 = 2;

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { FAILURE } else { CLEAN });
        }
    };
    ExitCode::from(match cli.command {
        Command::Check(args) => commands::check::run(&args),
        Command::Rules(command) => commands::rules::run(&command),
        Command::Init => commands::init::run(),
    })
}
