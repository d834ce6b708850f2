#!/usr/bin/env bash
# Starts or stops a private PostgreSQL 15 for tests and development: its own data directory and socket directory
# under DIR, listening on 127.0.0.1:PORT (PGPORT, default 55432), trust authentication for local connections.
# There is no service manager on these machines (docs/design.md, "Platform notes"), so this script is the service.
#
#   scripts/postgres.sh start DIR   initdb on first use, start, wait until ready, print the connection string
#   scripts/postgres.sh stop DIR    stop the server started on DIR (fast shutdown)
#
# Run as root (the server runs as the `postgres` user, created when missing) or as the postgres user itself.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
dir=$(mkdir -p "$2" && cd "$2" && pwd)
port=${PGPORT:-55432}
bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
data="$dir/data"
sockets="$dir/socket"
log="$dir/postgres.log"

[ -x "$bin/pg_ctl" ] || { echo "PostgreSQL 15 is not installed ($bin/pg_ctl missing): apt-get install postgresql" >&2; exit 1; }

# Runs a command as the postgres user (directly when already that user).
as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

case "$action" in
  start)
    if [ "$(id -un)" != postgres ]; then
      id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
      chown postgres "$dir"
      as_postgres test -x "$dir" || { echo "the postgres user cannot enter $dir (a parent folder is private): use a DIR it can reach" >&2; exit 1; }
    fi
    if [ ! -f "$data/PG_VERSION" ]; then
      as_postgres mkdir -p "$data" "$sockets"
      as_postgres "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    fi
    as_postgres mkdir -p "$sockets"
    if as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
      echo "PostgreSQL already running on $data" >&2
    else
      as_postgres "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 \
        -o "-p $port -k $sockets -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" start >/dev/null
    fi
    as_postgres "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -t 30
    echo "Host=127.0.0.1;Port=$port;Username=postgres"
    ;;
  stop)
    if [ -f "$data/PG_VERSION" ] && as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
      as_postgres "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
    fi
    ;;
  *) usage ;;
esac
