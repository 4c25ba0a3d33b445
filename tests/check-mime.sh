#!/bin/sh
# The MIME definition is well-formed and update-mime-database accepts it.
set -eu
xml="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/packages"
cp "$xml" "$tmp/packages/"
if command -v update-mime-database >/dev/null 2>&1; then
  update-mime-database "$tmp" 2>&1 | tee "$tmp/log"
  grep -q "x-mamori-workspace" "$tmp/globs2"
  ! grep -qi "error\|warning" "$tmp/log"
else
  python3 -c "import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])" "$xml"
fi
