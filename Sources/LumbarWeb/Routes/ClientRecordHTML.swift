import LumbarClinic
import LumbarCore

/// The client's chart, written in Swift rather than a template: the page therapists open most, where
/// swift-mustache's lookups (a cast per context frame for every name) were most of its time (docs/performance.md).
/// The layout around it is still `layout.mustache`, through `rendered.mustache`. The section row and the header come
/// first on every section; then the one section asked for.
enum ClientRecordHTML {
    static func main(_ page: ClientRecordPage) -> String {
        var w = HTMLWriter()
        let client = page.client
        w.raw("<h1>"); w.text(client.firstName); w.raw(" "); w.text(client.lastName); w.raw("</h1>\n")
        // The section row first: on a phone the header's facts are a screen of their own.
        sections(&w, page)
        header(&w, page)
        switch page.section {
        case .overview:
            triage(&w, page)
            contact(&w, page)
        case .visits: visits(&w, page)
        case .plan: plan(&w, page)
        case .program: program(&w, page)
        case .outcomes: outcomes(&w, page)
        case .documents: documents(&w, page)
        case .billing: billing(&w, page)
        }
        return w.html
    }

    /// The facts that answer "what do I need to know before this client walks in", and the note button.
    private static func header(_ w: inout HTMLWriter, _ page: ClientRecordPage) {
        let header = page.header
        let id = page.client.id
        w.raw("<section class=\"chart-header\" id=\"chart-header\" aria-label=\"At a glance\">\n<dl class=\"chart-facts\">\n")
        for fact in header.facts {
            w.raw("<div class=\"chart-fact "); w.raw(fact.tone.rawValue); w.raw("\"><dt>")
            // A link named as the fact is the label itself (Treatment plan); another follows the fact (Payments and receipts).
            let inLabel = fact.link.map { $0.text == fact.label } ?? false
            if inLabel, let link = fact.link { anchor(&w, link) } else { w.text(fact.label) }
            w.raw("</dt><dd id=\""); w.text(fact.id); w.raw("\">")
            if let badge = fact.badge { w.raw("<span class=\"badge "); w.text(badge); w.raw("\">"); w.text(badge); w.raw("</span> ") }
            w.text(fact.text)
            if !inLabel, let link = fact.link { w.raw("<br>"); anchor(&w, link) }
            w.raw("</dd></div>\n")
        }
        w.raw("</dl>\n")
        if let prompt = header.referralPrompt {
            w.raw("<p class=\"error\" role=\"alert\" id=\"referral-prompt\">"); w.text(prompt)
            w.raw(" <a href=\"/clients/"); w.text(id); w.raw("/referral-letter\">Write a referral letter</a></p>\n")
        }
        if header.bookingPaused {
            w.raw("<p class=\"error\" role=\"alert\" id=\"booking-paused\">Online booking is paused until a therapist records that a physician cleared this client.</p>\n")
        }
        if page.canWrite {
            w.raw("<form method=\"post\" action=\"/clients/"); w.text(id); w.raw("/visits\" class=\"chart-start\">"); w.csrf(page.chrome.csrf)
            // A note of one's own already begun is offered first, so a second draft is made only on purpose.
            if let draft = page.resumeDraft {
                w.raw("<a class=\"button\" id=\"resume-draft\" href=\"/clients/"); w.text(id); w.raw("/visits/"); w.text(draft.id)
                w.raw("\">Continue your draft note</a> <span class=\"help\">started "); w.text(draft.started)
                w.raw("</span> <button type=\"submit\" class=\"secondary\">Start another note</button></form>\n")
            } else {
                w.raw("<button type=\"submit\">Start a visit note</button></form>\n")
            }
        }
        w.raw("</section>\n")
    }

    private static func anchor(_ w: inout HTMLWriter, _ link: ChartHeader.Link) {
        w.raw("<a href=\""); w.text(link.href); w.raw("\" id=\""); w.text(link.id); w.raw("\">"); w.text(link.text); w.raw("</a>")
    }

