#!/usr/bin/env bash
# scripts/up.sh: run the platform locally.
#
# Installs dependencies, makes PostgreSQL and Redis reachable (scripts/lib/services.sh),
# creates the demo database, builds, migrates, seeds, then runs the gateway and the worker
# until one of them exits or you press Ctrl-C (both are stopped then).
#
# Reads:   DATABASE_URL, REDIS_URL (see scripts/lib/services.sh), PORT (default 3000),
#          DEMO_PASSWORD (default u4ssc-demo-2016).
# Exports to the npm scripts: DATABASE_URL, REDIS_URL, DATABASE_URL_BASE, DATABASE_NAME,
#          PORT, DEMO_PASSWORD.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib/services.sh
source scripts/lib/services.sh

export PORT="${PORT:-3000}"
export DEMO_PASSWORD="${DEMO_PASSWORD:-u4ssc-demo-2016}"
DEMO_EMAIL="secretariat@u4ssc.example"
READY_URL="http://127.0.0.1:${PORT}/health/ready"

log() { printf '[up] %s\n' "$*" >&2; }
die() { printf '[up] ERROR: %s\n' "$*" >&2; exit 1; }

# http_ok URL: true when URL answers with a 2xx status.
http_ok() {
  if command -v curl >/dev/null 2>&1; then
    curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null
  else
    node -e 'fetch(process.argv[1], { signal: AbortSignal.timeout(2000) })
      .then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1"
  fi
}

# A second run must not crash into the first one's port.
if _svc_tcp_open 127.0.0.1 "$PORT"; then
  if http_ok "$READY_URL"; then
    die "a gateway already runs on port $PORT (http://localhost:$PORT/graphql); stop it first, or set PORT to run another"
  fi
  die "port $PORT is already in use by another program; stop it or set PORT to a free port"
fi

ensure_node_modules
ensure_services
ensure_database "$DATABASE_NAME"

log "npm run build"; npm run build
log "npm run migrate"; npm run migrate
log "npm run seed"; npm run seed

gateway_pid="" worker_pid=""

# stop_group PID: TERM the process group started with setsid (npm and its node child), then KILL.
stop_group() {
  local pid="$1"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in {1..20}; do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
  trap - EXIT INT TERM
  log "stopping gateway and worker"
  stop_group "$gateway_pid"; stop_group "$worker_pid"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Each in its own process group (setsid), so that stopping it also stops npm's child.
start() {
  if command -v setsid >/dev/null 2>&1; then setsid npm run "start:$1" & else npm run "start:$1" & fi
}
log "starting worker"; start worker; worker_pid=$!
log "starting gateway on port $PORT"; start gateway; gateway_pid=$!

deadline=$((SECONDS + 60))
until http_ok "$READY_URL"; do
  kill -0 "$gateway_pid" 2>/dev/null || die "the gateway exited during start-up (see its output above)"
  kill -0 "$worker_pid" 2>/dev/null || die "the worker exited during start-up (see its output above)"
  ((SECONDS < deadline)) || die "the gateway did not answer $READY_URL within 60 s"
  sleep 1
done

cat >&2 <<EOF

[up] the platform runs (Ctrl-C stops gateway and worker). Open:
[up]
[up]   http://localhost:${PORT}/
[up]
[up]   demo login: ${DEMO_EMAIL} / ${DEMO_PASSWORD}  (or member01@u4ssc.example, same password, to vote)
[up]   GraphQL:    http://localhost:${PORT}/graphql  (GraphiQL: http://localhost:${PORT}/ide)

EOF

# Run until one of the two exits; the EXIT trap then stops the other.
while kill -0 "$gateway_pid" 2>/dev/null && kill -0 "$worker_pid" 2>/dev/null; do sleep 1; done
for name in gateway worker; do
  pid="${name}_pid"
  if ! kill -0 "${!pid}" 2>/dev/null; then
    rc=0; wait "${!pid}" || rc=$?
    log "the $name exited with status $rc"
    exit $((rc == 0 ? 1 : rc))
  fi
done
