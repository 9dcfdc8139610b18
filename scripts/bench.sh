#!/usr/bin/env bash
# Benchmarks the nightly job on a generated profile.
#   scripts/bench.sh --profile medium|large [--events-scale N] [--seed N] [--data DIR] [--spark-master URL] [--jfr FILE]
# Generates the profile once (reused from --data, default bench/data/<profile>, or <profile>-x<N> with
# --events-scale N: the same series with N times the event rows), runs the job
# in a fresh work folder, and writes bench/results/<profile>-<UTC time>.json with the wall time
# of each step, input rows, series, peak memory (max RSS of the JVM), the load average and the machine.
# Then, in one warm Spark session, Spark's own CSV reader turns the same three event feeds into Parquet
# without validation (ingest.PlainCsvBaseline), and the ratio validated ingest / plain is printed
# and recorded (ingest_vs_plain). --jfr FILE records the job's JVM (not the baseline's) with Java Flight
# Recorder's profile settings into FILE, to see where a step's time goes.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
profile="" seed=7 data="" master="local[*]" events=1 jfr=""
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) profile="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --events-scale) events="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    --spark-master) master="$2"; shift 2 ;;
    --jfr) jfr="$(realpath -m "$2")"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
case "$profile" in small|medium|large) ;; *) echo "bench.sh: --profile small|medium|large is required" >&2; exit 2 ;; esac
date=2026-11-20
name="$profile"; [ "$events" = 1 ] || name="$profile-x$events"
data="${data:-$root/bench/data/$name}"
run="$root/bench/runs/$name"
results="$root/bench/results"
mkdir -p "$results"

if [ ! -f "$data/master/parts.csv" ]; then
  echo "bench.sh: generating $name into $data" >&2
  gen_start=$(date +%s.%N)
  "$root/scripts/sparecast" generate --profile "$profile" --events-scale "$events" --seed "$seed" --end "$date" \
    --output "$data" >&2
  echo "bench.sh: generated in $(echo "$(date +%s.%N) - $gen_start" | bc) s" >&2
fi

rm -rf "$run"
mkdir -p "$run"
# Run a snapshot of the build, so rebuilding during a long benchmark cannot break it.
(cd "$root" && [ -f jobs/target/sparecast-jobs-0.1.0-SNAPSHOT.jar ] || mvn -B -q package -DskipTests)
mkdir -p "$run/app"
cp -r "$root/jobs/target/lib" "$root/jobs/target/sparecast-jobs-0.1.0-SNAPSHOT.jar" "$run/app/"
export SPARECAST_JAR="$run/app/sparecast-jobs-0.1.0-SNAPSHOT.jar"
config="$run/bench.properties"
printf 'sparecast.work-dir=%s\n' "$run/work" > "$config"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
start=$(date +%s.%N)
set +e
# The launcher's defaults unless SPARECAST_JAVA_OPTS is set (its C1 rule for small inputs included);
# with --jfr, the default heap and collector (scripts/sparecast) and the recording.
if [ -n "$jfr" ]; then
  # JFR's start-up lines are silenced: they go to stdout
  export SPARECAST_JAVA_OPTS="${SPARECAST_JAVA_OPTS:--Xmx4g -XX:+UseParallelGC} -XX:StartFlightRecording=filename=$jfr,settings=profile -Xlog:jfr+startup=warning"
fi
/usr/bin/time -v -o "$run/time.txt" "$root/scripts/sparecast" run --input "$data" \
  --output "$run/out" --date "$date" --config "$config" --spark-master "$master" > "$run/run.log" 2>&1
code=$?
set -e
wall=$(echo "$(date +%s.%N) - $start" | bc)
tail -1 "$run/run.log" >&2
"$root/scripts/sparecast" status --config "$config" --last 1 --json > "$run/status.json" 2>/dev/null

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
peak_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$run/time.txt")

# The plain baseline, in one warm session, on the same feeds.
echo "bench.sh: plain Spark CSV to Parquet of the three event feeds" >&2
SPARECAST_MAIN=com.sparecast.jobs.ingest.PlainCsvBaseline "$root/scripts/sparecast" "$data" "$run/plain" "$master" \
  > "$run/plain.txt" 2> "$run/plain.log" || { tail -20 "$run/plain.log" >&2; echo "bench.sh: plain baseline failed" >&2; }
load_plain=$(cut -d' ' -f1-3 /proc/loadavg)
out="$results/$name-$(date -u +%Y%m%dT%H%M%SZ).json"
python3 - "$run" "$out" "$name" "$code" "$wall" "$peak_kb" "$master" "$load_before" "$load_after" "$load_plain" <<'PY'
import json, os, sys, platform
run, out, profile, code, wall, peak_kb, master, load_before, load_after, load_plain = sys.argv[1:]
status = json.load(open(os.path.join(run, "status.json")))[0]
rec_path = os.path.join(run, "out", "2026-11-20", "quality", "reconciliation.json")
rec = json.load(open(rec_path)) if os.path.exists(rec_path) else {"feeds": {}}
events = {f: rec["feeds"][f]["read"] for f in ("shipments", "failures", "returns") if f in rec["feeds"]}
steps = {s["step"]: {"seconds": s["seconds"], "read": s["read"], "written": s["written"]} for s in status["steps"]}
plain = {}
if os.path.exists(os.path.join(run, "plain.txt")):
    for line in open(os.path.join(run, "plain.txt")):
        if "=" in line:
            key, value = line.strip().split("=", 1)
            plain[key] = float(value)
ingest_seconds = steps.get("ingestEvents", {}).get("seconds")
plain_seconds = plain.get("plain_seconds")
result = {
    "profile": profile, "exit_code": int(code), "spark_master": master,
    "wall_seconds": round(float(wall), 1), "peak_rss_mb": round(int(peak_kb) / 1024),
    "input_event_rows": events, "input_event_rows_total": sum(events.values()),
    "series": steps.get("forecastDemand", {}).get("read"),
    "plan_lines": steps.get("planReplenishment", {}).get("written"),
    "forecast_series_per_second": round(steps["forecastDemand"]["written"] / max(steps["forecastDemand"]["seconds"], 1e-9))
        if "forecastDemand" in steps else None,
    "steps": steps,
    "ingest_vs_plain": {"ingest_seconds": ingest_seconds, "plain_seconds": plain_seconds,
                        "ratio": round(ingest_seconds / plain_seconds, 2) if ingest_seconds and plain_seconds else None,
                        "plain_by_feed": plain},
    "load_average": {"before_run": load_before, "after_run": load_after, "after_plain": load_plain},
    "machine": {"cores": os.cpu_count(), "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30),
                "java": os.popen("java -version 2>&1 | head -1").read().strip(), "os": platform.platform()},
}
json.dump(result, open(out, "w"), indent=2)
print(json.dumps(result, indent=2))
r = result["ingest_vs_plain"]
print("bench.sh: validated ingest %s s / plain Spark CSV to Parquet %s s = %s" % (r["ingest_seconds"], r["plain_seconds"], r["ratio"]),
      file=sys.stderr)
PY
echo "bench.sh: wrote $out" >&2
exit "$code"
