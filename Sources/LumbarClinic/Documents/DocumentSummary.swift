import LumbarCore

/// What the chart shows of a client's documents: how many, and the newest one still in use.
public struct DocumentSummary: Sendable, Equatable {
    /// Every document, withdrawn ones too.
    public let count: Int
    /// The newest document that is not withdrawn, without its content.
    public let latest: ClientDocument?

    public init(count: Int, latest: ClientDocument?) {
        self.count = count
        self.latest = latest
    }
}
