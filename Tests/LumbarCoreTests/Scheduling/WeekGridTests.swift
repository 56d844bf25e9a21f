import LumbarCore
import PropertyBased
import Testing
import TestSupport

/// The owner's week grid: any week it can show reads back the same, the rules refuse overlapping shifts and stray
/// breaks beside the field at fault, and the open time it leaves never overlaps.
@Suite struct WeekGridTests {
    static func form(_ values: [String: String]) -> (String) -> String { { values[$0] ?? "" } }

    @Test func mixedWeekdayAndSaturdayHoursAreOneWeek() throws {
        var values: [String: String] = [:]
        for day in 0..<5 {
            values["d\(day)s1start"] = "09:00"; values["d\(day)s1end"] = "17:00"
            values["d\(day)bstart"] = "12:00"; values["d\(day)bend"] = "12:30"
        }
        values["d5s1start"] = "10:00"; values["d5s1end"] = "14:00"
        let (week, problems) = WeekGrid.parse(Self.form(values))
        #expect(problems == [])
        let hours = try #require(week)
        #expect(hours.days[0].map { "\($0.start)-\($0.end)" } == ["09:00-17:00"])
        #expect(hours.days[5].map { "\($0.start)-\($0.end)" } == ["10:00-14:00"], "Saturday is kept beside the weekdays")
        #expect(hours.days[6].isEmpty && hours.breaks[5].isEmpty)
        #expect(WeekGrid.summary(hours) == ["Mon–Fri 09:00–17:00 (break 12:00–12:30)", "Sat 10:00–14:00"])
        #expect(hours.open(on: 0).map { "\($0.start)-\($0.end)" } == ["09:00-12:00", "12:30-17:00"])
    }

    @Test func aSplitDayHasTwoShifts() throws {
        let (week, problems) = WeekGrid.parse(Self.form(["d2s1start": "16:00", "d2s1end": "20:00", "d2s2start": "08:00", "d2s2end": "12:00"]))
        #expect(problems == [])
        #expect(try #require(week).days[2].map { "\($0.start)-\($0.end)" } == ["08:00-12:00", "16:00-20:00"], "in order, whichever was typed first")
    }

    @Test func problemsStandBesideTheFieldAtFault() {
        func problems(_ values: [String: String]) -> [String] { WeekGrid.parse(Self.form(values)).problems.map(\.field) }
        #expect(problems(["d0s1start": "09:00"]) == ["d0s1end"], "a start without an end")
        #expect(problems(["d0s1end": "17:00"]) == ["d0s1start"])
        #expect(problems(["d1s1start": "9am", "d1s1end": "17:00"]) == ["d1s1start"])
        #expect(problems(["d1s1start": "17:00", "d1s1end": "09:00"]) == ["d1s1end"], "ends before it starts")
        #expect(problems(["d3s1start": "09:00", "d3s1end": "13:00", "d3s2start": "12:00", "d3s2end": "17:00"]) == ["d3s2start"], "overlap")
        #expect(problems(["d3s1start": "12:00", "d3s1end": "17:00", "d3s2start": "09:00", "d3s2end": "13:00"]) == ["d3s1start"],
                "the later shift is the one to move, as typed")
        #expect(problems(["d4bstart": "12:00", "d4bend": "12:30"]) == ["d4bstart"], "a break on a closed day")
        #expect(problems(["d4s1start": "09:00", "d4s1end": "12:00", "d4bstart": "12:00", "d4bend": "12:30"]) == ["d4bstart"], "a break outside the hours")
        #expect(problems(["d6s1start": "09:00", "d6s1end": "09:00"]) == ["d6s1end"], "an empty shift")
        #expect(WeekGrid.parse(Self.form(["d0s1start": "09:00"])).hours == nil, "nothing to save while a problem stands")
    }

    @Test func weeksFromTheAPIFollowTheSameRules() {
        let nine = WallTime(hour: 9)!, noon = WallTime(hour: 12)!, one = WallTime(hour: 13)!, five = WallTime(hour: 17)!
        var week = WeeklyHours()
        week.days[0] = [WeeklyHours.Span(start: nine, end: one)!, WeeklyHours.Span(start: noon, end: five)!, WeeklyHours.Span(start: five, end: WallTime(hour: 20)!)!]
        week.breaks[1] = [WeeklyHours.Span(start: noon, end: one)!]
        #expect(WeekGrid.problems(week).map(\.field) == ["d0s3start", "d0s2start", "d1bstart"])
    }

    @Test func anyWeekTheGridShowsReadsBackTheSame() async {
        await propertyCheck(count: 500, input: Gen.int(in: 0...Int.max)) { seed in
            let week = WeekSamples.week(UInt64(seed))
            #expect(WeekGrid.problems(week) == [])
            let (read, problems) = WeekGrid.parse(Self.form(WeekGrid.values(week)))
            #expect(problems == [])
            #expect(read == week)
        }
    }

    @Test func theOpenTimeOfAnySavedWeekNeverOverlaps() async {
        await propertyCheck(count: 500, input: Gen.int(in: 0...Int.max)) { seed in
            let week = WeekSamples.week(UInt64(seed))
            for day in 0..<7 {
                let open = week.open(on: day)
                for (a, b) in zip(open, open.dropFirst()) { #expect(a.end <= b.start) }
                for cut in week.breaks[day] { #expect(!open.contains { $0.start < cut.end && cut.start < $0.end }, "breaks are never open") }
            }
        }
    }

    @Test func overlappingShiftsAreAlwaysRefused() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...270), Gen.int(in: 2...17), Gen.int(in: 1...100)) { start, length, into in
            let a = start * 5, b = a + length * 5, c = a + (into % (length - 1) + 1) * 5
            func time(_ minutes: Int) -> String { "\(WallTime(minutes: min(minutes, 1440))!)" }
            let values = ["d0s1start": time(a), "d0s1end": time(b), "d0s2start": time(c), "d0s2end": time(b + 30)]
            #expect(WeekGrid.parse(Self.form(values)).problems.map(\.field) == ["d0s2start"])
        }
    }
}
