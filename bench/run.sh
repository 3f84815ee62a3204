#!/usr/bin/env bash
# Runs Trygg's benchmarks in Release and prints their figures. Not part of the tests: timings belong here.
#   bench/run.sh            import of the police archive + queries over 10 million synthetic incidents
#   bench/run.sh 1000000    the queries over another number of incidents
# and last the Open311 load (bench/open311.sh), which starts a web host of its own.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Trygg.Cli -c Release -v quiet -nologo >/dev/null
cli="dotnet src/Trygg.Cli/bin/Release/net10.0/trygg.dll"
$cli bench import
$cli bench query --incidents "${1:-10000000}"
$cli bench knox
$cli bench spatial
$cli bench areas
bench/open311.sh
