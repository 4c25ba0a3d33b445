#!/usr/bin/env bash
# Screenshots of the window under Xvfb: build-aux/screenshot.sh BUILD_DIR OUT_DIR LANG [WORKSPACE]
# Takes one PNG per page (Alt+1…6), plus the primary menu, preferences and shortcuts.
# Needs xvfb, xdotool and imagemagick (import).
set -euo pipefail
build=$(realpath "$1"); out=$(realpath -m "$2"); lang=${3:-en}; ws=${4:-}
mkdir -p "$out"
disp=:$((90 + RANDOM % 50))
Xvfb "$disp" -screen 0 1100x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
tmp=$(mktemp -d)
trap 'kill $app $xvfb 2>/dev/null || true; rm -rf "$tmp"' EXIT
sleep 1
export DISPLAY=$disp GSETTINGS_SCHEMA_DIR=$build/data GSETTINGS_BACKEND=memory GTK_A11Y=none \
  NO_AT_BRIDGE=1 MAMORI_LOCALEDIR=$build/po XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config \
  LC_ALL=C.UTF-8
[ "$lang" = ja ] && export LANGUAGE=ja || export LANGUAGE=en
if [ -z "$ws" ]; then ws=$tmp/demo.mamori; "$build/src/mamori" --workspace "$ws" demo 2>/dev/null; fi
"$build/src/mamori" --workspace "$ws" 2>/dev/null &
app=$!
for _ in $(seq 50); do win=$(xdotool search --onlyvisible --name Mamori 2>/dev/null | head -1) && [ -n "$win" ] && break; sleep 0.2; done
sleep 1.5
shot() { sleep 0.8; import -window root "$out/$1.png"; }
i=1
for page in overview assessments assets registers documents reports; do
  xdotool key --window "$win" "alt+$i"; shot "$lang-$i-$page"; i=$((i + 1))
done
# No window manager: give the main window the focus back before each key.
key() { xdotool windowfocus --sync "$win" 2>/dev/null || true; xdotool key "$@"; }
key alt+1 F10; shot "$lang-menu"; xdotool key Escape
key ctrl+comma; shot "$lang-preferences"; xdotool key Escape; sleep 0.5
key ctrl+shift+question; shot "$lang-shortcuts"; xdotool key Escape; sleep 0.5
key F1; shot "$lang-about"; xdotool key Escape
