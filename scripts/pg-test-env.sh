#!/bin/sh
# pg-test-env.sh — a throwaway PostgreSQL cluster for chiron's store tests.
#
#   export CHIRON_TEST_POSTGRES="$(scripts/pg-test-env.sh)"   # start, print DSN
#   scripts/pg-test-env.sh stop                              # stop, delete
#
# Starts PostgreSQL (default /usr/lib/postgresql/15/bin, override with
# PG_BIN) on 127.0.0.1:${PG_TEST_PORT:-54329} with trust authentication,
# in a fresh temporary directory, creates database chiron_test and prints
# its DSN on stdout (logs go to stderr). Run as root it runs the server as
# user postgres. If a cluster started by this script is already up, it only
# prints the DSN.
set -eu

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PORT=${PG_TEST_PORT:-54329}
DB=chiron_test
STATE=${TMPDIR:-/tmp}/chiron-pg-test-$PORT.dir
DSN="postgres://postgres@127.0.0.1:$PORT/$DB?sslmode=disable"

as_pg() {
	if [ "$(id -u)" = 0 ]; then
		if command -v runuser >/dev/null 2>&1; then
			runuser -u postgres -- "$@"
		else
			su postgres -s /bin/sh -c "$(printf '%s ' "$@")"
		fi
	else
		"$@"
	fi
}

if [ "${1:-start}" = stop ]; then
	if [ -f "$STATE" ]; then
		dir=$(cat "$STATE")
		as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate stop >&2 || true
		rm -rf "$dir" "$STATE"
	fi
	exit 0
fi

if [ -f "$STATE" ] && "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
	echo "$DSN"
	exit 0
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/chiron-pg.XXXXXX")
chmod 0755 "$dir"
[ "$(id -u)" = 0 ] && chown postgres "$dir"
as_pg "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --no-sync >&2
as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
	-o "-h 127.0.0.1 -p $PORT -k $dir -c fsync=off -c full_page_writes=off" start >&2
echo "$dir" >"$STATE"
"$PG_BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
	-c "CREATE DATABASE $DB" >&2
echo "$DSN"
