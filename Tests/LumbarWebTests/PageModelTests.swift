import Foundation
import Hummingbird
import LumbarCore
@testable import LumbarWeb
import Mustache
import Testing
import TestSupport

/// Page models reach the renderer through `MustacheParent`, answered by an explicit `child(named:)` beside each type,
/// never by reflection. What a template shows must be what the model holds, as it was when models were reflected.
@Suite struct PageModelTests {
    func render(_ template: String, _ model: Any) throws -> String {
        let library = MustacheLibrary(templates: ["t": try MustacheTemplate(string: template)])
        return try #require(library.render(model, withTemplate: "t"))
    }

    /// A parent with its own `error`, `help` and `label`, for fields that have none of their own.
    struct Outer: MustacheParent {
        let error = "outer error"
        let help = "outer help"
        let fields: [FieldView]

        func child(named: String) -> Any? {
            switch named {
            case "error": error
            case "help": help
            case "fields": fields
            default: nil
            }
        }
    }

    @Test func aNilOptionalFallsThroughToTheParentContext() throws {
        var own = FieldView("a", "A", help: "own help")
        own.error = "own error"
        let bare = FieldView("b", "B")
        let html = try render("{{#fields}}[{{name}}:{{error}}:{{help}}:{{autocomplete}}]{{/fields}}", Outer(fields: [own, bare]))
        // The bare field has no error or help: the row's {{error}} finds the parent's, as it did when nil optionals were left out.
        #expect(html == "[a:own error:own help:][b:outer error:outer help:]")
        // nil itself, not a boxed Optional.none (which the renderer would take as present and print as "nil").
        #expect(bare.child(named: "error") == nil)
        #expect(bare.child(named: "maxLength") == nil)
        #expect(own.child(named: "error") as? String == "own error")
        #expect(bare.child(named: "noSuchField") == nil)
        #expect(try render("{{#fields}}{{^error}}none{{/error}}{{/fields}}", ["fields": [bare]]) == "none")
    }

    @Test func nestedArraysOfRowsRenderAndBoolsDriveSections() throws {
        let days = [
            CalendarReschedulePage.DayLink(label: "Tue <24>", href: "/a", count: 3, selected: true),
            CalendarReschedulePage.DayLink(label: "Wed", href: "/b", count: 0, selected: false),
        ]
        let times = [CalendarReschedulePage.Time(value: "1|t", label: "9:00 a.m."), CalendarReschedulePage.Time(value: "2|t", label: "9:15 a.m.")]
        let template = "{{#days}}{{label}}{{#selected}} *{{/selected}}{{^selected}} -{{/selected}} {{count}};{{/days}}|{{#times}}{{label}}={{value}};{{/times}}"
        #expect(try render(template, ["days": days, "times": times]) == "Tue &lt;24&gt; * 3;Wed - 0;|9:00 a.m.=1|t;9:15 a.m.=2|t;")
    }

    @Test func lumbarCoreTypesRenderTheirFields() throws {
        let clients = [
            Client(id: "c1", accountId: "a1", firstName: "Ada", lastName: "Alpha", email: "ada@example.com", phone: "416-555-0100",
                   dateOfBirth: LocalDate(year: 1980, month: 4, day: 2)),
            Client(id: "c2", firstName: "Ben", lastName: "Beta"),
        ]
        let therapists = [Account(id: "t1", email: "theo@example.com", name: "Theo", role: .therapist, collegeRegistration: "R-1"),
                          Account(id: "d1", email: "desk@example.com", name: "Desk", role: .frontDesk)]
        let template = "{{#clients}}{{lastName}}, {{firstName}} {{email}} {{dateOfBirth}}{{#accountId}} portal{{/accountId}}{{^accountId}} no portal{{/accountId}}|{{/clients}}"
            + "{{#therapists}}{{name}} {{role}}{{#collegeRegistration}} #{{.}}{{/collegeRegistration}}|{{/therapists}}"
            + "{{#problems}}{{field}}={{message}};{{/problems}}"
        let model: [String: Any] = ["clients": clients, "therapists": therapists, "problems": [FieldProblem("email", "Check it.")]]
        // Values that describe themselves (dates, enums) print as they always did: their description.
        let html = try render(template, model)
        // Ben has no date of birth: nil, so {{dateOfBirth}} climbs the stack and finds nothing.
        #expect(html == "Alpha, Ada ada@example.com 1980-04-02 portal|Beta, Ben   no portal|Theo \(Role.therapist) #R-1|Desk \(Role.frontDesk)|email=Check it.;")
        let profile = ClinicProfile(name: "Spine & Ease", address: "12 King St W", timeZone: "America/Toronto")
        #expect(try render("{{clinic.name}}|{{#clinic.hstNumber}}HST{{/clinic.hstNumber}}{{^clinic.hstNumber}}no HST{{/clinic.hstNumber}}|{{#clinic.sharedCare}}shared{{/clinic.sharedCare}}",
                           ["clinic": profile]) == "Spine &amp; Ease|no HST|")
    }

    /// Each `child(named:)` answers for every stored property (`scripts/check_views.py` checks the source the same way).
    @Test func everyStoredPropertyAnswers() {
        func unanswered(_ value: some MustacheParent) -> [String] {
            Mirror(reflecting: value).children.compactMap(\.label).filter { value.child(named: $0) == nil }
        }
        var field = FieldView("a", "A", help: "h", autocomplete: "off", list: "l", limit: .name)
        field.error = "e"
        #expect(unanswered(field) == [])
        #expect(unanswered(Client(id: "c", accountId: "a", firstName: "F", lastName: "L", dateOfBirth: LocalDate(year: 2000, month: 1, day: 1))) == [])
        #expect(unanswered(Account(id: "a", email: "e", name: "n", role: .owner, collegeRegistration: "r")) == [])
        #expect(unanswered(TriageAdvice(urgency: .urgent, tell: ["t"], cleared: false)) == [])
        #expect(unanswered(Chrome.Limits()) == [])
    }

    /// The real `field` partial, drawn from a field model alone.
    @Test func theFieldPartialRendersAFieldView() async throws {
        let views = try await Views.load()
        var field = FieldView("email", "Email", type: "email", help: "We write here.", optional: true)
        field.error = "Enter an email address."
        field.value = "ada@"
        let html = views.render("field", field)
        #expect(html.contains(#"<div class="field invalid">"#))
        #expect(html.contains(#"<span class="optional">(optional)</span>"#))
        #expect(html.contains(#"<input id="email" name="email" type="email" value="ada@" maxlength="\#(FieldLimit.email.characters)" aria-invalid="true" aria-describedby="email-error">"#))
        #expect(html.contains(#"<p class="help">We write here.</p>"#))
        #expect(html.contains(#"<p class="error" id="email-error">Enter an email address.</p>"#))
        #expect(!html.contains("nil"))
    }

    /// The chrome's clinic name is read once per request (ChromeMiddleware) and reaches every page that shows it.
    @Test func pagesShowTheClinicsNameReadForTheRequest() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let browser = Browser(client)
            _ = try await browser.signIn("desk@example.com")
            for path in ["/", "/clients", "/clients/\(fixture.clientA.id)", "/calendar"] {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(page.body.contains(#"<a class="brand" href="/">Spine &amp; Ease</a>"#), "\(path)")
            }
        }
        await TestDatabase.dispose(fixture.services.database)
    }
}
