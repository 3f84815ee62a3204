#!/usr/bin/env bash
# Load on the Open311 API: starts the web host in Release on a new SQLite file on 127.0.0.1 (its rate limit raised through
# configuration), makes an API key with `trygg apikeys add`, and runs `trygg bench open311`, which files the reports from
# concurrent clients and checks every acknowledged one in the database.
#   bench/open311.sh                50,000 reports from 48 clients
#   bench/open311.sh 100000 64      another number of reports and clients
set -euo pipefail
cd "$(dirname "$0")/.."
requests="${1:-50000}"
clients="${2:-48}"
for project in src/Trygg.Web src/Trygg.Cli; do
  dotnet build "$project" -c Release -v quiet -nologo >/tmp/open311-build.log || { cat /tmp/open311-build.log >&2; exit 1; }
done
cli="dotnet $PWD/src/Trygg.Cli/bin/Release/net10.0/trygg.dll"

work=$(mktemp -d)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export Database__Provider=Sqlite
export ConnectionStrings__Trygg="Data Source=$work/trygg.db"
export Trygg__AdminPassword="Bench-$(date +%s)-Passw0rd!"
export RateLimits__Open311__PermitPerSecond=1000000
export RateLimits__Open311__Burst=1000000
export Logging__LogLevel__Default=Warning
export ASPNETCORE_URLS="http://127.0.0.1:$port"

(cd src/Trygg.Web && exec dotnet bin/Release/net10.0/Trygg.Web.dll) >"$work/host.log" 2>&1 &
host=$!
trap 'kill $host 2>/dev/null || true; wait $host 2>/dev/null || true; rm -rf "$work"' EXIT
started=$(date +%s)
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do
  if ! kill -0 $host 2>/dev/null || (($(date +%s) - started > 180)); then
    echo "The web host did not start:" >&2
    cat "$work/host.log" >&2
    exit 1
  fi
  sleep 1
done
echo "host on 127.0.0.1:$port, started in $(($(date +%s) - started)) s (demo data loaded); database $work/trygg.db"

key=$($cli apikeys add --role Läsare --name "Open311-belastningstest" | sed -n 2p)
cpu() { awk '{ print $14 + $15 }' "/proc/$host/stat"; } # the host's user + system time, in clock ticks
before=$(cpu)
status=0
$cli bench open311 --url "http://127.0.0.1:$port" --api-key "$key" --requests "$requests" --clients "$clients" || status=$?
ticks=$(getconf CLK_TCK)
awk -v used="$(($(cpu) - before))" -v ticks="$ticks" -v n="$requests" \
  'BEGIN { printf "open311: the host used %.1f s of CPU, %.2f ms per report (warm-up included)\n", used / ticks, used / ticks * 1000 / n }'
exit $status
