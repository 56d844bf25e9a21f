/// Something clients book: a treatment of a set length and price, with turnover time after it.
public struct BookableService: Sendable, Equatable, Identifiable {
    /// Who may book it: an initial assessment is for new clients, follow-ups for returning ones.
    public enum Audience: String, Sendable, CaseIterable { case new, returning, any }

    public var id: String
    public var name: String
    public var minutes: Int
    public var bufferMinutes: Int
    public var priceCents: Int
    /// Tax in hundredths of a percent: 1300 is 13% HST.
    public var taxBasisPoints: Int
    public var bookableOnline: Bool
    public var audience: Audience
    /// Retired: no longer offered for booking, kept for the appointments and receipts that name it.
    public var retired: Bool

    public init(id: String, name: String, minutes: Int, bufferMinutes: Int, priceCents: Int, taxBasisPoints: Int,
                bookableOnline: Bool, audience: Audience, retired: Bool = false) {
        self.retired = retired
        self.id = id
        self.name = name
        self.minutes = minutes
        self.bufferMinutes = bufferMinutes
        self.priceCents = priceCents
        self.taxBasisPoints = taxBasisPoints
        self.bookableOnline = bookableOnline
        self.audience = audience
    }

    public var length: AvailabilityRequest.ServiceLength { .init(minutes: minutes, bufferMinutes: bufferMinutes) }

    /// The name of another service still offered, case and spacing aside: clients could not tell the two apart.
    public func nameClash(among others: [BookableService]) -> FieldProblem? {
        let key = name.trimmed.lowercased()
        guard !key.isEmpty, let other = others.first(where: { $0.id != id && $0.name.trimmed.lowercased() == key }) else { return nil }
        return .init("name", "You already offer “\(other.name)”. Change that one, or give this one a name clients can tell apart.")
    }

    public func problems() -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if name.trimmed.isEmpty { problems.append(.init("name", "Name the service, e.g. \"Initial assessment, 60 minutes\".")) }
        if let tooLong = FieldLimit.name.problem("name", name) { problems.append(tooLong) }
        if !(5...480).contains(minutes) { problems.append(.init("minutes", "A service lasts 5 to 480 minutes.")) }
        if !(0...120).contains(bufferMinutes) { problems.append(.init("bufferMinutes", "Turnover time is 0 to 120 minutes.")) }
        if priceCents < 0 || priceCents > 10_000_00 { problems.append(.init("price", "Enter a price such as 120.00.")) }
        if !(0...10_000).contains(taxBasisPoints) { problems.append(.init("taxPercent", "Enter the tax rate as a percentage, e.g. 13.")) }
        return problems
    }
}
