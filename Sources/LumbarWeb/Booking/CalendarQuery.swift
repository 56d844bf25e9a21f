import Foundation
import LumbarCore

/// What the calendar's address asks for: the day, day or week, the location, whose columns, rooms, cancellations.
struct CalendarQuery: Sendable, Equatable {
    var date: LocalDate
    var week: Bool
    var locationId: String
    /// One therapist's id, "all" for everyone, or "" for the default (yourself if you are a therapist, else everyone).
    var therapist: String
    var byRoom: Bool
    var showCancelled: Bool

    init(_ form: FormData, today: LocalDate, locationId: String) {
        date = LocalDate(iso: form["date"]) ?? today
        week = form["view"] == "week"
        self.locationId = locationId
        therapist = form["therapist"]
        byRoom = form["by"] == "room"
        showCancelled = form["cancelled"] == "shown"
    }

    /// The days shown: the one day, or Monday to Sunday of its week.
    var days: [LocalDate] {
        guard week else { return [date] }
        let monday = date.adding(days: -date.weekdayIndex)
        return (0..<7).map { monday.adding(days: $0) }
    }

    /// This calendar's address with some of it changed.
    func link(date: LocalDate? = nil, week: Bool? = nil, therapist: String? = nil, byRoom: Bool? = nil, showCancelled: Bool? = nil,
              locationId: String? = nil) -> String {
        var parts = ["date=\((date ?? self.date).description)", "location=\(Self.encoded(locationId ?? self.locationId))"]
        if week ?? self.week { parts.append("view=week") }
        let who = therapist ?? self.therapist
        if !who.isEmpty { parts.append("therapist=\(Self.encoded(who))") }
        if byRoom ?? self.byRoom { parts.append("by=room") }
        if showCancelled ?? self.showCancelled { parts.append("cancelled=shown") }
        return "/calendar?" + parts.joined(separator: "&")
    }

    /// The booking page for a free time, up to its date (`<prefix><date>&time=<time>`): a column's many free times share
    /// it, and encoding the ids is most of a link's cost.
    static func bookingPrefix(therapistId: String, locationId: String) -> String {
        "/calendar/new?therapist=\(encoded(therapistId))&location=\(encoded(locationId))&date="
    }

    static func encoded(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// What a query value keeps as it is (RFC 3986's unreserved characters).
    static let unreserved = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
}
