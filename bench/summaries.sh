#!/usr/bin/env bash
# Multi-News briefs against the reference summaries, side by side with Lead-3, LexRank and
# TextRank, all scored by the rouge-score package in the same run (sumy and rouge-score are
# installed from PyPI into a throwaway virtualenv). corroborate's own ROUGE figures for the
# brief and Lead-3 are printed first, for comparison with rouge-score's.
#
# Usage: bash bench/summaries.sh [DATA_DIR]   (default ../shared/data/multinews-longbench200)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data/multinews-longbench200}
if [ ! -f "$data/multi_news_200.jsonl" ]; then
  echo "dataset not found at $data; skipping"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet -p corroborate
target/release/corroborate eval multinews --data "$data" --write-summaries "$work/summaries.jsonl"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet "sumy==0.13.0" "rouge-score==0.1.2" numpy
"$work/venv/bin/python" bench/summaries.py "$work/summaries.jsonl"
