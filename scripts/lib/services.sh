#!/usr/bin/env bash
# shellcheck disable=SC2016,SC2012  # single-quoted bash -c / node -e programs expand their own variables
# scripts/lib/services.sh: sourced by scripts/up.sh and scripts/test.sh.
#
# Makes PostgreSQL and Redis reachable for the platform, in this order:
#   1. the servers named by DATABASE_URL / REDIS_URL already answer: use them;
#   2. a Docker engine answers: `docker compose -f docker/compose.yml up -d postgres redis`;
#   3. local binaries (installed with apt-get when missing and we are root):
#      PostgreSQL: the machine's cluster on that port (pg_ctlcluster), else a
#      project-local cluster in .data/pg; Redis: a redis-server daemon in .data/redis.
#
# Reads:   DATABASE_URL (default postgres://postgres@127.0.0.1:5432/wgcollab)
#          REDIS_URL    (default redis://127.0.0.1:6379)
#          SERVICES_WAIT_TIMEOUT (seconds, default 60), SERVICES_DATA_DIR (default <repo>/.data)
# Exports: DATABASE_URL, REDIS_URL (port changed when the default one is taken by
#          another program), DATABASE_URL_BASE (scheme://user[:pass]@host:port, no
#          database), DATABASE_NAME (database of DATABASE_URL).
# Functions: ensure_node_modules, ensure_services, ensure_database NAME,
#            db_url_for NAME, redis_url_for INDEX, stop_local_services.
# Progress goes to stderr, prefixed [services]. Passwords are never printed.
set -euo pipefail

SVC_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SVC_DATA="${SERVICES_DATA_DIR:-$SVC_ROOT/.data}"
SVC_TIMEOUT="${SERVICES_WAIT_TIMEOUT:-60}"
SVC_PG_FALLBACK_PORT=55432     # used when the URL's port is held by a non-PostgreSQL program
SVC_REDIS_FALLBACK_PORT=56379  # same for Redis

svc_log() { printf '[services] %s\n' "$*" >&2; }
svc_die() { printf '[services] ERROR: %s\n' "$*" >&2; exit 1; }

# Runs a command with a time limit when coreutils' timeout exists (not on stock macOS).
_svc_timeout() {
  local secs="$1"; shift
  if command -v timeout >/dev/null 2>&1; then timeout "$secs" "$@"; else "$@"; fi
}

# _svc_parse URL PREFIX LABEL: sets PREFIX_{SCHEME,USER,PASS,HOST,PORT,PATH,QUERY} (raw, still %-encoded).
_svc_parse() {
  local url="$1" p="$2" label="$3" re='^([A-Za-z][A-Za-z0-9+.-]*)://(([^:@/]*)(:([^@/]*))?@)?(\[[^]/]*\]|[^:/?]*)(:([0-9]+))?(/([^?]*))?(\?(.*))?$'
  [[ "$url" =~ $re ]] || svc_die "cannot parse $label (expected scheme://[user[:password]@]host[:port][/name])"
  printf -v "${p}_SCHEME" '%s' "${BASH_REMATCH[1]}"
  printf -v "${p}_USER" '%s' "${BASH_REMATCH[3]}"
  printf -v "${p}_PASS" '%s' "${BASH_REMATCH[5]}"
  printf -v "${p}_HOST" '%s' "${BASH_REMATCH[6]:-127.0.0.1}"
  printf -v "${p}_PORT" '%s' "${BASH_REMATCH[8]}"
  printf -v "${p}_PATH" '%s' "${BASH_REMATCH[10]}"
  printf -v "${p}_QUERY" '%s' "${BASH_REMATCH[12]}"
}

_svc_urldecode() { local s="${1//+/ }"; printf '%b' "${s//%/\\x}"; }
_svc_userinfo() { # user[:pass]@ or empty
  local u="$1" pw="$2"
  [[ -n "$u$pw" ]] || return 0
  if [[ -n "$pw" ]]; then printf '%s:%s@' "$u" "$pw"; else printf '%s@' "$u"; fi
}
_svc_mask() { if [[ -n "$2" ]]; then printf '%s' "${1/":$2@"/:***@}"; else printf '%s' "$1"; fi; }
_svc_is_local() { [[ "$1" == localhost || "$1" == 127.* || "$1" == "::1" || "$1" == "[::1]" ]]; }
_svc_tcp_host() { local h="${1#[}"; printf '%s' "${h%]}"; }

