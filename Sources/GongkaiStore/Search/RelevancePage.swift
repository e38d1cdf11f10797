/// The page of a relevance-ordered search, as both backends order it: title/文号 hits (the head) first, then the
/// other hits, each newest first. The number of head hits is needed only where they run out: a short page of them
/// tells it (offset + its length); only an empty one on a later page needs a count.
enum RelevancePage {
    static func keys(pageSize: Int, offset: Int, headTotal: Int?, countHead: () async throws -> Int,
                     page: (_ head: Bool, _ limit: Int, _ offset: Int) async throws -> [Int]) async throws -> [Int] {
        var keys = offset < (headTotal ?? .max) ? try await page(true, pageSize, offset) : []
        guard keys.count < pageSize else { return keys }
        let heads: Int
        if let headTotal {
            heads = headTotal
        } else if keys.isEmpty && offset > 0 {
            heads = try await countHead()
        } else {
            heads = offset + keys.count
        }
        keys += try await page(false, pageSize - keys.count, max(0, offset - heads))
        return keys
    }
}
