#!/usr/bin/env bash
# scripts/test.sh: run the tests (what CI runs through .ci/run).
#
# Installs dependencies, makes PostgreSQL and Redis reachable (scripts/lib/services.sh),
# creates the test database (never the demo one), then runs, failing fast:
#   npm run lint, npm run typecheck, npm run build, npm run test:unit, npm run test:integration, npm run test:e2e,
#   npm run test:web (the browser tests: scripts/test-web.sh, on a database of their own)
#
# Reads:   DATABASE_URL, REDIS_URL (see scripts/lib/services.sh),
#          TEST_DATABASE_URL (default: DATABASE_URL's server, database wgcollab_test),
#          TEST_REDIS_URL    (default: REDIS_URL's server, logical database 1, so that a
#                             running demo worker does not take the tests' jobs).
# Exports to the npm scripts: DATABASE_URL=TEST_DATABASE_URL, REDIS_URL=TEST_REDIS_URL,
#          TEST_DATABASE_URL, TEST_REDIS_URL, DATABASE_URL_BASE, DATABASE_NAME.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib/services.sh
source scripts/lib/services.sh

log() { printf '[test] %s\n' "$*"; }
die() { printf '[test] ERROR: %s\n' "$*" >&2; exit 1; }
started=$SECONDS

ensure_node_modules

# The demo database's name, to make sure the tests never get it.
_svc_parse "${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/wgcollab}" PG DATABASE_URL
demo_db="$(_svc_urldecode "${PG_PATH:-wgcollab}")"

# A given TEST_* URL is the one whose server gets ensured (and maybe moved to a fallback port).
[[ -z "${TEST_DATABASE_URL:-}" ]] || export DATABASE_URL="$TEST_DATABASE_URL"
[[ -z "${TEST_REDIS_URL:-}" ]] || export REDIS_URL="$TEST_REDIS_URL"
ensure_services
if [[ -z "${TEST_DATABASE_URL:-}" ]]; then
  DATABASE_URL="$(db_url_for wgcollab_test)"
  DATABASE_NAME=wgcollab_test
fi
[[ -n "${TEST_REDIS_URL:-}" ]] || REDIS_URL="$(redis_url_for 1)"
test_db="$DATABASE_NAME"
[[ "$test_db" != "$demo_db" ]] || die "the test database '$test_db' is the demo database; set TEST_DATABASE_URL to another database"
# A fresh test database every run: what one run leaves behind (unsent reminders of stopped
# workers, for instance) must not change what the next run sees.
drop_database "$test_db"
ensure_database "$test_db"

export TEST_DATABASE_URL="$DATABASE_URL" TEST_REDIS_URL="$REDIS_URL" DATABASE_URL DATABASE_NAME REDIS_URL
_svc_parse "$REDIS_URL" RD REDIS_URL
log "tests use database $test_db on ${PG_HOST}:${PG_PORT} and Redis ${RD_HOST}:${RD_PORT} db ${RD_PATH:-0}"

# Jest writes its results as JSON too, so that the run ends with one plain
# "N passed, N failed" line that CI (and a person) can read.
results_dir=".data/test-results"
mkdir -p "$results_dir"
rm -f "$results_dir"/*.json "$results_dir"/security.txt
jest_args() { printf -- '-- --json --outputFile=%s/%s.json' "$results_dir" "$1"; }

passed=()
for step in lint typecheck build test:unit test:integration test:e2e test:web; do
  log "npm run $step"
  rc=0
  case "$step" in
    # Built by the build step; Playwright writes its JSON results itself (apps/web/playwright.config.ts).
    test:web) WEB_TEST_SKIP_BUILD=1 npm run "$step" || rc=$? ;;
    test:*) npm run "$step" $(jest_args "${step#test:}") || rc=$? ;;
    *) npm run "$step" || rc=$? ;;
  esac
  if ((rc != 0)); then
    log "FAILED at 'npm run $step' (exit $rc) after $((SECONDS - started)) s; passed before it: ${passed[*]:-none}"
    exit "$rc"
  fi
  passed+=("$step")
done
log "OK: ${passed[*]} all passed in $((SECONDS - started)) s"
if [[ -f "$results_dir/security.txt" ]]; then
  log "hardening figures (docs/SECURITY.md):"
  sed 's/^/  /' "$results_dir/security.txt"
fi
node -e '
  const fs = require("fs");
  let passed = 0, failed = 0, skipped = 0;
  for (const f of fs.readdirSync(process.argv[1]).filter((name) => name.endsWith(".json"))) {
    const r = JSON.parse(fs.readFileSync(process.argv[1] + "/" + f, "utf8"));
    if (r.stats) { // Playwright
      passed += r.stats.expected + r.stats.flaky; failed += r.stats.unexpected; skipped += r.stats.skipped;
      continue;
    }
    passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + r.numTodoTests;
  }
  console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
' "$results_dir"
