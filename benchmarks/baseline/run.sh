#!/usr/bin/env bash
# TrustGraph against the yardstick, side by side, whole process: `trustgraph analyse --data <national> --format json` and the
# Python + networkx script (analyse.py) doing the same four checks on the same files and printing the same findings document
# (one JSON record, with its message, per finding). TrustGraph runs two ways: the `dotnet build` output (JIT-compiled) and the
# packed tool (the RID-specific, ReadyToRun package, installed with `dotnet tool install`). Datasets at 1x and 16x national
# scale (152 and 2,432 authorities) in both generator shapes: `links` (people share bodies only through deliberate links) and
# `senior-pool` (also a small pool of senior people on many bodies, as in real comparators: tens of thousands of findings).
# Wall time is the median of RUNS runs, the three programs alternating; peak memory is the largest "Maximum resident set size"
# that /usr/bin/time -v reports. Every program's findings are checked against the truth file first.
#
#   benchmarks/baseline/run.sh                 # RUNS=5 SCALES="1 16" SHAPES="links senior-pool" WORK=/tmp/trustgraph-scale
#   RUNS=9 SCALES="1" SHAPES=senior-pool benchmarks/baseline/run.sh
#
# Needs: the .NET SDK, GNU time (apt-get install -y time), Debian's python3-networkx (apt-get install -y python3-networkx).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
work=${WORK:-${TMPDIR:-/tmp}/trustgraph-scale}
runs=${RUNS:-5}
scales=${SCALES:-"1 16"}
shapes=${SHAPES:-"links senior-pool"}
seed=${SEED:-1}
python=${PYTHON:-/usr/bin/python3}
baseline="$root/benchmarks/baseline"

if ! "$python" -c 'import networkx' 2>/dev/null; then
  echo "run.sh: $python cannot import networkx; install Debian's package: apt-get install -y python3-networkx" >&2; exit 2
fi
if [ ! -x /usr/bin/time ]; then echo "run.sh: needs GNU time: apt-get install -y time" >&2; exit 2; fi
mkdir -p "$work"

echo "Packing the tool (RID-specific, ReadyToRun) and installing it in $work/tool ..." >&2
rm -rf "$work/packages" "$work/tool"
dotnet pack "$root/src/TrustGraph.Cli" -c Release -o "$work/packages" -nologo -v quiet >&2
version=$(sed -n 's|.*<Version>\(.*\)</Version>.*|\1|p' "$root/src/TrustGraph.Cli/TrustGraph.Cli.csproj" | head -1)
dotnet tool install TrustGraph.Cli --version "$version" --tool-path "$work/tool" --add-source "$work/packages" >&2
tool="$work/tool/trustgraph"
# After packing, which builds into the same bin/Release folder without the ReadyToRun step: the build output is what a
# developer gets from `dotnet build -c Release` (ReadyToRun for this machine, see TrustGraph.Cli.csproj).
echo "Building TrustGraph (dotnet build -c Release) ..." >&2
dotnet build "$root/src/TrustGraph.Cli" -c Release -nologo -v quiet >&2
built="$root/src/TrustGraph.Cli/bin/Release/net10.0/TrustGraph.Cli"

for shape in $shapes; do
  for s in $scales; do
    dir="$work/$shape-${s}x"
    if [ ! -f "$dir/truth.csv" ]; then
      echo "Generating $((152 * s)) authorities ($shape, seed $seed) in $dir ..." >&2
      rm -rf "$dir"
      "$tool" generate --authorities $((152 * s)) --seed "$seed" --shape "$shape" --out "$dir" >&2
    fi
  done
done

