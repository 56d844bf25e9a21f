import LumbarCore

/// The client record page's main part, written in Swift rather than a template: the page therapists open most, where
/// swift-mustache's lookups (a cast per context frame for every name) were most of its time (docs/performance.md).
/// The layout around it is still `layout.mustache`, through `rendered.mustache`.
enum ClientRecordHTML {
    static func main(_ page: ClientRecordPage) -> String {
        var w = HTMLWriter()
        let client = page.client
        let id = client.id
        let csrf = page.chrome.csrf
        w.raw("<h1>"); w.text(client.firstName); w.raw(" "); w.text(client.lastName); w.raw("</h1>\n")
        contact(&w, page)
        if page.ownView { ownIntake(&w, page) } else { triage(&w, page) }
        appointments(&w, page)
        if page.showsClinical {
            w.raw("<section aria-labelledby=\"chart-heading\">\n<h2 id=\"chart-heading\">Chart notes</h2>\n")
            if let progress = page.progress {
                w.raw("<h3 id=\"progress-heading\">Progress</h3>\n")
                if let prompt = progress.prompt {
                    w.raw("<p class=\"error\" role=\"alert\" id=\"referral-prompt\">"); w.text(prompt)
                    w.raw(" <a href=\"/clients/"); w.text(id); w.raw("/referral-letter\">Write a referral letter</a></p>\n")
                }
                if progress.hasData {
                    w.raw("<div class=\"charts\"><figure class=\"body-chart\"><img src=\"/clients/"); w.text(id)
                    w.raw("/outcomes/pain.svg\" alt=\"Pain over time\"><figcaption>Pain (NPRS)</figcaption></figure>\n")
                    w.raw("<figure class=\"body-chart\"><img src=\"/clients/"); w.text(id)
                    w.raw("/outcomes/function.svg\" alt=\"Function over time\"><figcaption>Function (PSFS)</figcaption></figure>\n")
                    for chart in progress.disabilityCharts {
                        w.raw("<figure class=\"body-chart\"><img src=\"/clients/"); w.text(id); w.raw("/outcomes/"); w.text(chart)
                        w.raw("\" alt=\"Disability questionnaire over time\"><figcaption>Disability questionnaire</figcaption></figure>")
                    }
                    w.raw("</div>\n")
                }
                if progress.prompt == nil, page.canWrite {
                    w.raw("<p><a href=\"/clients/"); w.text(id); w.raw("/referral-letter\">Write a referral letter</a></p>\n")
                }
            }
            w.raw("<h3>Visit notes</h3>\n<ul class=\"list\" id=\"visit-notes\">")
            for visit in page.visits {
                w.raw("<li><a href=\"/clients/"); w.text(id); w.raw("/visits/"); w.text(visit.id); w.raw("\">"); w.text(visit.when); w.raw("</a> · ")
                w.text(visit.author); w.raw(" · "); w.text(visit.status)
                if let pain = visit.pain { w.raw(" · "); w.text(pain) }
                if visit.amended { w.raw(" · amended") }
                w.raw("</li>")
            }
            if page.visits.isEmpty { w.raw("<li>No visit notes yet.</li>") }
            w.raw("</ul>\n")
            if page.canWrite {
                w.raw("<form method=\"post\" action=\"/clients/"); w.text(id); w.raw("/visits\">"); w.csrf(csrf)
                w.raw("<button type=\"submit\">Start a visit note</button></form>\n")
            }
            if let diary = page.homeProgram {
                w.raw("<p class=\"notice\" id=\"home-program-summary\">Home program diary: "); w.text(diary)
                w.raw(" <a href=\"/clients/"); w.text(id); w.raw("/program\">Details</a></p>\n")
            }
            w.raw("<ol class=\"notes\">")
            for note in page.notes {
                w.raw("<li id=\"note-"); w.text(note.id); w.raw("\"><p class=\"meta\">"); w.text(note.createdAt); w.raw(" · "); w.text(note.authorName)
                if note.amends != nil { w.raw(" · amends an earlier note") }
                if let reason = note.reason { w.raw(" ("); w.text(reason); w.raw(")") }
                w.raw("</p><p class=\"body\">"); w.text(note.body); w.raw("</p></li>")
            }
            if page.notes.isEmpty { w.raw("\n<li>No notes yet.</li>") }
            w.raw("</ol>\n")
            if page.canWrite {
                w.raw("<form method=\"post\" action=\"/clients/"); w.text(id); w.raw("/notes\" novalidate>\n  "); w.csrf(csrf); w.raw("\n")
                for field in page.noteFields { w.field(field) }
                w.raw("  <button type=\"submit\">Add to chart</button>\n</form>\n")
            }
            w.raw("</section>\n")
        }
        return w.html
    }

