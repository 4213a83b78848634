//! Fixing any post ends, is idempotent, and never grows it without bound.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| postlint::fuzzing::fix(data));
