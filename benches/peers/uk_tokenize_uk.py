"""tokenize-uk 2.0 throughput (tokens/s, CPU time of this process) on the text of corpus.py,
line by line (tokenize-uk is super-linear on long lines, so it is never given the whole text).

    pip install tokenize-uk
    taskset -c 1 python3 benches/peers/uk_tokenize_uk.py [ROUNDS]

Compare with `cargo bench -p benches --bench uk_text -- uk_tokenize_eval_text`.
"""

import sys
import time

import tokenize_uk

from corpus import lines


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    text = lines()
    tokenize_uk.tokenize_words(text[0])  # import-time work and caches out of the timing
    best = None
    for _ in range(rounds):
        started = time.process_time()
        tokens = 0
        for line in text:
            tokens += len(tokenize_uk.tokenize_words(line))
        elapsed = time.process_time() - started
        best = elapsed if best is None else min(best, elapsed)
    nbytes = sum(len(line.encode("utf-8")) + 1 for line in text)
    print(
        f"tokenize-uk {tokenize_uk.__version__} tokenize_words: {len(text)} lines, "
        f"{nbytes} bytes, {tokens} tokens, best of {rounds}: {best:.3f} s CPU, "
        f"{tokens / best:,.0f} tokens/s, {nbytes / best / 1e6:.2f} MB/s"
    )


if __name__ == "__main__":
    main()