    /// One link per section, the current one marked; it wraps on a phone rather than scrolling sideways.
    private static func sections(_ w: inout HTMLWriter, _ page: ClientRecordPage) {
        w.raw("<nav class=\"chart-nav\" aria-label=\"Chart sections\"><ul>")
        for section in ClientRecordPage.Section.allCases where page.showsClinical || !section.isClinical {
            w.raw("<li><a href=\"/clients/"); w.text(page.client.id)
            if section != .overview { w.raw("?section="); w.raw(section.rawValue) }
            w.raw("\" id=\"section-"); w.raw(section.rawValue); w.raw("\"")
            if section == page.section { w.raw(" aria-current=\"page\"") }
            w.raw(">"); w.text(section.label); w.raw("</a></li>")
        }
        w.raw("</ul></nav>\n")
    }

    private static func contact(_ w: inout HTMLWriter, _ page: ClientRecordPage) {
        let client = page.client
        let csrf = page.chrome.csrf
        w.raw("<section aria-labelledby=\"contact-heading\">\n<h2 id=\"contact-heading\">Contact</h2>\n<dl class=\"facts\">\n")
        // Email and phone are left out when there are none; a missing birth date or emergency contact matters, so it is said.
        if !client.email.isEmpty { w.raw("  <dt>Email</dt><dd>"); w.text(client.email); w.raw("</dd>") }
        if !client.phone.isEmpty { w.raw("<dt>Phone</dt><dd>"); w.text(client.phone); w.raw("</dd>") }
        if client.email.isEmpty && client.phone.isEmpty { w.raw("<dt>Email and phone</dt><dd>none on file</dd>") }
        w.raw("\n  <dt>Date of birth</dt><dd>"); w.text(page.dateOfBirth)
        w.raw("</dd><dt>Emergency contact</dt><dd>"); w.text(client.emergencyContact.isEmpty ? "none on file" : client.emergencyContact)
        w.raw("</dd>\n  <dt>Therapists</dt><dd>")
        w.text(page.therapists.isEmpty ? "none assigned" : page.therapists.map(\.name).joined(separator: ", "))
        w.raw("</dd>\n</dl>\n")
        if page.canAssign {
            w.raw("<form method=\"post\" action=\"/clients/"); w.text(client.id); w.raw("/therapists\" class=\"inline-form\">\n  "); w.csrf(csrf); w.raw("\n  ")
            for field in page.assignField { w.field(field) }
            w.raw("  <button type=\"submit\">Assign</button>\n</form>\n")
            if page.canInvite {
                w.raw("<form method=\"post\" action=\"/clients/"); w.text(client.id); w.raw("/portal\" class=\"inline-form\">\n  "); w.csrf(csrf)
                w.raw("\n  <button type=\"submit\" class=\"secondary\">Email a link to the client portal</button>\n</form>\n")
            }
        }
        if page.intake.canStartTablet {
            w.raw("<form method=\"post\" action=\"/clients/"); w.text(client.id); w.raw("/intake/tablet\" class=\"inline-form\">"); w.csrf(csrf)
            w.raw("\n<button type=\"submit\" class=\"secondary\">Hand a tablet to the client for their intake</button></form>\n")
            w.raw("<p class=\"help\">This signs you out on this device; the client sees only their intake. Sign in again afterwards.</p>\n")
        }
        w.raw("</section>\n")
    }

    /// The overview's triage: what was found and decided, what was done about it, and consent.
    private static func triage(_ w: inout HTMLWriter, _ page: ClientRecordPage) {
        let intake = page.intake
        let id = page.client.id
        w.raw("<section aria-labelledby=\"triage-heading\">\n<h2 id=\"triage-heading\">Intake and triage</h2>\n")
        if !intake.hasIntake {
            w.raw("<p>No intake sent yet.")
            if let started = intake.inProgress { w.raw(" One is in progress ("); w.text(started); w.raw(").") }
            w.raw("</p>\n")
        } else {
            w.raw("<p>Intake sent "); w.text(intake.submittedOn)
            if intake.clinical {
                w.raw(" · <a href=\"/clients/"); w.text(id); w.raw("/intakes/"); w.text(intake.intakeId); w.raw("\">Full answers and health history</a>")
            }
            w.raw("</p>\n")
        }
        if intake.clinical { clinicalTriage(&w, page) }
        w.raw("</section>\n")
    }

