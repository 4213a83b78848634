//! The subcommands: `check`, `rules`, `init`.

pub mod check;
pub mod init;
pub mod rules;

use crate::cli::RuleArgs;
use crate::config::Config;
use crate::error::Error;
use crate::rules::RuleSet;
use codespan_reporting::term::termcolor::WriteColor;

/// The configuration in force and the rules it loads.
pub struct Loaded {
    pub config: Config,
    pub rules: RuleSet,
}

/// Finds and reads the configuration, then loads the built-in rules (unless turned off there
/// or with `--no-builtin`) and the rule directories it and `--rules` name.
pub fn load(args: &RuleArgs) -> Result<Loaded, Vec<Error>> {
    let cwd = std::env::current_dir().map_err(|e| vec![Error::io("the current directory", &e)])?;
    let mut config = match &args.config {
        Some(path) => Config::load(path)?,
        None => match Config::find(&cwd) {
            Some(path) => Config::load(path.strip_prefix(&cwd).unwrap_or(&path))?,
            None => Config::defaults(cwd),
        },
    };
    if let Some(name) = &args.profile {
        config.set_profile(name, None).map_err(|e| vec![e])?;
    }
    crate::spelling::configure(config.spelling.clone());
    let mut dirs = config.rule_dirs.clone();
    dirs.extend(args.rules.iter().cloned());
    let rules = RuleSet::load(config.builtin && !args.no_builtin, &dirs)?;
    let errors = config.validate(&rules.rules);
    if errors.is_empty() { Ok(Loaded { config, rules }) } else { Err(errors) }
}

/// Prints `errors` to `out`.
pub fn render_errors(errors: &[Error], out: &mut dyn WriteColor) {
    for e in errors {
        let _ = e.render(out);
    }
    let _ = out.flush();
}
