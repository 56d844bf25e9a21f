/// How long a record must be kept (CMTO record keeping, clinical reference §7): ten years after the last visit,
/// or ten years after the client turns 18, whichever is later. Nothing is destroyed automatically; past this date
/// the owner reviews the record.
public enum Retention {
    public static func keepUntil(lastVisit: LocalDate, dateOfBirth: LocalDate?) -> LocalDate {
        let afterVisit = lastVisit.adding(months: 120)
        guard let dateOfBirth else { return afterVisit }
        return max(afterVisit, dateOfBirth.adding(months: 12 * 28))
    }
}