    private static func reasons(_ w: inout HTMLWriter, _ list: [IntakePanel.Reason], extra: Bool) {
        for reason in list {
            w.raw("<li>"); w.text(reason.text)
            if extra { w.raw(" <span class=\"help\">"); w.text(reason.extra); w.raw("</span>") }
            w.raw("</li>")
        }
    }

    private static func clinicalTriage(_ w: inout HTMLWriter, _ page: ClientRecordPage) {
        let intake = page.intake
        let id = page.client.id
        let csrf = page.chrome.csrf
        w.raw("<div id=\"triage\">\n<p>Referral: ")
        if intake.urgency == "none" { w.raw("none needed") } else { w.raw("<span class=\"badge "); w.text(intake.urgency); w.raw("\">"); w.text(intake.urgency); w.raw("</span>") }
        w.raw(" · Treatment today: <strong>"); w.text(intake.decision); w.raw("</strong>")
        if let risk = intake.risk { w.raw(" · Risk group: <strong>"); w.text(risk); w.raw("</strong>") }
        w.raw("</p>\n")
        if !intake.referralReasons.isEmpty {
            w.raw("<ul>"); reasons(&w, intake.referralReasons, extra: false); w.raw("</ul>\n")
        }
        w.raw("<h3>Treatment decision</h3><ul>")
        reasons(&w, intake.decisionReasons, extra: false)
        w.raw("</ul>\n")
        techniques(&w, intake.techniques, tell: intake.decisionTell)
        w.raw("<h3>Yellow flags</h3><ul>")
        reasons(&w, intake.yellowFlags, extra: false)
        if intake.yellowFlags.isEmpty { w.raw("<li>None reported.</li>") }
        w.raw("</ul>\n<p>Heat or cold: "); w.text(intake.thermal); w.raw("</p>\n")
        // Self-care goes into the home program; here it is kept for reference, folded.
        w.raw("<details class=\"chart-fold\"><summary>Self-care suggestions (\(intake.selfCare.count))</summary><ul>")
        reasons(&w, intake.selfCare, extra: true)
        if intake.selfCare.isEmpty { w.raw("<li>None while treatment waits for a physician.</li>") }
        w.raw("</ul></details>\n</div>\n<h3>What was done</h3>\n<ol class=\"notes\" id=\"triage-actions\">")
        for action in intake.actions {
            w.raw("<li><p class=\"meta\">"); w.text(action.when); w.raw(" · "); w.text(action.by); w.raw("</p><p><strong>"); w.text(action.kind); w.raw("</strong>")
            if let recipient = action.recipient { w.raw(": "); w.text(recipient) }
            w.raw("</p><p class=\"body\">"); w.text(action.detail); w.raw("</p></li>")
        }
        if intake.actions.isEmpty { w.raw("<li class=\"empty\">Nothing recorded yet.</li>") }
        w.raw("</ol>\n")
        if intake.canWrite {
            let open = intake.actionFields.contains { $0.error != nil }
            w.raw("<details class=\"chart-fold\""); if open { w.raw(" open") }
            w.raw("><summary>Record a referral, a clearance or a follow-up</summary>\n<form method=\"post\" action=\"/clients/"); w.text(id); w.raw("/intakes/")
            w.text(intake.intakeId); w.raw("/actions\" novalidate>\n  ")
            w.csrf(csrf); w.raw("\n  ")
            for field in intake.actionFields { w.field(field) }
            w.raw("  <button type=\"submit\">Record</button>\n</form></details>\n")
        }
        w.raw("<h2 id=\"consent-heading\">Consent</h2>\n<table class=\"consents\"><caption>For the current episode and "); w.text(intake.visitLabel)
        w.raw("</caption><tbody>\n")
        // A consent not given is listed only where treatment needs it; the rest are named in one line below.
        let needed = Set(page.missingConsents)
        let unasked = intake.consents.filter { $0.state == "not given" && !needed.contains($0.kind) }
        for consent in intake.consents where consent.state != "not given" || needed.contains(consent.kind) {
            w.raw("<tr><td>"); w.text(consent.label); w.raw("</td><td class=\""); w.raw(consent.given ? "given" : "missing"); w.raw("\">"); w.text(consent.state)
            w.raw("</td><td>"); w.text(consent.detail); w.raw("</td>\n<td>")
            if intake.canWrite, let withdraw = consent.withdrawId {
                w.raw("<a href=\"/clients/"); w.text(id); w.raw("/consents/"); w.text(withdraw); w.raw("/withdraw\">Record withdrawal<span class=\"sr-only\"> of ")
                w.text(consent.label.lowercased()); w.raw("</span></a>")
            }
            w.raw("</td></tr>")
        }
        w.raw("\n</tbody></table>\n")
        if !unasked.isEmpty {
            w.raw("<p class=\"help\" id=\"consents-not-needed\">Not asked for yet, as neither this plan nor today's visit needs them: ")
            w.text(unasked.map { $0.label.prefix(1).lowercased() + $0.label.dropFirst() }.joined(separator: "; ")); w.raw(".</p>\n")
        }
        if intake.canWrite, let visit = intake.visitId { visitConsent(&w, page, visit: visit) }
    }

