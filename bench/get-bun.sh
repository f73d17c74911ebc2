#!/bin/sh
# Fetches bun (for side-by-side benchmarks only) from the npm registry: the @oven/bun-linux-x64
# package carries the binary itself, so no download from GitHub is needed. Installs it under
# ~/.cache/ringjs-bench/bun/ and prints its path; the benchmarks pick it up from PATH or there.
# Usage: bench/get-bun.sh
set -eu
dest=${XDG_CACHE_HOME:-$HOME/.cache}/ringjs-bench/bun
if [ -x "$dest/bun" ]; then echo "$dest/bun"; exit 0; fi
arch=$(uname -m)
case "$arch" in
  x86_64) pkg=@oven/bun-linux-x64 ;;
  aarch64) pkg=@oven/bun-linux-aarch64 ;;
  *) echo "get-bun: no bun package for $arch" >&2; exit 1 ;;
esac
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$pkg" > /dev/null && tar xzf ./*.tgz)
mkdir -p "$dest"
cp "$work/package/bin/bun" "$dest/bun"
"$dest/bun" --version > /dev/null
echo "$dest/bun"