echo "Checking all three against the truth files ..." >&2
for shape in $shapes; do
  for s in $scales; do
    dir="$work/$shape-${s}x"
    "$tool" analyse --data "$dir" --format json > "$work/tool-$shape-${s}x.json"
    "$built" analyse --data "$dir" --format json > "$work/built-$shape-${s}x.json"
    "$python" "$baseline/analyse.py" "$dir" > "$work/python-$shape-${s}x.json"
    cmp -s "$work/tool-$shape-${s}x.json" "$work/built-$shape-${s}x.json" || { echo "run.sh: the tool and the build disagree on $dir" >&2; exit 1; }
    printf '  %-11s %3sx TrustGraph: ' "$shape" "$s" >&2; "$python" "$baseline/compare_truth.py" "$work/tool-$shape-${s}x.json" "$dir/truth.csv" >&2
    printf '  %-11s %3sx Python:     ' "$shape" "$s" >&2; "$python" "$baseline/compare_truth.py" "$work/python-$shape-${s}x.json" "$dir/truth.csv" >&2
  done
done

# measure NAME CMD...: one run; appends "wall_ms rss_kb cpu_ms" (CPU = user + system, all threads) to $work/NAME.txt
measure() {
  local name=$1; shift
  local start end
  start=$(date +%s%N)
  /usr/bin/time -v -o "$work/time.txt" "$@" > /dev/null
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 )) $(awk -F': ' '/Maximum resident set size/ {rss = $2} /User time/ {u = $2} /System time/ {s = $2}
    END {printf "%s %.0f", rss, (u + s) * 1000}' "$work/time.txt")" >> "$work/$name.txt"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
mb() { awk -v b="$1" 'BEGIN {printf "%.1f MB", b / 1048576}'; }

echo "Timing, $runs runs each, alternating ..." >&2
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| shape | scale | findings | CSV in | JSON out | tool (ReadyToRun) | dotnet build | Python + networkx | ratio tool | ratio build | CPU tool / build / Python | peak RSS tool / build / Python |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
for shape in $shapes; do
  for s in $scales; do
    dir="$work/$shape-${s}x"
    for p in tool built py; do rm -f "$work/$p-$shape-${s}x.txt"; done
    for _ in $(seq "$runs"); do
      measure "py-$shape-${s}x" "$python" "$baseline/analyse.py" "$dir"
      measure "tool-$shape-${s}x" "$tool" analyse --data "$dir" --format json
      measure "built-$shape-${s}x" "$built" analyse --data "$dir" --format json
    done
    declare -A ms kb cpu
    for p in tool built py; do
      ms[$p]=$(cut -d' ' -f1 "$work/$p-$shape-${s}x.txt" | median)
      cpu[$p]=$(cut -d' ' -f3 "$work/$p-$shape-${s}x.txt" | median)
      kb[$p]=$(cut -d' ' -f2 "$work/$p-$shape-${s}x.txt" | sort -n | tail -1)
    done
    findings=$("$python" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$work/tool-$shape-${s}x.json")
    csv=$(mb "$(find "$dir/" -name '*.csv' ! -name truth.csv -print0 | du -cb --files0-from=- | tail -1 | cut -f1)")
    json=$(mb "$(stat -c %s "$work/tool-$shape-${s}x.json")")
    awk -v shape="$shape" -v s="$s" -v f="$findings" -v csv="$csv" -v json="$json" -v t="${ms[tool]}" -v b="${ms[built]}" -v p="${ms[py]}" \
        -v tk="${kb[tool]}" -v bk="${kb[built]}" -v pk="${kb[py]}" -v tc="${cpu[tool]}" -v bc="${cpu[built]}" -v pc="${cpu[py]}" 'BEGIN {
      printf "| %s | %sx | %d | %s | %s | %.2f s | %.2f s | %.2f s | **%.2fx** | %.2fx | %.2f / %.2f / %.2f s | %.0f / %.0f / %.0f MB |\n",
        shape, s, f, csv, json, t / 1000, b / 1000, p / 1000, p / t, p / b, tc / 1000, bc / 1000, pc / 1000, tk / 1024, bk / 1024, pk / 1024 }'
  done
done
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "raw runs (wall ms, peak RSS KB, CPU ms) are in $work/{tool,built,py}-SHAPE-SCALEx.txt"
