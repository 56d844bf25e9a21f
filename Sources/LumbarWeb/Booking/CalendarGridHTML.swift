import LumbarClinic
import LumbarCore
import LumbarZones

/// The calendar page's main part, written in Swift (as `ClientRecordHTML` is): the front desk's most used page, a
/// week of ten therapists being thousands of blocks. The grid is drawn by CSS (`calendar.css`: rows of five minutes,
/// `rN` the first row, `sN` how many); in the markup each column is a list in time order, so it reads as a list.
enum CalendarGridHTML {
    /// What the page shows around the grid.
    struct Frame {
        let query: CalendarQuery
        let today: LocalDate
        let locations: [Location]
        /// Whose columns the query chose: a therapist's id, or "all".
        let chosen: String
        let problem: String?
    }

    static let palette = 8

    static func main(_ calendar: CalendarService.Calendar?, _ frame: Frame) -> String {
        var w = HTMLWriter(capacity: 262_144)
        let query = frame.query
        w.raw("<link rel=\"stylesheet\" href=\"/static/calendar.css\">\n<div class=\"cal-top\">\n<h1>Calendar <span class=\"cal-when\">")
        if query.week {
            let days = query.days
            w.text("\(SpokenTime.shortDay(days[0])) to \(SpokenTime.shortDay(days[6])) \(days[6].year)")
        } else {
            w.text(query.date.spoken)
        }
        w.raw("</span></h1>\n")
        toolbar(&w, calendar, frame)
        w.raw("</div>\n")
        if let problem = frame.problem { w.raw("<p class=\"error\" role=\"alert\">"); w.text(problem); w.raw("</p>\n") }
        guard let calendar else {
            w.raw("<p>Add a location and hours under Booking set-up first.</p>\n")
            return w.html
        }
        if calendar.columns.isEmpty {
            w.raw("<p class=\"cal-empty\">")
            w.text(calendar.byRoom ? "This location has no rooms." : "Nobody works here on \(query.week ? "these days" : "this day") and nothing is booked.")
            w.raw("</p>\n")
        }
        key(&w, calendar)
        grid(&w, calendar, frame)
        return w.html
    }

    // MARK: Around the grid

    static func toolbar(_ w: inout HTMLWriter, _ calendar: CalendarService.Calendar?, _ frame: Frame) {
        let query = frame.query
        let step = query.week ? 7 : 1
        let unit = query.week ? "week" : "day"
        w.raw("<nav class=\"cal-bar\" aria-label=\"Dates and views\">\n<span class=\"cal-group\">")
        link(&w, query.link(date: query.date.adding(days: -step)), "← Previous \(unit)")
        link(&w, query.link(date: frame.today), "Today", current: query.days.contains(frame.today))
        link(&w, query.link(date: query.date.adding(days: step)), "Next \(unit) →")
        w.raw("</span>\n<span class=\"cal-group\">")
        link(&w, query.link(week: false), "Day", current: !query.week)
        link(&w, query.link(week: true), "Week", current: query.week)
        if let calendar, !calendar.location.rooms.isEmpty, !query.week {
            link(&w, query.link(byRoom: !query.byRoom), query.byRoom ? "By therapist" : "By room")
        }
        link(&w, query.link(showCancelled: !query.showCancelled), query.showCancelled ? "Hide cancelled" : "Show cancelled")
        w.raw("</span>\n")
        if frame.locations.count > 1 {
            w.raw("<span class=\"cal-group\">")
            for location in frame.locations {
                link(&w, query.link(locationId: location.id), location.name, current: location.id == query.locationId)
            }
            w.raw("</span>\n")
        }
        if calendar != nil {
            w.raw("<span class=\"cal-group\"><a class=\"button\" href=\"/calendar/new?location=")
            w.text(CalendarQuery.encoded(query.locationId)); w.raw("&amp;date="); w.text(query.date.description)
            w.raw("\">Book</a> <a href=\"/calendar/past?location="); w.text(CalendarQuery.encoded(query.locationId))
            w.raw("&amp;pastDate="); w.text(min(query.date, frame.today).description)
            w.raw("\">Record a past visit</a></span>\n")
        }
        w.raw("</nav>\n")
        guard let calendar, !calendar.byRoom, calendar.therapists.count > 1 else { return }
        w.raw("<nav class=\"cal-bar cal-who\" aria-label=\"Therapists\">")
        link(&w, query.link(therapist: "all"), "Everyone", current: frame.chosen == "all")
        for therapist in calendar.therapists {
            link(&w, query.link(therapist: therapist.id), therapist.name, current: frame.chosen == therapist.id)
        }
        w.raw("</nav>\n")
    }

