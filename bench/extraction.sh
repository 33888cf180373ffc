#!/usr/bin/env bash
# Side-by-side main-text extraction benchmark on the Zyte article-extraction benchmark:
# corroborate's extractor (and the alternative crate it was chosen against) and Python
# trafilatura, scored by the same implementation of the benchmark's metric, each on one
# thread. Installs Python trafilatura from PyPI into a throwaway virtualenv.
#
# Usage: bash bench/extraction.sh [DATA_DIR]   (default ../shared/data/article-extraction-benchmark)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data/article-extraction-benchmark}
if [ ! -f "$data/ground-truth.json" ]; then
  echo "dataset not found at $data; skipping"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== building corroborate (release, with the alternative extractor)"
cargo build --release --quiet -p corroborate --features alt-extractors

echo "== installing Python trafilatura into a throwaway virtualenv"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet "trafilatura==${TRAFILATURA_VERSION:-2.0.0}" lxml_html_clean
"$work/venv/bin/python" -c 'import trafilatura; print("trafilatura", trafilatura.__version__)'

echo "== Python trafilatura: extracting"
py_seconds=$("$work/venv/bin/python" bench/trafilatura_extract.py "$data" "$work/python.json")

echo "== scoring (same metric for every tool)"
target/release/corroborate eval extraction --data "$data" \
  --predictions "$work/python.json" --predictions-name "Python trafilatura" \
  --predictions-seconds "$py_seconds"
target/release/corroborate eval extraction --data "$data" --extractor rs-trafilatura
