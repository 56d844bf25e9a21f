#!/usr/bin/env bash
# Installs (Debian) and starts a local PostgreSQL for tests; prints the URL to use.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >&2
fi
# The Swift tests run in parallel on both engines, each with its own pool: room for more than the default 100.
conf="/etc/postgresql/$version/main/conf.d/lumbar.conf"
if [ ! -f "$conf" ]; then
  mkdir -p "$(dirname "$conf")"
  echo "max_connections = 400" > "$conf"
  pg_ctlcluster "$version" main stop >&2 2>/dev/null || true
fi
# A machine restored from a snapshot can keep a postmaster.pid whose number now belongs to another process;
# pg_ctlcluster then says "already running" while nothing listens. A pid file not naming a live postgres is removed.
data="/var/lib/postgresql/$version/main"
pidfile="$data/postmaster.pid"
if [ -f "$pidfile" ] && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  pid=$(head -1 "$pidfile")
  comm=$(cat "/proc/$pid/comm" 2>/dev/null || true)
  if [ "$comm" != "postgres" ]; then
    echo "start-postgres: removing stale $pidfile (pid $pid is ${comm:-gone})" >&2
    rm -f "$pidfile"
  fi
fi
pg_ctlcluster "$version" main start >&2 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "start-postgres: PostgreSQL $version did not start; the end of its log:" >&2
  tail -20 "/var/log/postgresql/postgresql-$version-main.log" >&2 || true
  exit 1
fi
su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'lumbar'\"" >&2
su postgres -c "psql -q -tc \"SELECT 1 FROM pg_database WHERE datname = 'lumbar'\" | grep -q 1 || createdb lumbar" >&2
echo "postgres://postgres:lumbar@127.0.0.1:5432/lumbar?sslmode=disable"
