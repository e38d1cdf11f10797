// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Gongkai",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gongkai", targets: ["gongkai"]),
        .library(name: "GongkaiCore", targets: ["GongkaiCore"]),
        // For the fuzz targets in Fuzz/, a package of its own.
        .library(name: "GongkaiInterchange", targets: ["GongkaiInterchange"]),
        .library(name: "GongkaiStore", targets: ["GongkaiStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        // Domain: catalog, calendar, deadlines, compliance. Foundation only, no I/O.
        .target(name: "GongkaiCore"),
        // Reading catalogs from text dumps, TSV/CSV, .xlsx and .docx; writing JSON/CSV/.xlsx.
        .target(
            name: "GongkaiInterchange",
            dependencies: [
                "GongkaiCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Calendar/Holidays")]
        ),
        // SQLKit repositories and migrations (SQLite embedded default, PostgreSQL for larger installations).
        .target(
            name: "GongkaiStore",
            dependencies: [
                "GongkaiCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        // zlib (Debian's zlib1g-dev), for gzip responses.
        .systemLibrary(name: "GongkaiZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // The web server: admin UI, public pages, JSON API (Hummingbird 2, Mustache templates).
        .target(
            name: "GongkaiWeb",
            dependencies: [
                "GongkaiCore", "GongkaiStore", "GongkaiInterchange", "GongkaiZlib",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            resources: [.copy("Templates"), .copy("Static")]
        ),
        // The command-line interface.
        .target(
            name: "GongkaiCLI",
            dependencies: [
                "GongkaiCore", "GongkaiInterchange", "GongkaiStore", "GongkaiWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Demo")]
        ),
        .executableTarget(name: "gongkai", dependencies: ["GongkaiCLI"]),
        .testTarget(name: "GongkaiCoreTests", dependencies: ["GongkaiCore"]),
        .testTarget(
            name: "GongkaiInterchangeTests",
            dependencies: ["GongkaiInterchange", "GongkaiTestSupport"]
        ),
        // Fresh SQLite or PostgreSQL databases for the tests (PostgreSQL: the server scripts/test starts).
        .target(
            name: "GongkaiTestSupport",
            dependencies: [
                "GongkaiStore", "GongkaiInterchange",
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/GongkaiTestSupport"
        ),
        .testTarget(name: "GongkaiStoreTests", dependencies: ["GongkaiStore", "GongkaiInterchange", "GongkaiTestSupport"]),
        .testTarget(
            name: "GongkaiCLITests",
            dependencies: ["GongkaiCLI", "GongkaiTestSupport", .product(name: "SQLiteNIO", package: "sqlite-nio")]
        ),
        .testTarget(
            name: "GongkaiWebTests",
            dependencies: [
                "GongkaiWeb", "GongkaiStore", "GongkaiInterchange", "GongkaiTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
