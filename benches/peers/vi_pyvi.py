"""pyvi's word segmenter on the `# text =` lines of UD_Vietnamese-VTB (../shared/eval/vi/ud-vtb/,
train, dev and test), one line at a time: syllables per CPU-second, to compare with
`cargo bench -p benches --bench vi_segment` (vi_segment_syllables). Run pinned to one core:

    taskset -c 1 python3 benches/peers/vi_pyvi.py
"""

import time
from pathlib import Path

from pyvi import ViTokenizer

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def lines() -> list[str]:
    out = []
    for name in ["train", "dev", "test"]:
        path = SHARED / f"eval/vi/ud-vtb/vi_vtb-ud-{name}.conllu"
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("# text ="):
                    text = line[len("# text ="):].strip()
                    if text:
                        out.append(text)
    return out


def main() -> None:
    text = lines()
    syllables = sum(len(line.split()) for line in text)
    ViTokenizer.tokenize(text[0])  # load the model outside the timing
    start = time.process_time()
    for line in text:
        ViTokenizer.tokenize(line)
    seconds = time.process_time() - start
    print(f"pyvi ViTokenizer.tokenize: {len(text)} lines, {syllables} syllables in {seconds:.2f} s CPU "
          f"= {syllables / seconds:,.0f} syllables/s")


if __name__ == "__main__":
    main()
