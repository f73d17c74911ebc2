#!/bin/sh
# Installs the Debian packages ringjs builds against, only when one is missing (idempotent, quick).
set -eu
packages="build-essential cmake ninja-build pkg-config liburing-dev libc-ares-dev libssl-dev zlib1g-dev
libdeflate-dev libsodium-dev libbrotli-dev libicu-dev libgtest-dev libuv1 libbrotli1 libnghttp2-14 libicu72 binutils"
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps: installing$missing"
if [ "$(id -u)" != 0 ]; then sudo=sudo; else sudo=; fi
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
