import Foundation

/// libFuzzer's entry points. One binary holds every target; GONGKAI_FUZZ_TARGET (set by scripts/fuzz) picks one.
let targets: [String: @Sendable (Data) -> Void] = [
    "text": Readers.text,
    "csv": Readers.delimited,
    "pipe": Readers.pipe,
    "html": Readers.html,
    "docx": Readers.docx,
    "xlsx": Readers.xlsx,
    "import": Importer.run,
    "deadline": Deadlines.run,
    "body": Bodies.run,
]

let selected: @Sendable (Data) -> Void = {
    let name = ProcessInfo.processInfo.environment["GONGKAI_FUZZ_TARGET"] ?? ""
    guard let run = targets[name] else {
        fatalError("GONGKAI_FUZZ_TARGET must be one of \(targets.keys.sorted()), not “\(name)”")
    }
    return run
}()

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    _ = selected
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    selected(data)
    return 0
}
