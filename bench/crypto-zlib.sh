#!/bin/sh
# Crypto and zlib throughput (bench/crypto-zlib.js) under ringjs and node, best of 3 runs each
# (interleaved, so machine noise hits both alike). Prints the best time per case and the ratio
# node/ringjs (> 1 means ringjs is faster). Usage: bench/crypto-zlib.sh [case ...]
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
      const [label, ms] = line.split(" ");
      m.set(label, Math.min(m.get(label) ?? Infinity, +ms));
    }
  }
  return m;
};
const ours = best("ringjs");
const theirs = best("node");
console.log(`${"case".padEnd(18)} ${"ringjs ms".padStart(10)} ${"node ms".padStart(10)}  ratio`);
for (const [label, ms] of ours) {
  const n = theirs.get(label);
  console.log(`${label.padEnd(18)} ${ms.toFixed(1).padStart(10)} ${n.toFixed(1).padStart(10)}  ${(n / ms).toFixed(2)}`);
}
console.log(`ratio = node / ringjs, best of ${runs} runs each (> 1 means ringjs is faster)`);
' "$out" "$runs"
