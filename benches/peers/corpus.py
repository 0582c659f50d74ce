"""The benchmark text shared by the peer scripts and benches/uk_lemmatize.rs: the `# text = `
lines of every CoNLL-U file under ../shared/eval/uk/ (UD_Ukrainian-IU test and dev,
UD_Ukrainian-ParlaMint dev), one sentence per line. Measured only, never shipped."""

from pathlib import Path

CORPORA = [
    "eval/uk/ud-iu/uk_iu-ud-test.conllu",
    "eval/uk/ud-iu/uk_iu-ud-dev.conllu",
    "eval/uk/parlamint/uk_parlamint-ud-dev.conllu",
]


def shared_dir() -> Path:
    return Path(__file__).resolve().parents[2].parent / "shared"


def lines() -> list[str]:
    out = []
    for corpus in CORPORA:
        path = shared_dir() / corpus
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("# text = "):
                    out.append(line[len("# text = "):].rstrip("\n"))
    return out
