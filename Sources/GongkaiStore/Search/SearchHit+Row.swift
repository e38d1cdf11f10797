import SQLKit

extension SearchHit {
    /// A hit from a row with the columns both backends select: id, index_number, published_date, agency, title,
    /// body, document_number and attachments.
    init(row: any SQLRow, query: String) throws {
        let id = try row.decode(column: "id", as: Int.self)
        let title = try row.decode(column: "title", as: String.self)
        self.init(id: id, title: title,
                  excerpt: SearchExcerpt.make(body: try row.decode(column: "body", as: String.self),
                                              attachments: try row.decode(column: "attachments", as: String.self),
                                              title: title, query: query),
                  indexNumber: try row.decode(column: "index_number", as: String?.self),
                  documentNumber: try row.decode(column: "document_number", as: String.self),
                  publishedDate: try row.decode(column: "published_date", as: String?.self),
                  agency: try row.decode(column: "agency", as: String.self))
    }
}
