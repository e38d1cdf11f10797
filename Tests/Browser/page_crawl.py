"""Visits every kind of page of a running demo, anonymously and as each staff role, and reports the pages that
rendered blank or broken: a 5xx (with GONGKAI_STRICT_TEMPLATES=1 an unresolved template key is one), a link or
form to a page that answers 404, href="#" or an empty href/action/id, and elements that must have content
(headings, links, list items, buttons, labels, lists) rendered empty, and an id used twice.

Pages are grouped by kind: the path with its numbers replaced and the names of its query parameters. A few pages
of each kind are read, so a demo of thousands of records is covered in a few hundred requests.

Usage: page_crawl.py BASE PASSWORD USER... ("-" for a visitor who is not logged in)
       page_crawl.py --self-test
Standard library only, so it runs on any python3.
"""
import html.parser
import http.cookiejar
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

PAGES_PER_KIND = 2
MAX_PAGES_PER_USER = 600
# Elements that mean nothing when empty. A table cell may be blank (an empty 文号), so td is not here.
MUST_HAVE_CONTENT = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "title", "li", "button", "label", "dt", "caption", "summary"}
MUST_HAVE_ITEMS = {"ul": "li", "ol": "li", "dl": "dt"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Links that end the session or are not pages.
SKIPPED = re.compile(r"^/(logout)\b")


class PageProblems(html.parser.HTMLParser):
    """The problems of one HTML page, and the same-site links and forms it points to."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.links = []  # (url, is_get_form)
        self.posts = []
        self.ids = set()
        self.stack = []  # [tag, text so far, has labelled child, child tags]
        # An element whose text ends with a colon, until we see what follows it: a banner "以下…：" whose list
        # never came is followed by its parent's end.
        self.colon_ended = None

    def handle_starttag(self, tag, attrs):
        self.colon_ended = None
        attributes = dict(attrs)
        for name in ("href", "action", "id", "for"):
            if name in attributes and (attributes[name] is None or attributes[name].strip() in ("", "#")):
                if not (name == "action" and attributes.get("method", "get").lower() == "get"):
                    self.problems.append(f'<{tag}> with {name}="{attributes[name] or ""}"')
        if attributes.get("id"):
            if attributes["id"] in self.ids:
                self.problems.append(f'id="{attributes["id"]}" used twice')
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("href"):
            self.links.append((attributes["href"], False))
        if tag == "link" and attributes.get("href") and attributes.get("rel") in ("alternate", "stylesheet", "icon"):
            self.links.append((attributes["href"], False))
        if tag == "form" and attributes.get("action"):
            if attributes.get("method", "get").lower() == "get":
                self.links.append((attributes["action"], True))
            else:
                self.posts.append(attributes["action"])
        for entry in self.stack:
            entry[3].add(tag)
            if tag in ("img", "svg") or attributes.get("aria-label") or attributes.get("title"):
                entry[2] = True
        if tag in VOID:
            return
        labelled = bool(attributes.get("aria-label") or attributes.get("title") or attributes.get("aria-labelledby"))
        self.stack.append([tag, "", labelled, set()])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_data(self, data):
        if data.strip():
            self.colon_ended = None
        for entry in self.stack:
            entry[1] += data

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.colon_ended and self.colon_ended != tag:
            self.problems.append(f"<{self.colon_ended}> ends with a colon and nothing follows")
        self.colon_ended = None
        while self.stack:
            open_tag, text, labelled, children = self.stack.pop()
            if open_tag == tag:
                if text.strip().endswith(("：", ":")) and tag in ("p", "div", "span", "li", "dd", "td", "strong"):
                    self.colon_ended = tag
                if tag in MUST_HAVE_CONTENT and not text.strip() and not labelled:
                    self.problems.append(f"empty <{tag}>")
                if tag in MUST_HAVE_ITEMS and MUST_HAVE_ITEMS[tag] not in children:
                    self.problems.append(f"<{tag}> without <{MUST_HAVE_ITEMS[tag]}>")
                return


def kind(url):
    parts = urllib.parse.urlsplit(url)
    path = re.sub(r"\d+", "N", parts.path)
    keys = sorted({key for key, _ in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)})
    return path + ("?" + "&".join(keys) if keys else "")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Visitor:
    def __init__(self, base, user, password):
        self.base = base
        self.user = user
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect())
        if user != "-":
            self.log_in(password)

    def get(self, path):
        try:
            response = self.opener.open(self.base + path, timeout=60)
            return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def log_in(self, password):
        _, _, body = self.get("/login")
        csrf = re.search(rb'name="_csrf" value="([^"]*)"', body).group(1).decode()
        form = urllib.parse.urlencode({"_csrf": csrf, "next": "/admin", "username": self.user, "password": password}).encode()
        try:
            self.opener.open(self.base + "/login", data=form, timeout=60)
        except urllib.error.HTTPError as error:
            if error.code != 303:
                raise RuntimeError(f"login of {self.user} answered {error.code}")

    def crawl(self, starts):
        """Returns {problem: [pages]} for the pages reachable from `starts`."""
        problems = {}
        queue = [(start, "(start)") for start in starts]
        seen_urls, kinds, visited = set(starts), {}, 0

        def report(problem, page):
            problems.setdefault(problem, []).append(page)

        while queue and visited < MAX_PAGES_PER_USER:
            path, referrer = queue.pop(0)
            visited += 1
            status, headers, body = self.get(path)
            if status >= 500:
                report(f"{status}: {body[:300].decode('utf-8', 'replace')}", path)
                continue
            if status == 404:
                report("link to a page that answers 404", f"{path} (from {referrer})")
                continue
            if status in (301, 302, 303, 307, 308):
                location = headers.get("Location", "")
                self.enqueue(location, path, queue, seen_urls, kinds)
                continue
            if "text/html" not in headers.get("Content-Type", "") or status != 200:
                continue
            page = PageProblems()
            page.feed(body.decode("utf-8", "replace"))
            for problem in page.problems:
                report(problem, path)
            for action in page.posts:
                if not self.same_site(action):
                    report(f"form posts off the site: {action}", path)
            for link, _ in page.links:
                self.enqueue(link, path, queue, seen_urls, kinds)
        return problems, visited

    def same_site(self, link):
        parts = urllib.parse.urlsplit(link)
        return not parts.scheme and not parts.netloc or self.base.startswith(f"{parts.scheme}://{parts.netloc}")

    def enqueue(self, link, referrer, queue, seen_urls, kinds):
        if not link or not self.same_site(link):
            return
        parts = urllib.parse.urlsplit(urllib.parse.urljoin(self.base + referrer, link))
        path = parts.path + ("?" + parts.query if parts.query else "")
        if SKIPPED.match(path) or path in seen_urls:
            return
        seen_urls.add(path)
        page_kind = kind(path)
        if kinds.get(page_kind, 0) >= PAGES_PER_KIND:
            return
        kinds[page_kind] = kinds.get(page_kind, 0) + 1
        queue.append((path, referrer))


def self_test():
    """Each defect the crawl is for, in a page of its own, must be reported; a sound page must not."""
    defects = {
        '<a href="#">目录</a>': '<a> with href="#"',
        '<a href="">目录</a>': '<a> with href=""',
        '<section id=""><h2>表三</h2></section>': '<section> with id=""',
        '<form method="post" action=""><button>提交</button></form>': '<form> with action=""',
        '<p class="error">以下申请无法回放：</p><ul></ul>': "<ul> without <li>",
        "<h2></h2>": "empty <h2>",
        '<section id="section-1"></section><textarea id="section-1"></textarea>': 'id="section-1" used twice',
        '<a href="/records/1"> </a>': "empty <a>",
        "<ol><li></li></ol>": "empty <li>",
        '<section><p class="error">以下申请的办理记录无法回放，未计入表三：</p></section>': "<p> ends with a colon and nothing follows",
    }
    failed = 0
    for markup, expected in defects.items():
        page = PageProblems()
        page.feed(f"<html><head><title>页</title></head><body>{markup}</body></html>")
        if expected not in page.problems:
            failed += 1
            print(f"not reported: {expected} in {markup} (got {page.problems})")
    sound = PageProblems()
    sound.feed('<html><head><title>页</title></head><body><nav aria-label="当前位置"><ol><li><a href="/">首页</a></li></ol></nav>'
               '<a href="/x" aria-label="下载"><svg></svg></a><form method="get" action=""><label for="q">搜索</label>'
               '<input id="q"></form><table><tr><td></td></tr></table><section><p>以下信息未计入表二：</p><ul><li>甲</li></ul></section>'
               '</body></html>')
    if sound.problems:
        failed += 1
        print(f"sound page reported: {sound.problems}")
    print(f"self-test: {len(defects) + 1 - failed} passed, {failed} failed")
    return failed == 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return 0 if self_test() else 1
    base, password, users = argv[1].rstrip("/"), argv[2], argv[3:]
    total_problems, total_pages = 0, 0
    for user in users:
        visitor = Visitor(base, user, password)
        problems, visited = visitor.crawl(["/"] if user == "-" else ["/admin", "/"])
        total_pages += visited
        label = "visitor" if user == "-" else user
        print(f"{label}: {visited} pages, {len(problems)} kinds of problem")
        for problem, pages in sorted(problems.items()):
            total_problems += 1
            print(f"  {problem} — {len(pages)} page(s), e.g. {', '.join(pages[:3])}")
    print(f"crawl: {total_pages} pages, {total_problems} problems")
    return 0 if total_problems == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
