#!/bin/sh
# Records node's stdout and exit status for tests whose output must match node's exactly.
# Usage: record-expected.sh [test-x.js|test-x.mjs ...]   (no arguments: re-record every existing one)
set -u
cd "$(dirname "$0")/.." || exit 1
if [ $# -eq 0 ]; then
  for recorded in expected/*.stdout; do
    name=$(basename "$recorded" .stdout)
    if [ -f "$name.mjs" ]; then set -- "$@" "$name.mjs"; else set -- "$@" "$name.js"; fi
  done
fi
for file in "$@"; do
  name=$(basename "$file"); name=${name%.mjs}; name=${name%.js}
  node "$file" > "expected/$name.stdout" < /dev/null
  status=$?
  if [ "$status" != 0 ]; then echo "$status" > "expected/$name.status"; else rm -f "expected/$name.status"; fi
  echo "recorded $name (exit $status)"
done
