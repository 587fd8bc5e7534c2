import Foundation

/// LibreOffice (Debian's `libreoffice-calc-nogui`) as the independent judge of the workbooks: what
/// PeakZero writes must open there, and what LibreOffice writes must read here. Skipped when it is
/// not installed; `.ci/run` installs it. Shared by the tests of every target that writes workbooks.
public enum LibreOffice {
    public static let executable = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/bin/libreoffice"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    public static var isInstalled: Bool { executable != nil }

    /// Converts `input` to `format` (`csv`, `xlsx`) in `folder`; returns the converted file.
    public static func convert(_ input: URL, to format: String, in folder: URL) throws -> URL {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable!)
        // A profile of its own, so a test never waits on a desktop session's lock.
        let profile = folder.appendingPathComponent("profile").absoluteString
        var filter = format
        if format == "csv" { filter = "csv:Text - txt - csv (StarCalc):44,34,76,1" }
        if format == "xlsx" { filter = "xlsx:Calc MS Excel 2007 XML" }
        // CSV read and written as UTF-8 with commas and double quotes (filter options 44,34,76).
        let infilter = input.pathExtension == "csv" ? ["--infilter=CSV:44,34,76,1"] : []
        process.arguments =
            ["-env:UserInstallation=\(profile)", "--headless"] + infilter + [
                "--convert-to", filter, "--outdir", folder.path, input.path,
            ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let output = folder.appendingPathComponent(input.deletingPathExtension().lastPathComponent + "." + format)
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: output.path) else {
            throw ConversionFailed(file: input.lastPathComponent)
        }
        return output
    }

    public static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("peakzero-lo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    public struct ConversionFailed: Error, CustomStringConvertible {
        public let file: String
        public var description: String { "LibreOffice could not convert \(file)" }
    }
}
