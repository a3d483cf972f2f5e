#!/bin/sh
# Rebuild assets/icc/printkit-fogra39.icc from Debian's FOGRA39L characterization data.
#
# Needs: ArgyllCMS `colprof` (Debian: argyll) and /usr/share/color/icc/FOGRA39L.ti3
# (Debian: icc-profiles-free, zlib licence, see assets/icc/README.md).
# Takes about 15 s. The header's creation date changes on every run; the tables do not.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
src=${FOGRA39L_TI3:-/usr/share/color/icc/FOGRA39L.ti3}
out="$here/assets/icc/printkit-fogra39.icc"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp "$src" "$work/printkit-fogra39.ti3"
cd "$work"
# -qm: medium-quality A2B tables; -bl: low-quality (small) B2A tables;
# -kr: ramp black generation; -l300 -L95: 300 % total ink, 95 % black (ISO 12647-2 coated);
# -nc: do not embed the .ti3 measurements (keeps the profile about 70 kB).
colprof -qm -bl -kr -l300 -L95 -nc \
  -D "printkit FOGRA39 (ISO Coated v2 characterization)" \
  -C "Made with ArgyllCMS colprof from FOGRA39L.ti3 (icc-profiles-free, zlib licence, Kai-Uwe Behrmann)" \
  printkit-fogra39
mkdir -p "$(dirname "$out")"
cp printkit-fogra39.icc "$out"
echo "wrote $out ($(wc -c <"$out") bytes)"
