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
# A PDF attachment with real (CID-font) Chinese text, for the attachment search test.
printf '异地就医直接结算备案办理流程说明\n参保人员可通过国家医保服务平台办理备案。\n' > "$work/attachment.txt"
soffice --headless --convert-to pdf --outdir "$work" "$work/attachment.txt" >/dev/null
cp "$work/attachment.pdf" Tests/Fixtures/
rm -rf "$work"
ls -l Tests/Fixtures/catalog-merged.* Tests/Fixtures/attachment.pdf