    /// The restricted and recommended techniques, strictest first, each with why in the therapist's words; those with
    /// nothing for or against them fold away, as do the sentences written for the client.
    private static func techniques(_ w: inout HTMLWriter, _ rows: [IntakePanel.TechniqueRow], tell: [String]) {
        let shown = rows.filter { !$0.plain }, folded = rows.filter(\.plain)
        w.raw("<h3 id=\"techniques-heading\">Technique suggestions</h3>\n<ul class=\"technique-advice\" aria-labelledby=\"techniques-heading\">")
        for technique in shown {
            w.raw("<li><span class=\"badge "); w.text(technique.status); w.raw("\">"); w.text(technique.status); w.raw("</span> <strong>")
            w.text(technique.name); w.raw("</strong><span class=\"why\">"); w.text(technique.reasons); w.raw("</span></li>")
        }
        if shown.isEmpty { w.raw("<li>Nothing recommended or restricted today.</li>") }
        w.raw("</ul>\n")
        var told: [String] = []
        for sentence in tell + shown.flatMap(\.tellClient) where !told.contains(sentence) { told.append(sentence) }
        if !told.isEmpty {
            w.raw("<details class=\"chart-fold\" id=\"tell-client\"><summary>How to explain this to the client</summary><ul>")
            for sentence in told { w.raw("<li>"); w.text(sentence); w.raw("</li>") }
            w.raw("</ul></details>\n")
        }
        guard !folded.isEmpty else { return }
        w.raw("<details class=\"chart-fold\" id=\"suitable-techniques\"><summary>\(folded.count) more suitable technique\(folded.count == 1 ? "" : "s")</summary>")
        w.raw("<p>Nothing today points for or against ")
        w.text(folded.map { $0.name.lowercased() }.joined(separator: ", ")); w.raw("; each can be used if it fits the plan.</p></details>\n")
    }

