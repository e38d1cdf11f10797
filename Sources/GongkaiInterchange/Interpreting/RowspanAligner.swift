/// Places the cells of a short row copied from a web page. A browser copy leaves out every cell that a
/// rowspan from above covers, so the missing columns may be several and anywhere. Each way of choosing
/// them is scored by how well the cells fit their columns (ColumnGuesser.affinity), by how often catalogs
/// merge that column vertically, and by whether the row above lacked the same column.
enum RowspanAligner {
    struct Placement {
        /// The column of each cell.
        var columns: [Int]
        var missing: [Int]
        /// How much better this placement scored than the next best; small margins are ambiguous.
        var margin: Double
    }

    /// Nil when too many cells are missing to try every choice.
    static func align(_ cells: [String], to roles: [ColumnRole], levelCount: Int,
                      previousMissing: Set<Int>, previousEmpty: Set<Int>) -> Placement? {
        let gap = roles.count - cells.count
        guard gap > 0, combinations(roles.count, gap) <= 20_000 else { return nil }
        let priors = roles.enumerated().map { column, role in
            prior(role, levelCount: levelCount) - 0.001 * Double(column)
                + (previousMissing.contains(column) ? 0.5 : 0) - (previousEmpty.contains(column) ? 0.3 : 0)
        }
        var best: (score: Double, missing: [Int])?
        var second = -Double.infinity
        var missing: [Int] = []
        func score(_ missing: [Int]) -> Double {
            var total = missing.map { priors[$0] }.reduce(0, +)
            var cell = 0
            for column in roles.indices where !missing.contains(column) {
                total += ColumnGuesser.affinity(cells[cell], roles[column])
                cell += 1
            }
            return total
        }
        func choose(from start: Int) {
            if missing.count == gap {
                let value = score(missing)
                if let current = best, value <= current.score {
                    second = max(second, value)
                } else {
                    if let current = best { second = max(second, current.score) }
                    best = (value, missing)
                }
                return
            }
            guard start < roles.count, roles.count - start >= gap - missing.count else { return }
            for column in start..<roles.count {
                missing.append(column)
                choose(from: column + 1)
                missing.removeLast()
            }
        }
        choose(from: 0)
        guard let best else { return nil }
        let columns = roles.indices.filter { !best.missing.contains($0) }
        return Placement(columns: columns, missing: best.missing, margin: second == -Double.infinity ? 10 : best.score - second)
    }

    /// How readily a column is left out of a row, as the share of catalogs merging it vertically suggests:
    /// categories above the item name, 公开主体, 时限 and 依据 often; the item's own name and content rarely.
    private static func prior(_ role: ColumnRole, levelCount: Int) -> Double {
        switch role {
        case .level(let level): level < levelCount ? 0 : -1.2
        case .sequence: -0.3
        case .content: -1.0
        case .legalBasis, .deadline, .publisher, .responsible, .channel, .code: -0.1
        default: -0.4
        }
    }

    private static func combinations(_ n: Int, _ k: Int) -> Int {
        var result = 1
        for i in 0..<min(k, n - k) {
            result = result * (n - i) / (i + 1)
            if result > 1_000_000 { return result }
        }
        return result
    }
}
