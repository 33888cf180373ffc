"""Extracts the main text of every page of the Zyte article-extraction benchmark with
Python trafilatura, on one thread, and writes the benchmark's output format
({"<id>": {"articleBody": "..."}}). Prints the extraction time in seconds on stdout.

Usage: python trafilatura_extract.py DATA_DIR OUT_JSON
Run by bench/extraction.sh inside a throwaway virtualenv.
"""

import gzip
import json
import sys
import time
from pathlib import Path

import trafilatura


def main() -> None:
    data, out = Path(sys.argv[1]), Path(sys.argv[2])
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf8"))
    pages = {}
    for key in truth:
        raw = gzip.decompress((data / "html" / f"{key}.html.gz").read_bytes())
        pages[key] = raw.decode("utf8", errors="replace")
    results = {}
    start = time.perf_counter()
    for key, html in pages.items():
        text = trafilatura.extract(html) or ""
        results[key] = {"articleBody": text}
    seconds = time.perf_counter() - start
    out.write_text(json.dumps(results, ensure_ascii=False), encoding="utf8")
    print(f"{seconds:.3f}")


if __name__ == "__main__":
    main()
