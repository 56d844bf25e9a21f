import Foundation
import Hummingbird
import HummingbirdTesting
import LumbarClinic
import LumbarCore
import LumbarStorage
@testable import LumbarWeb
import Testing
import TestSupport

/// Setup, passwords, lockout, the second factor, sessions.
@Suite struct SignInTests {
    @Test func setupRunsOnceAndShowsProblemsBesideFields() async throws {
        let fixture = try await WebFixture.make(setUp: false)
        try await fixture.test { client in
            let browser = Browser(client)
            #expect(try await browser.get("/").location == "/setup")
            #expect(try await browser.get("/setup").status == .ok)
            let bad = try await browser.post("/setup", ["clinicName": "Spine & Ease", "address": "", "timeZone": "Mars/Olympus",
                                                        "hstNumber": "12", "name": "Olive", "email": "olive@", "password": "short"])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("id=\"address-error\""))
            #expect(bad.body.contains("id=\"timeZone-error\""))
            #expect(bad.body.contains("id=\"hstNumber-error\""))
            #expect(bad.body.contains("id=\"email-error\""))
            #expect(bad.body.contains("id=\"password-error\""))
            #expect(bad.body.contains("value=\"Spine &amp; Ease\""), "typed values are kept")
            let good = try await browser.post("/setup", ["clinicName": "Spine & Ease", "address": "12 King St W", "timeZone": "America/Toronto",
                                                         "hstNumber": "123456789 RT0001", "name": "Olive Owner", "email": "olive@example.com",
                                                         "password": "correct horse battery"])
            #expect(good.location == "/login?setup=done")
            #expect(try await browser.get("/setup").status == .notFound)
            #expect(try await browser.post("/setup", ["clinicName": "Again"]).status == .notFound)
            // The owner must enrol a code app before reaching anything else.
            let signIn = try await browser.signIn("olive@example.com")
            #expect(signIn.location == "/account/two-factor")
            #expect(try await browser.get("/clients").location == "/account/two-factor")
            let enrol = try await browser.get("/account/two-factor")
            #expect(enrol.body.contains("id=\"totp-secret\""))
            #expect(try await fixture.services.clinic.profile()?.name == "Spine & Ease")
        }
    }

    @Test(arguments: TestDatabase.engines)
    func ownerSignsInWithCode(engine: Database.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        try await fixture.test { client in
            let browser = Browser(client)
            try await browser.get("/login")
            let first = try await browser.post("/login", ["email": "owner@example.com", "password": WebFixture.password])
            #expect(first.location == "/login/code")
            #expect(try await browser.get("/staff").location == "/login/code", "no page before the second factor")
            try await browser.get("/login/code")
            let wrong = try await browser.post("/login/code", ["code": "000000"])
            #expect(wrong.status == .unauthorized)
            let right = try await browser.post("/login/code", ["code": fixture.ownerCode()])
            #expect(right.location == "/")
            #expect(try await browser.get("/staff").status == .ok)
        }
    }

    @Test func recoveryCodeWorksOnce() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.services.accounts.enableTOTP(id: fixture.owner.id, recoveryCodeHashes: [Secrets.hash("abcd-efgh")])
        try await fixture.test { client in
            let browser = Browser(client)
            #expect(try await browser.signIn("owner@example.com", code: { "ABCD-EFGH " }).location == "/")
            try await browser.get("/")
            #expect(try await browser.post("/logout", [:]).location == "/login")
            let again = try await browser.signIn("owner@example.com", code: { "abcd-efgh" })
            #expect(again.status == .unauthorized, "a recovery code is spent once used")
        }
    }

    @Test(arguments: TestDatabase.engines)
    func lockoutAfterConfiguredFailures(engine: Database.Engine) async throws {
        let fixture = try await WebFixture.make(engine, configure: { $0.lockoutThreshold = 3; $0.lockoutMinutes = 15 })
        try await fixture.test { client in
            let browser = Browser(client)
            for _ in 0..<3 {
                try await browser.get("/login")
                #expect(try await browser.post("/login", ["email": "theo@example.com", "password": "wrong password!"]).status == .unauthorized)
            }
            try await browser.get("/login")
            let locked = try await browser.post("/login", ["email": "theo@example.com", "password": WebFixture.password])
            #expect(locked.status == .forbidden)
            #expect(locked.body.contains("locked"))
            fixture.clock.advance(seconds: 16 * 60)
            try await browser.get("/login")
            #expect(try await browser.post("/login", ["email": "theo@example.com", "password": WebFixture.password]).location == "/")
        }
    }

    @Test func manyFailuresFromOneAddressAreSlowedDown() async throws {
        let fixture = try await WebFixture.make(configure: { $0.addressFailureLimit = 4 })
        try await fixture.test { client in
            let browser = Browser(client)
            for index in 0..<4 {
                try await browser.get("/login")
                _ = try await browser.post("/login", ["email": "nobody\(index)@example.com", "password": "whatever it is"])
            }
            try await browser.get("/login")
            #expect(try await browser.post("/login", ["email": "theo@example.com", "password": WebFixture.password]).status == .tooManyRequests)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func idleAndAbsoluteSessionLimits(engine: Database.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        // Accounts are older than any session: the session's own start must count, not the account's.
        fixture.clock.advance(seconds: 2 * 86_400)
        try await fixture.test { client in
            let browser = Browser(client)
            _ = try await browser.signIn("theo@example.com")
            #expect(try await browser.get("/").status == .ok)
            fixture.clock.advance(seconds: 29 * 60)
            #expect(try await browser.get("/").status == .ok)
            fixture.clock.advance(seconds: 31 * 60)
            #expect(try await browser.get("/").location == "/login", "30 minutes idle ends the session")
            _ = try await browser.signIn("theo@example.com")
            for _ in 0..<25 {
                fixture.clock.advance(seconds: 29 * 60)
                _ = try await browser.get("/")
            }
            #expect(try await browser.get("/").location == "/login", "12 hours ends it however active")
        }
    }

    @Test func sessionCookieIsHttpOnlyAndSameSite() async throws {
        let fixture = try await WebFixture.make(configure: { $0.publicURL = "https://clinic.example.com" })
        try await fixture.test { client in
            let browser = Browser(client)
            try await browser.get("/login")
            let page = try await browser.post("/login", ["email": "theo@example.com", "password": WebFixture.password])
            let cookie = page.headers[values: .setCookie].first { $0.hasPrefix("lumbar_session=") } ?? ""
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(cookie.contains("Secure"))
        }
    }

    @Test func passwordResetByEmailedLink() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let browser = Browser(client)
            try await browser.get("/password/forgot")
            #expect(try await browser.post("/password/forgot", ["email": "theo@example.com"]).status == .ok)
            try await browser.get("/password/forgot")
            #expect(try await browser.post("/password/forgot", ["email": "nobody@example.com"]).status == .ok)
            #expect(fixture.mailer.messages.count == 1)
            let body = fixture.mailer.messages.first?.body ?? ""
            let link = String(body[body.range(of: "/password/reset?token=")!.lowerBound...].prefix { !$0.isWhitespace })
            #expect(try await browser.get(link).status == .ok)
            let token = String(link.split(separator: "=")[1])
            #expect(try await browser.post("/password/reset", ["token": token, "password": "short"]).status == .unprocessableContent)
            #expect(try await browser.post("/password/reset", ["token": token, "password": "a brand new passphrase"]).location == "/login?reset=done")
            #expect(try await browser.get(link).status == .badRequest, "a link works once")
            #expect(try await browser.signIn("theo@example.com", password: "a brand new passphrase").location == "/")
        }
    }

    @Test func signOutEndsTheSession() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let browser = Browser(client)
            _ = try await browser.signIn("theo@example.com")
            try await browser.get("/")
            #expect(try await browser.post("/logout", [:]).location == "/login")
            #expect(try await browser.get("/").location == "/login")
        }
    }
}
