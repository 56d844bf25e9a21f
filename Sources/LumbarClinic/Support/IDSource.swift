import LumbarCore

/// New record ids, behind one door so a test can make them predictable.
public struct IDSource: Sendable {
    public let next: @Sendable () -> String

    public init(next: @escaping @Sendable () -> String) { self.next = next }

    /// Random UUIDs: what the clinic's rows use.
    public static let random = IDSource { RandomUUID.make() }
}
