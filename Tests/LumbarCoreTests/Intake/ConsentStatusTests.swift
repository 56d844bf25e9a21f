import LumbarCore
import PropertyBased
import Testing

/// What is consented, worked out from append-only rows: scope, withdrawal, and spoken consent resting on written.
@Suite struct ConsentStatusTests {
    static func consent(_ id: String, _ kind: ConsentKind, intake: String? = "episode-1", visit: String? = nil, at: Int64, withdraws: String? = nil) -> Consent {
        Consent(id: id, clientId: "c", kind: kind, intakeId: kind.scope == .episode ? intake : nil, appointmentId: kind.scope == .visit ? visit : nil,
                textVersion: "v", text: "t", signerName: "Ada", signature: .typed, signatureData: "Ada", recordedBy: nil,
                at: Instant(milliseconds: at), withdraws: withdraws)
    }

    @Test func consentsHoldOnlyForTheirEpisodeOrVisit() {
        let rows = [Self.consent("t1", .treatment, at: 1), Self.consent("g1", .gluteal, at: 2),
                    Self.consent("v1", .glutealVerbal, visit: "visit-1", at: 3), Self.consent("i1", .innerThigh, visit: "visit-1", at: 4)]
        let today = ConsentStatus(rows, intakeId: "episode-1", appointmentId: "visit-1")
        #expect(ConsentKind.allCases.filter(today.isGiven) == [.treatment, .gluteal, .glutealVerbal, .innerThigh])
        let nextVisit = ConsentStatus(rows, intakeId: "episode-1", appointmentId: "visit-2")
        #expect(ConsentKind.allCases.filter(nextVisit.isGiven) == [.treatment, .gluteal], "inner thigh needs written consent every time")
        let newEpisode = ConsentStatus(rows, intakeId: "episode-2", appointmentId: "visit-1")
        #expect(!newEpisode.isGiven(.treatment) && !newEpisode.isGiven(.gluteal))
        #expect(!newEpisode.isGiven(.glutealVerbal), "spoken gluteal consent rests on written consent for the plan")
    }

    @Test func aWithdrawalEndsTheConsentButKeepsItsRecord() {
        let rows = [Self.consent("g1", .gluteal, at: 1), Self.consent("w1", .gluteal, at: 5, withdraws: "g1")]
        let status = ConsentStatus(rows, intakeId: "episode-1", appointmentId: nil)
        #expect(status.states[.gluteal] == .withdrawn(at: Instant(milliseconds: 5)))
        let again = ConsentStatus(rows + [Self.consent("g2", .gluteal, at: 9)], intakeId: "episode-1", appointmentId: nil)
        #expect(again.isGiven(.gluteal), "a new signature after a withdrawal counts")
    }

    /// Over random histories: a kind is given exactly when some in-scope consent of that kind was never withdrawn.
    @Test func givenMeansAnUnwithdrawnConsentInScope() async {
        // Each event packs a kind, an episode or visit (0-2) and whether it is later withdrawn.
        let events = Gen.int(in: 0...(ConsentKind.allCases.count * 6 - 1)).array(of: 0...12).map { codes in
            codes.map { (ConsentKind.allCases[$0 / 6], $0 % 3, ($0 / 3) % 2 == 1) }
        }
        await propertyCheck(count: 300, input: events) { events in
            var rows: [Consent] = []
            for (index, event) in events.enumerated() {
                let (kind, scope, withdraw) = event
                let id = "r\(index)"
                rows.append(Self.consent(id, kind, intake: "episode-\(scope)", visit: "visit-\(scope)", at: Int64(index * 2)))
                if withdraw { rows.append(Self.consent("w\(index)", kind, intake: "episode-\(scope)", visit: "visit-\(scope)", at: Int64(index * 2 + 1), withdraws: id)) }
            }
            let status = ConsentStatus(rows, intakeId: "episode-1", appointmentId: "visit-1")
            let withdrawn = Set(rows.compactMap(\.withdraws))
            for kind in ConsentKind.allCases {
                var live = rows.contains { $0.kind == kind && $0.withdraws == nil && !withdrawn.contains($0.id)
                    && ($0.intakeId == "episode-1" || $0.appointmentId == "visit-1") }
                if kind == .glutealVerbal {
                    live = live && rows.contains { $0.kind == .gluteal && $0.withdraws == nil && !withdrawn.contains($0.id) && $0.intakeId == "episode-1" }
                }
                #expect(status.isGiven(kind) == live, "\(kind)")
            }
        }
    }

    @Test func drawnSignaturesAreOnlyPathCommands() {
        #expect(Consent.isDrawnPath("M10 20 L11 22 L12 25 M40 40 L41 42"))
        #expect(!Consent.isDrawnPath("M10 20 L11 22\"/><script>alert(1)</script>"))
        #expect(!Consent.isDrawnPath("M10 20"))
    }
}
