#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the library's tests, on loopback only, and prints its URL
# (postgresql+psycopg://...) on standard output; everything else goes to standard error.
#
# Idempotent: run it twice and the second run finds the server up and prints the same URL.
# As root with apt-get it installs Debian's postgresql when missing. PostgreSQL refuses to run
# as root, so then the cluster belongs to the `postgres` user (made by the Debian package).
# Nothing is stopped afterwards: the data folder lives under /tmp and the machine is thrown
# away. Settings: MNR_PG_PORT (default 54329), MNR_PG_DATA (default /tmp/mnr-postgres-PORT).
set -euo pipefail

PORT="${MNR_PG_PORT:-54329}"
DATA="${MNR_PG_DATA:-/tmp/mnr-postgres-$PORT}"
DB_NAME="mnr_test"
DB_USER="mnr_test"
DB_PASSWORD="mnr_test"
URL="postgresql+psycopg://$DB_USER:$DB_PASSWORD@127.0.0.1:$PORT/$DB_NAME"

say() { echo "postgres.sh: $*" >&2; }
# The server's user may not be allowed into the caller's folder; nothing here needs it.
cd /tmp

find_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
    echo "$dir"
  fi
}

BIN="$(find_bin)"
if [ -z "$BIN" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    say "installing Debian's postgresql…"
    if [ -z "${MNR_APT_UPDATED:-}" ]; then
      DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    fi
    # The package may try to start its own cluster on 5432; that is not used here.
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      postgresql >&2 || true
    BIN="$(find_bin)"
  fi
fi
if [ -z "$BIN" ]; then
  say "PostgreSQL is not installed (install Debian's postgresql, as root: apt-get install postgresql)"
  exit 1
fi

# Run the server's commands as `postgres` when we are root, as ourselves otherwise.
if [ "$(id -u)" = "0" ]; then
  if ! id postgres >/dev/null 2>&1; then
    say "there is no 'postgres' user to run the server as (the Debian package makes one)"
    exit 1
  fi
  as_owner() { runuser -u postgres -- "$@"; }
  OWNER="postgres"
else
  as_owner() { "$@"; }
  OWNER="$(id -un)"
fi

psql_admin() {
  as_owner "$BIN/psql" -h "$DATA" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"
}

if ! as_owner "$BIN/pg_isready" -q -h "$DATA" -p "$PORT" 2>/dev/null; then
  if [ ! -f "$DATA/PG_VERSION" ]; then
    say "creating a cluster in $DATA"
    rm -rf "$DATA"
    mkdir -p "$DATA"
    chown "$OWNER" "$DATA"
    chmod 700 "$DATA"
    as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth-local=trust \
      --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  say "starting PostgreSQL on 127.0.0.1:$PORT"
  # Loopback only; the socket lives in the data folder; fsync is off because this cluster is
  # thrown away with the machine (the tests kill clients, never this server).
  as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 \
    -o "-p $PORT -c listen_addresses=127.0.0.1 -k $DATA -c fsync=off -c max_connections=200" \
    start >/dev/null || {
      say "PostgreSQL did not start; its log follows"
      tail -n 30 "$DATA/server.log" >&2 || true
      exit 1
    }
fi

psql_admin <<SQL
SELECT 'CREATE ROLE $DB_USER LOGIN CREATEDB PASSWORD ''$DB_PASSWORD'''
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') \gexec
SELECT 'CREATE DATABASE $DB_NAME OWNER $DB_USER'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB_NAME') \gexec
SQL

echo "$URL"
