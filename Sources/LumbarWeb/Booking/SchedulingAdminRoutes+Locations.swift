import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarZones

/// Locations and their rooms: listed, added, edited and retired (a retired location is kept for the records).
extension SchedulingAdminRoutes {
    static let locationFields = [
        FieldView("name", "Location name", limit: .name), FieldView("address", "Street address", limit: .short), ZoneField.field(),
        FieldView("rooms", "Treatment rooms", help: "Names separated by commas; leave empty if rooms are not booked.", optional: true, limit: .short),
    ]

    func registerLocations(on router: Router<AppRequestContext>) {
        router.get("/scheduling/locations") { request, context -> Response in
            _ = try context.owner()
            let zone = try await services.clinic.profile()?.timeZone ?? "America/Toronto"
            return try await locationsPage(notice(context, request, title: "Locations"), form: FormData(encoded: "timeZone=" + zone), problems: [])
        }
        router.post("/scheduling/locations") { _, context -> Response in
            let owner = try context.owner()
            let form = context.form
            let rooms = Self.names(form["rooms"])
            let draft = Location(id: "", name: form["name"].trimmed, address: form["address"].trimmed, timeZone: form["timeZone"].trimmed,
                                 rooms: rooms.map { .init(id: "", name: $0) })
            let problems = FieldLimit.problems([("rooms", form["rooms"], .short)]) + draft.problems(isTimeZone: ZoneList.isKnown)
            guard problems.isEmpty else {
                return try await locationsPage(context.chrome("Locations"), form: form, problems: problems, status: .unprocessableContent)
            }
            let location = try await services.scheduling.addLocation(name: draft.name, address: draft.address, timeZone: draft.timeZone, rooms: rooms, at: services.now)
            try await services.audit(owner, context, .change, .account, client: nil, detail: "location \(location.id) added")
            return .seeOther("/scheduling/locations?saved=location")
        }
        router.get("/scheduling/locations/:id") { _, context -> Response in
            _ = try context.owner()
            let location = try await existingLocation(context)
            var values = ["name": location.name, "address": location.address, "timeZone": location.timeZone]
            for room in location.rooms { values["room-" + room.id] = room.name }
            return locationEditPage(context, location, form: FormData(values), problems: [])
        }
        router.post("/scheduling/locations/:id") { _, context -> Response in
            let owner = try context.owner()
            let location = try await existingLocation(context)
            let form = context.form
            // A room's box left empty retires that room; new names are added.
            let kept = location.rooms.compactMap { room -> Location.Room? in
                let name = form["room-" + room.id].trimmed
                return name.isEmpty ? nil : Location.Room(id: room.id, name: name)
            }
            let draft = Location(id: location.id, name: form["name"].trimmed, address: form["address"].trimmed, timeZone: form["timeZone"].trimmed,
                                 rooms: kept + Self.names(form["newRooms"]).map { .init(id: "", name: $0) })
            let problems = FieldLimit.problems([("newRooms", form["newRooms"], .short)]) + draft.problems(isTimeZone: ZoneList.isKnown)
                .map { $0.field == "rooms" ? FieldProblem("newRooms", $0.message) : $0 }
            guard problems.isEmpty else { return locationEditPage(context, location, form: form, problems: problems, status: .unprocessableContent) }
            guard try await services.scheduling.updateLocation(draft, at: services.now) != nil else { throw PageError.notFound }
            let retiredRooms = location.rooms.count - kept.count
            try await services.audit(owner, context, .change, .account, client: nil,
                                     detail: "location \(location.id) changed" + (retiredRooms > 0 ? ", \(retiredRooms) room(s) retired" : ""))
            return .seeOther("/scheduling/locations?saved=location-\(retiredRooms > 0 ? "rooms-retired" : "changed")")
        }
        RetireRoutes(services: services, list: "/scheduling/locations", noun: "location", savedPrefix: "location-",
                     consequences: { retire in
                         retire ? ["Clients and staff can no longer book here.",
                                   "Past appointments, notes and receipts still show this location. You can restore it later."]
                             : ["It is offered for booking again, with the therapists' hours it had."]
                     },
                     find: { [services] id in
                         try await services.scheduling.location(id: id).map { .init(id: $0.id, name: $0.name, what: "\($0.name), \($0.address)") }
                     },
                     stillBooked: { [services] id, now in try await RetireRoutes.booked(services, locationId: id, from: now) },
                     setRetired: { [services] id, retire, now in try await services.scheduling.setLocationRetired(id: id, retire, at: now) })
            .register(on: router)
    }

    /// "Room 1, Room 2" as names, empty ones dropped.
    static func names(_ text: String) -> [String] { text.split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty } }

    private func existingLocation(_ context: AppRequestContext) async throws -> Location {
        guard let location = try await services.scheduling.location(id: try context.parameters.require("id")) else { throw PageError.notFound }
        return location
    }

    private func locationsPage(_ chrome: Chrome, form: FormData, problems: [FieldProblem], status: HTTPResponse.Status = .ok) async throws -> Response {
        var chrome = chrome
        chrome.title = "Locations"
        let rows = try await services.scheduling.allLocations().map {
            LocationsPage.Row(id: $0.id, name: $0.name, address: $0.address, zone: Self.zoneName($0.timeZone),
                              rooms: $0.rooms.isEmpty ? nil : $0.rooms.map(\.name).joined(separator: ", "), retired: $0.retired)
        }
        return services.views.page("scheduling_locations", LocationsPage(chrome: chrome, nav: SetupNav(current: "/scheduling/locations"), locations: rows,
                                                                         fields: Self.locationFields.filled(from: form, problems: problems)), status: status)
    }

    private func locationEditPage(_ context: AppRequestContext, _ location: Location, form: FormData, problems: [FieldProblem],
                                  status: HTTPResponse.Status = .ok) -> Response {
        let rooms = location.rooms.map { FieldView("room-" + $0.id, "Name of room “\($0.name)”", help: "Clear the name to retire this room.", optional: true, limit: .name) }
        let fields = Array(Self.locationFields.prefix(3)) + rooms
            + [FieldView("newRooms", "Add rooms", help: "Names separated by commas.", optional: true, limit: .short)]
        let page = EditPage(chrome: context.chrome("Edit \(location.name)"), heading: "Edit \(location.name)", intro: nil,
                            action: "/scheduling/locations/\(location.id)", fields: fields.filled(from: form, problems: problems), checkboxes: [],
                            button: "Save location", back: "/scheduling/locations",
                            retireHref: "/scheduling/locations/\(location.id)/\(location.retired ? "restore" : "retire")",
                            retireLabel: location.retired ? "Restore this location" : "Retire this location")
        return services.views.page("setup_edit", page, status: status)
    }

    /// The zone as the list names it: "Eastern (Toronto, Ottawa, Montréal)".
    static func zoneName(_ id: String) -> String { ZoneList.featured.first { $0.id == id }?.label ?? id.replacingOccurrences(of: "_", with: " ") }
}
