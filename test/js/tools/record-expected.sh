#!/bin/sh
# Records node's stdout and exit status for tests whose output must match node's exactly.
# Usage: record-expected.sh [test-x.js ...]   (no arguments: re-record every existing one)
set -u
cd "$(dirname "$0")/.." || exit 1
if [ $# -eq 0 ]; then
  set -- $(ls expected/*.stdout 2>/dev/null | sed 's|expected/\(.*\)\.stdout|\1.js|')
fi
for file in "$@"; do
  name=$(basename "$file" .js)
  node "$file" > "expected/$name.stdout" < /dev/null
  status=$?
  if [ "$status" != 0 ]; then echo "$status" > "expected/$name.status"; else rm -f "expected/$name.status"; fi
  echo "recorded $name (exit $status)"
done
