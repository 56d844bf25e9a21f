import LumbarClinic
import LumbarCore
import Testing
import TestSupport

/// What every `SchedulingRepository`, `ClientRepository` and `WaitlistRepository` must do, on every store.
@Suite struct SchedulingContractTests {
    static let now = AppointmentContractTests.now
    static let tomorrow = AppointmentContractTests.tomorrow

    static func hours(_ from: Int, _ to: Int) -> WeeklyHours {
        let span = WeeklyHours.Span(start: WallTime(minutes: from * 60)!, end: WallTime(minutes: to * 60)!)!
        return WeeklyHours(days: Array(repeating: [span], count: 5) + [[], []])
    }

    @Test(arguments: ContractStore.available)
    func hoursCarryTheTimeOffInTheWindowUntilItIsRemoved(store: ContractStore) async throws {
        try await AppointmentContractTests.run(store) { services, seed, _ in
            let scheduling = services.scheduling
            try await scheduling.setHours(therapistId: seed.theo.id, locationId: seed.location.id, Self.hours(9, 17))
            try await scheduling.setHours(therapistId: seed.theo.id, locationId: seed.location.id, Self.hours(10, 18))
            let away = TimeRange(start: Self.tomorrow, end: Self.tomorrow.adding(seconds: 3 * 3600))
            let off = try await scheduling.addTimeOff(therapistId: seed.theo.id, away, note: "Course", audit: nil)
            let week = TimeRange(start: Self.now, end: Self.now.adding(seconds: 7 * 86_400))
            let read = try #require(try await scheduling.hours(locationId: seed.location.id, window: week)[seed.theo.id])
            #expect(read.days == Self.hours(10, 18).days, "setting hours again replaces the pattern")
            #expect(read.timeOff == [away])
            let later = TimeRange(start: away.end, end: away.end.adding(seconds: 86_400))
            #expect(try await scheduling.hours(locationId: seed.location.id, window: later)[seed.theo.id]?.timeOff == [])
            #expect(try await scheduling.timeOff(endingAfter: Self.now).map(\.id) == [off.id])
            let audit = AuditEntry(at: Self.now, actorId: seed.theo.id, actorRole: .therapist, clientId: nil, infoType: .account, action: .change,
                                   address: "test", detail: "time off removed")
            #expect(try await scheduling.removeTimeOff(id: off.id, by: seed.theo.id, audit: audit, at: Self.now))
            #expect(try await !scheduling.removeTimeOff(id: off.id, by: seed.theo.id, audit: audit, at: Self.now), "removing twice does nothing")
            #expect(try await scheduling.timeOff(id: off.id) == nil)
            #expect(try await scheduling.hours(locationId: seed.location.id, window: week)[seed.theo.id]?.timeOff == [])
        }
    }

    @Test(arguments: ContractStore.available)
    func servicesLocationsAndRulesReadBackAsWritten(store: ContractStore) async throws {
        try await AppointmentContractTests.run(store) { services, seed, _ in
            let scheduling = services.scheduling
            #expect(try await scheduling.location(id: seed.location.id)?.rooms.map(\.name) == ["Room 1", "Room 2"])
            #expect(try await scheduling.service(id: seed.service.id) == seed.service)
            var rules = try await scheduling.rules()
            rules.lateCancellationFeeCents = 4500
            rules.cancellationWindowHours = 48
            try await scheduling.setRules(rules)
            #expect(try await scheduling.rules() == rules)
        }
    }

    @Test(arguments: ContractStore.available)
    func clientsAreFoundBySearchAndByCareTeam(store: ContractStore) async throws {
        try await AppointmentContractTests.run(store) { services, seed, _ in
            let clients = services.clients
            let bob = try await clients.create(Client(id: "", firstName: "Bob", lastName: "Beta", email: "bob@example.com"), at: Self.now)
            #expect(try await clients.list(treatedBy: nil, matching: "").map(\.id) == [seed.ada.id, bob.id])
            #expect(try await clients.list(treatedBy: nil, matching: "beta").map(\.id) == [bob.id])
            try await clients.assign(therapistId: seed.rosa.id, clientId: bob.id, at: Self.now)
            try await clients.assign(therapistId: seed.rosa.id, clientId: bob.id, at: Self.now)
            #expect(try await clients.list(treatedBy: seed.rosa.id, matching: "").map(\.id) == [bob.id])
            #expect(try await clients.therapists(of: bob.id).map(\.id) == [seed.rosa.id])
            #expect(try await clients.find(id: bob.id)?.email == "bob@example.com")
            #expect(try await services.accounts.therapists().map(\.name) == ["Rosa", "Theo"])
        }
    }

