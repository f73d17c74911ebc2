#!/bin/sh
# `make compat`: fetch node's tests (cached), run the listed ones under ringjs, rewrite the pass
# table in docs/node-compat.md. Needs node (the driver runs under node, not ringjs).
#
#   sh test/node/run.sh [--runtime ringjs|node|PATH] [--jobs N] [--timeout S] [--filter REGEX]
#                       [--list FILE] [--out DIR] [--no-doc] [--refresh] ...
#
# --refresh asks apt for a newer nodejs source package; the other arguments go to runner.js
# (see its header). Defaults: build/ringjs, --jobs 2, --timeout 60, test/node/tests.list.
# The table is rewritten only by a full ringjs run over the committed list (no --filter).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
node=${NODE:-node}
command -v "$node" >/dev/null 2>&1 || { echo "run.sh: node is required to drive the compat run" >&2; exit 1; }

fetch_args=
for arg in "$@"; do
  [ "$arg" = --refresh ] && fetch_args=--refresh
done
root=$(sh "$here/fetch.sh" $fetch_args)

# Drop --refresh, pass the rest on.
n=$#
while [ $n -gt 0 ]; do
  arg=$1; shift; n=$((n - 1))
  [ "$arg" = --refresh ] || set -- "$@" "$arg"
done
exec "$node" "$here/runner.js" --root "$root" "$@"
