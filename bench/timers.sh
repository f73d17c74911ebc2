#!/bin/sh
# Timers and ticks: bench/timers.js under build/ringjs and node, best of N runs each (runs
# interleaved so the shared machine's noise hits both alike). Prints ops/s per case and the
# ratio ringjs/node (> 1 means ringjs is faster). Usage: bench/timers.sh [runs] [scale]
set -eu
cd "$(dirname "$0")/.."
runs=${1:-3}
scale=${2:-1}
ringjs=${RINGJS:-build/ringjs}
node=$(command -v node)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
i=0
while [ "$i" -lt "$runs" ]; do
  "$ringjs" bench/timers.js "$scale" >> "$out/ringjs"
  "$node" bench/timers.js "$scale" >> "$out/node"
  i=$((i + 1))
done
echo "timers and ticks, best of $runs runs each (ops/s; ratio ringjs/node, > 1 = ringjs faster)"
echo "ringjs: $ringjs ($("$ringjs" --version 2>/dev/null || echo '?'))  node: $node ($("$node" --version))"
awk '
  FNR == 1 { runtime = (FILENAME ~ /ringjs$/) ? "ringjs" : "node" }
  {
    if (!($1 in seen)) { seen[$1] = 1; order[n++] = $1 }
    if ($4 > best[runtime, $1]) best[runtime, $1] = $4
  }
  END {
    printf "%-11s %14s %14s %8s\n", "case", "ringjs", "node", "ratio"
    for (i = 0; i < n; i++) {
      c = order[i]
      r = best["ringjs", c]; d = best["node", c]
      printf "%-11s %14d %14d %8.2f\n", c, r, d, (d > 0 ? r / d : 0)
    }
  }
' "$out/ringjs" "$out/node"