    private static func visitConsent(_ w: inout HTMLWriter, _ page: ClientRecordPage, visit: String) {
        let intake = page.intake
        let id = page.client.id
        let csrf = page.chrome.csrf
        w.raw("<form method=\"post\" action=\"/clients/"); w.text(id); w.raw("/consents\" class=\"inline-form\">\n  "); w.csrf(csrf)
        w.raw("<input type=\"hidden\" name=\"kind\" value=\"gluteal-verbal\"><input type=\"hidden\" name=\"appointment\" value=\""); w.text(visit); w.raw("\">\n")
        w.raw("  <label class=\"choice\" for=\"verbal-agree\"><input type=\"checkbox\" id=\"verbal-agree\" name=\"agree\" value=\"yes\"")
        if intake.spokenAgreeError != nil { w.raw(" aria-invalid=\"true\" aria-describedby=\"verbal-agree-error\"") }
        w.raw("> <span>The client agreed aloud to gluteal work at this visit</span></label>\n  ")
        if let error = intake.spokenAgreeError { w.raw("<p class=\"error\" id=\"verbal-agree-error\">"); w.text(error); w.raw("</p>") }
        w.raw("\n  <button type=\"submit\">Record spoken consent</button>\n</form>\n")
        let written = intake.writtenConsent
        let open = written.signerNameError != nil || written.agreeError != nil
        w.raw("<details class=\"chart-fold\""); if open { w.raw(" open") }
        w.raw("><summary>Written consent for an upper inner thigh or chest wall area</summary>\n")
        w.raw("<form method=\"post\" action=\"/clients/"); w.text(id); w.raw("/consents\" novalidate>\n  "); w.csrf(csrf)
        w.raw("<input type=\"hidden\" name=\"appointment\" value=\""); w.text(visit); w.raw("\">\n  <fieldset><legend>Written consent for this visit, signed by the client</legend>\n")
        w.raw("  <div class=\"field\"><label for=\"sensitive-kind\">Area</label><select id=\"sensitive-kind\" name=\"kind\">")
        for area in written.areas {
            w.raw("<option value=\""); w.text(area.value); w.raw("\""); if area.selected { w.raw(" selected") }
            w.raw(">"); w.text(area.label); w.raw("</option>")
        }
        w.raw("</select></div>\n  <div class=\"field"); if written.signerNameError != nil { w.raw(" invalid") }
        w.raw("\"><label for=\"signerName\">Client types their full name to sign</label><input id=\"signerName\" name=\"signerName\" value=\"")
        w.text(written.signerName); w.raw("\" maxlength=\"\(page.chrome.limits.name)\"")
        if written.signerNameError != nil { w.raw(" aria-invalid=\"true\" aria-describedby=\"signerName-error\"") }
        w.raw(">\n  ")
        if let error = written.signerNameError { w.raw("<p class=\"error\" id=\"signerName-error\">"); w.text(error); w.raw("</p>") }
        w.raw("</div>\n  <label class=\"choice\" for=\"sensitive-agree\"><input type=\"checkbox\" id=\"sensitive-agree\" name=\"agree\" value=\"yes\"")
        if written.agreeError != nil { w.raw(" aria-invalid=\"true\" aria-describedby=\"sensitive-agree-error\"") }
        w.raw("> <span>The client read the consent text and agrees</span></label>\n  ")
        if let error = written.agreeError { w.raw("<p class=\"error\" id=\"sensitive-agree-error\">"); w.text(error); w.raw("</p>") }
        w.raw("\n  <button type=\"submit\">Record written consent</button></fieldset>\n</form></details>\n")
    }

