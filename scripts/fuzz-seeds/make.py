"""Seed corpus for one fuzz target (scripts/fuzz): the fixtures and seed catalogs, cut to what the target reads.
Usage: make.py TARGET DIR"""
import glob, hashlib, os, re, sys, zipfile

target, out = sys.argv[1], sys.argv[2]
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.chdir(root)
fixtures = "Tests/Fixtures"
demo = sorted(glob.glob("Sources/GongkaiCLI/Demo/*.txt"))
texts = demo + [f"{fixtures}/{n}" for n in ("guannan-gb18030.txt", "hospital-catalog.md", "web-catalog-copied.txt", "web-catalog.html")]
LIMIT = 16384


def save(data: bytes):
    with open(os.path.join(out, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)


def read(path: str) -> bytes:
    return open(path, "rb").read()


def lines_of(path, count):
    """The first `count` lines of a text file, as bytes (head of a catalog: title, header and some rows)."""
    return b"\n".join(read(path).split(b"\n")[:count])


def part(zip_path, name) -> bytes:
    return zipfile.ZipFile(zip_path).read(name)


def csv_of(path):
    """A tab-separated catalog rewritten as CSV, quoting cells with commas or quotes."""
    rows = read(path).decode("utf-8").split("\n")[:40]
    def cell(c):
        return '"' + c.replace('"', '""') + '"' if any(x in c for x in ',"\n') else c
    return "\n".join(",".join(cell(c) for c in row.split("\t")) for row in rows).encode()


def deadline_texts():
    found = set()
    for path in glob.glob("Tests/GongkaiCoreTests/*.swift"):
        for text in re.findall(r'"([^"\\]*(?:日|月|年|季度|及时|同步|工作日|之日)[^"\\]*)"', open(path, encoding="utf-8").read()):
            if len(text) < 200:
                found.add(text)
    for path in demo:
        for row in open(path, encoding="utf-8"):
            cells = row.rstrip("\n").split("\t")
            if len(cells) > 1 and re.search(r"日|月|及时|同步", cells[-1]):
                found.add(cells[-1])
    return sorted(found)


if target in ("text", "csv", "pipe", "html"):
    for path in texts:
        save(read(path)[:LIMIT])
        save(lines_of(path, 12))
    if target == "csv":
        for path in demo:
            save(csv_of(path))
    if target == "html":
        html = read(f"{fixtures}/web-catalog.html")
        save(html)
        mht = (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_000"\r\n\r\n'
               b'------=_NextPart_000\r\nContent-Type: text/html; charset="utf-8"\r\n'
               b'Content-Transfer-Encoding: 8bit\r\n\r\n' + html + b'\r\n------=_NextPart_000--\r\n')
        save(mht)
        save(mht.replace(b"8bit", b"quoted-printable").replace(b"<table", b"<ta=\r\nble"))
elif target == "import":
    for path in texts:
        save(read(path)[:65536])
    for name in ("catalog-merged.docx", "catalog-merged.xlsx", "attachment.pdf"):
        save(read(f"{fixtures}/{name}"))
    save(read(f"{fixtures}/workdays-2019-2026.tsv")[:4096])
    for path in demo:
        save(csv_of(path) + b"\x01")  # last byte 1: named .csv
elif target == "docx":
    save(part(f"{fixtures}/catalog-merged.docx", "word/document.xml"))
    save(b'<?xml version="1.0"?><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>\xe7\x9b\xae\xe5\xbd\x95</w:t></w:r></w:p>'
         b'<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>a</w:t>'
         b'</w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>')
elif target == "xlsx":
    xlsx = f"{fixtures}/catalog-merged.xlsx"
    names = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"]
    save(b"\0".join(part(xlsx, n) for n in names))
elif target == "deadline":
    for text in deadline_texts():
        save(text.encode())
elif target == "body":
    save(b"# \xe6\xa0\x87\xe9\xa2\x98\n\nparagraph <b>bold</b> & \"quoted\"\n- one\n- two\n\n## sub\nline\r\nline")
    for path in demo[:2]:
        save(lines_of(path, 20))
elif target == "search":
    body = lines_of(demo[0], 10)
    for query in (b"q=%E5%8C%BB%E4%BF%9D", b"q=\xe6\x94\xbf\xe5\xba\x9c&page=2&sort=date", b"q=a%22b'c&from=2024-01-01&to=2024-12-31",
                  b"q=<mark>&agency=1&item=2&validity=valid", b"q=\xe4\xbf\xa1\xe6\x81\xaf\xe5\x85\xac\xe5\xbc\x80&page=3"):
        save(query + b"\0" + body)
else:
    sys.exit(f"no seeds for {target}")
