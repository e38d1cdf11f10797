import GongkaiInterchange
import GongkaiStore
import Hummingbird

/// Atom 1.0 feeds (RFC 4287).
enum AtomFeed {
    static func response(title: String, id: String, origin: String, selfPath: String, rows: [PortalQueries.PublicRecordRow]) -> Response {
        // XML's rules, not HTML's: a control character pasted into a title would make the whole feed unreadable.
        func escape(_ text: String) -> String { XMLEscaping.escape(text) }
        func stamp(_ row: PortalQueries.PublicRecordRow) -> String {
            row.updatedAt.count >= 19 ? String(row.updatedAt.prefix(19)) + "Z" : "\(row.publishedDate)T00:00:00Z"
        }
        let updated = rows.map(stamp).max() ?? "1970-01-01T00:00:00Z"
        var xml = #"<?xml version="1.0" encoding="utf-8"?>"# + "\n" + #"<feed xmlns="http://www.w3.org/2005/Atom">"# + "\n"
        xml += "<id>\(escape(id))</id>\n<title>\(escape(title))</title>\n<updated>\(updated)</updated>\n"
        xml += "<link rel=\"self\" href=\"\(escape(origin + selfPath))\"/>\n<link rel=\"alternate\" href=\"\(escape(id))\"/>\n"
        xml += "<author><name>\(escape(title))</name></author>\n"
        for row in rows {
            let page = escape(SiteURL.record(row.id).absolute(origin: origin))
            xml += "<entry><id>\(page)</id><title>\(escape(row.title))</title><updated>\(stamp(row))</updated>"
            xml += "<link rel=\"alternate\" href=\"\(page)\"/><summary>索引号 \(escape(row.indexNumber))，发布日期 \(row.publishedDate)</summary></entry>\n"
        }
        xml += "</feed>\n"
        return Response(status: .ok, headers: [.contentType: "application/atom+xml; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: xml)))
    }
}
