import LumbarCore

/// Writes a message as RFC 5322 and MIME text: Date and Message-ID on every message, names and subjects that are
/// not ASCII as encoded words, each part saying its transfer encoding, and CRLF at the end of every line.
struct MIMEWriter {
    let from: MailAddress

    /// `boundary` must not occur in the parts; one that starts `=_` cannot occur in quoted-printable text.
    func render(_ message: MailMessage, date: Instant, messageKey: String, boundary: String) -> String {
        let domain = from.domain.isEmpty ? "lumbar.invalid" : from.domain
        var headers = [
            MailHeader.address("From", from),
            MailHeader.address("To", MailAddress(name: message.toName ?? "", address: message.to)),
            MailHeader.unstructured("Subject", message.subject),
            "Date: " + Self.date(date),
            "Message-ID: <\(messageKey)@\(domain)>",
            "MIME-Version: 1.0",
        ]
        var body: [String]
        let text = Self.part("text/plain; charset=utf-8", message.body)
        if let calendar = message.calendar {
            let method = Self.method(calendar).map { "; method=\($0)" } ?? ""
            let invite = Self.part("text/calendar; charset=utf-8\(method);\r\n name=\"invite.ics\"", calendar,
                                   extra: ["Content-Disposition: attachment; filename=\"invite.ics\""])
            headers.append("Content-Type: multipart/mixed;\r\n boundary=\"\(boundary)\"")
            body = ["--" + boundary] + text.headers + ["", text.content, "--" + boundary] + invite.headers + ["", invite.content, "--\(boundary)--"]
        } else {
            headers += text.headers
            body = [text.content]
        }
        return (headers + [""] + body).joined(separator: "\r\n") + "\r\n"
    }

    /// A part's headers and its text, with CRLF between lines and without a final line break (which belongs to the
    /// boundary after it): as it is when it is short-lined ASCII, otherwise quoted-printable.
    static func part(_ type: String, _ text: String, extra: [String] = []) -> (headers: [String], content: String) {
        let content = text.utf8.last == 10 || text.utf8.last == 13 ? text : text + "\n"
        let plain = QuotedPrintable.isPlain(content)
        let encoded = plain ? QuotedPrintable.normalizedLines(content).joined(separator: "\r\n") : QuotedPrintable.encode(content)
        let headers = ["Content-Type: " + type] + extra + ["Content-Transfer-Encoding: " + (plain ? "7bit" : "quoted-printable")]
        return (headers, String(decoding: encoded.utf8.dropLast(2), as: UTF8.self))
    }

    /// The calendar's METHOD, which the MIME type repeats so mail programs show it as an invitation or a cancellation.
    static func method(_ calendar: String) -> String? {
        QuotedPrintable.normalizedLines(calendar).first { $0.hasPrefix("METHOD:") }.map { String($0.dropFirst(7)) }
    }

    /// RFC 5322 §3.3 in UTC: `Tue, 01 Dec 2026 15:06:37 +0000`.
    static func date(_ instant: Instant) -> String {
        let day = instant.utcDate
        let seconds = Int(instant.milliseconds.floorDivided(by: 1000) - Int64(day.daysSinceEpoch) * 86_400)
        let two = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        let weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][day.weekdayIndex]
        let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][day.month - 1]
        return "\(weekday), \(two(day.day)) \(month) \(day.year) \(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60)) +0000"
    }
}