    /// Visit notes, newest first (the latest few open, the rest folded), and the chart notes with their form.
    private static func visits(_ w: inout HTMLWriter, _ page: ClientRecordPage) {
        let id = page.client.id
        let csrf = page.chrome.csrf
        w.raw("<section aria-labelledby=\"visits-heading\">\n<h2 id=\"visits-heading\">Visit notes</h2>\n<ul class=\"list\" id=\"visit-notes\">")
        let recent = 10
        for (index, visit) in page.visits.enumerated() {
            if index == recent {
                w.raw("</ul>\n<details class=\"chart-fold\"><summary>\(page.visits.count - recent) earlier visit\(page.visits.count - recent == 1 ? "" : "s")</summary>")
                w.raw("<ul class=\"list\" id=\"earlier-visit-notes\">")
            }
            w.raw("<li><a href=\"/clients/"); w.text(id); w.raw("/visits/"); w.text(visit.id); w.raw("\">"); w.text(visit.when); w.raw("</a> · ")
            w.text(visit.author); w.raw(" · "); w.text(visit.status)
            if let pain = visit.pain { w.raw(" · "); w.text(pain) }
            if let findings = visit.findings { w.raw(" · "); w.text(findings) }
            if visit.amended { w.raw(" · amended") }
            w.raw("</li>")
        }
        if page.visits.isEmpty { w.raw("<li>No visit notes yet.</li>") }
        w.raw(page.visits.count > recent ? "</ul></details>\n" : "</ul>\n")
        w.raw("</section>\n<section aria-labelledby=\"chart-heading\">\n<h2 id=\"chart-heading\">Chart notes</h2>\n<ol class=\"notes\">")
        for note in page.notes {
            w.raw("<li id=\"note-"); w.text(note.id); w.raw("\"><p class=\"meta\">"); w.text(note.createdAt); w.raw(" · "); w.text(note.authorName)
            if note.amends != nil { w.raw(" · amends an earlier note") }
            if let reason = note.reason { w.raw(" ("); w.text(reason); w.raw(")") }
            w.raw("</p><p class=\"body\">"); w.text(note.body); w.raw("</p></li>")
        }
        if page.notes.isEmpty { w.raw("\n<li class=\"empty\">No notes yet.</li>") }
        w.raw("</ol>\n")
        if page.canWrite {
            w.raw("<form method=\"post\" action=\"/clients/"); w.text(id); w.raw("/notes\" novalidate>\n  "); w.csrf(csrf); w.raw("\n")
            for field in page.noteFields { w.field(field) }
            w.raw("  <button type=\"submit\">Add to chart</button>\n</form>\n")
        }
        w.raw("</section>\n")
    }

    private static func plan(_ w: inout HTMLWriter, _ page: ClientRecordPage) {
        let id = page.client.id
        w.raw("<section aria-labelledby=\"plan-heading\">\n<h2 id=\"plan-heading\">Plan</h2>\n")
        if let plan = page.plan {
            w.raw("<dl class=\"facts\" id=\"plan-summary\"><dt>Goals</dt><dd>"); w.text(plan.goals.isEmpty ? "none written" : plan.goals.joined(separator: "; "))
            w.raw("</dd><dt>How often</dt><dd>"); w.text(plan.frequency); w.raw("</dd><dt>Progress</dt><dd>"); w.text(page.header.facts.first { $0.id == "fact-plan" }?.text ?? "")
            w.raw("</dd><dt>Version</dt><dd>\(plan.version)</dd></dl>\n")
            w.raw("<p><a class=\"button secondary\" href=\"/clients/"); w.text(id); w.raw("/plan\">Open the plan</a></p>\n")
        } else {
            w.raw("<p>No treatment plan yet. <a class=\"button secondary\" href=\"/clients/"); w.text(id); w.raw("/plan\">Make the plan</a></p>\n")
        }
        w.raw("</section>\n")
    }

    private static func program(_ w: inout HTMLWriter, _ page: ClientRecordPage) {
        let id = page.client.id
        w.raw("<section aria-labelledby=\"program-heading\">\n<h2 id=\"program-heading\">Home program</h2>\n")
        if let diary = page.homeProgram {
            w.raw("<p class=\"notice\" id=\"home-program-summary\">Home program diary: "); w.text(diary); w.raw("</p>\n")
        } else {
            w.raw("<p>No home program yet.</p>\n")
        }
        w.raw("<p><a class=\"button secondary\" href=\"/clients/"); w.text(id); w.raw("/program\" id=\"program-link\">")
        w.raw(page.homeProgram == nil ? "Prescribe a home program" : "Open the home program"); w.raw("</a></p>\n</section>\n")
    }

