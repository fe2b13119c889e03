#!/usr/bin/env bash
# scripts/test-web.sh: the browser tests (npm run test:web), alone or as a step of scripts/test.sh.
#
# Makes PostgreSQL and Redis reachable (scripts/lib/services.sh), makes Chromium available
# (Debian's `chromium`, installed with apt-get when missing and we are root), builds unless
# WEB_TEST_SKIP_BUILD=1, creates a fresh database of the browser tests' own (the test database's
# name + `_web`), migrates it and loads the demo seed, then runs Playwright
# (apps/web/playwright.config.ts), whose global setup starts the built gateway and a worker on a
# free port. Extra arguments go to Playwright (e.g. `npm run test:web -- -g ballot`).
#
# Reads:   TEST_DATABASE_URL, TEST_REDIS_URL (as scripts/test.sh; defaults: database
#          wgcollab_test, Redis logical database 1), CHROMIUM_PATH (default: `command -v chromium`),
#          WEB_TEST_SKIP_BUILD.
# Exports to Playwright: WEB_TEST_DATABASE_URL, WEB_TEST_REDIS_URL, CHROMIUM_PATH.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib/services.sh
source scripts/lib/services.sh

log() { printf '[test-web] %s\n' "$*" >&2; }

ensure_node_modules
[[ -z "${TEST_DATABASE_URL:-}" ]] || export DATABASE_URL="$TEST_DATABASE_URL"
[[ -z "${TEST_REDIS_URL:-}" ]] || export REDIS_URL="$TEST_REDIS_URL"
ensure_services
base_db="${TEST_DATABASE_URL:+$DATABASE_NAME}"
base_db="${base_db:-wgcollab_test}"
web_db="${base_db}_web"
drop_database "$web_db"
ensure_database "$web_db"
export WEB_TEST_DATABASE_URL; WEB_TEST_DATABASE_URL="$(db_url_for "$web_db")"
export WEB_TEST_REDIS_URL="${TEST_REDIS_URL:-$(redis_url_for 1)}"

if [[ -z "${CHROMIUM_PATH:-}" ]]; then
  if ! command -v chromium >/dev/null 2>&1; then
    _svc_apt_install chromium "Chromium is missing: install Debian's package 'chromium' (apt-get install chromium), or set CHROMIUM_PATH to a Chromium or Chrome binary"
  fi
  CHROMIUM_PATH="$(command -v chromium)"
fi
export CHROMIUM_PATH

if [[ "${WEB_TEST_SKIP_BUILD:-}" != 1 ]]; then
  log "npm run build"; npm run build >&2
fi
log "migrating and seeding $web_db"
DATABASE_URL="$WEB_TEST_DATABASE_URL" REDIS_URL="$WEB_TEST_REDIS_URL" LOG_LEVEL=warn npm run --silent migrate >&2
DATABASE_URL="$WEB_TEST_DATABASE_URL" REDIS_URL="$WEB_TEST_REDIS_URL" LOG_LEVEL=warn npm run --silent seed >&2

exec npx playwright test --config apps/web/playwright.config.ts "$@"
