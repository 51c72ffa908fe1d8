#!/usr/bin/env bash
# Puts a Linux kernel image for the QEMU end-to-end tests at .cache/linux/vmlinuz: the one Debian's
# linux-image-cloud-amd64 depends on, taken out of its package (nothing is installed).
set -euo pipefail
cd "$(dirname "$0")/../.."
dest=.cache/linux
[ -s "$dest/vmlinuz" ] && exit 0
command -v apt-get >/dev/null || { echo "fetch-kernel: needs apt-get (Debian)" >&2; exit 1; }
pkg=$(apt-cache depends linux-image-cloud-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/ { print $2; exit }')
if [ -z "$pkg" ]; then
  apt-get update -qq
  pkg=$(apt-cache depends linux-image-cloud-amd64 | awk '/Depends: linux-image-[0-9]/ { print $2; exit }')
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download -qq "$pkg")
dpkg-deb -x "$work"/*.deb "$work/x"
mkdir -p "$dest"
cp "$work"/x/boot/vmlinuz-* "$dest/vmlinuz.tmp"
mv "$dest/vmlinuz.tmp" "$dest/vmlinuz"
echo "fetch-kernel: $pkg -> $dest/vmlinuz"