    @Test(arguments: ContractStore.available)
    func aWaitlistOfferHoldsItsTimeUntilItExpires(store: ContractStore) async throws {
        try await AppointmentContractTests.run(store) { services, seed, _ in
            let waitlist = services.waitlist
            let entry = WaitlistEntry(id: "w1", clientId: seed.ada.id, appointmentId: nil, serviceId: seed.service.id, locationId: seed.location.id,
                                      therapistId: nil, earlierThan: Self.tomorrow.adding(seconds: 5 * 86_400), status: .waiting)
            try await waitlist.join(entry, at: Self.now)
            #expect(try await waitlist.entries(.waiting, clientId: seed.ada.id).map(\.id) == ["w1"])
            let offered = try await waitlist.makeOffer(entryId: "w1", start: Self.tomorrow, end: Self.tomorrow.adding(seconds: 3600), therapistId: seed.theo.id,
                                                      expiresAt: Self.now.adding(seconds: 7200), tokenHash: "hash", mail: AppointmentContractTests.mail, at: Self.now)
            #expect(offered)
            #expect(try await waitlist.heldOffers(at: Self.now).map(\.offerStart) == [Self.tomorrow])
            #expect(try await waitlist.offer(tokenHash: "hash")?.id == "w1")
            #expect(try await waitlist.heldOffers(at: Self.now.adding(seconds: 7200)).isEmpty, "an offer holds until it expires")
            try await waitlist.expireOffers(at: Self.now.adding(seconds: 7200))
            #expect(try await waitlist.entries(.expired, clientId: nil).map(\.id) == ["w1"])
        }
    }
}

/// What every `AccountRepository` and `QuestionnaireRepository` holds that the use cases read, on every store.
@Suite struct AccountContractTests {
    static let now = AppointmentContractTests.now

    @Test(arguments: ContractStore.available)
    func accountsAreUniqueByEmailAndListedByRole(store: ContractStore) async throws {
        try await AppointmentContractTests.run(store) { services, seed, _ in
            let accounts = services.accounts
            await #expect(throws: StorageError.self) {
                _ = try await accounts.create(AccountDraft(email: "theo@example.com", name: "Other Theo", role: .therapist, password: "x"),
                                              passwordHash: "h", totpSecret: nil, at: Self.now)
            }
            let desk = try await accounts.create(AccountDraft(email: "desk@example.com", name: "Desk", role: .frontDesk, password: "x"),
                                                 passwordHash: "h", totpSecret: nil, at: Self.now)
            #expect(try await accounts.staff().map(\.name) == ["Desk", "Rosa", "Theo"])
            #expect(try await accounts.therapists().map(\.id) == [seed.rosa.id, seed.theo.id])
            #expect(try await accounts.find(id: desk.id)?.role == .frontDesk)
            #expect(try await accounts.credentials(email: "desk@example.com")?.passwordHash == "h")
        }
    }

    @Test(arguments: ContractStore.available)
    func responsesComeBackInTheOrderTheyWereGiven(store: ContractStore) async throws {
        try await AppointmentContractTests.run(store) { services, seed, _ in
            for (offset, score) in [12.0, 9.0, 4.0].enumerated() {
                try await services.questionnaires.record(QuestionnaireResponse(
                    id: "", clientId: seed.ada.id, intakeId: nil, instrument: .rmdq, definitionVersion: "1", answers: [("1", "yes")], score: score,
                    at: Self.now.adding(seconds: Int64(offset) * 86_400)), recordedBy: nil)
            }
            #expect(try await services.questionnaires.responses(clientId: seed.ada.id).map(\.score) == [12, 9, 4])
            #expect(try await services.questionnaires.responses(clientId: "someone-else").isEmpty)
        }
    }
}
