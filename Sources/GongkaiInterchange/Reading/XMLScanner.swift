import Foundation

/// A small, strict XML reader for the parts of .docx and .xlsx packages, in place of Foundation's XMLParser, which
/// crashes the process on some malformed input (found by fuzzing: Fuzz/crashes). Elements, attributes, text, the five
/// named entities and character references, CDATA; comments, processing instructions and DOCTYPE are skipped.
/// Names keep their prefix (the tree drops it). Anything malformed throws; nesting deeper than `maximumDepth` too.
struct XMLScanner {
    static let maximumDepth = 256

    private let bytes: [UInt8]
    private var index = 0

    init(_ data: Data) {
        bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    /// The root element with its subtree.
    static func parse(_ data: Data) throws -> XMLElementNode {
        var scanner = XMLScanner(data)
        return try scanner.document()
    }

    private mutating func document() throws -> XMLElementNode {
        var stack: [XMLElementNode] = []
        var root: XMLElementNode?
        var text: [UInt8] = []
        func flushText() throws {
            guard !text.isEmpty else { return }
            if let open = stack.last { open.text += try Self.decodeEntities(text) }
            else if text.contains(where: { !Self.isSpace($0) }) { throw XMLTreeError.malformed("根元素之外有文字") }
            text.removeAll(keepingCapacity: true)
        }
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "<") else {
                text.append(byte)
                index += 1
                continue
            }
            try flushText()
            if starts(with: "<!--") {
                try skip(past: "-->")
            } else if starts(with: "<![CDATA[") {
                index += 9
                let start = index
                try skip(past: "]]>")
                guard let open = stack.last else { throw XMLTreeError.malformed("根元素之外有 CDATA") }
                open.text += String(decoding: bytes[start..<(index - 3)], as: UTF8.self)
            } else if starts(with: "<?") || starts(with: "<!") {
                try skip(past: ">")
            } else if starts(with: "</") {
                index += 2
                let name = try self.name()
                skipSpace()
                try expect(">")
                guard let open = stack.popLast(), open.qualifiedName == name else { throw XMLTreeError.malformed("结束标签 \(name) 不匹配") }
            } else {
                index += 1
                let name = try self.name()
                var attributes: [String: String] = [:]
                while true {
                    skipSpace()
                    guard index < bytes.count else { throw XMLTreeError.malformed("标签未结束") }
                    if bytes[index] == UInt8(ascii: "/") || bytes[index] == UInt8(ascii: ">") { break }
                    let key = try self.name()
                    skipSpace()
                    try expect("=")
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                        throw XMLTreeError.malformed("属性 \(key) 缺少引号")
                    }
                    let quote = bytes[index]
                    index += 1
                    let start = index
                    while index < bytes.count, bytes[index] != quote { index += 1 }
                    guard index < bytes.count else { throw XMLTreeError.malformed("属性 \(key) 未结束") }
                    attributes[key] = try Self.decodeEntities(Array(bytes[start..<index]))
                    index += 1
                }
                let selfClosing = bytes[index] == UInt8(ascii: "/")
                if selfClosing { index += 1 }
                try expect(">")
                let local = name.split(separator: ":").last.map(String.init) ?? name
                let node = XMLElementNode(name: local, attributes: attributes, qualifiedName: name)
                if let parent = stack.last { parent.children.append(node) } else if root == nil { root = node } else {
                    throw XMLTreeError.malformed("有多个根元素")
                }
                if !selfClosing {
                    stack.append(node)
                    guard stack.count <= Self.maximumDepth else { throw XMLTreeError.malformed("元素嵌套超过\(Self.maximumDepth)层") }
                }
            }
        }
        try flushText()
        guard stack.isEmpty, let root else { throw XMLTreeError.malformed(root == nil ? "没有根元素" : "元素未结束") }
        return root
    }

    private func starts(with prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return prefix.withUTF8Buffer { buffer in (0..<count).allSatisfy { bytes[index + $0] == buffer[$0] } }
    }

    private mutating func skip(past terminator: StaticString) throws {
        while index < bytes.count {
            if starts(with: terminator) { index += terminator.utf8CodeUnitCount; return }
            index += 1
        }
        throw XMLTreeError.malformed("文件在注释、CDATA 或声明中结束")
    }

    private mutating func expect(_ character: Unicode.Scalar) throws {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { throw XMLTreeError.malformed("缺少“\(character)”") }
        index += 1
    }

    private mutating func skipSpace() {
        while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
    }

    private mutating func name() throws -> String {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if Self.isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
                || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { break }
            index += 1
        }
        guard index > start else { throw XMLTreeError.malformed("缺少名称") }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// Text with &lt; &gt; &amp; &quot; &apos; and &#…; / &#x…; resolved; any other entity is malformed.
    static func decodeEntities(_ text: [UInt8]) throws -> String {
        guard text.contains(UInt8(ascii: "&")) else { return String(decoding: text, as: UTF8.self) }
        var result = ""
        var run: [UInt8] = []
        var index = 0
        while index < text.count {
            guard text[index] == UInt8(ascii: "&") else { run.append(text[index]); index += 1; continue }
            guard let end = text[index...].firstIndex(of: UInt8(ascii: ";")), end - index <= 12 else {
                throw XMLTreeError.malformed("实体未结束")
            }
            result += String(decoding: run, as: UTF8.self)
            run.removeAll(keepingCapacity: true)
            let entity = String(decoding: text[(index + 1)..<end], as: UTF8.self)
            switch entity {
            case "lt": result += "<"
            case "gt": result += ">"
            case "amp": result += "&"
            case "quot": result += "\""
            case "apos": result += "'"
            default:
                let number = entity.hasPrefix("#x") ? UInt32(entity.dropFirst(2), radix: 16)
                    : entity.hasPrefix("#") ? UInt32(entity.dropFirst(), radix: 10) : nil
                guard let number, let scalar = Unicode.Scalar(number) else { throw XMLTreeError.malformed("未知实体 &\(entity);") }
                result.unicodeScalars.append(scalar)
            }
            index = end + 1
        }
        return result + String(decoding: run, as: UTF8.self)
    }
}
