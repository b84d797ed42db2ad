#!/usr/bin/env python3
"""Groups `twiggy top -f csv` rows of a wasm with names kept into what they belong to:
zeren's own modules (domain::…, ui::…, app), library code instantiated for zeren's types
(generic<zeren> crate), plain library crates, and data. Prints a markdown table.

usage: size_groups.py TWIGGY.csv FINAL.wasm
FINAL.wasm is the same module stripped of names, as shipped; its raw and gzip sizes are
printed beside the total. Shares are of the counted bytes (functions and data; the name
section and other custom sections are left out, as they are not shipped)."""
import collections
import csv
import gzip
import re
import sys

rows = list(csv.DictReader(open(sys.argv[1])))
shipped = open(sys.argv[2], "rb").read()
groups = collections.Counter()
for r in rows:
    name, size = r["Name"], int(r["ShallowSize"])
    if "section" in name and "segment" not in name:
        continue  # names, producers: stripped before shipping
    if "data segment" in name:
        groups["data (strings, tables, the checklist)"] += size
        continue
    # Names are demangled either with the crate's hash (v0: `zeren[1a2b]::app`) or
    # without (legacy: `zeren::app::App::h1a2b…`).
    crates = re.findall(r"(?<![A-Za-z_0-9:])([a-z_][a-z_0-9]*)(?:\[[0-9a-f]+\])?::([A-Za-z_0-9]+)", name)
    if not crates:
        groups["other (unnamed, std intrinsics, glue)"] += size
        continue
    crate = crates[0][0]
    if crate == "zeren":
        m = re.search(r"zeren(?:\[[0-9a-f]+\])?::([a-z_]+)(::[a-z_0-9]+)?", name)
        top = m.group(1)
        key = f"zeren::{top}" + (m.group(2) if top in ("domain", "ui", "browser") and m.group(2) else "")
    elif re.search(r"(?<![A-Za-z_0-9])zeren(\[|::)", name):
        key = f"{crate} (code made for zeren's types)"
    else:
        key = crate
    groups[key] += size

counted = sum(groups.values())
print(f"| Part | Bytes (after wasm-opt -Oz) | Share |")
print("|---|---|---|")
for key, size in groups.most_common():
    if size * 1000 < counted * 5:
        continue
    print(f"| {key} | {size:,} | {100 * size / counted:.1f} % |")
small = sum(s for s in groups.values() if s * 1000 < counted * 5)
print(f"| everything under 0.5 % each | {small:,} | {100 * small / counted:.1f} % |")
print(f"| **counted** | **{counted:,}** | shipped file: {len(shipped):,} B raw, {len(gzip.compress(shipped, 9)):,} B gzip -9 |")
