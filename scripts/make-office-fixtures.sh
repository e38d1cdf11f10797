#!/usr/bin/env bash
# Makes the .docx and .xlsx test fixtures with real office software: LibreOffice converts an HTML
# table with rowspan/colspan, so the files carry Word vMerge/gridSpan and Excel mergeCells as
# bureaus' own files do. The generated files are committed; run this only to change them.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v soffice >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui libreoffice-calc-nogui
fi
work=$(mktemp -d)
cp scripts/fixtures/catalog-merged.html "$work/"
soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$work" "$work/catalog-merged.html" >/dev/null
soffice --headless --infilter='HTML (StarCalc)' --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$work" "$work/catalog-merged.html" >/dev/null
cp "$work/catalog-merged.docx" "$work/catalog-merged.xlsx" Tests/Fixtures/
rm -rf "$work"
ls -l Tests/Fixtures/catalog-merged.*
