"""python -m mouextract.learn train [--corpus DIR ...] [--out DIR] [--no-card]
python -m mouextract.learn cv [--corpus DIR ...] [--folds 5]"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .train import CARD, MODELS, cross_validate, train

ROOT = Path(__file__).resolve().parents[3]
# Our own gold, the real-article corpus (its train split) and, beside the checkout, the shared corpora.
DEFAULT_CORPORA = [ROOT / "tests" / "realworld", ROOT / "tests" / "fixtures" / "gold",
                   ROOT.parent / "shared" / "corpus" / "dev", ROOT.parent / "shared" / "seeds"]


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m mouextract.learn", description=__doc__)
    sub = ap.add_subparsers(dest="command", required=True)
    t = sub.add_parser("train", help="fit the party and agreement-type decisions on gold files")
    t.add_argument("--corpus", type=Path, action="append", help="a folder of NAME.gold.json (repeatable)")
    t.add_argument("--out", type=Path, default=MODELS, help="where the weights go (default: the package's data/models)")
    t.add_argument("--no-card", action="store_true", help="do not rewrite the model card")
    t.add_argument("--model", default=None, help="spaCy pipeline (default: the pinned one)")
    v = sub.add_parser("cv", help="grouped k-fold cross-validation of the decisions on the train split (dev unused)")
    v.add_argument("--corpus", type=Path, action="append", help="a folder of NAME.gold.json (repeatable)")
    v.add_argument("--folds", type=int, default=5)
    v.add_argument("--model", default=None, help="spaCy pipeline (default: the pinned one)")
    args = ap.parse_args()
    corpora = [p for p in (args.corpus or DEFAULT_CORPORA) if p.is_dir()]
    if args.command == "cv":
        figures = cross_validate(corpora, args.folds, args.model)
    else:
        figures = train(corpora, args.out, None if args.no_card else CARD, args.model)
    print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
