#!/bin/sh
# Runs one JS test under ringjs. Usage: run-test.sh RINGJS test/js/test-x.js (or .mjs)
# With expected/test-x.stdout: stdout must match it byte for byte, and the exit status must
# equal expected/test-x.status (default 0). Otherwise the test must exit 0.
set -u
ringjs=$1
file=$2
dir=$(dirname "$file")
name=$(basename "$file"); name=${name%.mjs}; name=${name%.js}
expected_out="$dir/expected/$name.stdout"
expected_status=0
[ -f "$dir/expected/$name.status" ] && expected_status=$(cat "$dir/expected/$name.status")
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$ringjs" "$file" > "$out" < /dev/null
status=$?
if [ "$status" != "$expected_status" ]; then
  echo "exit status $status, expected $expected_status"
  cat "$out"
  exit 1
fi
if [ -f "$expected_out" ] && ! cmp -s "$out" "$expected_out"; then
  echo "stdout differs from node's ($expected_out):"
  diff "$expected_out" "$out" | head -40
  exit 1
fi
exit 0
