import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage
@testable import LumbarWeb
import PropertyBased
import Testing
import TestSupport

/// A two-step code is accepted once (RFC 6238 §5.2): never again in its own 30-second step or the steps beside it.
@Suite struct TwoFactorReplayTests {
    static let secret = WebFixture.ownerSecret

    static func code(step: Int64) -> String { WebFixture.code(secret: secret, at: Instant(milliseconds: step * 30_000)) }

    @Test func acceptedStepIsLaterThanTheLastUsedAndWithinOneStep() async {
        await propertyCheck(count: 300, input: Gen.int(in: 50_000_000...70_000_000), Gen.int(in: -3...3), Gen.int(in: -3...3)) { now, offset, lastOffset in
            let now = Int64(now)
            let date = Date(timeIntervalSince1970: Double(now * 30 + 7))
            let codeStep = now + Int64(offset)
            let last = now + Int64(lastOffset)
            let accepted = TwoFactor.acceptedStep(code: Self.code(step: codeStep), secret: Self.secret, at: date, after: last)
            if abs(offset) <= 1 && codeStep > last {
                #expect(accepted == codeStep)
            } else {
                #expect(accepted == nil, "step \(codeStep) at \(now) after \(last)")
            }
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aCodeSignsInOnce(engine: Database.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        try await fixture.test { client in
            let browser = Browser(client)
            let code = WebFixture.code(secret: Self.secret, at: fixture.clock.now)
            #expect(try await browser.signIn("owner@example.com", code: { code }).location == "/")
            try await browser.get("/")
            #expect(try await browser.post("/logout", [:]).location == "/login")

            let again = try await browser.signIn("owner@example.com", code: { code })
            #expect(again.status == .unauthorized, "the same code in the same 30 seconds")
            #expect(again.body.contains("already been used"))

            // Half a minute on, the old code is still inside the drift window, and still refused.
            fixture.clock.advance(seconds: 30)
            #expect(try await browser.post("/login/code", ["code": code]).status == .unauthorized, "the code of the step before")
            let next = WebFixture.code(secret: Self.secret, at: fixture.clock.now)
            #expect(try await browser.post("/login/code", ["code": next]).location == "/")
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aCodeFromTheNextStepRulesOutTheCurrentOne(engine: Database.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        try await fixture.test { client in
            let browser = Browser(client)
            // A phone whose clock runs ahead shows the next step's code: it is accepted, for drift...
            let ahead = WebFixture.code(secret: Self.secret, at: fixture.clock.now.adding(seconds: 30))
            #expect(try await browser.signIn("owner@example.com", code: { ahead }).location == "/")
            try await browser.get("/")
            _ = try await browser.post("/logout", [:])
            // ...and then the current step's code, which is earlier, no longer is.
            let current = WebFixture.code(secret: Self.secret, at: fixture.clock.now)
            #expect(try await browser.signIn("owner@example.com", code: { current }).status == .unauthorized)
            let stored = try await fixture.services.accounts.credentials(id: fixture.owner.id)
            #expect(stored?.totpLastStep == fixture.clock.now.milliseconds / 30_000 + 1)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func theCodeThatTurnedTwoStepOnCannotSignIn(engine: Database.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        try await fixture.test { client in
            let browser = Browser(client)
            #expect(try await browser.signIn("theo@example.com").location == "/")
            #expect(try await browser.get("/account/two-factor").status == .ok)
            let secret = try #require(try await fixture.services.accounts.credentials(id: fixture.therapist.id)?.totpSecret)
            let code = WebFixture.code(secret: secret, at: fixture.clock.now)
            #expect(try await browser.post("/account/two-factor", ["code": code]).status == .ok)
            _ = try await browser.post("/logout", [:])

            let replay = try await browser.signIn("theo@example.com", code: { code })
            #expect(replay.status == .unauthorized, "the enrolment code, replayed at sign-in")
            fixture.clock.advance(seconds: 30)
            let fresh = WebFixture.code(secret: secret, at: fixture.clock.now)
            #expect(try await browser.post("/login/code", ["code": fresh]).location == "/")
        }
    }

    @Test(arguments: TestDatabase.engines)
    func enrolmentRefusesAReplayedCode(engine: Database.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        let accounts = fixture.services.accounts
        try await accounts.setTOTPSecret(id: fixture.therapist.id, secret: Self.secret)
        let step = fixture.clock.now.milliseconds / 30_000
        #expect(try await accounts.acceptTOTPStep(id: fixture.therapist.id, step: step))
        #expect(try await !accounts.acceptTOTPStep(id: fixture.therapist.id, step: step), "the same step twice")
        #expect(try await !accounts.acceptTOTPStep(id: fixture.therapist.id, step: step - 1), "an earlier step")
        try await fixture.test { client in
            let browser = Browser(client)
            #expect(try await browser.signIn("theo@example.com").location == "/")
            try await browser.get("/account/two-factor")
            let refused = try await browser.post("/account/two-factor", ["code": Self.code(step: step)])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("already been used"))
            #expect(try await accounts.find(id: fixture.therapist.id)?.totpEnabled == false)
        }
    }
}
