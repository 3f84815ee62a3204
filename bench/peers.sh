#!/usr/bin/env bash
# Times Trygg and its peer tools side by side on the same data, in one run (issue 4). Not part of CI or the tests.
#   bench/peers.sh [DIR]     DIR keeps the data and results (default: a new temporary folder, removed afterwards)
# Installs the peers from Debian's packages if they are missing, has Trygg write the data it times (--write-data), then times
#   kernel density  Trygg vs spatstat density.ppp and scikit-learn KernelDensity       (bench/peers/spatial.R, kde.py)
#   Gi*             Trygg vs spdep localG (neighbour building timed on its own)        (bench/peers/spatial.R)
#   Knox            Trygg vs surveillance::knox, one band, on a subset it can manage   (bench/peers/knox.R)
#   point in area   Trygg's AreaLocator vs a PostGIS ST_Contains join with GiST indexes (below)
# and prints one line per comparison. Takes about 2.5 minutes on the project's 2-core machine (after installing).
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# surveillance::knox keeps all n(n-1)/2 pair distances and permutes them: 2,000 events (1,999,000 pairs, 9 of them close)
# take about 40 s; its time is scaled to the 45,000 events by the number of pairs.
KNOX_SUBSET=2000
# scikit-learn's KernelDensity is timed on this many of the 1,000,000 cells (and scaled if fewer): all of them take 25 s.
SKLEARN_CELLS=1000000

log() { printf '\n== %s\n' "$*"; }

# r-cran-dbscan gives spdep's dnearneigh its k-d tree (use_kd_tree); without it dnearneigh compares all pairs, and the
# 240,000 cells had not finished after 10 minutes.
packages=(r-cran-spatstat r-cran-spdep r-cran-dbscan r-cran-surveillance python3-sklearn postgresql-15-postgis-3)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ $# -ge 1 ]; then
  data=$(mkdir -p "$1" && cd "$1" && pwd); rm -f "$data"/timings.csv
else
  data=$(mktemp -d /tmp/trygg-peers.XXXXXX)
