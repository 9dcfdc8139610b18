#!/usr/bin/env bash
# Runs the nightly job on data-samples/ for its planning date with the embedded defaults
# (Spark local[*], H2 job repository under work/, files under out/). Extra arguments are passed on.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
exec scripts/sparecast run --input data-samples --output out --date 2026-11-20 "$@"
