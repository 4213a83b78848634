//! The `postlint` command.

fn main() -> std::process::ExitCode {
    postlint::cli::main()
}

/// mimalloc: the checker allocates many small short-lived buffers per post on every worker thread;
/// glibc malloc cost ~13% of all instructions. Built as v2 without transparent huge pages, which
/// keeps peak memory near the glibc figure (18 MB vs 14 MB on 20,000 posts).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