fi
pgdata=""
cleanup() {
  if [ -n "$pgdata" ]; then
    su postgres -s /bin/bash -c "$pgbin/pg_ctl -D $pgdata -m immediate stop" >/dev/null 2>&1 || true
    rm -rf "$pgdata"
  fi
  [ $# -ge 1 ] || rm -rf "$data"
}
if [ $# -ge 1 ]; then trap 'cleanup keep' EXIT; else trap cleanup EXIT; fi

log "Trygg (Release), writing the data to $data"
dotnet build src/Trygg.Cli -c Release -v quiet -nologo >/dev/null
cli="dotnet src/Trygg.Cli/bin/Release/net10.0/trygg.dll"
$cli bench spatial --write-data "$data"
$cli bench knox --write-data "$data"
$cli bench knox --events "$KNOX_SUBSET" --write-data "$data"
$cli bench areas --write-data "$data"

log "spatstat and spdep"
Rscript bench/peers/spatial.R "$data"
log "scikit-learn"
/usr/bin/python3 bench/peers/kde.py "$data" "$SKLEARN_CELLS"
log "surveillance"
Rscript bench/peers/knox.R "$data" "$KNOX_SUBSET"

log "PostGIS"
pgbin=$(ls -d /usr/lib/postgresql/15/bin)
pgdata=$(mktemp -d /tmp/trygg-peers-pg.XXXXXX)
chown postgres "$pgdata"
pgport=55460
while (exec 3<>"/dev/tcp/127.0.0.1/$pgport") 2>/dev/null; do pgport=$((pgport + 1)); done
su postgres -s /bin/bash -c "$pgbin/initdb -D $pgdata -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
su postgres -s /bin/bash -c "$pgbin/pg_ctl -D $pgdata -l $pgdata/server.log -w -o \"-p $pgport -k /tmp -c listen_addresses=127.0.0.1 \
  -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=8GB -c shared_buffers=2GB -c work_mem=256MB \
  -c maintenance_work_mem=1GB\" start" >/dev/null
sql() { psql -h 127.0.0.1 -p "$pgport" -U postgres -X -q -v ON_ERROR_STOP=1 "$@"; }
seconds() { date +%s.%N; }
sql -c "CREATE EXTENSION postgis"
sql -c "CREATE TABLE areas_text (id int, name text, wkt text)"
tail -n +2 "$data/areas-stadsdelar.csv" | sql -c "COPY areas_text FROM STDIN"
sql -c "CREATE TABLE areas AS SELECT id, name, ST_GeomFromText(wkt, 3006)::geometry(Polygon, 3006) AS geom FROM areas_text"
start=$(seconds)
sql -c "CREATE TABLE points_xy (x float8, y float8)"
sql -c "COPY points_xy FROM STDIN (FORMAT csv, HEADER true)" < "$data/areas-points.csv"
sql -c "CREATE TABLE points AS SELECT ST_SetSRID(ST_MakePoint(x, y), 3006)::geometry(Point, 3006) AS geom FROM points_xy; DROP TABLE points_xy"
loaded=$(seconds)
sql -c "CREATE INDEX ON areas USING gist (geom)" -c "CREATE INDEX ON points USING gist (geom)" -c "VACUUM ANALYZE areas" -c "VACUUM ANALYZE points"
indexed=$(seconds)
join="SELECT a.id, count(*) FROM points p JOIN areas a ON ST_Contains(a.geom, p.geom) GROUP BY 1 ORDER BY 1"
sql -c "EXPLAIN $join" > "$data/areas-postgis-plan.txt"
start_join=$(seconds)
sql -At -F , -c "$join" > "$data/areas-postgis.csv"
end_join=$(seconds)
awk -v s="$start_join" -v e="$end_join" 'BEGIN { printf "postgis,areas,%.3f\n", e - s }' >> "$data/timings.csv"
awk -v a="$start" -v b="$loaded" -v c="$indexed" 'BEGIN { printf "PostGIS: COPY and ST_MakePoint of 10,000,000 points %.1f s, GiST indexes and ANALYZE %.1f s\n", b - a, c - b }'
echo "PostGIS plan: $(grep -oE '(Parallel )?(Index Scan|Index Only Scan|Bitmap Heap Scan|Seq Scan|Nested Loop)( using [a-z_]+)?( on [a-z_]+)?' "$data/areas-postgis-plan.txt" | paste -sd ';' -)"
# The join counts a point in two overlapping stadsdelar (the simplified boundaries overlap in slivers) in both; Trygg gives it
# to the first. So the join's rows are compared in total, and each point's first area (by id, not timed) area by area.
sql -At -F , -c "SELECT id, count(*) FROM (SELECT DISTINCT ON (p.ctid) a.id FROM points p JOIN areas a ON ST_Contains(a.geom, p.geom)
  ORDER BY p.ctid, a.id) first GROUP BY 1 ORDER BY 1" > "$data/areas-postgis-first.csv"
compare() { join -t , -a 1 -a 2 -e 0 -o 0,1.2,2.2 <(tail -n +2 "$data/areas-trygg.csv" | sort -t , -k1,1) <(sort -t , -k1,1 "$1"); }
echo "PostGIS against Trygg: $(compare "$data/areas-postgis.csv" | awk -F , '{ t += $2; p += $3 } END { printf "the join gives %d point-area rows, Trygg %d points in an area (%d points lie in two stadsdelar)", p, t, p - t }'); \
$(compare "$data/areas-postgis-first.csv" | awk -F , '$2 != $3 { differ++; d += ($2 > $3 ? $2 - $3 : $3 - $2) } END { printf "each point in its first area: %d of 117 areas differ, by %d points", differ, d }')"
sql -At -c "SELECT 'PostgreSQL ' || current_setting('server_version') || ', PostGIS ' || postgis_lib_version() || ', GEOS ' || postgis_geos_version()" > "$data/versions-postgis.txt"

log "Side by side (seconds; ratio = peer / Trygg)"
time_of() { awk -F , -v t="$1" -v w="$2" '$1 == t && $2 == w { v = $3 } END { print v }' "$data/timings.csv"; }
line() { # what, trygg time, peer name, peer time, note
  awk -v what="$1" -v t="$2" -v peer="$3" -v p="$4" -v note="$5" \
    'BEGIN { printf "%-58s Trygg %8.3f s   %-28s %10.3f s   ratio %8.1f   %s\n", what, t, peer, p, p / t, note }'
}
pairs_subset=$((KNOX_SUBSET * (KNOX_SUBSET - 1) / 2)); pairs_all=$((45000 * 44999 / 2))
surveillance=$(time_of surveillance "knox-1x1-$KNOX_SUBSET")
line "KDE 1M points, 1000x1000 cells of 30 m, r = 300 m" "$(time_of trygg kde)" "spatstat density.ppp" "$(time_of spatstat kde)" \
  "quartic; FFT of points moved to pixel centres: max |diff| from Trygg $(cat "$data/kde-spatstat-maxdiff.txt") per km2"
line "KDE 1M points, 1000x1000 cells of 30 m, r = 300 m" "$(time_of trygg kde)" "sklearn KernelDensity" "$(time_of sklearn kde)" \
  "epanechnikov (sklearn has no quartic), exact, one core (Trygg: 2), $SKLEARN_CELLS cells (scaled if fewer)"
line "Gi* 240,000 cells of 50 m, 300 m band (+ BH FDR)" "$(time_of trygg gi)" "spdep localG" "$(time_of spdep gi-localG)" \
  "+ $(time_of spdep gi-neighbours) s for dnearneigh + include.self + nb2listw"
scaled=$(awk -v s="$surveillance" -v a="$pairs_all" -v b="$pairs_subset" 'BEGIN { print s * a / b }')
line "Knox 45,000 events, 4 x 4 bands, 999 permutations" "$(time_of trygg knox-4x4-45000)" "surveillance knox, 1 band" "$scaled" \
  "scaled by pairs (x$((pairs_all / pairs_subset))) from $KNOX_SUBSET events; 1.01e9 pairs would not fit in memory"
line "Knox 45,000 events, 1 band (<= 200 m, <= 7 d), 999 perm." "$(time_of trygg knox-1x1-45000)" "surveillance knox, 1 band" "$scaled" \
  "the same scaled figure"
line "Knox $KNOX_SUBSET events, 1 band, 999 permutations" "$(time_of trygg "knox-1x1-$KNOX_SUBSET")" "surveillance knox, 1 band" "$surveillance" \
  "both measured (surveillance on 2 cores)"
line "Point in area, 10M points, 117 stadsdelar" "$(time_of trygg areas)" "PostGIS ST_Contains join" "$(time_of postgis areas)" \
  "GiST on both tables; the join only"
echo "Trygg's KDE against the exact quartic sum (10,000 random cells, numpy): max |difference| $(cat "$data/kde-exact-maxdiff.txt") per km2"
echo
cat "$data"/versions-*.txt
