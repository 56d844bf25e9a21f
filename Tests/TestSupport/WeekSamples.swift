import LumbarCore

/// Weeks of working hours the owner's grid can show, made from a seed: each day closed, one shift, two shifts, or a
/// shift with a break, on five-minute steps anywhere in the day.
public enum WeekSamples {
    public static func week(_ seed: UInt64) -> WeeklyHours {
        var state = seed
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(max(n, 1)))
        }
        func span(_ a: Int, _ b: Int) -> WeeklyHours.Span { WeeklyHours.Span(start: WallTime(minutes: a * 5)!, end: WallTime(minutes: b * 5)!)! }
        var week = WeeklyHours()
        for day in 0..<7 {
            switch next(5) {
            case 0: break
            case 1:
                let a = next(280), b = a + 1 + next(288 - a)
                week.days[day] = [span(a, b)]
            case 2:
                let a = next(200), b = a + 1 + next(40), c = b + next(20), d = c + 1 + next(288 - c)
                week.days[day] = [span(a, b), span(c, d)]
            default:
                let a = next(270), b = a + 3 + next(286 - a), x = a + 1 + next(b - a - 2), y = x + 1 + next(b - x - 1)
                week.days[day] = [span(a, b)]
                week.breaks[day] = [span(x, y)]
                if next(2) == 0, b < 287 { week.days[day].append(span(b + next(287 - b), 288)) }
            }
        }
        return week
    }
}
