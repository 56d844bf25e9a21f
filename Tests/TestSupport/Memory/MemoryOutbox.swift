import LumbarClinic
import Synchronization

/// The mail the in-memory repositories queued with their writes, in order, for tests to read.
public final class MemoryOutbox: Sendable {
    private let queued = Mutex<[QueuedMail]>([])

    public init() {}

    public var messages: [QueuedMail] { queued.withLock { $0 } }

    func enqueue(_ mail: [QueuedMail]) { queued.withLock { $0 += mail } }
}
