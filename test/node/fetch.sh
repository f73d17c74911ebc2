#!/bin/sh
# Fetches node's own tests from Debian 12's `nodejs` source package into a cache outside the
# repository and prints the extracted source root (the directory holding test/) on stdout.
#
#   sh test/node/fetch.sh [--refresh]
#
# Only test/common, test/fixtures and test/parallel are kept (test/common needs nothing else).
# A later run reuses the cache without touching the network; --refresh asks apt again and
# re-extracts when bookworm serves a newer version. The machine's apt configuration is left alone:
# the deb-src entries, package lists and downloads live in the cache, and the update hooks of
# /etc/apt/apt.conf.d are cleared for these calls only.
#
# Cache: $RINGJS_NODE_TESTS_CACHE, else $XDG_CACHE_HOME/ringjs-node-tests, else
# ~/.cache/ringjs-node-tests. Each extracted version is <cache>/nodejs-<version>/ with a
# `.version` file; <cache>/current names the one in use.
set -eu

refresh=0
for arg in "$@"; do
  case $arg in
    --refresh) refresh=1 ;;
    *) echo "fetch.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done

cache=${RINGJS_NODE_TESTS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ringjs-node-tests}
mkdir -p "$cache"
cache=$(cd "$cache" && pwd)
log() { echo "fetch.sh: $*" >&2; }

current_root() {
  [ -f "$cache/current" ] || return 1
  root=$cache/$(cat "$cache/current")
  [ -f "$root/.version" ] && [ -d "$root/test/parallel" ] && [ -d "$root/test/common" ] || return 1
  echo "$root"
}

# One fetch at a time per cache (two runners started together share the result).
exec 9>"$cache/.lock"
if command -v flock >/dev/null 2>&1; then flock 9; fi

if [ "$refresh" = 0 ] && root=$(current_root); then
  log "using cached nodejs $(cat "$root/.version") in $root"
  echo "$root"
  exit 0
fi

for tool in apt-get apt-cache dpkg-source dpkg; do
  command -v $tool >/dev/null 2>&1 || { log "$tool is required (Debian 12)"; exit 1; }
done

# Private apt state: sources, lists and archives under the cache.
apt_dir=$cache/apt
mkdir -p "$apt_dir/sources.list.d" "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial"
: > "$apt_dir/sources.list"
cat > "$apt_dir/sources.list.d/nodejs-src.sources" <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
# APT reads $APT_CONFIG first, then /etc/apt/apt.conf.d (proxies, validity settings), then
# Dir::Etc::Main last: ours clears the update hooks so `apt-get update` runs none of them.
{
  [ -f /etc/apt/apt.conf ] && echo '#include "/etc/apt/apt.conf";'
  echo '#clear APT::Update::Pre-Invoke;'
  echo '#clear APT::Update::Post-Invoke;'
  echo '#clear APT::Update::Post-Invoke-Success;'
} > "$apt_dir/main.conf"
echo "Dir::Etc::Main \"$apt_dir/main.conf\";" > "$apt_dir/apt.conf"
export APT_CONFIG="$apt_dir/apt.conf"
apt_opts="-o Dir::Etc::SourceList=$apt_dir/sources.list -o Dir::Etc::SourceParts=$apt_dir/sources.list.d
  -o Dir::State::Lists=$apt_dir/lists -o Dir::Cache=$apt_dir/cache -o Dir::Cache::pkgcache=
  -o Dir::Cache::srcpkgcache= -o APT::Sandbox::User=root"

log "apt-get update (private deb-src for bookworm, bookworm-security)"
# shellcheck disable=SC2086
apt-get -q $apt_opts update >&2

# Newest first; a version whose files the mirror lacks (a security upload whose .dsc is gone)
# falls back to the next.
# shellcheck disable=SC2086
versions=$(apt-cache $apt_opts showsrc nodejs | sed -n 's/^Version: //p' | sort -u)
[ -n "$versions" ] || { log "no nodejs source package in bookworm"; exit 1; }
sorted=
for v in $versions; do
  placed=0; out=
  for s in $sorted; do
    if [ $placed = 0 ] && dpkg --compare-versions "$v" gt "$s"; then out="$out $v"; placed=1; fi
    out="$out $s"
  done
  [ $placed = 1 ] || out="$out $v"
  sorted=$out
done

dl=$cache/download
rm -rf "$dl"; mkdir -p "$dl"
version=
for v in $sorted; do
  if [ "$refresh" = 1 ] && [ -f "$cache/current" ] && [ "$(cat "$cache/current")" = "nodejs-$v" ] \
     && root=$(current_root); then
    log "nodejs $v is already extracted in $root"
    echo "$root"
    exit 0
  fi
  # Files already in $dl (the orig tarballs an older version shares) are not fetched again.
  log "apt-get source --download-only nodejs=$v"
  # shellcheck disable=SC2086
  if (cd "$dl" && apt-get -q $apt_opts source --download-only "nodejs=$v" >&2) \
     && [ -f "$dl/nodejs_${v#*:}.dsc" ]; then
    version=$v
    break
  fi
  log "nodejs $v could not be downloaded; trying an older version"
done
[ -n "$version" ] || { log "no nodejs source version could be downloaded"; exit 1; }

# dpkg-source applies Debian's patches (some add or change tests), then only the test
# directories are kept.
src=$dl/src
log "extracting nodejs $version"
dpkg-source --no-check -x "$dl/nodejs_${version#*:}.dsc" "$src" >/dev/null
root=$cache/nodejs-$version
rm -rf "$root.new" "$root"
mkdir -p "$root.new/test"
for d in common fixtures parallel; do
  mv "$src/test/$d" "$root.new/test/$d"
done
echo "$version" > "$root.new/.version"
mv "$root.new" "$root"
echo "nodejs-$version" > "$cache/current"
rm -rf "$dl"
log "nodejs $version extracted to $root"
echo "$root"