# Rebuilds DATABASE_URL / REDIS_URL from the parsed parts (after a port change).
_svc_export_urls() {
  DATABASE_URL_BASE="${PG_SCHEME}://$(_svc_userinfo "$PG_USER" "$PG_PASS")${PG_HOST}:${PG_PORT}"
  DATABASE_NAME="$(_svc_urldecode "${PG_PATH:-wgcollab}")"
  DATABASE_URL="${DATABASE_URL_BASE}/${PG_PATH:-wgcollab}${PG_QUERY:+?$PG_QUERY}"
  REDIS_URL="${RD_SCHEME}://$(_svc_userinfo "$RD_USER" "$RD_PASS")${RD_HOST}:${RD_PORT}${RD_PATH:+/$RD_PATH}${RD_QUERY:+?$RD_QUERY}"
  export DATABASE_URL DATABASE_URL_BASE DATABASE_NAME REDIS_URL
}

# db_url_for NAME: DATABASE_URL's server with database NAME (call after ensure_services).
db_url_for() { printf '%s/%s%s' "$DATABASE_URL_BASE" "$1" "${PG_QUERY:+?$PG_QUERY}"; }
# redis_url_for INDEX: REDIS_URL's server with logical database INDEX (call after ensure_services).
redis_url_for() { printf '%s://%s%s:%s/%s%s' "$RD_SCHEME" "$(_svc_userinfo "$RD_USER" "$RD_PASS")" "$RD_HOST" "$RD_PORT" "$1" "${RD_QUERY:+?$RD_QUERY}"; }

_svc_tcp_open() { _svc_timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$(_svc_tcp_host "$1")" "$2" 2>/dev/null; }

# _svc_pg_probe HOST PORT -> prints ready | starting | foreign (port held by something else) | closed
_svc_pg_probe() {
  local h; h="$(_svc_tcp_host "$1")"
  if command -v pg_isready >/dev/null 2>&1; then
    local rc=0; pg_isready -q -h "$h" -p "$2" -U "$(_svc_urldecode "${PG_USER:-postgres}")" -t 3 || rc=$?
    case "$rc" in 0) echo ready; return ;; 1) echo starting; return ;; esac
    if _svc_tcp_open "$h" "$2"; then echo foreign; else echo closed; fi
    return
  fi
  _svc_tcp_open "$h" "$2" || { echo closed; return; }
  # No pg_isready: send PostgreSQL's SSLRequest; a server answers 'S' or 'N'.
  local c
  c="$(_svc_timeout 5 bash -c 'exec 3<>"/dev/tcp/$0/$1"; printf "\x00\x00\x00\x08\x04\xd2\x16\x2f" >&3; IFS= read -r -n1 -t3 c <&3; printf %s "$c"' "$h" "$2" 2>/dev/null || true)"
  if [[ "$c" == S || "$c" == N ]]; then echo ready; else echo foreign; fi
}

# _svc_redis_probe HOST PORT -> prints ready | starting | auth | foreign | closed
_svc_redis_probe() {
  local h out; h="$(_svc_tcp_host "$1")"
  if command -v redis-cli >/dev/null 2>&1; then
    # The password (if any) goes through REDISCLI_AUTH, not the command line.
    if [[ -n "$RD_PASS" ]]; then export REDISCLI_AUTH; REDISCLI_AUTH="$(_svc_urldecode "$RD_PASS")"; fi
    out="$(_svc_timeout 5 redis-cli --no-auth-warning -h "$h" -p "$2" ping 2>&1 || true)"
  else
    out="$(_svc_timeout 5 bash -c 'exec 3<>"/dev/tcp/$0/$1" || exit 0
      [[ -n "$2" ]] && printf "AUTH %s\r\n" "$2" >&3 && IFS= read -r -t3 l <&3
      printf "PING\r\n" >&3; IFS= read -r -t3 l <&3; printf %s "$l"' "$h" "$2" "$(_svc_urldecode "$RD_PASS")" 2>/dev/null || true)"
  fi
  case "$out" in
    *PONG*) echo ready ;;
    *LOADING*) echo starting ;;
    *NOAUTH*|*WRONGPASS*|*"invalid password"*|*"invalid username"*) echo auth ;;
    *) if _svc_tcp_open "$h" "$2"; then echo foreign; else echo closed; fi ;;
  esac
}

