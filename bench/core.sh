#!/bin/sh
# Core-module micro benchmarks (bench/core.js) under ringjs and node, best of 3 runs each
# (interleaved, so machine noise hits both alike). Prints ops/s per case and the ratio
# ringjs/node (> 1 means ringjs is faster). Usage: bench/core.sh [section ...]
set -eu
cd "$(dirname "$0")/.."
ringjs=${RINGJS:-build/ringjs}
runs=${RUNS:-3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
i=1
while [ "$i" -le "$runs" ]; do
  "$ringjs" bench/core.js "$@" > "$out/ringjs.$i"
  node bench/core.js "$@" > "$out/node.$i"
  i=$((i + 1))
done
node -e '
const fs = require("fs");
const [dir, runs] = process.argv.slice(1);
const best = (name) => {
  const m = new Map();
  for (let i = 1; i <= +runs; i++) {
    for (const line of fs.readFileSync(`${dir}/${name}.${i}`, "utf8").trim().split("\n")) {
      const [label, ops] = line.split(" ");
      m.set(label, Math.max(m.get(label) || 0, +ops));
    }
  }
  return m;
};
const ours = best("ringjs");
const theirs = best("node");
const fmt = (n) => n >= 1e6 ? (n / 1e6).toFixed(2) + "M" : n >= 1e3 ? (n / 1e3).toFixed(1) + "k" : n.toFixed(0);
console.log(`${"case".padEnd(36)} ${"ringjs ops/s".padStart(13)} ${"node ops/s".padStart(13)}  ratio`);
const ratios = [];
for (const [label, ops] of ours) {
  const n = theirs.get(label);
  const ratio = ops / n;
  ratios.push(ratio);
  console.log(`${label.padEnd(36)} ${fmt(ops).padStart(13)} ${fmt(n).padStart(13)}  ${ratio.toFixed(2)}`);
}
const geo = Math.exp(ratios.reduce((a, r) => a + Math.log(r), 0) / ratios.length);
console.log(`geometric mean ratio ringjs/node: ${geo.toFixed(2)} (best of ${runs} runs each)`);
' "$out" "$runs"
