import Foundation

/// A small element tree (read by `XMLScanner`); names are kept without their namespace prefix.
final class XMLElementNode {
    let name: String
    /// The name as written, prefix included (w:p), for matching the end tag.
    let qualifiedName: String
    let attributes: [String: String]
    var children: [XMLElementNode] = []
    var text = ""

    init(name: String, attributes: [String: String], qualifiedName: String? = nil) {
        self.name = name
        self.qualifiedName = qualifiedName ?? name
        self.attributes = attributes
    }

    /// An attribute by local name, whatever its prefix (w:val, val).
    func attribute(_ local: String) -> String? {
        if let value = attributes[local] { return value }
        return attributes.first { $0.key.hasSuffix(":" + local) }?.value
    }

    func child(_ name: String) -> XMLElementNode? { children.first { $0.name == name } }
    func children(_ name: String) -> [XMLElementNode] { children.filter { $0.name == name } }

    /// All descendants named `name`, in document order, not descending into matches.
    func descendants(_ name: String) -> [XMLElementNode] {
        var found: [XMLElementNode] = []
        for child in children {
            if child.name == name { found.append(child) } else { found += child.descendants(name) }
        }
        return found
    }

    static func parse(_ data: Data) throws -> XMLElementNode { try XMLScanner.parse(data) }
}

enum XMLTreeError: Error {
    case malformed(String)
}
