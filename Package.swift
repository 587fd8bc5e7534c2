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
    ],
    targets: [
        // The bundled, cited factor tables and item catalogue (data only).
        .target(name: "ReferenceData", resources: [.copy("Data")], swiftSettings: strict),
        // Pure domain logic: quantities, factors, the inventory calculation. Foundation only.
        .target(name: "Accounting", dependencies: ["ReferenceData"], swiftSettings: strict),
        // The command line's commands and report formats, as a library so tests can call them.
        .target(
            name: "PeakZeroCLI",
            dependencies: ["Accounting", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        .executableTarget(name: "peakzero", dependencies: ["PeakZeroCLI"], swiftSettings: strict),
        .testTarget(name: "ReferenceDataTests", dependencies: ["ReferenceData"], swiftSettings: strict),
        .testTarget(
            name: "AccountingTests",
            dependencies: ["Accounting", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: strict
        ),
        .testTarget(name: "PeakZeroCLITests", dependencies: ["PeakZeroCLI", "peakzero"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
