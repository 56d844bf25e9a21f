import LumbarClinic
import LumbarCore
import LumbarZones

/// The owner's set-up checklist in words, from `SetupProgress`.
struct SetupChecklistView {
    let services: AppServices

    static let words: [SetupChecklist.Step: (label: String, detail: String, href: String)] = [
        .clinic: ("Clinic details", "Its name and address, from the first set-up.", "/settings"),
        .location: ("Add a location", "Where clients come, with its time zone and rooms.", "/scheduling/locations"),
        .service: ("Add a service clients can book online", "Its length, price and tax.", "/scheduling/services"),
        .therapist: ("Invite a therapist", "With their College registration number; they choose their own password.", "/staff"),
        .hours: ("Set the therapist's hours", "Their week at a location: each day's hours and breaks.", "/scheduling/hours"),
        .twoStep: ("Therapists turn on two-step sign-in", "Each one does it from My account after signing in.", "/staff"),
        .online: ("Take online bookings", "Done once a client could book a time in the next \(SetupProgress.days) days.", "/book"),
    ]

    func panel() async throws -> SetupChecklistPanel {
        let checklist = try await SetupProgress(services: services.clinicServices).checklist()
        let next = checklist.next
        let items = checklist.items.map { item in
            let words = Self.words[item.step] ?? ("", "", "/")
            return SetupChecklistPanel.Item(label: words.label, detail: words.detail, href: words.href, done: item.done, optional: item.optional,
                                            next: item.step == next)
        }
        var first: String?
        if let slot = checklist.firstOnlineSlot {
            let local = try await services.clinicTime().rules.local(slot)
            first = "\(SpokenTime.shortDay(local.date)) at \(SpokenTime.time(local.time))"
        }
        return SetupChecklistPanel(items: items, complete: checklist.isComplete, firstSlot: first,
                                   doneCount: items.filter(\.done).count, totalCount: items.count)
    }
}
