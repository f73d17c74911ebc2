#!/bin/sh
# bench/fs.js under ringjs and node (best of N runs each, interleaved) plus a C floor for the
# small-files case. Prints ms per case (elapsed, then CPU time) and ratios node/ringjs (> 1 means
# ringjs is faster). bun joins when on PATH or fetched by bench/get-bun.sh (issue 6 compares the
# small-files case with bun in the same run).
# Usage: bench/fs.sh [runs]
set -eu
cd "$(dirname "$0")/.."
runs=${1:-3}
ringjs=${RINGJS:-build/ringjs}
bun=${BUN:-$(command -v bun || true)}
cached_bun=${XDG_CACHE_HOME:-$HOME/.cache}/ringjs-bench/bun/bun
[ -z "$bun" ] && [ -x "$cached_bun" ] && bun=$cached_bun
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir "$dir/small"
node -e '
const fs = require("fs");
let seed = 1;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
for (let i = 0; i < 2000; i++) {
  const size = 200 + Math.floor(rand() * (12 * 1024 - 200));
  fs.writeFileSync(process.argv[1] + "/small/f" + i, Buffer.alloc(size, i % 251));
}' "$dir"
dd if=/dev/zero of="$dir/big.bin" bs=1M count=1024 status=none
cc -O2 -o "$dir/fs_floor" bench/fs_floor.c
node -e '
const { execFileSync } = require("child_process");
const [runs, ringjs, dir, bun] = process.argv.slice(1);
const best = {};
const take = (who, r) => { for (const k of Object.keys(r)) if (k !== "bytes") best[who + "." + k] = Math.min(best[who + "." + k] ?? Infinity, r[k]); };
for (let i = 0; i < +runs; i++) {
  take("ringjs", JSON.parse(execFileSync(ringjs, ["bench/fs.js", dir])));
  take("node", JSON.parse(execFileSync("node", ["bench/fs.js", dir])));
  if (bun) take("bun", JSON.parse(execFileSync(bun, ["bench/fs.js", dir])));
  take("floor", JSON.parse(execFileSync(dir + "/fs_floor", [dir + "/small"])));
}
console.log(`fs, best of ${runs} (ms; elapsed, then CPU time of all threads)`);
for (const suffix of ["", "Cpu"]) {
  for (const k of ["smallFiles", "bigStream", "stat10k"].map((name) => name + suffix)) {
    const r = best["ringjs." + k], n = best["node." + k];
    let line = `${k.padEnd(14)} ringjs ${r.toFixed(1).padStart(8)}  node ${n.toFixed(1).padStart(8)}  node/ringjs ${(n / r).toFixed(2)}`;
    const floor = best["floor." + k];
    const b = best["bun." + k];
    if (b !== undefined) line += `  bun ${b.toFixed(1).padStart(8)}  bun/ringjs ${(b / r).toFixed(2)}`;
    if (floor !== undefined) line += `  C floor ${floor.toFixed(1)} (ringjs/floor ${(r / floor).toFixed(2)})`;
    console.log(line);
  }
}' "$runs" "$ringjs" "$dir" "$bun"
