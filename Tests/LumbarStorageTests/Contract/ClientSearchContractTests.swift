import LumbarClinic
import LumbarCore
import PropertyBased
import Testing
import TestSupport

/// What every `ClientRepository` search must do, on every store: find by name (any word, any order, accents and case
/// ignored), phone (any punctuation), email and date of birth; rank an exact last name first; respect the care team;
/// and agree exactly with `ClientQuery.rank`, the reference the in-memory store answers with.
@Suite struct ClientSearchContractTests {
    static let now = AppointmentContractTests.now

    static let people: [Client] = [
        Client(id: "c01", firstName: "Bea", lastName: "Smith", email: "bea@example.com", phone: "416-555-0100", dateOfBirth: LocalDate(iso: "1984-03-07")),
        Client(id: "c02", firstName: "Al", lastName: "Smith", email: "al.smith@example.com", phone: "647-555-0142"),
        Client(id: "c03", firstName: "Ann", lastName: "Smithers", email: "ann@example.com", phone: "+442079460958"),
        Client(id: "c04", firstName: "Smith", lastName: "Jones", email: "sj@example.com", dateOfBirth: LocalDate(iso: "1990-11-30")),
        Client(id: "c05", firstName: "Gaétan", lastName: "Ødegård", email: "g@example.com", phone: "905-555-0199"),
        Client(id: "c06", firstName: "Siobhán", lastName: "O'Brien-Müller", email: "siobhan@example.com"),
        Client(id: "c07", firstName: "Cy", lastName: "Brown", email: "smith.cy@example.com", dateOfBirth: LocalDate(iso: "1984-03-17")),
    ]

    static func run(_ store: ContractStore, _ body: (any ClientRepository) async throws -> Void) async throws {
        try await store.with(clock: TestClock(now)) { handle in
            let clients = handle.services.clients
            for (index, person) in people.enumerated() { _ = try await clients.create(person, at: now.adding(seconds: Int64(index))) }
            try await body(clients)
        }
    }

    static func ids(_ clients: any ClientRepository, _ typed: String, treatedBy: String? = nil, limit: Int = 10) async throws -> [String] {
        try await clients.search(ClientQuery(typed), treatedBy: treatedBy, limit: limit).map(\.client.id)
    }

    @Test(arguments: ContractStore.available)
    func findsByNameRankingAnExactLastNameFirst(store: ContractStore) async throws {
        try await Self.run(store) { (clients: any ClientRepository) async throws in
            #expect(try await Self.ids(clients, "smith") == ["c02", "c01", "c03", "c04", "c07"])
            #expect(try await Self.ids(clients, "Smith", limit: 3) == ["c02", "c01", "c03"])
            #expect(try await Self.ids(clients, "s") == ["c02", "c01", "c03", "c06", "c04", "c07"], "last names, first names (Siobhán before Smith), then an email")
            #expect(try await Self.ids(clients, "bea smi") == ["c01"])
            #expect(try await Self.ids(clients, "smith bea") == ["c01"], "words in any order")
            #expect(try await Self.ids(clients, "smyth").isEmpty)
            let found = try await clients.search(ClientQuery("smith"), treatedBy: nil, limit: 10)
            #expect(found.map(\.matchedBy) == [.lastName, .lastName, .lastName, .firstName, .email])
        }
    }

    @Test(arguments: ContractStore.available)
    func namesManyClientsByIdInOneCall(store: ContractStore) async throws {
        try await Self.run(store) { (clients: any ClientRepository) async throws in
            // More ids than one bound chunk holds, most naming nobody: only the real clients come back, each once.
            let unknown = (0..<1_200).map { "nobody-\($0)" }
            let found = try await clients.names(ids: Set(unknown + ["c02", "c05", "c07", "c05"]))
            #expect(found == ["c02": "Al Smith", "c05": "Gaétan Ødegård", "c07": "Cy Brown"])
            #expect(try await clients.names(ids: []).isEmpty)
        }
    }

    @Test(arguments: ContractStore.available)
    func ignoresAccentsCaseAndPunctuationInNames(store: ContractStore) async throws {
        try await Self.run(store) { (clients: any ClientRepository) async throws in
            #expect(try await Self.ids(clients, "gaetan") == ["c05"])
            #expect(try await Self.ids(clients, "ODEG") == ["c05"])
            #expect(try await Self.ids(clients, "Ødegård") == ["c05"])
            #expect(try await Self.ids(clients, "obri") == ["c06"])
            #expect(try await Self.ids(clients, "o'brien") == ["c06"])
            #expect(try await Self.ids(clients, "muller") == ["c06"])
            #expect(try await Self.ids(clients, "siobhan o'brien-muller") == ["c06"])
        }
    }

