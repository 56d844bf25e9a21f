import Foundation
import LumbarCore

/// The wall clock, behind one door so tests can replace it.
public struct WallClock: Sendable {
    public let now: @Sendable () -> Instant

    public init(now: @escaping @Sendable () -> Instant) { self.now = now }

    public static let system = WallClock { Instant(milliseconds: nowMilliseconds()) }

    public static func nowMilliseconds() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }
}
