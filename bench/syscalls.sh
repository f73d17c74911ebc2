#!/bin/sh
# Syscalls per workload, ringjs vs node, counted by strace -c (-f: all threads). Counts are
# deterministic enough to compare without repeats; prints total syscalls and the ratio
# node/ringjs (> 1 means ringjs makes fewer). Usage: bench/syscalls.sh
set -eu
cd "$(dirname "$0")/.."
command -v strace >/dev/null || { echo "bench/syscalls.sh needs strace (apt-get install strace)"; exit 1; }
ringjs=${RINGJS:-build/ringjs}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for i in $(seq 1 200); do printf 'file %s\n' "$i" > "$tmp/f$i.txt"; done

count() {
  strace -f -c -o "$tmp/strace.out" "$@" > /dev/null 2>&1
  awk '$NF == "total" { print $4 }' "$tmp/strace.out" | tail -1
}

run() {
  name=$1
  code=$2
  r=$(count "$ringjs" -e "$code")
  n=$(count node -e "$code")
  awk -v name="$name" -v r="$r" -v n="$n" \
    'BEGIN { printf "%-28s ringjs %7d  node %7d  node/ringjs %5.1f\n", name, r, n, n / r }'
}

echo "syscalls per workload (strace -f -c)"
run "empty script" ""
run "10k setImmediate hops" "let n=0; (function hop(){ if (++n < 10000) setImmediate(hop); })()"
run "1k setTimeout(1) chain" "let n=0; (function hop(){ if (++n < 1000) setTimeout(hop, 1); })()"
run "200 fs.readFile in flight" "const fs=require('fs'); for (let i=1;i<=200;i++) fs.readFile('$tmp/f'+i+'.txt', () => {})"
run "200 readFile, 10 rounds" "const fs=require('fs'); let r=0; (function round(){ let left=200; for (let i=1;i<=200;i++) fs.readFile('$tmp/f'+i+'.txt', () => { if (--left===0 && ++r<10) round(); }); })()"