    private static func contact(_ w: inout HTMLWriter, _ page: ClientRecordPage) {
        let client = page.client
        let csrf = page.chrome.csrf
        w.raw("<section aria-labelledby=\"contact-heading\">\n<h2 id=\"contact-heading\">Contact</h2>\n<dl class=\"facts\">\n  <dt>Email</dt><dd>")
        w.text(client.email); w.raw("</dd><dt>Phone</dt><dd>"); w.text(client.phone); w.raw("</dd>\n  <dt>Date of birth</dt><dd>"); w.text(page.dateOfBirth)
        w.raw("</dd><dt>Emergency contact</dt><dd>"); w.text(client.emergencyContact); w.raw("</dd>\n  <dt>Therapists</dt><dd>")
        for therapist in page.therapists { w.text(therapist.name); w.raw(" ") }
        if page.therapists.isEmpty { w.raw("none assigned") }
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
        w.raw("</section>\n")
    }

    /// The client's own view of their intake, questionnaires and consents.
    private static func ownIntake(_ w: inout HTMLWriter, _ page: ClientRecordPage) {
        let intake = page.intake
        w.raw("<section aria-labelledby=\"intake-heading\">\n<h2 id=\"intake-heading\">Health intake</h2>\n")
        if intake.hasIntake { w.raw("<p>Sent "); w.text(intake.submittedOn); w.raw(".</p>\n") }
        if let started = intake.inProgress {
            w.raw("<p>You have an intake in progress ("); w.text(started); w.raw("). <a class=\"button\" href=\"/intake\">Continue my intake</a></p>\n")
        } else if intake.hasIntake {
            w.raw("<p><a href=\"/intake\">Update my health history for a new episode</a></p>\n")
        } else {
            w.raw("<p>Please fill in your health intake before your first visit. <a class=\"button\" href=\"/intake\">Start my intake</a></p>\n")
        }
        for questionnaire in page.questionnaires {
            w.raw("<p><a href=\"/me/questionnaires/"); w.text(questionnaire.code); w.raw("\">Fill in the "); w.text(questionnaire.name)
            w.raw(" again</a> <span class=\"help\">(helps your therapist see progress)</span></p>\n")
        }
        if intake.bookingPaused {
            w.raw("<p class=\"error\" role=\"alert\">Online booking is paused until your therapist hears that a doctor has checked you. <a href=\"/intake/")
            w.text(intake.intakeId); w.raw("/result\">What to do</a></p>\n")
        }
        if intake.clinical {
            w.raw("<table class=\"consents\"><caption>Your consents</caption><tbody>\n")
            for consent in intake.consents where consent.given {
                w.raw("<tr><td>"); w.text(consent.label); w.raw("</td><td class=\"given\">given</td><td>"); w.text(consent.detail); w.raw("</td><td>")
                if let withdraw = consent.withdrawId {
                    w.raw("<form method=\"post\" action=\"/me/consents/"); w.text(withdraw); w.raw("/withdraw\" class=\"inline\">"); w.csrf(page.chrome.csrf)
                    w.raw("<button type=\"submit\" class=\"secondary\">Withdraw</button></form>")
                }
                w.raw("</td></tr>")
            }
            w.raw("\n</tbody></table>\n")
        }
        w.raw("</section>\n")
    }

