#!/bin/sh
# Runs a test on a private D-Bus session with gnome-keyring-daemon's secret service (an empty
# keyring in a temporary folder, unlocked with a throwaway password); without dbus-run-session or
# gnome-keyring-daemon the test runs as it is and skips its keyring part.
if ! command -v dbus-run-session >/dev/null 2>&1 || ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
  exec "$@"
fi
keyring_home=$(mktemp -d "${TMPDIR:-/tmp}/mamori-keyring.XXXXXX")
trap 'rm -rf "$keyring_home" 2>/dev/null' EXIT
export keyring_home
dbus-run-session -- sh -c '
  export HOME="$keyring_home" XDG_DATA_HOME="$keyring_home/data" XDG_RUNTIME_DIR="$keyring_home"
  printf "mamori-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"' sh "$@"
