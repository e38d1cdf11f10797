import Foundation

/// The folder an nginx in front serves pages from: a page at `/records/12` is `records/12/index.html`, so that
/// `try_files $uri/index.html @gongkai` finds it. Files are replaced by rename, so nginx never reads half a page.
public struct StaticPageFolder: Sendable {
    let root: URL

    public init(root: URL) { self.root = root }

    /// The file for a page's path (`/` is `index.html`).
    public func file(for path: String) -> URL {
        let relative = path.split(separator: "/").map(String.init)
        return relative.reduce(root) { $0.appendingPathComponent($1) }.appendingPathComponent("index.html")
    }

    /// Writes the page unless the file already holds these bytes; says whether it wrote.
    func write(_ data: Data, path: String) throws -> Bool {
        let target = file(for: path)
        if let existing = try? Data(contentsOf: target), existing == data { return false }
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = root.appendingPathComponent(".writing-\(UUID().uuidString)")
        try data.write(to: temporary)
        if rename(temporary.path, target.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
        }
        return true
    }

    /// Removes a page's folder (`records/12/`), which holds only its page; says whether there was one.
    func remove(path: String) -> Bool {
        let page = file(for: path)
        return (try? FileManager.default.removeItem(at: path == "/" ? page : page.deletingLastPathComponent())) != nil
    }

    /// The ids that have a page under a kind's folder (`records` → the 12 of `records/12/index.html`).
    func ids(under kind: String) -> Set<Int> {
        let folder = root.appendingPathComponent(kind)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return Set(names.compactMap { Int($0) })
    }
}
