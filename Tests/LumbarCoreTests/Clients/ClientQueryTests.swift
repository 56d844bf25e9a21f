import LumbarCore
import PropertyBased
import Testing

/// How typed text is read as a client search, and which clients it finds.
@Suite struct ClientQueryTests {
    static let lastNames = ["Smith", "Gaétan", "Ødegård", "O'Brien", "Müller-Lüdenscheidt", "van der Berg", "Łukasiewicz", "Çelik",
                            "MacDonald", "Straße", "Nørgaard", "Żółć", "Lee", "Núñez"]
    static let firstNames = ["Ada", "José", "Zoë", "Anne-Marie", "Björn", "Siân", "François"]
    static let separators = ["", " ", "-", ".", "(", ")", " - "]

    @Test func foldsCaseAndAccents() {
        #expect(ClientSearch.fold("Gaétan ÉLISE Straße Ødegård Łukasz") == "gaetan elise strasse odegard lukasz")
        #expect(ClientSearch.fold("Zoe\u{0308}") == "zoe", "a combining mark typed separately is dropped too")
        #expect(ClientSearch.words("O'Brien-Smith, van der Berg") == ["obrien", "smith", "van", "der", "berg"])
        #expect(ClientSearch.words("王 小明") == ["王", "小明"], "other scripts are kept, not dropped")
    }

    @Test func readsEachKindOfQuery() {
        let name = ClientQuery("  John SMI ")
        #expect(name.names == ["john", "smi"] && name.email == nil && name.phone == nil && name.birth == nil)
        #expect(name.searches.map(\.prefix) == ["john", "john"], "the longest word leads; the others are checked")
        #expect(name.searches.map(\.alsoNamed) == [["smi"], ["smi"]])
        #expect(ClientQuery("ada@ex").email == "ada@ex")
        #expect(ClientQuery("(416) 555-01").phone == "41655501")
        #expect(ClientQuery("41").phone == nil, "a phone needs three digits")
        #expect(ClientQuery("1984-03-07").birth == "1984-03-07")
        #expect(ClientQuery("1984-3-7").birth == "1984-03-07")
        #expect(ClientQuery("1984-03").birth == "1984-03")
        #expect(ClientQuery("1984-1").birth == "1984-1", "a month still being typed")
        #expect(ClientQuery("1984").birth == "1984")
        #expect(ClientQuery("4165").birth == nil)
        #expect(ClientQuery("7 Mar 1984").birth == "1984-03-07")
        #expect(ClientQuery("March 7, 1984").birth == "1984-03-07")
        #expect(ClientQuery("31 Feb 1984").birth == nil)
        #expect(ClientQuery("7 Mar 1984").names.isEmpty)
        #expect(ClientQuery("   ").isEmpty && ClientQuery("--").isEmpty)
    }

    @Test func anyClientIsFoundByAnyPrefixOfTheirLastName() async {
        await propertyCheck(input: Gen.element(of: Self.lastNames).map { $0! }, Gen.int(in: 1...12), Gen.int(in: 0...2)) { last, length, casing in
            let client = Client(id: "c", firstName: "Pat", lastName: last)
            let word = ClientSearch.words(last)[0]
            let plain = String(word.prefix(length))
            // Typed as stored, in capitals, or with the accents of the name itself.
            let typed = casing == 0 ? plain : casing == 1 ? plain.uppercased() : String(last.prefix(length))
            guard !ClientQuery(typed).isEmpty, ClientSearch.words(typed).first.map({ word.hasPrefix($0) }) ?? false else { return }
            let found = ClientQuery(typed).rank([client], limit: 10)
            #expect(found.map(\.client.id) == ["c"], "\(last) by \(typed)")
            #expect(found.first?.matchedBy == .lastName)
        }
    }

    @Test func anyClientIsFoundByTheirPhoneTypedWithAnyPunctuation() async {
        await propertyCheck(input: Gen.int(in: 200...999), Gen.int(in: 200...999), Gen.int(in: 0...9999),
                            Gen.element(of: Self.separators).map { $0! }, Gen.int(in: 0...2), Gen.int(in: 3...10)) { area, exchange, line, separator, form, length in
            let stored = PhoneNumber.normalised("\(area)-\(exchange)-\(fourDigits(line))")
            let client = Client(id: "c", firstName: "Pat", lastName: "Lee", phone: stored)
            let digits = "\(area)\(exchange)\(fourDigits(line))"
            let typedDigits = String(digits.prefix(length))
            var typed = ""
            for (index, digit) in typedDigits.enumerated() { typed += (index == 3 || index == 6 ? separator : "") + String(digit) }
            if form == 1 { typed = "+1 " + typed } else if form == 2 && length == 10 { typed = String(exchange) + separator + fourDigits(line) }
            let found = ClientQuery(typed).rank([client], limit: 10)
            #expect(found.map(\.client.id) == ["c"], "\(stored) by \(typed)")
        }
    }

    @Test func neverFoundByTextThatBeginsNoneOfTheirWords() async {
        let letters = Gen.lowercaseLetter.array(of: 1...4).map { String($0) }
        await propertyCheck(input: Gen.element(of: Self.lastNames).map { $0! }, Gen.element(of: Self.firstNames).map { $0! }, letters) { last, first, typed in
            let client = Client(id: "c", firstName: first, lastName: last, email: "pat@example.com", phone: "+14165550100")
            let words = ClientSearch.words(last) + ClientSearch.words(first) + [ClientSearch.words(last).joined()]
            let begins = words.contains { $0.hasPrefix(typed) } || "pat@example.com".hasPrefix(typed)
            #expect(ClientQuery(typed).matches(client) == begins, "\(first) \(last) by \(typed)")
        }
    }

    @Test func ranksAnExactLastNameFirstThenLongerOnesThenFirstNames() {
        let clients = [
            Client(id: "1", firstName: "Smith", lastName: "Jones"),
            Client(id: "2", firstName: "Ann", lastName: "Smithers"),
            Client(id: "3", firstName: "Bea", lastName: "Smith"),
            Client(id: "4", firstName: "Al", lastName: "Smith"),
            Client(id: "5", firstName: "Cy", lastName: "Brown", email: "smith.c@example.com"),
        ]
        #expect(ClientQuery("smith").rank(clients, limit: 10).map(\.client.id) == ["4", "3", "2", "1", "5"])
        #expect(ClientQuery("smith").rank(clients, limit: 2).map(\.client.id) == ["4", "3"])
        #expect(ClientQuery("bea smi").rank(clients, limit: 10).map(\.client.id) == ["3"])
        #expect(ClientQuery("smith bea").rank(clients, limit: 10).map(\.client.id) == ["3"], "words in any order")
    }
}

/// `value` as four digits, zeros in front.
private func fourDigits(_ value: Int) -> String {
    let digits = "\(value)"
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
