import Foundation

/// The time zones a location may be in, for the owner's list: Canada's and the United States' first, then every IANA
/// zone the system knows.
public enum ZoneList {
    /// Canada west to east, then the United States.
    public static let featured: [(id: String, label: String)] = [
        ("America/St_Johns", "Newfoundland (St. John's)"), ("America/Halifax", "Atlantic (Halifax)"),
        ("America/Moncton", "Atlantic (Moncton)"), ("America/Toronto", "Eastern (Toronto, Ottawa, Montréal)"),
        ("America/Winnipeg", "Central (Winnipeg)"), ("America/Regina", "Saskatchewan (Regina)"),
        ("America/Edmonton", "Mountain (Edmonton, Calgary)"), ("America/Vancouver", "Pacific (Vancouver)"),
        ("America/Whitehorse", "Yukon (Whitehorse)"), ("America/New_York", "US Eastern (New York)"),
        ("America/Chicago", "US Central (Chicago)"), ("America/Denver", "US Mountain (Denver)"),
        ("America/Phoenix", "US Arizona (Phoenix)"), ("America/Los_Angeles", "US Pacific (Los Angeles)"),
        ("America/Anchorage", "Alaska (Anchorage)"), ("Pacific/Honolulu", "Hawaii (Honolulu)"),
    ]

    /// Every zone identifier the system's database knows, sorted, without the featured ones.
    public static let others: [String] = {
        let featuredIds = Set(featured.map(\.id))
        return TimeZone.knownTimeZoneIdentifiers.filter { !featuredIds.contains($0) }.sorted()
    }()

    /// Whether `identifier` is a zone the owner may choose.
    public static func isKnown(_ identifier: String) -> Bool {
        !identifier.isEmpty && (featured.contains { $0.id == identifier } || others.contains(identifier)) && FoundationZone(identifier: identifier) != nil
    }
}
