//! Linting any bytes never fails or panics, and ranges stay on character boundaries.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| postlint::fuzzing::lint(data));
