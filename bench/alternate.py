#!/usr/bin/env python3
"""Times commands in alternation: round after round, each command once per round, so that a
change in how busy the host is falls on all of them alike (timings here move by up to a third
between minutes). Prints each command's median wall time, with its quartiles.

Usage: alternate.py ROUNDS WARMUP COMMAND... (each COMMAND one string, split on spaces; its
output is discarded and its exit status ignored: `postlint check` exits 1 when it finds
problems).
"""
import os
import statistics
import sys
import time


def main() -> None:
    rounds, warmup = int(sys.argv[1]), int(sys.argv[2])
    commands = [command.split() for command in sys.argv[3:]]
    devnull = os.open(os.devnull, os.O_WRONLY)
    quiet = [(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)]
    times = [[] for _ in commands]
    for round_ in range(warmup + rounds):
        for command, taken in zip(commands, times):
            start = time.perf_counter()
            pid = os.posix_spawnp(command[0], command, os.environ, file_actions=quiet)
            os.waitpid(pid, 0)
            if round_ >= warmup:
                taken.append(time.perf_counter() - start)
    for command, taken in zip(sys.argv[3:], times):
        q1, median, q3 = statistics.quantiles(taken, n=4)
        print(f"median {median * 1000:7.1f} ms  (quartiles {q1 * 1000:.1f}–{q3 * 1000:.1f})  {command[-70:]}")


if __name__ == "__main__":
    main()