# True when a Docker engine answers and a compose command exists (sets SVC_COMPOSE).
_svc_docker_up() {
  command -v docker >/dev/null 2>&1 && _svc_timeout 5 docker info >/dev/null 2>&1 || return 1
  if docker compose version >/dev/null 2>&1; then SVC_COMPOSE=(docker compose)
  elif command -v docker-compose >/dev/null 2>&1; then SVC_COMPOSE=(docker-compose)
  else svc_log "a Docker engine answers but there is no compose command; not using Docker"; return 1; fi
}

# Starts one compose service (postgres or redis) on the URL's port.
_svc_compose_up() {
  svc_log "starting $1 with Docker (docker/compose.yml)"
  # JWT_SECRET is only needed by the app services, but compose checks it for the whole file.
  JWT_SECRET="${JWT_SECRET:-services-only}" POSTGRES_PORT="$PG_PORT" REDIS_PORT="$RD_PORT" \
    "${SVC_COMPOSE[@]}" -p wgcollab -f "$SVC_ROOT/docker/compose.yml" up -d "$1" >&2 || svc_die "docker compose up $1 failed"
}

# Runs a command as the unprivileged PostgreSQL user when we are root (the server refuses root).
_svc_as_pg() {
  if [[ "$(id -u)" -eq 0 ]]; then
    su postgres -s /bin/bash -c "cd / && $(printf '%q ' "$@")"
  else
    "$@"
  fi
}

_svc_pg_bindir() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)"
  if [[ -n "$1" && -x "/usr/lib/postgresql/$1/bin/initdb" ]]; then d="/usr/lib/postgresql/$1/bin"; fi
  if [[ -x "$d/initdb" ]]; then printf '%s' "$d"; return; fi
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then dirname "$(command -v pg_ctl)"; fi
}

_svc_apt_install() { # PACKAGE WHAT-FOR-MESSAGE
  if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    svc_log "installing $1 with apt-get"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1"; } >&2 \
      || svc_die "apt-get install $1 failed"
  else
    svc_die "$2"
  fi
}

# Starts the machine's own cluster (Debian pg_ctlcluster) when one is configured on PG_PORT.
_svc_pg_machine_cluster() {
  command -v pg_lsclusters >/dev/null 2>&1 && command -v pg_ctlcluster >/dev/null 2>&1 || return 1
  local ver name port _rest
  while read -r ver name port _rest; do
    [[ "$port" == "$PG_PORT" ]] || continue
    svc_log "starting the machine's PostgreSQL cluster $ver/$name on port $port"
    pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start >&2 && return 0
    svc_log "pg_ctlcluster $ver $name start failed; falling back to a project-local cluster"
    return 1
  done < <(pg_lsclusters -h 2>/dev/null || true)
  return 1
}

# Where the cluster goes when the postgres user cannot reach the checkout (one per checkout).
_svc_pg_alt_base() { printf '/var/tmp/wgcollab-%s' "$(printf '%s' "$SVC_ROOT" | cksum | cut -d' ' -f1)"; }

