/// Lets one SQLite write through at a time, in the order they came. SQLite itself allows one
/// writer; without the gate, the others would wait inside SQLite's busy handler on the few threads
/// that run every query — and the writer holding the lock would find no thread left to finish on.
actor WriteGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}

extension WriteGate {
    /// Runs `body` once every write that came before it has finished.
    nonisolated func run<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        await enter()
        do {
            let result = try await body()
            await leave()
            return result
        } catch {
            await leave()
            throw error
        }
    }
}