    /// Staff's view: triage, what was done about it, and consent.
    private static func triage(_ w: inout HTMLWriter, _ page: ClientRecordPage) {
        let intake = page.intake
        let id = page.client.id
        let csrf = page.chrome.csrf
        w.raw("<section aria-labelledby=\"triage-heading\">\n<h2 id=\"triage-heading\">Intake and triage</h2>\n")
        if !intake.hasIntake {
            w.raw("<p>No intake sent yet.")
            if let started = intake.inProgress { w.raw(" One is in progress ("); w.text(started); w.raw(").") }
            w.raw("</p>\n")
        }
        if intake.clinical {
            w.raw("<p><a class=\"button secondary\" href=\"/clients/"); w.text(id); w.raw("/plan\" id=\"plan-link\">Treatment plan</a> <a class=\"button secondary\" href=\"/clients/")
            w.text(id); w.raw("/program\" id=\"program-link\">Home program</a></p>\n")
        }
        if intake.hasIntake {
            w.raw("<p>Intake sent "); w.text(intake.submittedOn); w.raw(".")
            if intake.clinical {
                w.raw(" <a href=\"/clients/"); w.text(id); w.raw("/intakes/"); w.text(intake.intakeId); w.raw("\">Full answers and health history</a>")
            }
            w.raw("</p>\n")
        }
        if intake.bookingPaused {
            w.raw("<p class=\"error\" role=\"alert\" id=\"booking-paused\">Online booking is paused until a therapist records that a physician cleared this client.</p>\n")
        }
        if intake.canStartTablet {
            w.raw("<form method=\"post\" action=\"/clients/"); w.text(id); w.raw("/intake/tablet\" class=\"inline-form\">"); w.csrf(csrf)
            w.raw("\n<button type=\"submit\" class=\"secondary\">Hand a tablet to the client for their intake</button></form>\n")
            w.raw("<p class=\"help\">This signs you out on this device; the client sees only their intake. Sign in again afterwards.</p>\n")
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
        w.raw("<div id=\"triage\">\n<p>Referral: <span class=\"badge "); w.text(intake.urgency); w.raw("\">"); w.text(intake.urgency)
        w.raw("</span> · Treatment today: <strong>"); w.text(intake.decision); w.raw("</strong>")
        if let risk = intake.risk { w.raw(" · Risk group: <strong>"); w.text(risk); w.raw("</strong>") }
        w.raw("</p>\n<ul>")
        for reason in intake.referralReasons {
            w.raw("<li>"); w.text(reason.text); w.raw(" <span class=\"help\">("); w.text(reason.extra); w.raw(")</span></li>")
        }
        w.raw("</ul>\n<h3>Treatment decision</h3><ul>")
        reasons(&w, intake.decisionReasons, extra: false)
        w.raw("</ul>\n<table><caption>Technique suggestions</caption><thead><tr><th>Technique</th><th>Status</th><th>Why</th></tr></thead>\n<tbody>")
        for technique in intake.techniques {
            w.raw("<tr><td>"); w.text(technique.name); w.raw("</td><td>"); w.text(technique.status); w.raw("</td><td>"); w.text(technique.reasons); w.raw("</td></tr>")
        }
        w.raw("</tbody></table>\n<h3>Yellow flags</h3><ul>")
        reasons(&w, intake.yellowFlags, extra: false)
        if intake.yellowFlags.isEmpty { w.raw("<li>None reported.</li>") }
        w.raw("</ul>\n<p>Heat or cold: "); w.text(intake.thermal); w.raw("</p>\n<h3>Self-care suggestions</h3><ul>")
        reasons(&w, intake.selfCare, extra: true)
        if intake.selfCare.isEmpty { w.raw("<li>None while treatment waits for a physician.</li>") }
        w.raw("</ul>\n</div>\n<h3>What was done</h3>\n<ol class=\"notes\" id=\"triage-actions\">")
        for action in intake.actions {
            w.raw("<li><p class=\"meta\">"); w.text(action.when); w.raw(" · "); w.text(action.by); w.raw("</p><p><strong>"); w.text(action.kind); w.raw("</strong>")
            if let recipient = action.recipient { w.raw(": "); w.text(recipient) }
            w.raw("</p><p class=\"body\">"); w.text(action.detail); w.raw("</p></li>")
        }
        if intake.actions.isEmpty { w.raw("<li>Nothing recorded yet.</li>") }
        w.raw("</ol>\n")
        if intake.canWrite {
            w.raw("<form method=\"post\" action=\"/clients/"); w.text(id); w.raw("/intakes/"); w.text(intake.intakeId); w.raw("/actions\" novalidate>\n  ")
            w.csrf(csrf); w.raw("\n  ")
            for field in intake.actionFields { w.field(field) }
            w.raw("  <button type=\"submit\">Record</button>\n</form>\n")
        }
        w.raw("<h2 id=\"consent-heading\">Consent</h2>\n<table class=\"consents\"><caption>For the current episode and "); w.text(intake.visitLabel)
        w.raw("</caption><tbody>\n")
        for consent in intake.consents {
            w.raw("<tr><td>"); w.text(consent.label); w.raw("</td><td class=\""); w.raw(consent.given ? "given" : "missing"); w.raw("\">"); w.text(consent.state)
            w.raw("</td><td>"); w.text(consent.detail); w.raw("</td>\n<td>")
            if intake.canWrite, let withdraw = consent.withdrawId {
                w.raw("<form method=\"post\" action=\"/clients/"); w.text(id); w.raw("/consents/"); w.text(withdraw); w.raw("/withdraw\" class=\"inline\">"); w.csrf(csrf)
                w.raw("<button type=\"submit\" class=\"secondary\">Record withdrawal</button></form>")
            }
            w.raw("</td></tr>")
        }
        w.raw("\n</tbody></table>\n")
        if intake.canWrite, let visit = intake.visitId { visitConsent(&w, page, visit: visit) }
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
        w.raw("<form method=\"post\" action=\"/clients/"); w.text(id); w.raw("/consents\" novalidate>\n  "); w.csrf(csrf)
        w.raw("<input type=\"hidden\" name=\"appointment\" value=\""); w.text(visit); w.raw("\">\n  <fieldset><legend>Written consent for this visit, signed by the client</legend>\n")
        let written = intake.writtenConsent
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
        w.raw("\n  <button type=\"submit\">Record written consent</button></fieldset>\n</form>\n")
    }

    private static func appointments(_ w: inout HTMLWriter, _ page: ClientRecordPage) {
        let id = page.client.id
        let csrf = page.chrome.csrf
        w.raw("<section aria-labelledby=\"appt-heading\">\n<h2 id=\"appt-heading\">Appointments</h2>\n")
        if page.ownView {
            w.raw("<p><a href=\"/me/record\">My whole record (printable)</a> · <a href=\"/me/record.json\">Download my record</a> · <a href=\"/me/record.fhir.json\">Download it for another health system (FHIR)</a></p>\n")
            w.raw("<p><a class=\"button\" href=\"/book\">Book a massage</a></p>\n")
        } else {
            w.raw("<p><a href=\"/clients/"); w.text(id); w.raw("/billing\" id=\"billing-link\">Payments and receipts</a>")
            if page.showsClinical {
                w.raw(" · <a href=\"/clients/"); w.text(id); w.raw("/record\">Print the whole record</a> · <a href=\"/clients/"); w.text(id)
                w.raw("/record.fhir.json\">Export (FHIR R4)</a>")
            }
            w.raw("</p>\n")
        }
        w.raw("<ul class=\"list\" id=\"appointments\">")
        for row in page.appointments {
            w.raw("<li><strong>"); w.text(row.when); w.raw("</strong> · "); w.text(row.service); w.raw(" with "); w.text(row.therapist)
            w.raw(" · <span class=\"status\">"); w.text(row.status); w.raw("</span>\n")
            if row.canCancel {
                w.raw("<form method=\"post\" action=\"/me/appointments/"); w.text(row.id); w.raw("/cancel\" class=\"inline\">"); w.csrf(csrf)
                w.raw("<button type=\"submit\" class=\"secondary\">Cancel appointment</button></form>\n<a href=\"/book/times?service="); w.text(row.serviceId)
                w.raw("&amp;location="); w.text(row.locationId); w.raw("&amp;reschedule="); w.text(row.id); w.raw("\">Change time</a>")
            }
            w.raw("\n")
            if row.canWait {
                w.raw("<form method=\"post\" action=\"/me/appointments/"); w.text(row.id); w.raw("/waitlist\" class=\"inline\">"); w.csrf(csrf)
                w.raw("<button type=\"submit\" class=\"secondary\">Ask for an earlier time</button></form>")
            }
            w.raw("\n")
            if page.ownView { w.raw(" <a href=\"/me/appointments/"); w.text(row.id); w.raw("/calendar.ics\">Add to my calendar</a>") }
            w.raw("</li>")
        }
        if page.appointments.isEmpty { w.raw("\n<li>No appointments yet.</li>") }
        w.raw("</ul>\n")
        if page.ownView {
            w.raw("<ul class=\"list\" id=\"my-receipts\">")
            for receipt in page.receipts { w.raw("<li><a href=\"/receipts/"); w.text(receipt.id); w.raw("\">"); w.text(receipt.label); w.raw("</a></li>") }
            w.raw("</ul>\n")
        }
        w.raw("</section>\n")
    }
}
