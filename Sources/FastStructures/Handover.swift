import Foundation

/// Blocks handed from a thread that reads (a file, or stored records) to the thread that writes them, at most
/// `capacity` waiting, and then the reader's result. Reading and writing a large import overlap
/// this way, one on each core.
public final class Handover<Block: Sendable, Result: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    private var queue: [Block] = []
    private var result: Result?
    private var cancelled = false
    private var problemSeen = false

    public init(capacity: Int) { self.capacity = capacity }

    /// Hands a block over, waiting while `capacity` blocks wait; false when the receiver has given up.
    public func send(_ block: Block) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity, !cancelled { condition.wait() }
        guard !cancelled else { return false }
        queue.append(block)
        condition.broadcast()
        return true
    }

    /// The next block, or nil once the sender has finished and every block has been received.
    public func receive() -> Block? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty, result == nil { condition.wait() }
        guard !queue.isEmpty else { return nil }
        condition.broadcast()
        return queue.removeFirst()
    }

    /// The sender's last word.
    public func finish(_ result: Result) {
        condition.lock()
        self.result = result
        condition.broadcast()
        condition.unlock()
    }

    /// The sender's result, once it has finished.
    public func waitForResult() -> Result {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        return result!
    }

    /// The receiver gives up: the sender's next `send` returns false.
    public func cancel() {
        condition.lock()
        cancelled = true
        queue.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// The sender has found a problem (the receiver then stops writing; all will be rolled back).
    public var sawProblem: Bool {
        get {
            condition.lock()
            defer { condition.unlock() }
            return problemSeen
        }
        set {
            condition.lock()
            problemSeen = newValue
            condition.unlock()
        }
    }
}
