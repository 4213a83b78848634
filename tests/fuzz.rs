//! The fuzzing properties (`postlint::fuzzing`) on the fixture posts, and a stable-toolchain
//! fuzzer that mutates them: `cargo test --release --test fuzz -- --ignored` runs it for
//! `FUZZ_SECONDS` (60 by default) and writes any failing input to `target/fuzz-failures/`.
//! With a nightly toolchain, `cargo +nightly fuzz run lint|fix` (in `fuzz/`) does the same
//! with coverage guidance.

use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Every fixture post, as bytes: the seeds.
fn seeds() -> Vec<Vec<u8>> {
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut folders = vec![PathBuf::from("fixtures")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "md" || e == "txt") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    paths.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

#[test]
fn every_fixture_post_keeps_the_fuzzing_properties() {
    let seeds = seeds();
    assert!(seeds.len() > 100, "{} seeds", seeds.len());
    for seed in &seeds {
        postlint::fuzzing::lint(seed);
        postlint::fuzzing::fix(seed);
    }
}

/// Inputs the fuzzer found failing, cut down to what made them fail, kept so they stay fixed.
const FOUND: &[&str] = &[
    // missing-space looked for the start of a word one byte after a no-break space.
    "I\u{a0}ntroducción,El mercado",
];

#[test]
fn inputs_the_fuzzer_found_keep_the_properties() {
    for input in FOUND {
        postlint::fuzzing::lint(input.as_bytes());
        postlint::fuzzing::fix(input.as_bytes());
    }
}

/// A small, fast pseudo-random generator (xorshift64*), seeded for reproducible runs.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Bytes that make rules fire and fixes meet: labels, marks, tags, garbled and invisible text.
const PIECES: &[&str] = &[
    "Heading",
    "Body,",
    "Conclusion\n",
    "#BTC ",
    "#btc",
    "$BTC",
    " ,",
    "..",
    "  ",
    "\n\n",
    "**",
    "# ",
    "> ",
    "“",
    "”",
    "\"",
    "(",
    ")",
    "[",
    "]",
    "â€™",
    "ðŸš€",
    "Ã©",
    "\u{200b}",
    "\u{feff}",
    "\u{a0}",
    "\r\n",
    "e'",
    "NFA",
    "Diclaimaer",
    "not financial advise",
    "<!-- postlint-disable -->",
    "https://x.io/a",
    "&amp;",
    "`",
    "i ",
    "¿",
    "\\approx",
    "turn0search1",
    "pic.twitter.com/x",
    "кrypto",
    "🚀",
    "è",
];

/// `seed` changed a few times: bytes flipped, pieces inserted, stretches cut or doubled, or
/// a stretch of `other` spliced in.
fn mutate(seed: &[u8], other: &[u8], random: &mut Random) -> Vec<u8> {
    let mut data = seed.to_vec();
    for _ in 0..1 + random.below(4) {
        let at = random.below(data.len() + 1);
        match random.below(5) {
            0 if !data.is_empty() => {
                let i = random.below(data.len());
                data[i] = random.next() as u8;
            }
            1 => {
                let piece = PIECES[random.below(PIECES.len())];
                data.splice(at..at, piece.bytes());
            }
            2 if at < data.len() => {
                let end = (at + 1 + random.below(64)).min(data.len());
                data.drain(at..end);
            }
            3 if at < data.len() => {
                let end = (at + 1 + random.below(64)).min(data.len());
                let copy = data[at..end].to_vec();
                data.splice(at..at, copy);
            }
            _ if !other.is_empty() => {
                let from = random.below(other.len());
                let end = (from + 1 + random.below(200)).min(other.len());
                data.splice(at..at, other[from..end].iter().copied());
            }
            _ => {}
        }
    }
    data
}

#[test]
#[ignore = "long: a fuzzing run; cargo test --release --test fuzz -- --ignored"]
fn mutated_posts_keep_the_fuzzing_properties() {
    let seconds = std::env::var("FUZZ_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(60);
    let start = std::env::var("FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x9E37_79B9_7F4A_7C15);
    let seeds = seeds();
    let mut random = Random(start);
    let until = Instant::now() + Duration::from_secs(seconds);
    let (mut inputs, mut valid) = (0u64, 0u64);
    while Instant::now() < until {
        let seed = &seeds[random.below(seeds.len())];
        let other = &seeds[random.below(seeds.len())];
        let data = mutate(seed, other, &mut random);
        let result = std::panic::catch_unwind(|| {
            postlint::fuzzing::lint(&data);
            postlint::fuzzing::fix(&data);
        });
        if let Err(panic) = result {
            let dir = PathBuf::from("target/fuzz-failures");
            std::fs::create_dir_all(&dir).unwrap();
            let path = dir.join(format!("input-{inputs}.bin"));
            std::fs::write(&path, &data).unwrap();
            panic!(
                "input {inputs} failed (saved as {}): {:?}",
                path.display(),
                panic.downcast_ref::<String>()
            );
        }
        inputs += 1;
        valid += u64::from(std::str::from_utf8(&data).is_ok());
    }
    println!("fuzz: {inputs} inputs ({valid} valid UTF-8) in {seconds} s, no failure");
}
