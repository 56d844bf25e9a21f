/// A therapist's week at one location as the owner fills it in: for each weekday up to two shifts and one break.
/// Reading the grid back from a form and the rules of a week (shifts apart, breaks inside a shift) live here, so the
/// page and the API refuse the same weeks with the same words.
public enum WeekGrid {
    public static let shiftsPerDay = 2
    public static let breaksPerDay = 1
    public static let dayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    public static let shortNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// `d0s1start`, `d0s1end`: Monday's first shift; shifts count from 1.
    public static func shiftField(day: Int, shift: Int, end: Bool) -> String { "d\(day)s\(shift)" + (end ? "end" : "start") }

    /// `d0bstart`, `d0bend`: Monday's break (the n-th break, from 1, when more than one is given through the API).
    public static func breakField(day: Int, index: Int = 1, end: Bool) -> String {
        "d\(day)b" + (index == 1 ? "" : "\(index)") + (end ? "end" : "start")
    }

    /// The week a form shows, or what is wrong beside each field. Empty start and end is a closed shift.
    public static func parse(_ value: (String) -> String) -> (hours: WeeklyHours?, problems: [FieldProblem]) {
        var problems: [FieldProblem] = []
        var days: [[Labelled]] = Array(repeating: [], count: 7), breaks: [[Labelled]] = Array(repeating: [], count: 7)
        func span(_ startField: String, _ endField: String, what: String) -> Span? {
            let startText = value(startField).trimmed, endText = value(endField).trimmed
            if startText.isEmpty && endText.isEmpty { return nil }
            if startText.isEmpty { problems.append(FieldProblem(startField, "Enter when the \(what) starts, or clear its end.")); return nil }
            if endText.isEmpty { problems.append(FieldProblem(endField, "Enter when the \(what) ends, or clear its start.")); return nil }
            guard let start = WallTime(startText) else { problems.append(FieldProblem(startField, "Enter a time like 09:00.")); return nil }
            guard let end = WallTime(endText) else { problems.append(FieldProblem(endField, "Enter a time like 17:00.")); return nil }
            guard let span = Span(start: start, end: end) else {
                problems.append(FieldProblem(endField, "The \(what) ends before it starts. Enter an end after \(start)."))
                return nil
            }
            return span
        }
        for day in 0..<7 {
            for shift in 1...shiftsPerDay {
                if let found = span(shiftField(day: day, shift: shift, end: false), shiftField(day: day, shift: shift, end: true), what: "shift") {
                    days[day].append(Labelled(index: shift, span: found))
                }
            }
            if let found = span(breakField(day: day, end: false), breakField(day: day, end: true), what: "break") {
                breaks[day].append(Labelled(index: 1, span: found))
            }
        }
        problems += check(days: days, breaks: breaks)
        guard problems.isEmpty else { return (nil, problems) }
        return (WeeklyHours(days: days.map { $0.map(\.span).sorted { $0.start < $1.start } },
                            breaks: breaks.map { $0.map(\.span).sorted { $0.start < $1.start } }), [])
    }

    /// What is wrong with a week however it was entered; fields name the weekday and the shift or break by position.
    public static func problems(_ hours: WeeklyHours) -> [FieldProblem] {
        func labelled(_ spans: [Span]) -> [Labelled] {
            spans.sorted { $0.start < $1.start }.enumerated().map { Labelled(index: $0.offset + 1, span: $0.element) }
        }
        return check(days: hours.days.map(labelled), breaks: hours.breaks.map(labelled))
    }

    /// The form values that show `hours`: every field of the grid, empty where the day is closed.
    public static func values(_ hours: WeeklyHours) -> [String: String] {
        var values: [String: String] = [:]
        for day in 0..<7 {
            let shifts = hours.days[day].sorted { $0.start < $1.start }
            for shift in 1...shiftsPerDay {
                let span = shift <= shifts.count ? shifts[shift - 1] : nil
                values[shiftField(day: day, shift: shift, end: false)] = span.map { "\($0.start)" } ?? ""
                values[shiftField(day: day, shift: shift, end: true)] = span.map { "\($0.end)" } ?? ""
            }
            let lunch = hours.breaks[day].min { $0.start < $1.start }
            values[breakField(day: day, end: false)] = lunch.map { "\($0.start)" } ?? ""
            values[breakField(day: day, end: true)] = lunch.map { "\($0.end)" } ?? ""
        }
        return values
    }

    /// One line per run of days with the same hours, "Mon–Fri 09:00–17:00 (break 12:00–12:30)"; nothing for a closed week.
    public static func summary(_ hours: WeeklyHours) -> [String] {
        let days = (0..<7).map { day -> String? in
            let shifts = hours.days[day].sorted { $0.start < $1.start }
            guard !shifts.isEmpty else { return nil }
            let breaks = hours.breaks[day].sorted { $0.start < $1.start }.map { "\($0.start)–\($0.end)" }
            return shifts.map { "\($0.start)–\($0.end)" }.joined(separator: " and ") + (breaks.isEmpty ? "" : " (break " + breaks.joined(separator: ", ") + ")")
        }
        var lines: [String] = []
        var day = 0
        while day < 7 {
            guard let text = days[day] else { day += 1; continue }
            var last = day
            while last + 1 < 7, days[last + 1] == text { last += 1 }
            lines.append((last == day ? shortNames[day] : shortNames[day] + "–" + shortNames[last]) + " " + text)
            day = last + 1
        }
        return lines
    }

    public typealias Span = WeeklyHours.Span

    struct Labelled { let index: Int; let span: Span }

    static func check(days: [[Labelled]], breaks: [[Labelled]]) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        for day in 0..<7 {
            let shifts = days[day].sorted { $0.span.start < $1.span.start }
            for extra in shifts.dropFirst(shiftsPerDay) {
                problems.append(FieldProblem(shiftField(day: day, shift: extra.index, end: false), "A day has at most \(shiftsPerDay) shifts."))
            }
            for (earlier, later) in zip(shifts, shifts.dropFirst()) where later.span.start < earlier.span.end {
                problems.append(FieldProblem(shiftField(day: day, shift: later.index, end: false),
                                             "The shifts overlap. Start this one at \(earlier.span.end) or later."))
            }
            let cuts = breaks[day].sorted { $0.span.start < $1.span.start }
            for extra in cuts.dropFirst(breaksPerDay) {
                problems.append(FieldProblem(breakField(day: day, index: extra.index, end: false), "A day has at most \(breaksPerDay) break."))
            }
            for cut in cuts.prefix(breaksPerDay) {
                let field = breakField(day: day, index: cut.index, end: false)
                if shifts.isEmpty {
                    problems.append(FieldProblem(field, "\(dayNames[day]) has no hours. Enter its hours, or clear the break."))
                } else if !shifts.contains(where: { $0.span.start < cut.span.start && cut.span.end < $0.span.end }) {
                    let within = shifts.map { "\($0.span.start)–\($0.span.end)" }.joined(separator: " or ")
                    problems.append(FieldProblem(field, "The break must fall inside the day's hours (\(within))."))
                }
            }
        }
        return problems
    }
}
