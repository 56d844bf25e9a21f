import Foundation
import LumbarCore
@testable import LumbarWeb
import PropertyBased
import Testing

/// The message text given to sendmail: Date and Message-ID, encoded words, transfer encodings, CRLF.
@Suite struct MIMEWriterTests {
    /// ASCII, French, other scripts, emoji, control characters, line breaks, and text that looks like an encoded word.
    static let text = Gen.int(in: 0...140).map { value -> String in
        let pieces = ["é", "è", "ë", "ç", "Œ", "ß", "ł", "中", "文", "🙂", "👩‍⚕️", "\t", "\u{1}", "\r\n", "\n", "=?", "?=", "_", "=", "\"", "\\",
                      "  ", ".", ",", "<", ">", "(", ")", ";", ":", "@", "Massage", "thérapeutique", "Zoë", "Bélanger"]
        return value < 95 ? String(UnicodeScalar(UInt8(value + 32))) : pieces[value % pieces.count]
    }.array(of: 0...40).map { $0.joined() }

    static let from = MailAddress(name: "Clinique Élan", address: "rendezvous@clinique.example")
    static let calendar = CalendarEvent.calendar([CalendarEvent(
        uid: "a1@lumbar", title: "Massage thérapeutique at Salle Émeraude", location: "12 rue Saint-Denis, Montréal",
        start: Instant(milliseconds: 1_795_000_000_000), end: Instant(milliseconds: 1_795_003_600_000), stamp: Instant(milliseconds: 1_794_000_000_000),
        organizer: .init(name: "Clinique Élan", email: "rendezvous@clinique.example"), attendee: .init(name: "Zoë Bélanger", email: "zoe@example.com"))],
        method: "REQUEST")

    static func render(_ message: MailMessage) -> String {
        MIMEWriter(from: from).render(message, date: Instant(milliseconds: 1_796_137_597_000), messageKey: "k1", boundary: "=_lumbar_b1")
    }

    @Test func everyMessageHasADateAndAMessageID() {
        let text = Self.render(MailMessage(to: "zoe@example.com", subject: "Hello", body: "Hi"))
        #expect(MailDecoding.header("Date", in: text) == " Tue, 01 Dec 2026 15:06:37 +0000")
        #expect(MailDecoding.header("Message-ID", in: text) == " <k1@clinique.example>")
        #expect(MailDecoding.header("MIME-Version", in: text) == " 1.0")
    }

    /// Dates agree with Foundation's RFC 5322 formatting for any instant from 1970 to 2100.
    @Test func datesMatchAFormatter() async {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        await propertyCheck(count: 500, input: Gen.int(in: 0...4_102_444_800)) { seconds in
            let instant = Instant(milliseconds: Int64(seconds) * 1000 + 999)
            #expect(MIMEWriter.date(instant) == formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds))))
        }
    }

    @Test func accentedNamesAndSubjectsAreEncodedWords() {
        let text = Self.render(MailMessage(to: "zoe@example.com", toName: "Zoë Bélanger", subject: "Appointment confirmed: Massage thérapeutique",
                                           body: "Bonjour Zoë"))
        let subject = MailDecoding.header("Subject", in: text) ?? ""
        #expect(subject.unicodeScalars.allSatisfy { $0.isASCII }, "no raw 8-bit header text")
        #expect(!MailDecoding.encodedWords(subject).isEmpty)
        #expect(MailDecoding.text(subject) == "Appointment confirmed: Massage thérapeutique")
        let to = MailDecoding.address(MailDecoding.header("To", in: text) ?? "")
        #expect(to.name == "Zoë Bélanger" && to.address == "zoe@example.com")
        let sender = MailDecoding.address(MailDecoding.header("From", in: text) ?? "")
        #expect(sender.name == "Clinique Élan" && sender.address == "rendezvous@clinique.example")
        #expect(text.utf8.allSatisfy { $0 < 128 }, "the whole message is 7-bit: the body is quoted-printable")
        #expect(MailDecoding.header("Content-Transfer-Encoding", in: text) == " quoted-printable")
    }

    @Test func plainASCIIStaysReadable() {
        let text = Self.render(MailMessage(to: "ada@example.com", toName: "Ada Lovelace", subject: "Reminder: Massage, 60 minutes tomorrow", body: "Hello Ada"))
        #expect(MailDecoding.header("Subject", in: text) == " Reminder: Massage, 60 minutes tomorrow")
        #expect(MailDecoding.header("To", in: text) == " Ada Lovelace <ada@example.com>")
        #expect(MailDecoding.header("Content-Transfer-Encoding", in: text) == " 7bit")
        let punctuated = Self.render(MailMessage(to: "ada@example.com", toName: "Ada A. \"Countess\"", subject: "x", body: "y"))
        #expect(MailDecoding.address(MailDecoding.header("To", in: punctuated) ?? "").name == "Ada A. \"Countess\"")
    }

