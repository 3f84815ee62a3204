#!/bin/sh
# Writes stockholm-events-by-stadsdel.csv, the real input of peer-sppt.R and of the SPPT and CLI tests: every Stockholm
# police notice in the demo archive that Trygg's importer placed in a stadsdel (summaries left out), with its date in
# Swedish time and its category. It goes through Trygg itself: the web host, started once on an empty SQLite file, loads
# Stockholm's areas and imports shared/data/polisen; the events are then read from that file.
# Run from the repository root after `dotnet build`; needs sqlite3 and the Europe/Stockholm zone (tzdata).
set -eu
work=$(mktemp -d)
out=tests/Trygg.Tests/Analysis/Peer/stockholm-events-by-stadsdel.csv
Database__Provider=Sqlite ConnectionStrings__Trygg="Data Source=$work/trygg.db" Trygg__DataDirectory="$(pwd)/../shared/data" \
  Trygg__AdminPassword='Export-only-1234' ASPNETCORE_URLS=http://127.0.0.1:5391 DOTNET_NOLOGO=1 \
  dotnet src/Trygg.Web/bin/Debug/net10.0/Trygg.Web.dll >"$work/web.log" 2>&1 &
web=$!
until grep -q "Application started" "$work/web.log"; do sleep 1; kill -0 $web; done
kill $web
wait $web || true
TZ=Europe/Stockholm sqlite3 -csv -header "$work/trygg.db" "
  SELECT date(i.OccurredAt, 'localtime') AS date, a.Code AS stadsdel, i.Category AS category
  FROM Incidents i JOIN Areas a ON a.Id = i.AreaId
  WHERE i.Source = 'polisen' AND a.Level = 'Neighbourhood' AND i.IsSummary = 0
  ORDER BY i.OccurredAt, i.ExternalId" >"$out"
rm -r "$work"
wc -l "$out"
