import LumbarCore
import Mustache

// LumbarCore's types that page models hold and templates read fields of. LumbarCore cannot import Mustache, so
// their conformances live here; each `child(named:)` names every stored property (scripts/check_views.py checks).

extension Client: MustacheParent {
    public func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "accountId": accountId
        case "firstName": firstName
        case "lastName": lastName
        case "email": email
        case "phone": phone
        case "dateOfBirth": dateOfBirth
        case "emergencyContact": emergencyContact
        default: nil
        }
    }
}

extension Account: MustacheParent {
    public func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "email": email
        case "name": name
        case "role": role
        case "collegeRegistration": collegeRegistration
        case "totpEnabled": totpEnabled
        case "active": active
        case "invitationPending": invitationPending
        default: nil
        }
    }
}

extension ClinicProfile: MustacheParent {
    public func child(named: String) -> Any? {
        switch named {
        case "name": name
        case "address": address
        case "timeZone": timeZone
        case "hstNumber": hstNumber
        case "sharedCare": sharedCare
        case "acuteWeeks": acuteWeeks
        case "rulesOff": rulesOff
        default: nil
        }
    }
}

extension FieldProblem: MustacheParent {
    public func child(named: String) -> Any? {
        switch named {
        case "field": field
        case "message": message
        default: nil
        }
    }
}

extension TriageAdvice: MustacheParent {
    public func child(named: String) -> Any? {
        switch named {
        case "urgency": urgency
        case "title": title
        case "lead": lead
        case "tell": tell
        case "bookingBlocked": bookingBlocked
        default: nil
        }
    }
}
