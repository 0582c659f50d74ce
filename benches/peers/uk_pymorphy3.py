"""pymorphy3 (+ pymorphy3-dicts-uk) lemmatization throughput (tokens/s, CPU time of this
process): `parse(token)[0].normal_form` for every token of the text of corpus.py, the tokens
made beforehand by tokenize-uk (not timed). Each round uses a fresh MorphAnalyzer, whose
construction (loading the dictionaries) is timed separately and not counted.

    pip install tokenize-uk pymorphy3 pymorphy3-dicts-uk
    taskset -c 1 python3 benches/peers/uk_pymorphy3.py [ROUNDS]

Compare with `cargo bench -p benches --bench uk_lemmatize` (cold corpus run: tokenization and
lemmatizer construction included).
"""

import sys
import time

import pymorphy3
import tokenize_uk

from corpus import lines


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    tokens = [t for line in lines() for t in tokenize_uk.tokenize_words(line)]
    best = None
    load = None
    for _ in range(rounds):
        started = time.process_time()
        morph = pymorphy3.MorphAnalyzer(lang="uk")
        loaded = time.process_time()
        checksum = 0
        for token in tokens:
            checksum += len(morph.parse(token)[0].normal_form)
        elapsed = time.process_time() - loaded
        best = elapsed if best is None else min(best, elapsed)
        load = loaded - started if load is None else min(load, loaded - started)
    print(
        f"pymorphy3 {pymorphy3.__version__} parse()[0].normal_form: {len(tokens)} tokens, "
        f"best of {rounds}: {best:.3f} s CPU ({load:.3f} s to load, not counted), "
        f"{len(tokens) / best:,.0f} tokens/s (checksum {checksum})"
    )


if __name__ == "__main__":
    main()
