#!/usr/bin/env bash
# Fetches the real-code corpus for the analyzer benchmarks and the false-positive review:
# the Python sources of Debian's python3-torch and python3-sklearn, .py files only, into
# bench/corpus/ (gitignored). Reproducible: the same Debian release gives the same files.
#
#   bash bench/corpus-fetch.sh            # downloads the .debs with apt-get download
#   DEB_DIR=/tmp/corpus bash bench/corpus-fetch.sh   # reuses .debs already downloaded there
#   PACKAGES="python3-torch python3-torchvision python3-torchaudio" OUT=/tmp/torch-family bash bench/corpus-fetch.sh
#                                          # another set of packages into another folder (the default set
#                                          # and folder are what docs/PERFORMANCE.md and the review use)
#
# Needs apt-get and dpkg (Debian/Ubuntu). Prints the file and line counts at the end.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${OUT:-$here/corpus}"
read -r -a packages <<< "${PACKAGES:-python3-torch python3-sklearn}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for pkg in "${packages[@]}"; do
  deb=""
  if [[ -n "${DEB_DIR:-}" ]]; then
    deb="$(ls "$DEB_DIR"/"${pkg}"_*.deb 2>/dev/null | head -n1 || true)"
  fi
  if [[ -z "$deb" ]]; then
    # apt-get download writes into the current folder; it needs the package lists.
    if ! (cd "$work" && apt-get download "$pkg" >/dev/null); then
      echo "apt-get download $pkg failed; run 'apt-get update' first" >&2
      exit 1
    fi
    deb="$(ls "$work"/"${pkg}"_*.deb | head -n1)"
  fi
  echo "extracting $(basename "$deb")"
  dpkg -x "$deb" "$work/x"
done

site="$work/x/usr/lib/python3/dist-packages"
rm -rf "$out"
mkdir -p "$out"
# Keep only Python sources, with their package-relative paths (imports resolve against the root).
(cd "$site" && find . -type f -name '*.py' -print0 | xargs -0 cp --parents -t "$out")

files="$(find "$out" -type f -name '*.py' | wc -l)"
lines="$(find "$out" -type f -name '*.py' -print0 | xargs -0 cat | wc -l)"
for pkg in "${packages[@]}"; do
  v="$(dpkg-deb -f "$(ls "${DEB_DIR:-$work}"/"${pkg}"_*.deb 2>/dev/null | head -n1 || echo /dev/null)" Version 2>/dev/null || true)"
  [[ -n "$v" ]] && echo "$pkg $v"
done
echo "corpus: $files .py files, $lines lines in $out"
