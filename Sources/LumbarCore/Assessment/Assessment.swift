/// The engine's answer for one input: the contract's output, version 1.
public struct Assessment: Sendable, Equatable {
    public struct TechniqueAdvice: Sendable, Equatable {
        public let technique: Technique
        public let status: TechniqueStatus
        public let reasons: [Reason]
    }

    public struct SelfCareItem: Sendable, Equatable {
        public let code: SelfCareCode
        public let text: String
        public let dose: String
    }

    public static let contractVersion = 1

    public let phase: Phase
    public let daysSinceOnset: Int
    public let onset: Onset
    public let urgency: Urgency
    public let referralReasons: [Reason]
    public let decision: TreatmentDecision
    public let decisionReasons: [Reason]
    public let risk: StartBackScore?
    public let techniques: [TechniqueAdvice]
    public let selfCare: [SelfCareItem]
    public let thermal: ThermalCode
    public let thermalText: String
    public let yellowFlags: [Reason]

    public func status(of technique: Technique) -> TechniqueStatus {
        techniques.first { $0.technique == technique }!.status
    }

    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("contract", Self.contractVersion)
        json.key("phase")
        json.beginObject()
        json.field("code", phase.rawValue)
        json.field("daysSinceOnset", daysSinceOnset)
        json.field("onset", onset.rawValue)
        json.endObject()
        json.key("referral")
        json.beginObject()
        json.field("urgency", urgency.rawValue)
        Self.write(referralReasons, to: &json)
        json.endObject()
        json.key("treatment")
        json.beginObject()
        json.field("decision", decision.rawValue)
        Self.write(decisionReasons, to: &json)
        json.endObject()
        if let risk {
            json.key("risk")
            json.beginObject()
            json.field("tool", "start-back")
            json.field("level", risk.level.rawValue)
            json.field("total", risk.total)
            json.field("psychosocial", risk.psychosocial)
            json.endObject()
        }
        json.key("techniques")
        json.objects(techniques) { json, advice in
            json.field("code", advice.technique.rawValue)
            json.field("status", advice.status.rawValue)
            Self.write(advice.reasons, to: &json)
        }
        json.key("selfCare")
        json.objects(selfCare) { json, item in
            json.field("code", item.code.rawValue)
            json.field("text", item.text)
            json.field("dose", item.dose)
        }
        json.key("thermal")
        json.beginObject()
        json.field("code", thermal.rawValue)
        json.field("text", thermalText)
        json.endObject()
        json.key("yellowFlags")
        Self.writeList(yellowFlags, to: &json)
        json.endObject()
    }

    public var json: String {
        var writer = JSONWriter()
        write(to: &writer)
        return writer.string
    }

    private static func write(_ reasons: [Reason], to json: inout JSONWriter) {
        json.key("reasons")
        writeList(reasons, to: &json)
    }

    private static func writeList(_ reasons: [Reason], to json: inout JSONWriter) {
        json.objects(reasons) { json, reason in
            json.field("code", reason.code)
            json.field("text", reason.text)
        }
    }
}
