#!/usr/bin/env bash
# Times drafting the lägesbild for Järva 2025 with its Word document (issue 5: under 3 s), converts the document to PDF
# with LibreOffice and checks that the map picture and the chart came through. Not part of CI (LibreOffice is large).
#   bench/report.sh [DIR]    DIR keeps the .docx, the .pdf and a PNG of each page (default: a new temporary folder)
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for package in libreoffice-writer-nogui poppler-utils; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || { apt-get update -qq && apt-get install -y -qq "$package" >/dev/null; }
done
out=${1:-$(mktemp -d /tmp/trygg-report.XXXXXX)}
mkdir -p "$out"
dotnet build src/Trygg.Cli -c Release -v quiet -nologo >/dev/null
dotnet src/Trygg.Cli/bin/Release/net10.0/trygg.dll bench report --output "$out"
start=$(date +%s.%N)
libreoffice --headless --convert-to pdf --outdir "$out" "$out/lagesbild-jarva-2025.docx" >/dev/null 2>&1
printf 'libreoffice --headless --convert-to pdf: %.1f s, %s pages\n' "$(echo "$(date +%s.%N) - $start" | bc)" "$(pdfinfo "$out/lagesbild-jarva-2025.pdf" | awk '/^Pages/ {print $2}')"
pictures=$(pdfimages -list "$out/lagesbild-jarva-2025.pdf" | tail -n +3 | wc -l)
echo "pictures in the PDF (the map): $pictures"
text=$(pdftotext "$out/lagesbild-jarva-2025.pdf" -)
# The chart is drawn by LibreOffice from the document's chart part: its month labels are text in the PDF.
grep -q "okt. 25" <<<"$text" && grep -q "Figur 1. Händelser per månad" <<<"$text" && echo "the chart (its month labels) and its caption are in the PDF" || { echo "the chart is missing"; exit 1; }
[ "$pictures" -ge 1 ] || { echo "the map picture is missing from the PDF"; exit 1; }
pdftoppm -r 60 -png "$out/lagesbild-jarva-2025.pdf" "$out/page"
echo "pages as PNG in $out"
