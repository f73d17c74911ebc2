#!/bin/sh
# Start-up: `console.log('hello')` under ringjs and node (and bun/deno when on PATH), many runs
# each, interleaved so machine noise hits all alike. Prints min and median in ms and the ratio
# node/ringjs (> 1 means ringjs starts faster). Usage: bench/startup.sh [runs]
set -eu
cd "$(dirname "$0")/.."
runs=${1:-40}
script=$(mktemp --suffix=.js)
trap 'rm -f "$script"' EXIT
echo "console.log('hello')" > "$script"
ringjs=${RINGJS:-build/ringjs}
set -- "ringjs:$ringjs"
command -v node >/dev/null && set -- "$@" "node:$(command -v node)"
command -v bun >/dev/null && set -- "$@" "bun:$(command -v bun)"
command -v deno >/dev/null && set -- "$@" "deno:$(command -v deno) run"
node -e '
const { execFileSync } = require("child_process");
const [runs, script, ...runtimes] = process.argv.slice(1);
const times = new Map(runtimes.map((r) => [r, []]));
for (let i = 0; i < +runs; i++) {
  for (const r of runtimes) {
    const [name, cmd] = [r.slice(0, r.indexOf(":")), r.slice(r.indexOf(":") + 1)];
    const [bin, ...args] = cmd.split(" ");
    const start = process.hrtime.bigint();
    execFileSync(bin, [...args, script], { stdio: ["ignore", "ignore", "inherit"] });
    times.get(r).push(Number(process.hrtime.bigint() - start) / 1e6);
  }
}
const stats = (xs) => { const s = [...xs].sort((a, b) => a - b); return { min: s[0], median: s[s.length >> 1] }; };
const ringjs = stats(times.get(runtimes[0]));
console.log(`startup, ${runs} runs each (ms)`);
for (const r of runtimes) {
  const name = r.slice(0, r.indexOf(":"));
  const s = stats(times.get(r));
  console.log(`${name.padEnd(8)} min ${s.min.toFixed(1).padStart(6)}  median ${s.median.toFixed(1).padStart(6)}  ratio(median ${name}/ringjs) ${(s.median / ringjs.median).toFixed(2)}`);
}
' "$runs" "$script" "$@"
# CPU time per start (all threads), steadier than wall time on a shared machine: perf's mean of
# 20 runs per runtime, when perf can count task-clock here.
if command -v perf > /dev/null && perf stat -e task-clock true > /dev/null 2>&1; then
  echo "cpu time per start, mean of 20 runs (ms)"
  for r in "$@"; do
    name=${r%%:*}
    cmd=${r#*:}
    # shellcheck disable=SC2086
    cpu=$(perf stat -r 20 -x, -e task-clock $cmd "$script" 2>&1 > /dev/null | awk -F, '/task-clock/ {print $1}')
    printf '%-8s %6.1f\n' "$name" "$cpu"
  done
fi