    static func link(_ w: inout HTMLWriter, _ href: String, _ label: String, current: Bool = false) {
        w.raw("<a href=\""); w.text(href); w.raw("\"")
        if current { w.raw(" aria-current=\"page\"") }
        w.raw(">"); w.text(label); w.raw("</a>")
    }

    /// The services' colours, and what the marks on a block mean.
    static func key(_ w: inout HTMLWriter, _ calendar: CalendarService.Calendar) {
        let used = Set(calendar.appointments.map(\.serviceId))
        let services = calendar.services.enumerated().filter { used.contains($0.element.id) }
        guard !services.isEmpty else { return }
        w.raw("<ul class=\"cal-key\" aria-label=\"Colours\">")
        for (index, service) in services {
            w.raw("<li class=\"svc\(index % palette)\">"); w.text(service.name); w.raw("</li>")
        }
        w.raw("<li class=\"cal-key-free\">Free: choose a time to book</li><li class=\"cal-key-break\">Break or time off</li></ul>\n")
    }

    // MARK: The grid

    static func grid(_ w: inout HTMLWriter, _ calendar: CalendarService.Calendar, _ frame: Frame) {
        let grid = calendar.grid
        guard !calendar.columns.isEmpty, let tallest = grid.days.max(by: { $0.rows < $1.rows }) else { return }
        let colours = Dictionary(calendar.services.enumerated().map { ($1.id, $0 % palette) }, uniquingKeysWith: { a, _ in a })
        let rooms = Dictionary(calendar.location.rooms.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let names = Dictionary(calendar.therapists.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let serviceNames = Dictionary(calendar.services.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let lanes = calendar.columns.count
        let week = frame.query.week
        w.raw("<div class=\"cal \(week ? "cal-week" : "cal-day")\(lanes > 1 && week ? " cal-many" : "")\(lanes == 1 && !week ? " cal-single" : "")\">\n")
        // The hours, for the eye; each entry says its own time to a screen reader.
        w.raw("<div class=\"cal-axis\" aria-hidden=\"true\"><div class=\"cal-head\"></div><ol class=\"cal-rows\">")
        for mark in tallest.hours {
            w.raw("<li class=\"r\(mark.row) s12\">"); w.text(SpokenTime.hour(mark.time)); w.raw("</li>")
        }
        w.raw("</ol></div>\n")
        let context = Context(calendar: calendar, colours: colours, rooms: rooms, therapistNames: names, serviceNames: serviceNames,
                              showRoom: !calendar.byRoom && !calendar.location.rooms.isEmpty,
                              bookingPrefixes: calendar.columns.map {
                                  HTMLEscaping().escapeText(CalendarQuery.bookingPrefix(therapistId: $0.id, locationId: calendar.location.id))
                              },
                              escapedNames: calendar.columns.map { HTMLEscaping().escapeText($0.name) })
        let shortNames = Self.shortNames(calendar.columns.map(\.name))
        for (dayIndex, day) in grid.days.enumerated() {
            let today = day.date == frame.today
            if week {
                let id = "d\(dayIndex)"
                w.raw("<section class=\"cal-col\(today ? " cal-today" : "")\" aria-labelledby=\"\(id)\"><h2 class=\"cal-head\" id=\"\(id)\">")
                w.raw("<a href=\""); w.text(frame.query.link(date: day.date, week: false)); w.raw("\">")
                w.text(SpokenTime.shortDay(day.date)); w.raw("</a>")
                if today { w.raw(" <span class=\"cal-tag\">Today</span>") }
                // Side by side, each lane is named as shortly as tells them apart, while they are wide enough to read.
                if lanes > 1 && lanes <= 5 {
                    w.raw("<span class=\"cal-lanenames\" aria-hidden=\"true\">")
                    for name in shortNames { w.raw("<span>"); w.text(name); w.raw("</span>") }
                    w.raw("</span>")
                }
                w.raw("</h2><div class=\"cal-lanes\">")
                for (index, column) in calendar.columns.enumerated() {
                    lane(&w, day, index, column, context, label: lanes > 1 ? column.name : nil, today: today)
                }
                w.raw("</div></section>\n")
            } else {
                for (index, column) in calendar.columns.enumerated() {
                    let id = "c\(index)"
                    // Many columns are narrow: the short name shows whole, the full one is there for a pointer and a screen reader.
                    w.raw("<section class=\"cal-col\" aria-labelledby=\"\(id)\"><h2 class=\"cal-head\" id=\"\(id)\"><span class=\"cal-name\" title=\"")
                    w.text(column.name); w.raw("\">")
                    if lanes > 6 {
                        w.raw("<span aria-hidden=\"true\">"); w.text(shortNames[index]); w.raw("</span><span class=\"vh\">"); w.text(column.name); w.raw("</span>")
                    } else {
                        w.text(column.name)
                    }
                    w.raw("</span>")
                    w.raw(" <span class=\"cal-hours\">")
                    w.text(calendar.byRoom ? "Room" : hoursText(calendar.hours[column.id], day.date))
                    w.raw("</span></h2><div class=\"cal-lanes\">")
                    lane(&w, day, index, column, context, label: nil, today: today)
                    w.raw("</div></section>\n")
                }
            }
        }
        w.raw("</div>\n")
    }

    /// Lookups the entries share.
    struct Context {
        let calendar: CalendarService.Calendar
        let colours: [String: Int]
        let rooms: [String: String]
        let therapistNames: [String: String]
        let serviceNames: [String: String]
        let showRoom: Bool
        /// Per column, written escaped: its booking links up to the date, and its name (free times repeat both hundreds of times).
        let bookingPrefixes: [String]
        let escapedNames: [String]
    }

    static func lane(_ w: inout HTMLWriter, _ day: CalendarGrid.Day, _ index: Int, _ column: CalendarService.Column, _ context: Context,
                     label: String?, today: Bool) {
        let clock = DayClock(date: day.date, zone: context.calendar.zone)
        w.raw("<ol class=\"cal-rows\"")
        if let label { w.raw(" aria-label=\""); w.text(label); w.raw("\"") }
        w.raw(">")
        // Dates and times need no escaping; the rest was escaped once for the column.
        let booking = context.bookingPrefixes[index], name = context.escapedNames[index]
        for entry in day.lanes[index] {
            let place = "r\(entry.row) s\(min(entry.span, 300))"
            switch entry.kind {
            case .appointment(let position):
                appointment(&w, context.calendar.appointments[position], place, context, clock: clock)
            case .free:
                let time = clock.time(entry.start)
                w.raw("<li class=\"cal-free \(place)\"><a href=\"")
                w.raw(booking); w.raw(day.date.description); w.raw("&amp;time="); w.raw(time.description)
                w.raw("\"><span class=\"vh\">Book </span>"); w.text(SpokenTime.clock(time))
                w.raw("<span class=\"vh\"> "); w.raw(time.minutes < 720 ? "a.m." : "p.m."); w.raw(" with "); w.raw(name)
                w.raw("</span></a></li>")
            case .breakTime, .timeOff:
                let name = entry.kind == .breakTime ? "Break" : "Time off"
                w.raw("<li class=\"\(entry.kind == .breakTime ? "cal-break" : "cal-off") \(place)\"><span>"); w.text(name)
                w.raw("<span class=\"vh\">, "); w.text(SpokenTime.range(clock.time(entry.start), clock.time(entry.end)))
                w.raw("</span></span></li>")
            case .closed:
                w.raw("<li class=\"cal-closed \(place)\" aria-hidden=\"true\"></li>")
            case .gap:
                w.raw("<li class=\"cal-gap \(place)\" aria-hidden=\"true\"></li>")
            }
        }
        if today, let now = day.nowRow { w.raw("<li class=\"cal-now r\(now)\" aria-hidden=\"true\"></li>") }
        w.raw("</ol>")
    }

    static func appointment(_ w: inout HTMLWriter, _ appointment: Appointment, _ place: String, _ context: Context, clock: DayClock) {
        let status = statusWords(appointment.status)
        let ghost = !appointment.status.holdsTime
        w.raw("<li class=\"cal-appt svc\(context.colours[appointment.serviceId] ?? 0) st-\(appointment.status.rawValue)\(ghost ? " cal-ghost" : "") \(place)\">")
        w.raw("<a href=\"/calendar/appointments/"); w.text(appointment.id); w.raw("\"><span class=\"cal-t\">")
        w.text(SpokenTime.range(clock.time(appointment.start), clock.time(appointment.end)))
        w.raw("</span> <strong>"); w.text(context.calendar.clientNames[appointment.clientId] ?? "Client"); w.raw("</strong>")
        // The status before the service: a short block clips its last line, and the service is also its colour.
        if appointment.status == .booked {
            w.raw("<span class=\"vh\">, booked</span>")
        } else {
            w.raw(" <span class=\"cal-st\">"); w.text(status); w.raw("</span>")
        }
        w.raw(" <span class=\"cal-s\">")
        w.text(context.serviceNames[appointment.serviceId] ?? "")
        if context.showRoom, let room = appointment.roomId.flatMap({ context.rooms[$0] }) { w.raw(", "); w.text(room) }
        if context.calendar.byRoom { w.raw(", "); w.text(context.therapistNames[appointment.therapistId] ?? "") }
        w.raw("</span></a></li>")
    }

    /// The status as the block says it, beside the colour (never by colour alone).
    static func statusWords(_ status: Appointment.Status) -> String {
        switch status {
        case .booked: "Booked"
        case .arrived: "✓ Arrived"
        case .completed: "✓ Done"
        case .noShow: "✗ No-show"
        case .cancelled: "Cancelled"
        case .lateCancelled: "Late cancel"
        }
    }

    /// "9:00 a.m. to 5:00 p.m." (split shifts joined with "and"), or "Not working".
    static func hoursText(_ hours: WeeklyHours?, _ date: LocalDate) -> String {
        let spans = hours?.days[date.weekdayIndex].sorted { $0.start < $1.start } ?? []
        if spans.isEmpty { return "Not working" }
        return spans.map { SpokenTime.range($0.start, $0.end) }.joined(separator: " and ")
    }

    /// Each name as shortly as tells it from the others: the first name ("Tara", "Theo"); with the last name's initial
    /// when first names are shared ("Sam K.", "Sam L."), or the last word whole when it is a number ("Demo 10"); the
    /// whole name when even that is shared.
    static func shortNames(_ names: [String]) -> [String] {
        func words(_ name: String) -> [Substring] { name.split(separator: " ") }
        func first(_ name: String) -> String { words(name).first.map(String.init) ?? name }
        func withLast(_ name: String) -> String {
            let all = words(name)
            guard all.count > 1, let last = all.last else { return name }
            return "\(all[0]) " + (last.allSatisfy(\.isNumber) ? String(last) : "\(last.prefix(1)).")
        }
        func unique(_ shorten: (String) -> String, _ names: [String]) -> [String: Bool] {
            let counts = Dictionary(names.map { (shorten($0), 1) }, uniquingKeysWith: +)
            return Dictionary(names.map { ($0, counts[shorten($0)] == 1) }, uniquingKeysWith: { a, b in a && b })
        }
        let byFirst = unique(first, names), byLast = unique(withLast, names)
        return names.map { byFirst[$0] == true ? first($0) : byLast[$0] == true ? withLast($0) : $0 }
    }
}
