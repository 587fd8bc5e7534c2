import FastStructures
import Foundation
import Testing

/// A sender on another thread hands over more blocks than the capacity holds: the receiver gets
/// every block, in order, then nil, and then the sender's result.
@Test func handoverDeliversEveryBlockInOrderThenTheResult() {
    let handover = Handover<Int, String>(capacity: 3)
    let sender = Thread {
        for block in 0..<1_000 { _ = handover.send(block) }
        handover.finish("sent 1000")
    }
    sender.start()
    var received: [Int] = []
    while let block = handover.receive() { received.append(block) }
    #expect(received == Array(0..<1_000))
    #expect(handover.waitForResult() == "sent 1000")
}

/// The sender never runs ahead of the receiver by more than the capacity: it waits, and what it
/// has handed over minus what was received stays within the bound.
@Test func handoverHoldsTheSenderAtTheCapacity() {
    let capacity = 2
    let handover = Handover<Int, Int>(capacity: capacity)
    let sent = Counter()
    let sender = Thread {
        for block in 0..<200 {
            _ = handover.send(block)
            sent.increment()
        }
        handover.finish(200)
    }
    sender.start()
    var received = 0
    var widest = 0
    while handover.receive() != nil {
        received += 1
        // Blocks sent but not yet received: at most the capacity, plus the one being sent.
        widest = max(widest, sent.value - received)
        if received % 10 == 0 { Thread.sleep(forTimeInterval: 0.001) }
    }
    #expect(received == 200)
    #expect(widest <= capacity + 1)
}

/// A receiver that gives up frees a sender waiting at the capacity: its next send says so, and
/// it can still finish with its result.
@Test func handoverCancelledReceiverReleasesTheSender() {
    let handover = Handover<Int, Int>(capacity: 1)
    let refusedAt = Counter()
    let sender = Thread {
        for block in 0..<100 where !handover.send(block) {
            refusedAt.set(block)
            break
        }
        handover.sawProblem = true
        handover.finish(-1)
    }
    sender.start()
    #expect(handover.receive() == 0)
    handover.cancel()
    #expect(handover.waitForResult() == -1)
    #expect(refusedAt.value > 0)
    #expect(handover.sawProblem)
}

/// A thread-safe counter for the tests' senders.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
    func set(_ value: Int) { lock.withLock { count = value } }
}
