// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets, kept out of the main package so `swift build`/`swift test` never see them.
// Built by scripts/fuzz with `-Xswiftc -sanitize=fuzzer`, which instruments the Gongkai modules as well;
// `@testable import` reaches the internal readers (scripts/fuzz builds with `-enable-testing`).
let fuzzFlags: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "GongkaiFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Gongkai", path: "..")],
    targets: [
        .target(name: "FuzzSupport"),
        // Readers, importer, deadline parser, record bodies: GongkaiCore and GongkaiInterchange only.
        .executableTarget(
            name: "GongkaiFuzz",
            dependencies: [
                .product(name: "GongkaiCore", package: "Gongkai"),
                .product(name: "GongkaiInterchange", package: "Gongkai"),
                "FuzzSupport",
            ],
            swiftSettings: fuzzFlags
        ),
        // The search query: what the portal and API do with search input before and after the database
        // (the form and the snippets are the web's, the FTS5 and LIKE queries the store's). The web's two files
        // are compiled in through symlinks: linking GongkaiWeb would build all of Hummingbird with the fuzzer's
        // instrumentation, some twenty minutes more on a CI machine.
        .executableTarget(
            name: "GongkaiFuzzSearch",
            dependencies: [
                .product(name: "GongkaiCore", package: "Gongkai"),
                .product(name: "GongkaiStore", package: "Gongkai"),
                "FuzzSupport",
            ],
            swiftSettings: fuzzFlags
        ),
    ],
    swiftLanguageModes: [.v6]
)
