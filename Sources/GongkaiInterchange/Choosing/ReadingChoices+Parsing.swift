import Foundation

extension ReadingChoices {
    /// Why a `--columns` or `--header-rows` value cannot be read; the description is the message staff see.
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case missingEquals(String)
        case badColumnNumber(String)
        case unknownRole(column: Int?, name: String)
        case duplicateColumn(Int, first: String, second: String)
        case duplicateRole(String, columns: [Int])
        case badHeaderRows(Int)

        public var description: String {
            switch self {
            case .missingEquals(let part):
                "“\(part)”缺少“=”：应写作“列号=角色”，如“5=时限”"
            case .badColumnNumber(let part):
                "“\(part)”不是有效的列号：列号是从1开始的整数，如“5=时限”"
            case .unknownRole(let column, let name):
                (column.map { "第\($0)列的" } ?? "") + "“\(name)”不是可选的列角色；可选：" + ChosenRole.allCases.map(\.name).joined(separator: "、")
            case .duplicateColumn(let column, let first, let second):
                "第\(column)列指定了两次（“\(first)”和“\(second)”），每列只能指定一个角色"
            case .duplicateRole(let name, let columns):
                "“\(name)”同时指定给了" + columns.map { "第\($0)列" }.joined(separator: "和") + "；除公开内容、备注、忽略外，每种角色只能指定给一列"
            case .badHeaderRows(let count):
                "表头行数应为0或正整数，而不是\(count)"
            }
        }
    }

    /// Reads the CLI's `--columns '1=一级,2=二级,5=时限'` (ASCII or Chinese commas, 、 or spaces between entries)
    /// and `--header-rows 2`.
    public init(columns: String?, headerRows: Int?) throws {
        if let headerRows, headerRows < 0 { throw ParseError.badHeaderRows(headerRows) }
        var roles: [Int: ChosenRole] = [:]
        var names: [Int: String] = [:]
        let normalized = (columns ?? "").replacingOccurrences(of: #"\s*[=＝:：]\s*"#, with: "=", options: .regularExpression)
        for part in normalized.split(whereSeparator: { $0.isWhitespace || ",，、;；".contains($0) }).map(String.init) {
            guard let equals = part.firstIndex(of: "=") else { throw ParseError.missingEquals(part) }
            // Chinese input methods type full-width digits (５=时限).
            let number = String(part[..<equals].map { ("０"..."９").contains($0) ? Character(UnicodeScalar($0.unicodeScalars.first!.value - 0xFEE0)!) : $0 })
            guard let column = Int(number), column >= 1 else { throw ParseError.badColumnNumber(part) }
            let name = String(part[part.index(after: equals)...])
            guard let role = ChosenRole(name: name) else { throw ParseError.unknownRole(column: column, name: name) }
            if let earlier = names[column] { throw ParseError.duplicateColumn(column, first: earlier, second: name) }
            roles[column] = role
            names[column] = name
        }
        for role in Set(roles.values) where !role.mayRepeat {
            let columns = roles.filter { $0.value == role }.keys.sorted()
            if columns.count > 1 { throw ParseError.duplicateRole(role.name, columns: columns) }
        }
        self.init(columnRoles: roles, headerRows: headerRows)
    }

}