# Creates (once) and starts a project-local cluster, trust auth, on 127.0.0.1:PG_PORT.
_svc_pg_local_cluster() {
  local dir="$SVC_DATA/pg" log="$SVC_DATA/pg.log" bindir ver=""
  mkdir -p "$SVC_DATA"
  if [[ "$(id -u)" -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --user-group --home-dir /nonexistent --shell /usr/sbin/nologin postgres
    if ! su postgres -s /bin/bash -c "test -x $(printf '%q' "$SVC_DATA")"; then
      # The postgres user cannot reach the repository (e.g. under /root): keep the cluster elsewhere.
      local alt; alt="$(_svc_pg_alt_base)"
      svc_log "the postgres user cannot reach $SVC_DATA; using $alt for the cluster"
      mkdir -p "$alt"; dir="$alt/pg"; log="$alt/pg.log"
    fi
  fi
  [[ -f "$dir/PG_VERSION" ]] && ver="$(cat "$dir/PG_VERSION")"
  bindir="$(_svc_pg_bindir "$ver")"
  [[ -n "$bindir" ]] || svc_die "PostgreSQL server binaries (initdb, pg_ctl) not found"
  mkdir -p "$dir"; touch "$log"
  [[ "$(id -u)" -eq 0 ]] && chown postgres: "$dir" "$log"
  chmod 700 "$dir"
  if [[ ! -f "$dir/PG_VERSION" ]]; then
    svc_log "creating a project-local PostgreSQL cluster in $dir"
    _svc_as_pg "$bindir/initdb" -D "$dir" --auth=trust --username="$(_svc_urldecode "${PG_USER:-postgres}")" \
      --encoding=UTF8 --locale=C >>"$log" 2>&1 || svc_die "initdb failed, see $log"
  fi
  local listen="127.0.0.1"
  case "$PG_HOST" in localhost) listen=localhost ;; "[::1]"|"::1") listen="::1" ;; 127.*) listen="$PG_HOST" ;; esac
  local opts="-p $PG_PORT -c listen_addresses='$listen' -c unix_socket_directories=''"
  if _svc_as_pg "$bindir/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    svc_log "project-local cluster runs but not on port $PG_PORT; restarting it"
    _svc_as_pg "$bindir/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
  fi
  svc_log "starting the project-local PostgreSQL on $listen:$PG_PORT (log: $log)"
  _svc_as_pg "$bindir/pg_ctl" -D "$dir" -l "$log" -o "$opts" -w -t "$SVC_TIMEOUT" start >/dev/null \
    || svc_die "PostgreSQL did not start, see $log"
}

_svc_start_pg() {
  if _svc_docker_up; then
    # The compose server wants a password over TCP (postgres/postgres in docker/compose.yml).
    [[ -n "$PG_PASS" ]] || { PG_PASS=postgres; _svc_export_urls; }
    _svc_compose_up postgres; return
  fi
  if [[ -z "$(_svc_pg_bindir "")" ]]; then
    _svc_apt_install postgresql "PostgreSQL not reachable at $PG_HOST:$PG_PORT and not installed: install PostgreSQL 15+ (Debian: apt-get install postgresql; macOS: brew install postgresql@16) or set DATABASE_URL to a running server"
    # The package may have created and started the machine's cluster on our port.
    [[ "$(_svc_pg_probe "$PG_HOST" "$PG_PORT")" == closed ]] || return 0
  fi
  _svc_pg_machine_cluster || _svc_pg_local_cluster
}

_svc_start_redis() {
  if _svc_docker_up; then _svc_compose_up redis; return; fi
  if ! command -v redis-server >/dev/null 2>&1; then
    _svc_apt_install redis-server "Redis not reachable at $RD_HOST:$RD_PORT and not installed: install Redis 7 (Debian: apt-get install redis-server; macOS: brew install redis) or set REDIS_URL to a running server"
    [[ "$(_svc_redis_probe "$RD_HOST" "$RD_PORT")" == closed ]] || return 0
  fi
  local bind=(127.0.0.1)   # for "localhost" also ::1 when the machine has it ("-" = optional)
  case "$RD_HOST" in localhost) bind=(127.0.0.1 -::1) ;; "[::1]"|"::1") bind=(::1) ;; 127.*) bind=("$RD_HOST") ;; esac
  mkdir -p "$SVC_DATA/redis"
  svc_log "starting a local redis-server on port $RD_PORT (log: $SVC_DATA/redis.log)"
  # The password (if any) goes in through stdin so it does not show in `ps`.
  local out
  out="$({ [[ -n "$RD_PASS" ]] && printf 'requirepass "%s"\n' "$(_svc_urldecode "$RD_PASS")"; true; } \
    | redis-server - --daemonize yes --bind "${bind[@]}" --port "$RD_PORT" --save "" --appendonly no \
        --dir "$SVC_DATA/redis" --logfile "$SVC_DATA/redis.log" --pidfile "$SVC_DATA/redis-$RD_PORT.pid" 2>&1)" \
    || svc_die "redis-server did not start: $out (see $SVC_DATA/redis.log)"
}

