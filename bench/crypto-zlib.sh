#!/bin/sh
# Crypto and zlib throughput (bench/crypto-zlib.js) under ringjs and node, best of 3 runs each
# (interleaved, so machine noise hits both alike). Prints the best wall and CPU time per case and
# the ratios node/ringjs (> 1 means ringjs is faster). CPU time (user + system, every thread) is
# the work done: on a busy machine it varies far less than wall time.
# Usage: bench/crypto-zlib.sh [case ...]
set -eu
cd "$(dirname "$0")/.."
ringjs=${RINGJS:-build/ringjs}
runs=${RUNS:-3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
i=1
while [ "$i" -le "$runs" ]; do
  "$ringjs" bench/crypto-zlib.js "$@" > "$out/ringjs.$i"
  node bench/crypto-zlib.js "$@" > "$out/node.$i"
  i=$((i + 1))
done
node -e '
const fs = require("fs");
const [dir, runs] = process.argv.slice(1);
const best = (name) => {
  const m = new Map();
  for (let i = 1; i <= +runs; i++) {
    for (const line of fs.readFileSync(`${dir}/${name}.${i}`, "utf8").trim().split("\n")) {
      const [label, wall, cpu] = line.split(" ");
      const [w, c] = m.get(label) ?? [Infinity, Infinity];
      m.set(label, [Math.min(w, +wall), Math.min(c, +cpu)]);
    }
  }
  return m;
};
const ours = best("ringjs");
const theirs = best("node");
const col = (v, n = 10) => v.padStart(n);
console.log(`${"case".padEnd(20)}${col("ringjs ms")}${col("node ms")}${col("ratio", 7)}` +
            `${col("ringjs cpu", 12)}${col("node cpu")}${col("ratio", 7)}`);
for (const [label, [wall, cpu]] of ours) {
  const [nodeWall, nodeCpu] = theirs.get(label);
  console.log(`${label.padEnd(20)}${col(wall.toFixed(1))}${col(nodeWall.toFixed(1))}` +
              `${col((nodeWall / wall).toFixed(2), 7)}${col(cpu.toFixed(1), 12)}` +
              `${col(nodeCpu.toFixed(1))}${col((nodeCpu / cpu).toFixed(2), 7)}`);
}
console.log(`ratio = node / ringjs, best of ${runs} runs each (> 1 means ringjs is faster)`);
' "$out" "$runs"
