import LumbarClinic
import LumbarCore
import LumbarStorage
import Synchronization

/// A clock tests move by hand.
public final class TestClock: Sendable {
    private let current: Mutex<Instant>

    public init(_ start: Instant = Instant(milliseconds: 1_795_000_000_000)) { current = Mutex(start) }

    public var now: Instant { current.withLock { $0 } }

    public func advance(seconds: Int64) { current.withLock { $0 = $0.adding(seconds: seconds) } }

    public var wallClock: WallClock { WallClock { [self] in self.now } }
}