    @Test(arguments: ContractStore.available)
    func findsByPhoneEmailAndDateOfBirth(store: ContractStore) async throws {
        try await Self.run(store) { (clients: any ClientRepository) async throws in
            for typed in ["416-555-0100", "(416) 555 0100", "+1 416.555.0100", "4165550", "555-0100", "416"] {
                #expect(try await Self.ids(clients, typed) == ["c01"], "\(typed)")
            }
            #expect(try await Self.ids(clients, "555-01").sorted() == ["c01", "c02", "c05"])
            // "The last four": a North American number's and an overseas one's.
            #expect(try await Self.ids(clients, "0142") == ["c02"])
            #expect(try await Self.ids(clients, "0958") == ["c03"])
            #expect(try await Self.ids(clients, "01").isEmpty, "two digits are not a phone search")
            #expect(try await Self.ids(clients, "+44 20 7946").isEmpty == false)
            #expect(try await Self.ids(clients, "416-555-0199").isEmpty)
            #expect(try await Self.ids(clients, "al.sm") == ["c02"])
            #expect(try await Self.ids(clients, "SIOBHAN@") == ["c06"])
            #expect(try await Self.ids(clients, "1984-03-07") == ["c01"])
            #expect(try await Self.ids(clients, "7 Mar 1984") == ["c01"])
            #expect(try await Self.ids(clients, "1984-03") == ["c01", "c07"])
            #expect(try await Self.ids(clients, "30 November 1990") == ["c04"])
        }
    }

    @Test(arguments: ContractStore.available)
    func aTherapistFindsOnlyTheClientsTheyTreat(store: ContractStore) async throws {
        try await store.with(clock: TestClock(Self.now)) { handle in
            let seed = try await ContractSeed.make(handle.services, at: Self.now)
            let clients = handle.services.clients
            for person in Self.people { _ = try await clients.create(person, at: Self.now) }
            try await clients.assign(therapistId: seed.theo.id, clientId: "c01", at: Self.now)
            try await clients.assign(therapistId: seed.rosa.id, clientId: "c02", at: Self.now)
            #expect(try await Self.ids(clients, "smith", treatedBy: seed.theo.id) == ["c01"])
            #expect(try await Self.ids(clients, "al", treatedBy: seed.theo.id).isEmpty)
            #expect(try await Self.ids(clients, "smith", treatedBy: nil).count == 5)
            let recent = try await clients.recent(treatedBy: seed.rosa.id, limit: 10)
            #expect(recent.total == 1 && recent.clients.map(\.id) == ["c02"])
        }
    }

    @Test(arguments: ContractStore.available)
    func theNewestClientsComeWithTheCount(store: ContractStore) async throws {
        try await Self.run(store) { (clients: any ClientRepository) async throws in
            let recent = try await clients.recent(treatedBy: nil, limit: 3)
            #expect(recent.total == 7)
            #expect(recent.clients.map(\.id) == ["c07", "c06", "c05"])
            #expect(try await clients.search(ClientQuery("smith"), treatedBy: nil, limit: 0).isEmpty)
            #expect(try await clients.search(ClientQuery(""), treatedBy: nil, limit: 10).isEmpty)
        }
    }

    static let lastNames = ["Smith", "Smithson", "Sm", "Lee", "Leeson", "Gaétan", "O'Brien", "van der Berg", "Müller", "Mull", "Ng"]
    static let firstNames = ["Ada", "Al", "Lee", "Smith", "Zoë", "Anne-Marie", "Björn"]
    static let queries = ["s", "sm", "smi", "smith", "l", "le", "lee", "al", "a", "m", "mu", "mul", "mull", "mulle", "muller", "van b",
                          "berg", "vanderberg", "o", "ob", "obr", "gae", "zoe", "anne", "marie", "lee smi", "smith lee", "416", "4165",
                          "416-555-01", "555", "1984", "1984-0", "1990-02", "@", "c1", "ng", "x", "9", "bjorn"]

    @Test(arguments: ContractStore.available)
    func everyStoreAnswersAsTheReferenceDoes(store: ContractStore) async throws {
        let person = zip(Gen.element(of: Self.firstNames), Gen.element(of: Self.lastNames), Gen.int(in: 0...30), Gen.int(in: 0...3))
        await propertyCheck(count: store == .memory ? 100 : 12, input: person.array(of: 1...25)) { drawn in
            let people = drawn.enumerated().map { index, draw in
                Client(id: "c\(String(100 + index))", firstName: draw.0 ?? "Ada", lastName: draw.1 ?? "Smith", email: "c\(index)@example.com",
                       phone: draw.3 == 0 ? "" : "416-555-01\(String(10 + draw.2))", dateOfBirth: LocalDate(year: 1984 + draw.2 % 7, month: 1 + draw.2 % 12, day: 1 + draw.2))
            }
            try await store.with(clock: TestClock(Self.now)) { handle in
                for client in people { _ = try await handle.services.clients.create(client, at: Self.now) }
                for typed in Self.queries {
                    let query = ClientQuery(typed)
                    let found = try await handle.services.clients.search(query, treatedBy: nil, limit: 6)
                    #expect(found == query.rank(people, limit: 6), "\(typed)")
                    #expect(found.allSatisfy { query.matches($0.client) }, "never a client the words do not begin")
                }
            }
        }
    }
}
