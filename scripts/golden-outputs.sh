#!/usr/bin/env bash
# Writes what the built CLI (dist/cli.js) prints for the examples, every rule fixture folder and, when
# present, the torch + sklearn corpus (bench/corpus-fetch.sh) into OUT_DIR, one file per run, so that
# a refactoring can be shown to change no output: run it before and after, then `diff -r before after`.
#
#   npm run build && bash scripts/golden-outputs.sh /tmp/golden-before
set -uo pipefail
cd "$(dirname "$0")/.."
out="${1:?usage: golden-outputs.sh OUT_DIR}"
mkdir -p "$out"
cli=(node dist/cli.js)

run() { # name, then CLI arguments; stdout and the exit code are kept
  local name="$1"; shift
  "${cli[@]}" "$@" >"$out/$name.out" 2>"$out/$name.err"
  echo "exit $?" >>"$out/$name.out"
}

run rules-json rules --format json
run rules-text rules
run examples-json check --no-cache --format json --fail-on never examples
run examples-sarif check --no-cache --format sarif --fail-on never examples
run examples-text check --no-cache --fail-on never examples
run examples-fix-diff fix --unsafe --diff examples
for dir in test/fixtures/rules/*/; do
  id="$(basename "$dir")"
  run "fixture-$id-json" check --no-cache --format json --fail-on never "$dir"
  run "fixture-$id-fix-diff" fix --unsafe --diff "$dir"
done
if [[ -d bench/corpus ]]; then
  run corpus-json check --no-cache --format json --fail-on never bench/corpus
fi
# Paths are printed absolute: keep them relative to the checkout, so two checkouts compare.
root="$PWD/"
for f in "$out"/*; do sed -i "s#${root//#/\\#}##g" "$f"; done
ls "$out" | wc -l