    @Test func theCalendarPartSaysItsMethodAndEncoding() throws {
        let text = Self.render(MailMessage(to: "zoe@example.com", subject: "x", body: "y", calendar: Self.calendar))
        let parts = text.components(separatedBy: "--=_lumbar_b1")
        #expect(parts.count == 4 && parts[3] == "--\r\n")
        let invite = try #require(parts.dropFirst(2).first)
        #expect(invite.contains("Content-Type: text/calendar; charset=utf-8; method=REQUEST;\r\n name=\"invite.ics\"\r\n"))
        #expect(invite.contains("Content-Transfer-Encoding: quoted-printable\r\n"))
        let encoded = invite.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        #expect(MailDecoding.quotedPrintable(encoded) == Self.calendar, "the calendar comes back exactly, its CRLF lines included")
        let cancel = Self.render(MailMessage(to: "zoe@example.com", subject: "x", body: "y",
                                             calendar: Self.calendar.replacingOccurrences(of: "METHOD:REQUEST", with: "METHOD:CANCEL")))
        #expect(cancel.contains("method=CANCEL;"))
    }

    /// Whatever the text, every line ends in CRLF (no bare CR or LF anywhere) and is at most 76 characters.
    @Test func oneLineEndingAndShortLinesWhateverTheText() async {
        await propertyCheck(count: 300, input: Self.text, Self.text, Self.text) { subject, name, body in
            let text = Self.render(MailMessage(to: "zoe@example.com", toName: name, subject: subject, body: body, calendar: Self.calendar))
            let bytes = Array(text.utf8)
            let bare = bytes.indices.contains { index in
                bytes[index] == 10 && (index == 0 || bytes[index - 1] != 13) || bytes[index] == 13 && (index + 1 == bytes.count || bytes[index + 1] != 10)
            }
            #expect(!bare)
            #expect(text.hasSuffix("\r\n"))
            #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 76 })
            #expect(bytes.allSatisfy { $0 < 128 })
        }
    }

    /// Any subject and any name decode back to what was given (line breaks read as spaces: a header is one line).
    @Test func headerTextRoundTrips() async {
        await propertyCheck(count: 500, input: Self.text, Self.text) { subject, name in
            let text = Self.render(MailMessage(to: "zoe@example.com", toName: name, subject: subject, body: ""))
            #expect(MailDecoding.text(MailDecoding.header("Subject", in: text) ?? "") == MailHeader.singleLine(subject))
            let to = MailDecoding.address(MailDecoding.header("To", in: text) ?? "")
            #expect(to.name == MailHeader.singleLine(name))
            #expect(to.address == "zoe@example.com")
        }
    }

    /// Encoded words are at most 75 characters, each holds whole characters, and a line holding one is at most 76.
    @Test func encodedWordsAreShortAndWhole() async {
        await propertyCheck(count: 500, input: Self.text.map { $0 + "é" }) { subject in
            let header = MailHeader.unstructured("Subject", subject)
            let words = MailDecoding.encodedWords(header.replacingOccurrences(of: "\r\n", with: ""))
            #expect(!words.isEmpty)
            for word in words {
                #expect(word.count <= 75)
                #expect(MailDecoding.encodedWord(Substring(word)) != nil, "\(word) decodes alone, to whole UTF-8 characters")
            }
            #expect(header.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
        }
    }

    @Test func longPlainSubjectsFoldAtSpaces() {
        let subject = Array(repeating: "appointment", count: 20).joined(separator: " ")
        let header = MailHeader.unstructured("Subject", subject)
        #expect(header.contains("\r\n "))
        #expect(header.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
        #expect(header.replacingOccurrences(of: "\r\n", with: "") == "Subject: " + subject)
    }

    /// Any body comes back from quoted-printable exactly, with its line breaks as CRLF.
    @Test func bodiesRoundTrip() async {
        await propertyCheck(count: 500, input: Self.text) { body in
            let encoded = QuotedPrintable.encode(body)
            let expected = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
                .replacingOccurrences(of: "\n", with: "\r\n")
            #expect(MailDecoding.quotedPrintable(encoded) == expected)
            #expect(encoded.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 76 && !$0.hasSuffix(" ") && !$0.hasSuffix("\t") })
        }
    }

    @Test func sendmailGetsTheWholeMessageWithTheClinicAsSender() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lumbar-mail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("sendmail").path
        try "#!/bin/sh\necho \"$@\" > '\(folder.path)/args'\ncat > '\(folder.path)/message'\n".write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        let mailer = SendmailMailer(program: script, from: "rendezvous@clinique.example")
        try await mailer.send(MailMessage(to: "zoe@example.com", toName: "Zoë Bélanger", subject: "Rendez-vous confirmé", body: "Bonjour",
                                          calendar: Self.calendar, date: Instant(milliseconds: 1_796_137_597_000), messageKey: "k9",
                                          senderName: "Clinique Élan"))
        let sent = try String(contentsOfFile: folder.appendingPathComponent("message").path, encoding: .utf8)
        #expect(try String(contentsOfFile: folder.appendingPathComponent("args").path, encoding: .utf8) == "-t -i\n")
        #expect(MailDecoding.address(MailDecoding.header("From", in: sent) ?? "").name == "Clinique Élan")
        #expect(MailDecoding.header("Message-ID", in: sent) == " <k9@clinique.example>")
        #expect(MailDecoding.text(MailDecoding.header("Subject", in: sent) ?? "") == "Rendez-vous confirmé")
    }
}
