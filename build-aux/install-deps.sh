#!/usr/bin/env bash
# Installs the Debian 12 packages Mamori needs to build, run and test, if missing.
# Run as root (the README uses sudo). The one list of build and test dependencies.
set -euo pipefail
PKGS=(
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libsqlite3-dev libpq-dev libsecret-1-dev
  libcairo2-dev libpango1.0-dev libpoppler-glib-dev libyaml-dev libxlsxwriter-dev libmd4c-dev libgtksourceview-5-dev libqpdf-dev libzip-dev libxml2-dev libical-dev
  desktop-file-utils appstream shared-mime-info librsvg2-common adwaita-icon-theme
  fonts-dejavu-core fonts-noto-cjk fonts-ipaexfont-gothic fonts-ipaexfont-mincho
  pandoc
  xvfb xauth poppler-utils qpdf valgrind flatpak-builder sqlite3 dbus-daemon postgresql gnome-keyring
  clang libclang-rt-14-dev
)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
