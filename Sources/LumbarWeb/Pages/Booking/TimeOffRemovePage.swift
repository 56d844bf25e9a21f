import Mustache

/// The confirmation asked before time off is removed.
struct TimeOffRemovePage {
    let chrome: Chrome
    let entry: SchedulingPage.TimeOffRow
}
