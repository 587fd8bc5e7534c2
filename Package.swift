// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "PeakZero",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "peakzero", targets: ["peakzero"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // The bundled, cited factor tables and item catalogue (data only).
        .target(name: "ReferenceData", resources: [.copy("Data")], swiftSettings: strict),
        // Pure domain logic: quantities, factors, the inventory calculation. Foundation only.
        .target(name: "Accounting", dependencies: ["ReferenceData"], swiftSettings: strict),
        // Targets and supervision: targets and their split, progress and warnings, rankings,
        // carbon-efficiency grades, responsibility and measure lists. Pure logic.
        .target(name: "Governance", dependencies: ["Accounting", "ReferenceData"], swiftSettings: strict),
        // The road ahead: forecasts, scenarios, peak year, LMDI decomposition. Pure logic.
        .target(name: "Pathways", dependencies: ["Accounting", "ReferenceData"], swiftSettings: strict),
        // Reduction projects and their economics, the carbon-asset ledger and ETS compliance. Pure logic.
        .target(name: "Assets", dependencies: ["Accounting", "ReferenceData"], swiftSettings: strict),
        // Reading and writing Excel workbooks (.xlsx): Office Open XML on a zip archive. Knows nothing of PeakZero.
        .target(
            name: "Spreadsheet", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strict),
        // Product carbon footprints: matrix life-cycle assessment tied to PeakZero's factors. Pure logic.
        .target(
            name: "Footprint", dependencies: ["Accounting", "SparseLU"], resources: [.copy("Data")],
            swiftSettings: strict),
        // Reports: one data model per report (the enterprise GHG inventory report …), every rendering
        // drawn from it. Pure logic.
        .target(name: "Reports", dependencies: ["Accounting"], resources: [.copy("Data")], swiftSettings: strict),
        // Sparse LU factorisation and solves (block triangular form, cycles through a dense border).
        // Knows nothing of PeakZero.
        .target(name: "SparseLU", swiftSettings: strict),
        // Charts as geometry for SVG templates: scales, lines, bars, rings. Knows nothing of PeakZero.
        .target(name: "Charts", swiftSettings: strict),
        // Generic fast structures for the bulk paths: the byte interner, the integer table, the thread
        // hand-off and first-seen numbering. Knows nothing of PeakZero.
        .target(name: "FastStructures", swiftSettings: strict),
        // Schema, migrations and queries: the only place that speaks SQL (SQLite and PostgreSQL).
        .target(
            name: "Persistence",
            dependencies: [
                "Accounting", "Governance", "Pathways", "Assets", "Footprint", "Reports", "FastStructures",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // Data intake: templates, imports with dry run and reports, exports (CSV and Excel).
        .target(
            name: "Intake",
            dependencies: [
                "Accounting", "Assets", "FastStructures", "Footprint", "Pathways", "Persistence", "Reports",
                "Spreadsheet", .product(name: "Crypto", package: "swift-crypto"),
            ], swiftSettings: strict),
        // The HTTP server: JSON API under /api/v1 and its OpenAPI document, and the web pages.
        .target(
            name: "PeakZeroServer",
            dependencies: [
                "Accounting", "Governance", "Pathways", "Assets", "Footprint", "Persistence", "Intake", "Charts",
                "Reports", "Spreadsheet", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strict
        ),
        // The command line's commands and report formats, as a library so tests can call them.
        .target(
            name: "PeakZeroCLI",
            dependencies: [
                "Accounting", "Pathways", "Assets", "Footprint", "Persistence", "PeakZeroServer", "Intake", "Reports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "peakzero", dependencies: ["PeakZeroCLI"], swiftSettings: strict),
        // Benchmarks (run with -c release); docs/benchmarks.md holds their figures.
        .executableTarget(
            name: "peakzero-bench",
            dependencies: [
                "Accounting", "Assets", "Footprint", "Pathways", "Persistence", "Intake", "Spreadsheet", "SparseLU",
                "Reports", "PeakZeroServer", .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
            ], swiftSettings: strict),
        .testTarget(name: "ReferenceDataTests", dependencies: ["ReferenceData"], swiftSettings: strict),
        .testTarget(name: "GovernanceTests", dependencies: ["Governance", "Accounting"], swiftSettings: strict),
        .testTarget(
            name: "PathwaysTests",
            dependencies: ["Pathways", "Accounting", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: strict),
        .testTarget(
            name: "AssetsTests",
            dependencies: ["Assets", "Accounting", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: strict),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Accounting"], swiftSettings: strict),
        .testTarget(
            name: "FootprintTests", dependencies: ["Footprint", "Accounting", "SparseLU"], swiftSettings: strict),
        .testTarget(
            name: "SparseLUTests",
            dependencies: ["SparseLU", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: strict),
        .testTarget(name: "ChartsTests", dependencies: ["Charts"], swiftSettings: strict),
        .testTarget(name: "FastStructuresTests", dependencies: ["FastStructures"], swiftSettings: strict),
        .testTarget(
            name: "IntakeTests",
            dependencies: [
                "Intake", "FastStructures", "Spreadsheet", "Persistence", "PersistenceTestSupport", "Footprint",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            // The openLCA export is read from the source folder by path and zipped by the test.
            exclude: ["OpenLCA"], swiftSettings: strict),
        .testTarget(
            name: "SpreadsheetTests",
            dependencies: [
                "Spreadsheet", "PersistenceTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "AccountingTests",
            dependencies: ["Accounting", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PeakZeroCLITests", dependencies: ["PeakZeroCLI", "peakzero", "Persistence", "Pathways", "PeakZeroServer", "Spreadsheet"], swiftSettings: strict),
        // Shared by the storage and server tests: a fresh database of each kind per test.
        .target(
            name: "PersistenceTestSupport",
            dependencies: ["Persistence", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PersistenceTests",
            dependencies: ["Persistence", "Accounting", "Pathways", "Assets", "Reports", "PersistenceTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PeakZeroServerTests",
            dependencies: [
                "Assets", "Footprint",
                "PeakZeroServer", "Persistence", "Governance", "PersistenceTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            // The kept pages are read from the source folder by path, not bundled.
            exclude: ["Snapshots"], swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
