import Foundation

/// The files users upload, kept while they wait — a page's import waiting for its confirmation, a
/// large import running as a job — in one folder of the temporary directory. Folders are created
/// for this process's user only (0700) and files readable by it only (0600): an energy ledger is
/// no other local user's business. Each is removed when its import ends; what a crash or a restart
/// left behind is swept when the server starts.
enum PrivateUploads {
    static let root = FileManager.default.temporaryDirectory.appendingPathComponent(
        "peakzero-uploads", isDirectory: true)

    /// `root/part/part…`, each level created private when missing.
    static func folder(_ parts: String...) throws -> URL {
        var url = root
        try makePrivate(url)
        for part in parts {
            url = url.appendingPathComponent(part, isDirectory: true)
            try makePrivate(url)
        }
        return url
    }

    private static func makePrivate(_ url: URL) throws {
        let manager = FileManager.default
        if !manager.fileExists(atPath: url.path) {
            do {
                try manager.createDirectory(at: url, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            } catch where manager.fileExists(atPath: url.path) {
                // Made by another request in the meantime.
            }
        }
        try manager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: url.path)
    }

    /// Writes `data` to a new file readable by this process's user only.
    static func write(_ data: Data, to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600])
        else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path]) }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.write(contentsOf: data)
    }

    /// Removes what is older than `age` (seconds) — left by a crash or a restart — and returns how
    /// many entries it removed. Younger entries may belong to another server on this machine.
    @discardableResult
    static func sweep(olderThan age: TimeInterval = 24 * 3600, now: Date = Date()) -> Int {
        let manager = FileManager.default
        var removed = 0
        for area in (try? manager.contentsOfDirectory(at: root, includingPropertiesForKeys: nil)) ?? [] {
            for entry in (try? manager.contentsOfDirectory(
                at: area, includingPropertiesForKeys: [.contentModificationDateKey])) ?? []
            {
                let modified = (try? entry.resourceValues(forKeys: [.contentModificationDateKey]))?
                    .contentModificationDate ?? now
                if now.timeIntervalSince(modified) > age, (try? manager.removeItem(at: entry)) != nil { removed += 1 }
            }
        }
        return removed
    }
}
