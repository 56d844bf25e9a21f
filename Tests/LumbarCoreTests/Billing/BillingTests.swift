import LumbarCore
import PropertyBased
import Testing

/// Charges by appointment status, HST rounding, and what is owed.
@Suite struct BillingTests {
    static let service = BookableService(id: "s", name: "Massage, 60 minutes", minutes: 60, bufferMinutes: 15, priceCents: 12_000, taxBasisPoints: 1300,
                                         bookableOnline: true, audience: .any)

    static func appointment(_ status: Appointment.Status, fee: Int = 0) -> Appointment {
        Appointment(id: "a", clientId: "c", therapistId: "t", locationId: "l", roomId: nil, serviceId: "s", start: Instant(milliseconds: 0),
                    end: Instant(milliseconds: 3_600_000), occupiedUntil: Instant(milliseconds: 4_500_000), status: status, feeCents: fee)
    }

    @Test func chargesFollowTheAppointment() {
        #expect(Billing.charge(Self.appointment(.completed), service: Self.service)?.totalCents == 13_560)
        #expect(Billing.charge(Self.appointment(.arrived), service: Self.service)?.taxCents == 1_560)
        #expect(Billing.charge(Self.appointment(.booked), service: Self.service) == nil)
        #expect(Billing.charge(Self.appointment(.cancelled), service: Self.service) == nil)
        #expect(Billing.charge(Self.appointment(.lateCancelled, fee: 4_000), service: Self.service)?.totalCents == 4_000)
        #expect(Billing.charge(Self.appointment(.lateCancelled), service: Self.service) == nil)
        #expect(Billing.tax(1_005, basisPoints: 1300) == 131, "130.65 cents rounds half up")
    }

    @Test func owedIsTheChargeLessPaymentsAndNeverNegative() async {
        let charge = Billing.charge(Self.appointment(.completed), service: Self.service)
        await propertyCheck(count: 200, input: Gen.int(in: 1...20_000).array(of: 0...4)) { amounts in
            let payments = amounts.map { Payment(appointmentId: "a", clientId: "c", amountCents: $0, method: .debit, receivedAt: Instant(milliseconds: 0), recordedBy: "d") }
            #expect(Billing.owed(charge, payments: payments) == max(0, 13_560 - amounts.reduce(0, +)))
        }
    }
}
