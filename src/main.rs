//! The `postlint` command.

fn main() -> std::process::ExitCode {
    postlint::cli::main()
}