    private static func outcomes(_ w: inout HTMLWriter, _ page: ClientRecordPage) {
        let id = page.client.id
        w.raw("<section aria-labelledby=\"progress-heading\">\n<h2 id=\"progress-heading\">Outcomes</h2>\n")
        if !page.outcomes.isEmpty {
            w.raw("<dl class=\"facts\" id=\"outcome-summary\">")
            for line in page.outcomes { w.raw("<dt>"); w.text(line.name); w.raw("</dt><dd>"); w.text(line.text); w.raw("</dd>") }
            w.raw("</dl>\n")
        }
        if let progress = page.progress, progress.hasData {
            w.raw("<div class=\"charts\"><figure class=\"body-chart\"><img src=\"/clients/"); w.text(id)
            w.raw("/outcomes/pain.svg\" alt=\"Pain over time\"><figcaption>Pain (NPRS)</figcaption></figure>\n")
            w.raw("<figure class=\"body-chart\"><img src=\"/clients/"); w.text(id)
            w.raw("/outcomes/function.svg\" alt=\"Function over time\"><figcaption>Function (PSFS)</figcaption></figure>\n")
            for chart in progress.disabilityCharts {
                w.raw("<figure class=\"body-chart\"><img src=\"/clients/"); w.text(id); w.raw("/outcomes/"); w.text(chart)
                w.raw("\" alt=\"Disability questionnaire over time\"><figcaption>Disability questionnaire</figcaption></figure>")
            }
            w.raw("</div>\n")
        } else {
            w.raw("<p>No outcome scores yet: pain and function are asked at the intake and at each visit.</p>\n")
        }
        if page.header.referralPrompt == nil, page.canWrite {
            w.raw("<p><a href=\"/clients/"); w.text(id); w.raw("/referral-letter\">Write a referral letter</a></p>\n")
        }
        w.raw("</section>\n")
    }

    private static func documents(_ w: inout HTMLWriter, _ page: ClientRecordPage) {
        let id = page.client.id
        w.raw("<section aria-labelledby=\"documents-heading\">\n<h2 id=\"documents-heading\">Documents</h2>\n")
        if !page.recentDocuments.isEmpty {
            w.raw("<ul class=\"documents\" id=\"recent-documents\">")
            for document in page.recentDocuments {
                w.raw("<li class=\"document\"><p class=\"document-name\"><a href=\"/clients/"); w.text(id); w.raw("/documents#document-"); w.text(document.id)
                w.raw("\">"); w.text(document.name); w.raw("</a></p><p class=\"help\">"); w.text(document.detail); w.raw("</p></li>")
            }
            w.raw("</ul>\n")
        }
        w.raw("<p>")
        if let count = page.documentCount {
            let shown = page.recentDocuments.count
            w.text(count == 0 ? "No documents kept yet." : shown == count ? "" : shown == 0 ? "\(count) kept, all withdrawn." : "The newest \(shown) of \(count) kept.")
        }
        w.raw(" <a class=\"button secondary\" href=\"/clients/"); w.text(id); w.raw("/documents\" id=\"documents-link\">All documents, and attach one</a></p>\n")
        if page.showsClinical {
            w.raw("<p><a href=\"/clients/"); w.text(id); w.raw("/record\">Print the whole record</a> · <a href=\"/clients/"); w.text(id)
            w.raw("/record.fhir.json\">Download the record for another clinic's system (FHIR)</a></p>\n")
        }
        w.raw("</section>\n")
    }

    private static func billing(_ w: inout HTMLWriter, _ page: ClientRecordPage) {
        let id = page.client.id
        w.raw("<section aria-labelledby=\"appt-heading\">\n<h2 id=\"appt-heading\">Billing and appointments</h2>\n<p id=\"billing-balance\">")
        w.text(page.header.facts.first { $0.id == "fact-balance" }?.text.capitalizedFirst ?? "")
        w.raw(". <a class=\"button secondary\" href=\"/clients/"); w.text(id); w.raw("/billing\">Record a payment or issue a receipt</a></p>\n<ul class=\"list\" id=\"appointments\">")
        for row in page.appointments {
            w.raw("<li><strong>"); w.text(row.when); w.raw("</strong> · "); w.text(row.service); w.raw(" with "); w.text(row.therapist)
            w.raw(" · <span class=\"status\">"); w.text(row.status); w.raw("</span></li>")
        }
        if page.appointments.isEmpty { w.raw("\n<li>No appointments from the last month on.</li>") }
        w.raw("</ul>\n</section>\n")
    }
}

private extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
