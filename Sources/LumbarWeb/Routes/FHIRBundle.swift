import Foundation
import LumbarClinic
import LumbarCore
import LumbarStorage

/// A client's record as a FHIR R4 collection Bundle: Patient, the Practitioners who treated them, an Encounter per
/// signed visit, pain scores as Observations (LOINC 72514-3), each intake as a QuestionnaireResponse, plans and
/// the home program as CarePlans, and each consent as a Consent. References are the entries' urn:uuid full URLs.
struct FHIRBundle {
    let services: AppServices

    func json(for client: Client) async throws -> String {
        let intakes = try await services.intake.list(clientId: client.id).filter(\.isSubmitted)
        // Outlines: an Encounter needs no more than who, when and what it amends (500 whole notes were most of the export's time).
        let notes = try await services.visitNotes.outlines(clientId: client.id).filter { $0.status == .signed }
        let plans = try await services.treatmentPlans.versions(clientId: client.id)
        let program = try await services.homePrograms.current(clientId: client.id)
        let consents = try await services.consents.list(clientId: client.id)
        let pain = try await services.questionnaires.responses(clientId: client.id).filter { $0.instrument == .nprs }
        var practitionerIds = Set(notes.map(\.authorId)).union(plans.map(\.createdBy))
        if let program { practitionerIds.insert(program.createdBy) }
        var practitioners: [Account] = []
        for id in practitionerIds.sorted() { if let account = try await services.accounts.find(id: id), account.role.isStaff { practitioners.append(account) } }
        let form = try await IntakeService(services: services).form()
        let patient = "urn:uuid:\(client.id)"

        var json = JSONWriter(capacity: 16_384)
        json.beginObject()
        json.field("resourceType", "Bundle")
        json.field("type", "collection")
        json.field("timestamp", services.now.iso8601)
        json.key("entry")
        json.beginArray()
        func entry(_ id: String, _ body: (inout JSONWriter) -> Void) {
            json.beginObject()
            json.field("fullUrl", "urn:uuid:\(id)")
            json.key("resource")
            json.beginObject()
            json.field("id", id)
            body(&json)
            json.endObject()
            json.endObject()
        }
        entry(client.id) { json in
            json.field("resourceType", "Patient")
            json.key("name")
            json.objects([client]) { json, client in
                json.field("family", client.lastName)
                json.key("given")
                json.beginArray()
                json.value(client.firstName)
                json.endArray()
            }
            let telecom = [("phone", client.phone), ("email", client.email)].filter { !$0.1.isEmpty }
            if !telecom.isEmpty {
                json.key("telecom")
                json.objects(telecom) { json, item in
                    json.field("system", item.0)
                    json.field("value", item.1)
                }
            }
            if let born = client.dateOfBirth { json.field("birthDate", born.description) }
            if !client.emergencyContact.isEmpty {
                json.key("contact")
                json.objects([client.emergencyContact]) { json, contact in
                    json.key("name")
                    json.beginObject()
                    json.field("text", contact)
                    json.endObject()
                }
            }
        }
        for practitioner in practitioners {
            entry(practitioner.id) { json in
                json.field("resourceType", "Practitioner")
                if let registration = practitioner.collegeRegistration {
                    json.key("identifier")
                    json.objects([registration]) { json, registration in
                        json.field("system", "urn:lumbar:cmto-registration")
                        json.field("value", registration)
                    }
                }
                json.key("name")
                json.objects([practitioner.name]) { json, name in json.field("text", name) }
            }
        }
        // One Encounter per visit; an amendment corrects the visit's note, it is not another visit.
        for note in notes where note.amends == nil {
            entry(note.id) { json in
                json.field("resourceType", "Encounter")
                json.field("status", "finished")
                json.key("class")
                json.beginObject()
                json.field("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode")
                json.field("code", "AMB")
                json.field("display", "ambulatory")
                json.endObject()
                json.reference("subject", patient)
                json.key("participant")
                json.objects([note.authorId]) { json, author in
                    json.key("individual")
                    json.beginObject()
                    json.field("reference", "urn:uuid:\(author)")
                    json.endObject()
                }
                json.key("period")
                json.beginObject()
                json.field("start", note.createdAt.iso8601)
                if let signed = note.signedAt { json.field("end", signed.iso8601) }
                json.endObject()
            }
        }
        for response in pain {
            entry(response.id) { json in
                json.field("resourceType", "Observation")
                json.field("status", "final")
                json.codeable("code", system: "http://loinc.org", code: "72514-3", display: "Pain severity - 0-10 verbal numeric rating [Score] - Reported")
                json.reference("subject", patient)
                json.field("effectiveDateTime", response.at.iso8601)
                json.field("valueInteger", Int(response.score))
            }
        }
        for intake in intakes {
            entry(intake.id) { json in
                json.field("resourceType", "QuestionnaireResponse")
                json.field("status", "completed")
                json.reference("subject", patient)
                if let submitted = intake.submittedAt { json.field("authored", submitted.iso8601) }
                let answered = form.steps.flatMap(\.questions).filter { intake.answers.has($0.id) }
                json.key("item")
                json.objects(answered) { json, question in
                    json.field("linkId", question.id)
                    json.field("text", question.prompt)
                    json.key("answer")
                    json.objects(intake.answers.all(question.id)) { json, value in
                        json.field("valueString", question.options.first { $0.value == value }?.label ?? value)
                    }
                }
            }
        }
        for (index, plan) in plans.enumerated() {
            entry(plan.id) { json in
                json.field("resourceType", "CarePlan")
                json.field("status", index == 0 ? "active" : "completed")
                json.field("intent", "plan")
                json.field("title", "Treatment plan, version \(plan.version)")
                json.field("description", "Goals: " + plan.goals.joined(separator: "; ") + ". \(plan.visits) visits, \(plan.frequency); reassess \(plan.reassessOn).")
                json.reference("subject", patient)
                json.field("created", plan.createdAt.iso8601)
                json.reference("author", "urn:uuid:\(plan.createdBy)")
                json.key("activity")
                json.objects(plan.techniques.filter(\.chosen)) { json, choice in
                    json.key("detail")
                    json.beginObject()
                    json.field("status", index == 0 ? "in-progress" : "completed")
                    json.field("description", choice.technique.name + (choice.note.isEmpty ? "" : " (\(choice.note))"))
                    json.endObject()
                }
            }
        }
        if let program {
            entry(program.id) { json in
                json.field("resourceType", "CarePlan")
                json.field("status", "active")
                json.field("intent", "plan")
                json.field("title", "Home program, version \(program.version)")
                json.reference("subject", patient)
                json.field("created", program.createdAt.iso8601)
                json.reference("author", "urn:uuid:\(program.createdBy)")
                json.key("activity")
                json.objects(program.items) { json, item in
                    json.key("detail")
                    json.beginObject()
                    json.field("status", "in-progress")
                    json.field("description", "\(item.exercise?.name ?? item.exerciseId): \(item.dose.text)")
                    json.endObject()
                }
            }
        }
        let withdrawn = Set(consents.compactMap(\.withdraws))
        for consent in consents where consent.withdraws == nil {
            entry(consent.id) { json in
                json.field("resourceType", "Consent")
                json.field("status", withdrawn.contains(consent.id) ? "inactive" : "active")
                json.codeable("scope", system: "http://terminology.hl7.org/CodeSystem/consentscope", code: "treatment", display: "Treatment")
                json.key("category")
                json.objects([consent.kind]) { json, kind in
                    json.key("coding")
                    json.objects([kind]) { json, _ in
                        json.field("system", "http://loinc.org")
                        json.field("code", "59284-0")
                        json.field("display", "Patient Consent")
                    }
                    json.field("text", kind.label)
                }
                json.reference("patient", patient)
                json.field("dateTime", consent.at.iso8601)
                json.key("policyRule")
                json.beginObject()
                json.field("text", "CMTO Client-centred Care standard; text version \(consent.textVersion)")
                json.endObject()
                // The exact text the client agreed to, as it was shown.
                json.key("sourceAttachment")
                json.beginObject()
                json.field("contentType", "text/plain; charset=utf-8")
                json.field("data", Data(consent.text.utf8).base64EncodedString())
                json.field("title", "\(consent.kind.label), signed by \(consent.signerName)")
                json.endObject()
            }
        }
        try await writeDocuments(into: &json, client: client)
        json.endArray()
        json.endObject()
        return json.string
    }
}

private extension JSONWriter {
    /// `"key": {"reference": url}`
    mutating func reference(_ key: String, _ url: String) {
        self.key(key)
        beginObject()
        field("reference", url)
        endObject()
    }

    /// `"key": {"coding": [{"system", "code", "display"}]}`
    mutating func codeable(_ key: String, system: String, code: String, display: String) {
        self.key(key)
        beginObject()
        self.key("coding")
        beginArray()
        beginObject()
        field("system", system)
        field("code", code)
        field("display", display)
        endObject()
        endArray()
        endObject()
    }
}
