/// One appointment as an iCalendar (RFC 5545) event: for email attachments and therapists' feeds.
/// Carries no clinical details: a title, a place, the times, and on invitations who sends and who is invited.
public struct CalendarEvent: Sendable, Equatable {
    /// Someone named on an invitation (RFC 5546): the clinic organizes, the client attends.
    public struct Party: Sendable, Equatable {
        public var name: String
        public var email: String

        public init(name: String, email: String) {
            self.name = name
            self.email = email
        }
    }

    public var uid: String
    public var title: String
    public var location: String
    public var start: Instant
    public var end: Instant
    public var stamp: Instant
    /// The appointment's revision: 0 when booked, one more with each change the client is sent.
    public var sequence: Int
    public var cancelled: Bool
    public var organizer: Party?
    public var attendee: Party?

    public init(uid: String, title: String, location: String, start: Instant, end: Instant, stamp: Instant, sequence: Int = 0, cancelled: Bool = false,
                organizer: Party? = nil, attendee: Party? = nil) {
        self.uid = uid
        self.title = title
        self.location = location
        self.start = start
        self.end = end
        self.stamp = stamp
        self.sequence = sequence
        self.cancelled = cancelled
        self.organizer = organizer
        self.attendee = attendee
    }

    /// A whole calendar: one event for an email (`method` REQUEST or CANCEL), many for a feed (`method` nil).
    public static func calendar(_ events: [CalendarEvent], name: String? = nil, method: String? = nil) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Lumbar//Clinic//EN", "CALSCALE:GREGORIAN"]
        if let method { lines.append("METHOD:\(method)") }
        if let name { lines.append("X-WR-CALNAME:\(escape(name))") }
        for event in events {
            lines += [
                "BEGIN:VEVENT", "UID:\(escape(event.uid))", "DTSTAMP:\(stamp(event.stamp))", "DTSTART:\(stamp(event.start))",
                "DTEND:\(stamp(event.end))", "SUMMARY:\(escape(event.title))", "LOCATION:\(escape(event.location))",
                "SEQUENCE:\(event.sequence)", "STATUS:\(event.cancelled ? "CANCELLED" : "CONFIRMED")",
            ]
            if let organizer = event.organizer { lines.append("ORGANIZER;CN=\(parameter(organizer.name)):mailto:\(organizer.email)") }
            // Replies are not read, so the client is not asked for one.
            if let attendee = event.attendee { lines.append("ATTENDEE;CN=\(parameter(attendee.name));ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:\(attendee.email)") }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// UTC form `20261124T150000Z`.
    static func stamp(_ instant: Instant) -> String {
        instant.iso8601.filter { $0 != "-" && $0 != ":" }
    }

    /// Text values escape backslash, semicolon, comma and newlines (RFC 5545 §3.3.11).
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            case "\r": continue
            default: out.append(character)
            }
        }
        return out
    }

    /// A parameter value (a name) in quotes, which may hold `;`, `:` and `,` but never a quote or a control character (RFC 5545 §3.2).
    static func parameter(_ text: String) -> String {
        "\"" + String(text.unicodeScalars.filter { $0 != "\"" && $0.properties.generalCategory != .control }) + "\""
    }

    /// Lines longer than 75 octets continue on the next line after a space, never splitting a character.
    static func fold(_ line: String) -> String {
        var result = ""
        var count = 0
        for character in line {
            let size = String(character).utf8.count
            if count + size > 75 {
                result += "\r\n "
                count = 1
            }
            result.append(character)
            count += size
        }
        return result
    }
}