# _svc_resolve KIND: decides whether KIND (pg|redis) must be started; moves to the fallback
# port when the URL's port belongs to another program. Returns 0 = start it, 1 = already fine.
_svc_resolve() {
  local kind="$1" host port fallback state label
  if [[ "$kind" == pg ]]; then host="$PG_HOST" port="$PG_PORT" fallback="$SVC_PG_FALLBACK_PORT" label=PostgreSQL
  else host="$RD_HOST" port="$RD_PORT" fallback="$SVC_REDIS_FALLBACK_PORT" label=Redis; fi
  state="$("_svc_${kind}_probe" "$host" "$port")"
  case "$state" in
    ready|starting) svc_log "$label answers at $host:$port"; return 1 ;;
    auth) svc_die "Redis at $host:$port refuses REDIS_URL's password (or its lack): put the right one in REDIS_URL (redis://:PASSWORD@host:port)" ;;
  esac
  _svc_is_local "$host" || svc_die "$label at $host:$port does not answer (a remote host; not starting one here)"
  if [[ "$state" == foreign ]]; then
    svc_log "port $port is held by a program that is not $label; using port $fallback"
    if [[ "$kind" == pg ]]; then PG_PORT="$fallback"; else RD_PORT="$fallback"; fi
    port="$fallback"
    state="$("_svc_${kind}_probe" "$host" "$port")"
    case "$state" in
      ready|starting) svc_log "$label answers at $host:$fallback"; return 1 ;;
      foreign|auth) svc_die "both ports (the URL's and $fallback) are held by other programs; set the URL to a free port" ;;
    esac
  fi
  svc_log "$label does not answer at $host:$port"
  return 0
}

ensure_services() {
  _svc_parse "${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/wgcollab}" PG DATABASE_URL
  _svc_parse "${REDIS_URL:-redis://127.0.0.1:6379}" RD REDIS_URL
  PG_PORT="${PG_PORT:-5432}"; RD_PORT="${RD_PORT:-6379}"; PG_USER="${PG_USER:-postgres}"
  local need_pg=0 need_redis=0
  _svc_resolve pg && need_pg=1
  _svc_resolve redis && need_redis=1
  _svc_export_urls
  [[ $need_pg == 1 ]] && _svc_start_pg
  [[ $need_redis == 1 ]] && _svc_start_redis
  # Wait for both, one deadline.
  local deadline=$((SECONDS + SVC_TIMEOUT)) pg="" rd=""
  while :; do
    pg="$(_svc_pg_probe "$PG_HOST" "$PG_PORT")"; rd="$(_svc_redis_probe "$RD_HOST" "$RD_PORT")"
    [[ "$pg" == ready && "$rd" == ready ]] && break
    if ((SECONDS >= deadline)); then
      [[ "$pg" == ready ]] || svc_log "PostgreSQL at $PG_HOST:$PG_PORT: $pg"
      [[ "$rd" == ready ]] || svc_log "Redis at $RD_HOST:$RD_PORT: $rd"
      svc_die "$( [[ "$pg" == ready ]] || printf 'PostgreSQL ' )$( [[ "$rd" == ready ]] || printf 'Redis ' )did not answer within ${SVC_TIMEOUT}s"
    fi
    sleep 1
  done
  svc_log "ready: DATABASE_URL=$(_svc_mask "$DATABASE_URL" "$PG_PASS") REDIS_URL=$(_svc_mask "$REDIS_URL" "$RD_PASS")"
}

