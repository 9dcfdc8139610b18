#!/usr/bin/env bash
# The experiments behind docs/forecast-combinations.md (scratch programs, not part of the build).
#   scripts/experiments/forecast-combinations/run.sh Exp|Exp3|Diag HISTORY.csv month|week DEFAULT
#   scripts/experiments/forecast-combinations/run.sh Exp2 HISTORY.csv month|week [CONFIG,CONFIG]
# Exp: every method, combinations of fixed and best-k members, scaled Auto and oracle bounds
#      (DEFAULT: the automatic choice's default as the backtest chose it, e.g. CrostonSBA on RAF).
# Exp2: automatic-choice configurations (combination candidates, margins), default chosen on the
#      training parts as the backtest does.
# Exp3: Auto times an obsolescence hazard (posterior probability of being alive, then decay).
# Diag: Auto, zero and the hindsight flat forecast by trailing zeros at the end of the training part.
# Each holds out the last 12 periods of the file given: pass a validation split, never the real holdout.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
here="$root/scripts/experiments/forecast-combinations"
out="${TMPDIR:-/tmp}/forecast-combinations-classes"
(cd "$root" && mvn -B -o -q package -DskipTests -pl models,jobs)
cp="$root/models/target/classes:$root/jobs/target/sparecast-jobs-0.1.0-SNAPSHOT.jar:$(ls "$root"/jobs/target/lib/*.jar | tr '\n' ':')"
mkdir -p "$out"
javac -d "$out" -cp "$cp" "$here"/Exp.java "$here"/Exp2.java "$here"/Exp3.java "$here"/Diag.java
java -Xmx3g -cp "$out:$cp" "com.sparecast.models.selection.$1" "${@:2}"
