import LumbarClinic
import LumbarCore
import Testing
import TestSupport

/// Set-up on every store: weeks of hours read back as saved and one therapist's week never touches another's;
/// locations, rooms, services and staff are edited, retired (kept, not offered) and restored; time off is changed.
@Suite struct SetupContractTests {
    static let now = AppointmentContractTests.now

    static func read(_ services: ClinicServices, _ therapist: Account, _ location: Location) async throws -> WeeklyHours? {
        try await services.scheduling.hours(locationId: location.id, window: TimeRange(start: now, end: now))[therapist.id]
    }

    @Test(arguments: ContractStore.available)
    func anyWeekReadsBackAsSavedAndLeavesOtherTherapistsAlone(store: ContractStore) async throws {
        try await AppointmentContractTests.run(store) { services, seed, _ in
            let rosaWeek = WeekSamples.week(7)
            try await services.scheduling.setHours(therapistId: seed.rosa.id, locationId: seed.location.id, rosaWeek)
            for seed64 in (1...12).map({ UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }) {
                let week = WeekSamples.week(seed64)
                try await services.scheduling.setHours(therapistId: seed.theo.id, locationId: seed.location.id, week)
                #expect(try await Self.read(services, seed.theo, seed.location) == week)
                #expect(try await Self.read(services, seed.rosa, seed.location) == rosaWeek, "saving Theo's week never changes Rosa's")
            }
            // Mixed weekday and Saturday hours are one week: the second save does not drop the weekdays.
            let grid = WeekGrid.parse { ["d0s1start": "09:00", "d0s1end": "17:00", "d5s1start": "10:00", "d5s1end": "14:00"][$0] ?? "" }
            try await services.scheduling.setHours(therapistId: seed.theo.id, locationId: seed.location.id, try #require(grid.hours))
            let kept = try #require(try await Self.read(services, seed.theo, seed.location))
            #expect(!kept.days[0].isEmpty && !kept.days[5].isEmpty)
        }
    }

    @Test(arguments: ContractStore.available)
    func locationsAndRoomsAreEditedRetiredAndRestored(store: ContractStore) async throws {
        try await AppointmentContractTests.run(store) { services, seed, _ in
            let scheduling = services.scheduling
            var changed = seed.location
            changed.name = "King Street"
            changed.timeZone = "America/Vancouver"
            changed.rooms = [Location.Room(id: seed.location.rooms[0].id, name: "Quiet room"), Location.Room(id: "", name: "Room 3")]
            let saved = try #require(try await scheduling.updateLocation(changed, at: Self.now))
            #expect(saved.name == "King Street" && saved.timeZone == "America/Vancouver")
            #expect(saved.rooms.map(\.name).sorted() == ["Quiet room", "Room 3"], "Room 2, left out, is retired")
            #expect(saved.rooms.contains { $0.id == seed.location.rooms[0].id && $0.name == "Quiet room" }, "a renamed room keeps its id")
            #expect(try await scheduling.location(id: seed.location.id) == saved)

            #expect(try await scheduling.setLocationRetired(id: seed.location.id, true, at: Self.now))
            #expect(try await scheduling.locations().isEmpty, "a retired location is not offered")
            #expect(try await scheduling.allLocations().map(\.id) == [seed.location.id])
            #expect(try await scheduling.location(id: seed.location.id)?.retired == true, "records still find it by id")
            #expect(try await scheduling.setLocationRetired(id: seed.location.id, false, at: Self.now))
            #expect(try await scheduling.locations().map(\.id) == [seed.location.id])
            #expect(try await !scheduling.setLocationRetired(id: "nowhere", true, at: Self.now))
            #expect(try await scheduling.updateLocation(Location(id: "nowhere", name: "X", address: "Y", timeZone: "UTC"), at: Self.now) == nil)
        }
    }

    @Test(arguments: ContractStore.available)
    func servicesAreEditedRetiredAndRestored(store: ContractStore) async throws {
        try await AppointmentContractTests.run(store) { services, seed, _ in
            let scheduling = services.scheduling
            var changed = seed.service
            changed.name = "Massage, 90 minutes"
            changed.minutes = 90
            changed.priceCents = 16_000
            changed.bookableOnline = false
            changed.audience = .returning
            let updated = try await scheduling.updateService(changed)
            #expect(updated)
            #expect(try await scheduling.service(id: seed.service.id) == changed)
            #expect(try await scheduling.setServiceRetired(id: seed.service.id, true, at: Self.now))
            #expect(try await scheduling.services().isEmpty)
            #expect(try await scheduling.allServices().map(\.name) == ["Massage, 90 minutes"])
            #expect(try await scheduling.service(id: seed.service.id)?.retired == true, "appointments and receipts still name it")
            #expect(try await scheduling.setServiceRetired(id: seed.service.id, false, at: Self.now))
            #expect(try await scheduling.services().map(\.id) == [seed.service.id])
            var missing = changed
            missing.id = "nothing"
            #expect(try await !scheduling.updateService(missing))
        }
    }

    @Test(arguments: ContractStore.available)
    func staffAreInvitedEditedRetiredAndRestored(store: ContractStore) async throws {
        try await AppointmentContractTests.run(store) { services, seed, _ in
            let accounts = services.accounts
            let invited = try await accounts.invite(AccountDraft(email: "Nia@Example.com", name: "Nia", role: .frontDesk, password: "unused"),
                                                    passwordHash: "h", at: Self.now)
            #expect(invited.invitationPending && invited.email == "nia@example.com")
            #expect(try await accounts.find(id: invited.id)?.invitationPending == true)
            #expect(try await accounts.find(id: seed.theo.id)?.invitationPending == false)

            #expect(try await accounts.update(id: seed.theo.id, email: "theo.t@example.com", name: "Theo T", role: .therapist, collegeRegistration: "R9"))
            let theo = try #require(try await accounts.find(id: seed.theo.id))
            #expect(theo.name == "Theo T" && theo.email == "theo.t@example.com" && theo.collegeRegistration == "R9")
            await #expect(throws: StorageError.self, "another account has the email") {
                _ = try await accounts.update(id: seed.theo.id, email: "rosa@example.com", name: "Theo", role: .therapist, collegeRegistration: "R1")
            }
            #expect(try await accounts.setRetired(id: seed.theo.id, true, at: Self.now))
            #expect(try await accounts.find(id: seed.theo.id)?.active == false)
            #expect(try await accounts.therapists().map(\.id) == [seed.rosa.id], "a retired therapist is not offered")
            #expect(try await accounts.staff().contains { $0.id == seed.theo.id }, "but stays on the staff list")
            #expect(try await accounts.setRetired(id: seed.theo.id, false, at: Self.now))
            #expect(try await accounts.therapists().map(\.id).sorted() == [seed.rosa.id, seed.theo.id].sorted())
            #expect(try await !accounts.setRetired(id: "nobody", true, at: Self.now))
        }
    }