# ensure_database NAME: creates database NAME on DATABASE_URL's server when missing.
# drop_database NAME: drops database NAME if it exists (the tests' own, recreated each run).
drop_database() {
  local name="$1"
  [[ "$name" =~ _test($|_) ]] || svc_die "refusing to drop '$name': only test databases (containing _test) are dropped"
  [[ -n "${DATABASE_URL_BASE:-}" ]] || svc_die "drop_database: call ensure_services first"
  (cd "$SVC_ROOT" && SVC_ADMIN_URL="$(db_url_for postgres)" SVC_DB_NAME="$name" node -e '
    const { Client } = require("pg");
    const c = new Client({ connectionString: process.env.SVC_ADMIN_URL });
    (async () => {
      await c.connect();
      await c.query("DROP DATABASE IF EXISTS " + c.escapeIdentifier(process.env.SVC_DB_NAME) + " WITH (FORCE)");
      await c.end();
    })().catch((e) => { console.error(e.message); process.exit(1); });') \
    || svc_die "could not drop database $name"
  svc_log "database $name dropped (a fresh one is made for this run)"
}

ensure_database() {
  local name="$1"
  [[ "$name" =~ ^[A-Za-z0-9_][A-Za-z0-9_-]*$ ]] || svc_die "refusing odd database name '$name'"
  [[ -n "${DATABASE_URL_BASE:-}" ]] || svc_die "ensure_database: call ensure_services first"
  if command -v psql >/dev/null 2>&1; then
    # Password through PGPASSWORD, not the command line.
    local url
    url="${PG_SCHEME}://$(_svc_userinfo "$PG_USER" "")${PG_HOST}:${PG_PORT}/postgres${PG_QUERY:+?$PG_QUERY}"
    ( if [[ -n "$PG_PASS" ]]; then export PGPASSWORD; PGPASSWORD="$(_svc_urldecode "$PG_PASS")"; fi
      psql -X -q -v ON_ERROR_STOP=1 -v db="$name" -d "$url" >/dev/null <<'SQL'
SELECT format('CREATE DATABASE %I', :'db') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
    ) || svc_die "could not create database $name"
  else
    (cd "$SVC_ROOT" && SVC_ADMIN_URL="$(db_url_for postgres)" SVC_DB_NAME="$name" node -e '
      const { Client } = require("pg");
      const c = new Client({ connectionString: process.env.SVC_ADMIN_URL });
      (async () => {
        await c.connect();
        const n = process.env.SVC_DB_NAME;
        const r = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [n]);
        if (!r.rowCount) {
          try { await c.query("CREATE DATABASE " + c.escapeIdentifier(n)); }
          catch (e) { if (e.code !== "42P04") throw e; } // 42P04: created meanwhile
        }
        await c.end();
      })().catch((e) => { console.error(e.message); process.exit(1); });') \
      || svc_die "could not create database $name"
  fi
  svc_log "database $name is there"
}

# ensure_node_modules: npm ci when node_modules is missing or older than package-lock.json.
ensure_node_modules() {
  local stamp="$SVC_ROOT/node_modules/.package-lock.json"
  if [[ ! -f "$stamp" || "$SVC_ROOT/package-lock.json" -nt "$stamp" ]]; then
    svc_log "installing dependencies (npm ci)"
    (cd "$SVC_ROOT" && npm ci --no-audit --no-fund) >&2
  fi
}

# stop_local_services: stops the project-local PostgreSQL and Redis started above (not the
# machine's or Docker's). Data in .data/pg is kept.
stop_local_services() {
  local bindir dir
  for dir in "$SVC_DATA/pg" "$(_svc_pg_alt_base)/pg"; do
    [[ -f "$dir/PG_VERSION" ]] || continue
    bindir="$(_svc_pg_bindir "$(cat "$dir/PG_VERSION")")"
    if _svc_as_pg "$bindir/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1; then svc_log "stopped local PostgreSQL ($dir)"; fi
  done
  local pidfile
  for pidfile in "$SVC_DATA"/redis-*.pid; do
    [[ -f "$pidfile" ]] || continue
    kill "$(cat "$pidfile")" 2>/dev/null && svc_log "stopped local Redis (${pidfile##*/})"
    rm -f "$pidfile"
  done
}
