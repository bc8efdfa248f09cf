#!/usr/bin/env bash
# Runs the certification catalogue (features/certification) against a local CitrineOS: builds and starts CitrineOS
# from the user's own checkout, waits for it, creates the id tokens of profiles/citrineos.yaml in its database,
# runs the catalogue with that profile, and stops CitrineOS again. Not part of CI.
#
#   scripts/citrineos/run-catalogue.sh /path/to/citrineos-core      (or CITRINEOS_DIR=/path/to/citrineos-core)
#
# Needs: Node 24 (`node` on PATH, or NODE_BIN=/path/to/node), PostgreSQL with PostGIS on localhost:5432 with role
# and database `citrine` (password `citrine`; PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE override), RabbitMQ on
# localhost:5672 (guest/guest). The README's "CitrineOS" section says how to install them.
# Extra arguments go to Maven, e.g. -Dcucumber.filter.tags=@TC_B_01_CSMS. Exit code: Maven's, 2 for bad input.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$(cd "$here/../.." && pwd)"
profile="$project/profiles/citrineos.yaml"

fail() { echo "run-catalogue.sh: $*" >&2; exit 2; }

citrine="${1:-${CITRINEOS_DIR:-}}"
[ $# -gt 0 ] && shift
[ -n "$citrine" ] || fail "no CitrineOS checkout given: pass its path (a clone of citrineos-core) as the first argument or set CITRINEOS_DIR"
[ -f "$citrine/package.json" ] && grep -q '"@citrineos/workspace"' "$citrine/package.json" \
    || fail "$citrine is not a citrineos-core checkout (no package.json of @citrineos/workspace): give the folder you cloned citrineos-core into"
citrine="$(cd "$citrine" && pwd)"

node_bin="${NODE_BIN:-$(command -v node || true)}"
[ -x "$node_bin" ] || fail "no Node at ${node_bin:-PATH}: install Node 24 (e.g. npm install --prefix ~/node24 node@24) and set NODE_BIN=~/node24/node_modules/.bin/node"
node_major="$("$node_bin" -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 24 ] || fail "$node_bin is Node $node_major, CitrineOS needs Node 24: install it (npm install --prefix ~/node24 node@24) and set NODE_BIN=~/node24/node_modules/.bin/node"
export PATH="$(dirname "$node_bin"):$PATH"

export PGHOST="${PGHOST:-localhost}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-citrine}" \
    PGPASSWORD="${PGPASSWORD:-citrine}" PGDATABASE="${PGDATABASE:-citrine}"
command -v psql >/dev/null || fail "psql not found: install PostgreSQL 15 with PostGIS (apt-get install postgresql postgresql-15-postgis-3)"
psql -qAtc 'select 1' >/dev/null 2>&1 \
    || fail "cannot log in to PostgreSQL as $PGUSER@$PGHOST:$PGPORT/$PGDATABASE: start it (pg_ctlcluster 15 main start) and create the role and database (see README, CitrineOS)"
[ "$(psql -qAtc "select count(*) from pg_extension where extname = 'postgis'")" = 1 ] \
    || fail "database $PGDATABASE lacks PostGIS: install postgresql-15-postgis-3 and run CREATE EXTENSION postgis in it as a superuser"
(exec 3<>/dev/tcp/localhost/5672) 2>/dev/null \
    || fail "nothing listens on localhost:5672 (RabbitMQ): install rabbitmq-server and start it (rabbitmq-server -detached)"
for port in 8080 8081; do
    if (exec 3<>/dev/tcp/localhost/$port) 2>/dev/null; then
        fail "port $port is already in use (a CitrineOS still running?): stop that process first"
    fi
done

work="$(mktemp -d)"
log="$work/citrineos.log"
citrine_pid=""
stop_citrineos() {
    if [ -n "$citrine_pid" ] && kill -0 "$citrine_pid" 2>/dev/null; then
        kill "$citrine_pid" && wait "$citrine_pid" 2>/dev/null || true
    fi
    echo "CitrineOS stopped; its log: $log"
}
trap stop_citrineos EXIT

cd "$citrine"
if [ ! -d node_modules ]; then
    echo "Installing CitrineOS's dependencies (npm ci) ..."
    npm ci --no-audit --no-fund >"$work/npm-ci.log" 2>&1 || fail "npm ci failed in $citrine: see $work/npm-ci.log"
fi
if [ ! -f Server/dist/index.js ]; then
    echo "Building CitrineOS (npm run build) ..."
    npm run build >"$work/build.log" 2>&1 || fail "npm run build failed in $citrine: see $work/build.log"
fi

# CitrineOS's own local configuration (Server/src/config/envs/local.ts), written to a fresh folder on first start;
# CitrineOS takes that folder relative to its working directory, Server. A database pool of 20, not 5: with two
# scenarios at once, five connections all sat "idle in transaction" waiting for a sixth and every station hung.
export APP_NAME=all APP_ENV=local \
    BOOTSTRAP_CITRINEOS_DATABASE_HOST="$PGHOST" BOOTSTRAP_CITRINEOS_DATABASE_PORT="$PGPORT" \
    BOOTSTRAP_CITRINEOS_DATABASE_NAME="$PGDATABASE" BOOTSTRAP_CITRINEOS_DATABASE_USERNAME="$PGUSER" \
    BOOTSTRAP_CITRINEOS_DATABASE_PASSWORD="$PGPASSWORD" BOOTSTRAP_CITRINEOS_DATABASE_POOL_MAX=20 \
    BOOTSTRAP_CITRINEOS_CONFIG_FILENAME=config.json BOOTSTRAP_CITRINEOS_FILE_ACCESS_TYPE=local \
    BOOTSTRAP_CITRINEOS_FILE_ACCESS_LOCAL_DEFAULT_FILE_PATH="$(realpath --relative-to="$citrine/Server" "$work")"
echo "Migrating CitrineOS's database ..."
npm run migrate >"$work/migrate.log" 2>&1 || fail "npm run migrate failed in $citrine: see $work/migrate.log"

echo "Starting CitrineOS (log: $log) ..."
(cd Server && exec node dist/index.js) >"$log" 2>&1 &
citrine_pid=$!
deadline=$((SECONDS + ${CITRINEOS_START_SECONDS:-180}))
until (exec 3<>/dev/tcp/localhost/8080) 2>/dev/null && (exec 3<>/dev/tcp/localhost/8081) 2>/dev/null; do
    kill -0 "$citrine_pid" 2>/dev/null || fail "CitrineOS exited while starting: see $log"
    [ $SECONDS -lt $deadline ] || fail "CitrineOS did not open ports 8080 and 8081 within ${CITRINEOS_START_SECONDS:-180} s: see $log"
    sleep 1
done
echo "CitrineOS is up."

# The profile's tokens as authorizations of tenant 1, with their roles' statuses; a groupId is an authorization of
# its own that the token's groupAuthorizationId points at.
echo "Creating the id tokens of $profile ..."
sql=""
while IFS='|' read -r role token type group; do
    case "$role" in
        invalid) status=Invalid ;; blocked) status=Blocked ;; expired) status=Expired ;; *) status=Accepted ;;
    esac
    group_ref=null
    if [ -n "$group" ]; then
        sql+="insert into \"Authorizations\" (\"idToken\", \"idTokenType\", status, \"tenantId\", \"createdAt\", \"updatedAt\")
              values ('$group', 'Central', 'Accepted', 1, now(), now())
              on conflict (\"idToken\", \"idTokenType\") do update set status = 'Accepted';"
        group_ref="(select id from \"Authorizations\" where \"idToken\" = '$group' and \"idTokenType\" = 'Central')"
    fi
    sql+="insert into \"Authorizations\" (\"idToken\", \"idTokenType\", status, \"groupAuthorizationId\", \"tenantId\", \"createdAt\", \"updatedAt\")
          values ('$token', '$type', '$status', $group_ref, 1, now(), now())
          on conflict (\"idToken\", \"idTokenType\") do update set status = excluded.status,
              \"groupAuthorizationId\" = excluded.\"groupAuthorizationId\";"
done < <(sed -n '/^tokens:/,/^[a-z]/s/^ *\([A-Za-z]*\): *{idToken: "\([^"]*\)", type: \([A-Za-z0-9]*\)\(, groupId: "\([^"]*\)"\)\?}.*/\1|\2|\3|\5/p' "$profile")
[ -n "$sql" ] || fail "no tokens found under tokens: in $profile: write them as {idToken: \"...\", type: ..., groupId: \"...\"}"
psql -v ON_ERROR_STOP=1 -qc "$sql" >/dev/null

# In Maven's own JVM (forkCount=0): twice, a forked test JVM lost its channel to Maven during this run and Maven
# reported "Tests run: 0" (fork exit code 131, "did not say goodbye"), although every scenario had run.
echo "Running the certification catalogue against CitrineOS ..."
cd "$project"
set +e
mvn -B test -Dtest=FeaturesTest -Docpp.profile=profiles/citrineos.yaml -Dcucumber.features=features/certification \
    -DforkCount=0 "$@"
status=$?
set -e
kill -0 "$citrine_pid" 2>/dev/null || echo "run-catalogue.sh: CitrineOS exited during the run: see the end of $log" >&2
exit $status
