import Hummingbird
import HummingbirdTesting
import LumbarClinic
import LumbarCore
@testable import LumbarWeb
import Testing
import TestSupport

/// The key URI the enrolment page's QR code carries, in the otpauth format authenticator apps read.
@Suite struct TwoFactorEnrolTests {
    @Test func keyURIEncodesTheClinicAndTheAccount() {
        // "12345678901234567890" is RFC 6238's test key; its base32 is published with it.
        let url = TwoFactor.authenticatorURL(secret: "12345678901234567890", account: "olive+desk@example.com", issuer: "Spine & Ease: King St")
        #expect(url == "otpauth://totp/Spine%20%26%20Ease%3A%20King%20St:olive%2Bdesk%40example.com"
            + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Spine%20%26%20Ease%3A%20King%20St&algorithm=SHA1&digits=6&period=30")
        #expect(TwoFactor.percentEncoded("Clinique Élan") == "Clinique%20%C3%89lan")
    }

    @Test func theEnrolmentPageShowsTheQRCodeAndTheKeyInFours() async throws {
        let fixture = try await WebFixture.make(setUp: false)
        try await fixture.test { client in
            let browser = Browser(client)
            _ = try await browser.get("/setup")
            _ = try await browser.post("/setup", ["clinicName": "Spine & Ease", "address": "12 King St W", "timeZone": "America/Toronto",
                                                  "hstNumber": "123456789 RT0001", "name": "Olive Owner", "email": "olive@example.com", "password": "correct horse battery"])
            _ = try await browser.signIn("olive@example.com")
            let page = try await browser.get("/account/two-factor").body
            let secret = try #require(try await fixture.services.accounts.credentials(email: "olive@example.com")?.totpSecret)
            let key = TwoFactor.base32(secret)
            #expect(key.count == 32)
            let groups = stride(from: 0, to: 32, by: 4).map { "<span>" + key.dropFirst($0).prefix(4) + "</span>" }.joined()
            #expect(page.contains("<code id=\"totp-secret\" class=\"totp-key\">\(groups)</code>"))
            #expect(page.contains("data-otpauth=\"otpauth://totp/Spine%20%26%20Ease:olive%40example.com?secret=\(key)"
                + "&amp;issuer=Spine%20%26%20Ease&amp;algorithm=SHA1&amp;digits=6&amp;period=30\""))
            #expect(page.contains("<svg xmlns=\"http://www.w3.org/2000/svg\"") && page.contains("role=\"img\""))
            #expect(page.contains("Scan this with your authenticator app."))
        }
    }
}
