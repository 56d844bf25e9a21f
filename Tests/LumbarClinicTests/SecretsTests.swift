import LumbarClinic
import Testing

/// Stored hashes must not change form: sessions, API tokens and links already issued are found by them.
@Suite struct SecretsTests {
    @Test func hashIsLowerCaseHexOfSHA256() {
        // FIPS 180-2 test vectors.
        #expect(Secrets.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Secrets.hash("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func tokensAreURLSafeAndDistinct() {
        let tokens = (0..<100).map { _ in Secrets.token() }
        #expect(Set(tokens).count == tokens.count)
        #expect(tokens.allSatisfy { $0.count == 43 && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } })
    }
}
