#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests that run against a server workspace.
#
#   eval "$(build-aux/pg-test-cluster.sh start)"   # sets MAMORI_TEST_PG and MAMORI_PG_DIR
#   meson test -C build …
#   build-aux/pg-test-cluster.sh stop "$MAMORI_PG_DIR"
#
# start: initdb in a new temporary folder, listening only on a Unix socket in that folder (no
# TCP), started with pg_ctl, with the database mamori_test created; prints the two export lines
# for the shell (everything else goes to stderr). As root (CI) the cluster runs as the system
# user mamori-ci, created when missing, since initdb refuses to run as root. The superuser is
# called mamori; local connections are trusted (only the socket's folder reaches it).
# stop DIR: stops the cluster and removes DIR.
# halt DIR / resume DIR: stops the server and starts it again, keeping DIR (tests of a server
# that goes away and comes back).
# PG_BINDIR chooses the PostgreSQL programs (default: the newest /usr/lib/postgresql/*/bin).
set -euo pipefail

bindir=${PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "pg-test-cluster: PostgreSQL's server programs were not found (apt install postgresql, or set PG_BINDIR)" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u mamori-ci -- "$@"
  else
    "$@"
  fi
}

case "${1:-}" in
  start)
    dir=$(mktemp -d "${TMPDIR:-/tmp}/mamori-pg.XXXXXX")
    if [ "$(id -u)" -eq 0 ]; then
      id -u mamori-ci >/dev/null 2>&1 ||
        useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin mamori-ci
      chown mamori-ci "$dir"
    fi
    chmod 0755 "$dir"
    as_owner "$bindir/initdb" -D "$dir/data" -U mamori -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off" start >&2 ||
      { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$bindir/createdb" -h "$dir" -U mamori mamori_test >&2
    echo "export MAMORI_PG_DIR='$dir'"
    echo "export MAMORI_TEST_PG='postgresql:///mamori_test?host=$dir&user=mamori'"
    ;;
  stop)
    dir=${2:-${MAMORI_PG_DIR:-}}
    case "$dir" in
      */mamori-pg.*) ;;
      *) echo "pg-test-cluster: stop DIR, where DIR is what start made" >&2; exit 1 ;;
    esac
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    fi
    rm -rf "$dir"
    ;;
  halt|resume)
    dir=${2:-}
    case "$dir" in
      */mamori-pg.*) ;;
      *) echo "pg-test-cluster: $1 DIR, where DIR is what start made" >&2; exit 1 ;;
    esac
    if [ "$1" = halt ]; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >&2
    else
      as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
        -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off" start >&2
    fi
    ;;
  *)
    echo "usage: $0 start | stop DIR | halt DIR | resume DIR" >&2
    exit 2
    ;;
esac
