#!/usr/bin/env bash
# TrustGraph against the yardstick, side by side: `trustgraph analyse --data <national> --format json` and the Python + networkx
# script (analyse.py) doing the same four checks on the same files, whole process, at 1x, 4x and 16x national scale
# (152, 608 and 2,432 authorities). Wall time is the median of RUNS alternating runs; peak memory is the largest
# "Maximum resident set size" that /usr/bin/time -v reports. Both tools' findings are checked against the truth file first.
#
#   benchmarks/baseline/run.sh                 # RUNS=5 SCALES="1 4 16" WORK=/tmp/trustgraph-scale
#   RUNS=9 SCALES="1 16" benchmarks/baseline/run.sh
#
# Needs: the .NET SDK, GNU time (apt-get install -y time), Debian's python3-networkx (apt-get install -y python3-networkx).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
work=${WORK:-${TMPDIR:-/tmp}/trustgraph-scale}
runs=${RUNS:-5}
scales=${SCALES:-"1 4 16"}
seed=${SEED:-1}
python=${PYTHON:-/usr/bin/python3}
baseline="$root/benchmarks/baseline"

if ! "$python" -c 'import networkx' 2>/dev/null; then
  echo "run.sh: $python cannot import networkx; install Debian's package: apt-get install -y python3-networkx" >&2; exit 2
fi
if [ ! -x /usr/bin/time ]; then echo "run.sh: needs GNU time: apt-get install -y time" >&2; exit 2; fi
mkdir -p "$work"

echo "Publishing TrustGraph (Release, linux-x64, framework-dependent, ReadyToRun) to $work/trustgraph ..." >&2
dotnet publish "$root/src/TrustGraph.Cli" -c Release -r linux-x64 --self-contained false -o "$work/trustgraph" -nologo -v quiet >&2
tg="$work/trustgraph/TrustGraph.Cli"

for s in $scales; do
  dir="$work/national-${s}x"
  if [ ! -f "$dir/truth.csv" ]; then
    echo "Generating $((152 * s)) authorities (seed $seed) in $dir ..." >&2
    rm -rf "$dir"
    "$tg" generate --authorities $((152 * s)) --seed "$seed" --out "$dir" >&2
  fi
done

echo "Checking both against the truth files ..." >&2
for s in $scales; do
  dir="$work/national-${s}x"
  "$tg" analyse --data "$dir" --format json > "$work/trustgraph-${s}x.json"
  "$python" "$baseline/analyse.py" "$dir" > "$work/python-${s}x.json"
  printf '  %3sx TrustGraph: ' "$s" >&2; "$python" "$baseline/compare_truth.py" "$work/trustgraph-${s}x.json" "$dir/truth.csv" >&2
  printf '  %3sx Python:     ' "$s" >&2; "$python" "$baseline/compare_truth.py" "$work/python-${s}x.json" "$dir/truth.csv" >&2
done

# measure NAME CMD...: one run; appends "wall_ms rss_kb" to $work/NAME.txt
measure() {
  local name=$1; shift
  local start end
  start=$(date +%s%N)
  /usr/bin/time -v -o "$work/time.txt" "$@" > /dev/null
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 )) $(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")" >> "$work/$name.txt"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }

echo "Timing, $runs runs each, alternating ..." >&2
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| scale | authorities | CSV | TrustGraph wall | Python wall | speed-up | TrustGraph peak RSS | Python peak RSS | RSS ratio |"
echo "|---|---|---|---|---|---|---|---|---|"
for s in $scales; do
  dir="$work/national-${s}x"
  rm -f "$work/tg-${s}x.txt" "$work/py-${s}x.txt"
  for _ in $(seq "$runs"); do
    measure "tg-${s}x" "$tg" analyse --data "$dir" --format json
    measure "py-${s}x" "$python" "$baseline/analyse.py" "$dir"
  done
  tg_ms=$(cut -d' ' -f1 "$work/tg-${s}x.txt" | median)
  py_ms=$(cut -d' ' -f1 "$work/py-${s}x.txt" | median)
  tg_kb=$(cut -d' ' -f2 "$work/tg-${s}x.txt" | sort -n | tail -1)
  py_kb=$(cut -d' ' -f2 "$work/py-${s}x.txt" | sort -n | tail -1)
  csv_mb=$(find "$dir/" -name '*.csv' ! -name truth.csv -print0 | du -cb --files0-from=- | tail -1 | awk '{printf "%.1f MB", $1 / 1048576}')
  awk -v s="$s" -v n=$((152 * s)) -v csv="$csv_mb" -v t="$tg_ms" -v p="$py_ms" -v tk="$tg_kb" -v pk="$py_kb" 'BEGIN {
    printf "| %sx | %d | %s | %.2f s | %.2f s | %.1fx | %.0f MB | %.0f MB | %.2f |\n", s, n, csv, t / 1000, p / 1000, p / t, tk / 1024, pk / 1024, tk / pk }'
done
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
