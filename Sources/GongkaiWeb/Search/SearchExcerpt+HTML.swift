import GongkaiCore
import GongkaiStore

extension SearchExcerpt {
    /// The excerpt as the portal and `/search?format=json` show it (`snippet`): escaped, every match in <mark>,
    /// … where the text goes on, and 附件： before an excerpt of the attachments.
    var html: String {
        var html = source == .attachments ? "附件：" : ""
        if isCutBefore { html += "…" }
        for piece in pieces {
            html += piece.isMatch ? "<mark>" + piece.text.escapingHTML + "</mark>" : piece.text.escapingHTML
        }
        return html + (isCutAfter ? "…" : "")
    }
}
