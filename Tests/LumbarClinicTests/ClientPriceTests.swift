import LumbarClinic
import LumbarCore
import PropertyBased
import Testing

/// The price a client sees when booking is what the receipt for that visit charges, tax included.
@Suite struct ClientPriceTests {
    static func service(_ cents: Int, _ basisPoints: Int) -> BookableService {
        BookableService(id: "s", name: "Massage", minutes: 60, bufferMinutes: 15, priceCents: cents, taxBasisPoints: basisPoints, bookableOnline: true,
                        audience: .any)
    }

    @Test func theClientSeesThePriceWithHST() {
        #expect(ClientPrice(Self.service(12_000, 1300)).words == "$135.60 (includes $15.60 HST)")
        #expect(ClientPrice(Self.service(12_000, 0)).words == "$120.00", "no tax, nothing to explain")
        #expect(ClientPrice(Self.service(10_000, 500)).words == "$105.00 (includes $5.00 tax)", "GST alone is not HST")
        #expect(ClientPrice(Self.service(10_000, 1500)).taxName == "HST")
    }

    /// For any price and rate, the shown total is the total of the charge a receipt is printed from.
    @Test func theShownTotalIsTheReceiptsTotal() async {
        await propertyCheck(count: 500, input: Gen.int(in: 0...1_000_000), Gen.int(in: 0...10_000)) { cents, basisPoints in
            let service = Self.service(cents, basisPoints)
            let visit = Appointment(id: "a", clientId: "c", therapistId: "t", locationId: "l", roomId: nil, serviceId: "s", start: Instant(milliseconds: 0),
                                    end: Instant(milliseconds: 3_600_000), occupiedUntil: Instant(milliseconds: 4_500_000), status: .completed)
            let charge = Billing.charge(visit, service: service)
            let shown = ClientPrice(service)
            #expect(shown.totalCents == charge?.totalCents && shown.taxCents == charge?.taxCents)
            #expect(shown.words.hasPrefix(Money.text(charge?.totalCents ?? -1)))
        }
    }
}
