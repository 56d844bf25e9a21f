import PropertyBased
@testable import LumbarWeb
import Testing

/// Narrow calendar columns are headed by the shortest name that still tells the therapists apart.
@Suite struct CalendarShortNamesTests {
    @Test func firstNamesUnlessShared() {
        #expect(CalendarGridHTML.shortNames(["Tara Therapist", "Theo Therapist"]) == ["Tara", "Theo"])
        #expect(CalendarGridHTML.shortNames(["Sam Kim", "Sam Lee", "Ana Ruiz"]) == ["Sam K.", "Sam L.", "Ana"])
        #expect(CalendarGridHTML.shortNames(["Demo Therapist 1", "Demo Therapist 10"]) == ["Demo 1", "Demo 10"])
        #expect(CalendarGridHTML.shortNames(["Sam Lee", "Sam Lang", "Cher"]) == ["Sam Lee", "Sam Lang", "Cher"], "the same initial: the whole name")
    }

    /// Any list of different names: as many short names, all different, each a beginning of its own name's words.
    @Test func distinctNamesStayDistinct() async {
        let word = Gen.element(of: ["Sam", "Tara", "Theo", "Lee", "Lang", "Kim", "1", "10", "Ana"]).map { $0! }
        let name = word.array(of: 1...3).map { $0.joined(separator: " ") }
        await propertyCheck(count: 300, input: name.array(of: 1...8)) { drawn in
            var seen = Set<String>()
            let names = drawn.filter { seen.insert($0).inserted }
            let short = CalendarGridHTML.shortNames(names)
            #expect(short.count == names.count)
            #expect(Set(short).count == names.count, "\(names) → \(short)")
            for (full, shown) in zip(names, short) { #expect(full.hasPrefix(String(shown.split(separator: " ").first ?? ""))) }
        }
    }
}
