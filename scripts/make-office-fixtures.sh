#!/usr/bin/env bash
# Makes the office test fixtures with real office software: LibreOffice converts an HTML table with
# rowspan/colspan, so the files carry Word vMerge/gridSpan and Excel mergeCells as bureaus' own files do
# (.docx/.xlsx, and the old binary .doc/.xls). The generated files are committed; run this only to change them.
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
# A catalog web page as a gb2312 site serves it (written by hand, kept as UTF-8 in scripts/fixtures), and the same
# page saved by LibreOffice as Word 97 (.doc) and Excel 97 (.xls), the old binary formats bureaus still keep.
iconv -f UTF-8 -t GB18030 scripts/fixtures/web-catalog.html > Tests/Fixtures/web-catalog.html
cp Tests/Fixtures/web-catalog.html "$work/"
soffice --headless --convert-to 'doc:MS Word 97' --outdir "$work" "$work/web-catalog.html" >/dev/null
soffice --headless --infilter='HTML (StarCalc)' --convert-to 'xls:MS Excel 97' --outdir "$work" "$work/web-catalog.html" >/dev/null
# A Word 97 document with text but no table.
printf '<html><head><meta charset="utf-8"></head><body><p>青禾市卫生健康委员会</p><p>关于政务公开工作的说明：本文件没有表格。</p></body></html>' > "$work/no-table.html"
soffice --headless --convert-to 'doc:MS Word 97' --outdir "$work" "$work/no-table.html" >/dev/null
cp "$work/web-catalog.doc" "$work/web-catalog.xls" "$work/no-table.doc" Tests/Fixtures/
# A catalog published as a text PDF (a Word table printed to PDF: cells wrap in narrow columns), and a scanned one
# (an image, no text layer: written by hand, a page with only a drawn box).
cp scripts/fixtures/catalog-pdf.html "$work/"
soffice --headless --convert-to pdf --outdir "$work" "$work/catalog-pdf.html" >/dev/null
cp "$work/catalog-pdf.pdf" Tests/Fixtures/catalog-text.pdf
python3 scripts/fixtures/scanned-pdf.py Tests/Fixtures/catalog-scanned.pdf
rm -rf "$work"
ls -l Tests/Fixtures/catalog-merged.* Tests/Fixtures/attachment.pdf Tests/Fixtures/web-catalog.* Tests/Fixtures/no-table.doc
