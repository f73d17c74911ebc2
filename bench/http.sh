#!/bin/sh
# HTTP hello-world keep-alive benchmark: the same node:http server under ringjs and node (and
# bun if installed), plus the plain C io_uring server (../shared/reference/uring-hello.c) as the
# ceiling. Server pinned to CPU 0, wrk (64 connections, 1 thread) on CPU 1; RUNS rounds,
# interleaved, best req/s per runtime (p99 latency and RSS of that run); syscalls per request
# from `perf stat -e raw_syscalls:sys_enter` in a separate run when perf is allowed; server CPU
# time per request (user + system from /proc/PID/stat over the wrk run: steadier than req/s on
# a shared machine) of the best run.
# Usage: bench/http.sh   (env: RINGJS=build/ringjs RUNS=3 DURATION=8 CONNECTIONS=64 PORT=18080)
# Not part of the test suite; installs wrk with apt-get if it is missing.
set -eu
cd "$(dirname "$0")/.."
ringjs=$(realpath "${RINGJS:-build/ringjs}")
runs=${RUNS:-3}
duration=${DURATION:-8}
conns=${CONNECTIONS:-64}
port=${PORT:-18080}

if ! command -v wrk > /dev/null 2>&1; then
  echo "installing wrk..." >&2
  (apt-get install -y wrk > /dev/null 2>&1 || (apt-get update > /dev/null 2>&1 &&
    apt-get install -y wrk > /dev/null 2>&1)) || { echo "wrk unavailable" >&2; exit 1; }
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/hello.js" <<'EOF'
'use strict';
const http = require('http');
const server = http.createServer((req, res) => {
  res.setHeader('Content-Type', 'text/plain');
  res.end('Hello World');
});
server.listen(+process.argv[2], '127.0.0.1');
EOF

# name|command (the port is appended)
runtimes="ringjs|$ringjs $work/hello.js
node|node $work/hello.js"
if command -v bun > /dev/null 2>&1; then
  runtimes="$runtimes
bun|bun $work/hello.js"
fi
ref=../shared/reference/uring-hello.c
if [ -f "$ref" ] && cc -O2 -o "$work/uring-hello" "$ref" -luring 2> /dev/null; then
  runtimes="$runtimes
c-uring|$work/uring-hello"
fi

wait_port() {
  i=0
  while ! curl -s -o /dev/null "http://127.0.0.1:$port/"; do
    i=$((i + 1))
    [ "$i" -gt 100 ] && return 1
    sleep 0.1
  done
}

# CPU time (user + system, clock ticks) the process used so far.
cpu_ticks() {
  awk '{print $14 + $15}' "/proc/$1/stat"
}

# One measurement: start the server, warm up, run wrk; prints "reqs p99_ms rss_kb cpu_us_per_req".
measure() {
  cmd=$1
  taskset -c 0 $cmd "$port" > /dev/null 2>&1 &
  pid=$!
  wait_port || { kill "$pid"; echo "0 0 0 0"; return; }
  taskset -c 1 wrk -t1 -c"$conns" -d1s "http://127.0.0.1:$port/" > /dev/null 2>&1
  ticks0=$(cpu_ticks "$pid")
  out=$(taskset -c 1 wrk -t1 -c"$conns" -d"${duration}s" --latency "http://127.0.0.1:$port/")
  ticks1=$(cpu_ticks "$pid")
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill "$pid"
  wait "$pid" 2> /dev/null || true
  reqs=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000}
        else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}
        print v}')
  total=$(echo "$out" | awk '/requests in/ {print $1}')
  cpu=$(awk -v a="$ticks0" -v b="$ticks1" -v n="$total" -v hz="$(getconf CLK_TCK)" \
        'BEGIN { if (n > 0) printf "%.2f", (b - a) / hz * 1e6 / n; else print 0 }')
  echo "$reqs $p99 $rss $cpu"
}

# Syscalls per request for one runtime: perf counts sys_enter of the server while wrk runs.
syscalls_per_request() {
  cmd=$1
  perf stat -e raw_syscalls:sys_enter true > /dev/null 2>&1 || { echo "-"; return; }
  taskset -c 0 $cmd "$port" > /dev/null 2>&1 &
  pid=$!
  wait_port || { kill "$pid"; echo "-"; return; }
  taskset -c 1 wrk -t1 -c"$conns" -d1s "http://127.0.0.1:$port/" > /dev/null 2>&1
  perf stat -e raw_syscalls:sys_enter -x, -o "$work/perf.out" -p "$pid" &
  perf_pid=$!
  sleep 0.2
  out=$(taskset -c 1 wrk -t1 -c"$conns" -d4s "http://127.0.0.1:$port/")
  kill -INT "$perf_pid"
  wait "$perf_pid" 2> /dev/null || true
  kill "$pid"
  wait "$pid" 2> /dev/null || true
  calls=$(awk -F, '/raw_syscalls/ {print $1}' "$work/perf.out")
  total=$(echo "$out" | awk '/requests in/ {print $1}')
  # The counter also saw the 0.2 s before wrk and the moment after: both idle.
  awk -v c="$calls" -v t="$total" 'BEGIN { if (t > 0) printf "%.2f", c / t; else print "-" }'
}

round=1
while [ "$round" -le "$runs" ]; do
  echo "$runtimes" | while IFS='|' read -r name cmd; do
    result=$(measure "$cmd")
    echo "$result" >> "$work/$name.runs"
    echo "round $round $name: $result" >&2
  done
  round=$((round + 1))
done
echo "$runtimes" | while IFS='|' read -r name cmd; do
  syscalls_per_request "$cmd" > "$work/$name.sys"
done

echo "$runtimes" | cut -d'|' -f1 > "$work/names"
node -e '
const fs = require("fs");
const dir = process.argv[1];
const names = fs.readFileSync(`${dir}/names`, "utf8").trim().split("\n");
const rows = names.map((name) => {
  const runs = fs.readFileSync(`${dir}/${name}.runs`, "utf8").trim().split("\n")
    .map((l) => l.split(" ").map(Number));
  const best = runs.reduce((a, b) => (b[0] > a[0] ? b : a));
  const sys = fs.readFileSync(`${dir}/${name}.sys`, "utf8").trim();
  return { name, reqs: best[0], p99: best[1], rss: best[2], cpu: best[3], sys };
});
const node = rows.find((r) => r.name === "node");
const c = rows.find((r) => r.name === "c-uring");
console.log("| runtime | req/s (best) | p99 ms | RSS MiB | CPU µs/req | syscalls/req | req/s vs node | req/s vs C |");
console.log("|---|---|---|---|---|---|---|---|");
for (const r of rows) {
  const vsNode = node ? (r.reqs / node.reqs).toFixed(2) : "-";
  const vsC = c ? (r.reqs / c.reqs).toFixed(2) : "-";
  console.log(`| ${r.name} | ${Math.round(r.reqs).toLocaleString("en-US")} | ${r.p99.toFixed(2)} | ` +
              `${(r.rss / 1024).toFixed(1)} | ${r.cpu.toFixed(2)} | ${r.sys} | ${vsNode} | ${vsC} |`);
}
' "$work"
