#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the store tests: initdb + pg_ctl in a temporary folder, on a local port,
# owned by an unprivileged user. `start` prints the connection URI (for PATROL_TEST_PG); `stop` removes it all.
#   export PATROL_TEST_PG="$(tools/pg-test-cluster.sh start)"; make test; tools/pg-test-cluster.sh stop
# PATROL_PG_DIR (default /tmp/patrol-pg-test) and PATROL_PG_PORT (default 54329) override the place and port.
set -euo pipefail
dir="${PATROL_PG_DIR:-/tmp/patrol-pg-test}"
port="${PATROL_PG_PORT:-54329}"
bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -n "$bindir" ] || { echo "pg-test-cluster: no PostgreSQL server; apt-get install postgresql" >&2; exit 1; }

# The server refuses to run as root, so root hands the cluster to the `postgres` user (or a created one).
if [ "$(id -u)" -eq 0 ]; then
  owner=postgres
  id -u "$owner" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$owner"
  as_owner() { runuser -u "$owner" -- "$@"; }
else
  owner="$(id -un)"
  as_owner() { "$@"; }
fi

stop() {
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

start() {
  stop
  mkdir -p "$dir"
  chmod 700 "$dir"
  password="$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  printf '%s\n' "$password" > "$dir/pwfile"
  [ "$owner" = "$(id -un)" ] || chown -R "$owner" "$dir"
  # Local socket: trust (set-up only). TCP: scram-sha-256, so the tests can check wrong-password messages.
  as_owner "$bindir/initdb" -D "$dir/data" -U patrol --pwfile="$dir/pwfile" -E UTF8 --no-locale \
    --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  rm -f "$dir/pwfile"
  as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  psql() { as_owner "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U patrol "$@"; }
  psql -d postgres -c 'CREATE DATABASE patrol_test' >/dev/null
  # PostGIS lives in public, so every test schema (search_path "<schema>,public") sees the geometry type.
  if [ -n "$(psql -d patrol_test -tA -c "SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'")" ]; then
    psql -d patrol_test -c 'CREATE EXTENSION postgis' >/dev/null
  else
    echo "pg-test-cluster: PostGIS is not installed; the store tests run in lon/lat mode" >&2
  fi
  echo "postgresql://patrol:$password@127.0.0.1:$port/patrol_test"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 64 ;;
esac
