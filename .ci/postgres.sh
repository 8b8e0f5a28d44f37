#!/usr/bin/env bash
# Install (if needed) and start a PostgreSQL server on loopback for the test suite.
#
# Run as root on a clean Debian machine. Idempotent: safe to call twice.
# Prints the URL on stdout; source it (`. .ci/postgres.sh`) to also export
# WARMLINE_TEST_POSTGRES_URL into the calling shell.
set -euo pipefail

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -n1)"
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
  pg_createcluster "$version" main >&2
fi
# Loopback only: the tests (and load tests) never reach past 127.0.0.1.
conf="/etc/postgresql/$version/main/conf.d/warmline.conf"
wanted="listen_addresses = '127.0.0.1'
max_connections = 300"
changed=0
if [ "$(cat "$conf" 2>/dev/null)" != "$wanted" ]; then
  printf '%s\n' "$wanted" > "$conf"
  changed=1
fi
if pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
  if [ "$changed" = 1 ]; then pg_ctlcluster "$version" main restart >&2; fi
else
  pg_ctlcluster "$version" main start >&2
fi
for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -p 5432 -q && break
  sleep 1
done

su postgres -c "psql -v ON_ERROR_STOP=1 -q" >&2 <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'warmline') THEN
    CREATE ROLE warmline LOGIN PASSWORD 'warmline' CREATEDB;
  ELSE
    ALTER ROLE warmline LOGIN PASSWORD 'warmline' CREATEDB;
  END IF;
END
$$;
SQL

WARMLINE_TEST_POSTGRES_URL="postgresql://warmline:warmline@127.0.0.1:5432/postgres"
export WARMLINE_TEST_POSTGRES_URL
echo "$WARMLINE_TEST_POSTGRES_URL"
