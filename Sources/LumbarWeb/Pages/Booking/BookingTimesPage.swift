import Mustache

struct BookingTimesPage {
    struct Day { let label: String; let link: String; let selected: Bool; let open: Bool }
    struct Time { let label: String; let link: String }
    let chrome: Chrome
    let serviceName: String
    let locationName: String
    let therapistName: String?
    let timeZone: String
    let problem: String?
    let days: [Day]
    let dayLabel: String
    let times: [Time]
}