    @Test(arguments: ContractStore.available)
    func timeOffIsChanged(store: ContractStore) async throws {
        try await AppointmentContractTests.run(store) { services, seed, _ in
            let scheduling = services.scheduling
            let day = TimeRange(start: Self.now.adding(seconds: 86_400), end: Self.now.adding(seconds: 2 * 86_400))
            let off = try await scheduling.addTimeOff(therapistId: seed.theo.id, day, note: "Course", audit: nil)
            let audit = AuditEntry(at: Self.now, actorId: seed.theo.id, actorRole: .owner, clientId: nil, infoType: .account, action: .change,
                                   address: "test", detail: "time off changed")
            let longer = TimeRange(start: day.start, end: day.end.adding(seconds: 86_400))
            #expect(try await scheduling.updateTimeOff(id: off.id, therapistId: seed.rosa.id, longer, note: "Course, two days", audit: audit))
            #expect(try await scheduling.timeOff(id: off.id) == TimeOff(id: off.id, therapistId: seed.rosa.id, range: longer, note: "Course, two days"))
            #expect(try await scheduling.removeTimeOff(id: off.id, by: seed.theo.id, audit: audit, at: Self.now))
            #expect(try await !scheduling.updateTimeOff(id: off.id, therapistId: seed.rosa.id, longer, note: "", audit: audit), "removed time off stays removed")
        }
    }
}
