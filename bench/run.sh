#!/usr/bin/env bash
# Times `postlint check` with every built-in rule on a generated corpus (20,000 posts of about
# 2 KB, English and Italian, one in three with a paragraph in another language, some Markdown),
# next to ripgrep running 50 regexes over the same files as a reference; measures peak memory and the time for one post. Commands are timed
# in alternation (bench/alternate.py), so that the host's changing load falls on all alike.
# Not part of the test suite: run it by hand (`bash bench/run.sh [COUNT]`).
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-20000}"

need() {
  command -v "$1" >/dev/null 2>&1 && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -qq "$2" >/dev/null
  else
    echo "bench: $1 is missing; install the $2 package" >&2
    exit 2
  fi
}
need rg ripgrep
[ -x /usr/bin/time ] || need /usr/bin/time time
# `spelling` runs with the dictionaries of the corpus's checked languages (English, Italian;
# its Spanish paragraphs are identified and left quiet, its Polish ones unchecked).
[ -f /usr/share/hunspell/en_US.dic ] || need /usr/share/hunspell/en_US.dic hunspell-en-us
[ -f /usr/share/hunspell/it_IT.dic ] || need /usr/share/hunspell/it_IT.dic hunspell-it

cargo build --release --quiet
bin=target/release/postlint
corpus="target/bench-corpus-$count"
if [ ! -d "$corpus" ]; then
  python3 bench/generate.py "$corpus" "$count"
fi

# 50 word patterns, as a rule pack of word lists would be if written as regexes.
words=(bitcoin ethereum binance blockchain solana dogecoin polkadot chainlink litecoin coinbase
  altcoin stablecoin uniswap avalanche airdrop tokenomics memecoin disclaimer heading subheading
  introduction conclusion body hook summary nfa dyor guaranteed profit risk-free moon lambo
  consiglio finanziario ricerche garantito guadagno sicuro titolo sottotitolo introduzione
  conclusione corpo investimento rendimento mercato prezzo portafoglio staking halving)
patterns=()
for w in "${words[@]}"; do patterns+=(-e "\\b${w}\\b"); done

echo "== $count posts: postlint (all built-in rules; without spelling) vs rg (50 regexes, -i)"
python3 bench/alternate.py 20 2 \
  "$bin check $corpus --format concise" \
  "$bin check $corpus --format concise --ignore spelling" \
  "rg -i -c ${patterns[*]} $corpus"

echo "== peak memory (KB), postlint check, each format"
for format in human concise json sarif; do
  /usr/bin/time -f "$format: %M KB, %e s" "$bin" check "$corpus" --format "$format" >/dev/null 2>/tmp/postlint-bench-time || true
  tail -n 1 /tmp/postlint-bench-time
done

echo "== one post, process start included (with spelling; without)"
python3 bench/alternate.py 100 5 \
  "$bin check fixtures/example/nvidia-openai-it.txt" \
  "$bin check fixtures/example/nvidia-openai-it.txt --ignore spelling"
