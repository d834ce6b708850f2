#!/usr/bin/env bash
# Starts or stops a throwaway Redis for tests and CI (these machines have no service manager).
#
#   scripts/redis.sh start DIR PORT   start redis-server on 127.0.0.1:PORT, files and log in DIR; waits until it answers
#   scripts/redis.sh stop  DIR PORT   stop the one started with that DIR and PORT (nothing else)
#
# No persistence (--save '', no AOF): a test Redis holds only pub/sub traffic. The app's setting is then
# Studio__Redis=127.0.0.1:PORT. Debian: apt-get install -y redis-server.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR PORT" >&2; exit 2; }
[[ $# -eq 3 ]] || usage
action=$1 dir=$2 port=$3
[[ $port =~ ^[0-9]+$ ]] || usage
pidfile="$dir/redis-$port.pid"

case $action in
  start)
    command -v redis-server >/dev/null || { echo "redis-server is not installed (apt-get install -y redis-server)" >&2; exit 1; }
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    pidfile="$dir/redis-$port.pid"
    if [[ -f $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      echo "redis already running on port $port (pid $(cat "$pidfile"))" >&2; exit 1
    fi
    redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$dir" \
      --daemonize yes --pidfile "$pidfile" --logfile "$dir/redis-$port.log"
    for _ in $(seq 1 100); do
      if redis-cli -p "$port" ping 2>/dev/null | grep -q PONG; then echo "redis on 127.0.0.1:$port (pid $(cat "$pidfile"))"; exit 0; fi
      sleep 0.1
    done
    echo "redis did not answer on port $port; log: $dir/redis-$port.log" >&2
    tail -n 20 "$dir/redis-$port.log" >&2 || true
    exit 1
    ;;
  stop)
    [[ -f $pidfile ]] || { echo "no redis started in $dir on port $port" >&2; exit 0; }
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
    rm -f "$pidfile"
    echo "redis on port $port stopped"
    ;;
  *) usage ;;
esac
