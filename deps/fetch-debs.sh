#!/bin/sh
# Unpacks Debian packages that must not be installed system-wide into DEST (the build tree):
# libnode108/libnode-dev give V8 10.2 (Debian's nodejs package would replace the node 20 we keep
# as the reference), node-llhttp gives llhttp 8.1's C sources. Usage: fetch-debs.sh DEST pkg...
set -eu
dest=$1; shift
mkdir -p "$dest/debs" "$dest/root"
cd "$dest/debs"
for pkg in "$@"; do
  stamp="$dest/root/.$pkg.unpacked"
  [ -f "$stamp" ] && continue
  ls "${pkg}"_*.deb >/dev/null 2>&1 || apt-get download "$pkg" 2>/dev/null || {
    apt-get update -q >/dev/null && apt-get download "$pkg"; }
  dpkg -x "$(ls "${pkg}"_*.deb | head -n 1)" "$dest/root"
  touch "$stamp"
done
