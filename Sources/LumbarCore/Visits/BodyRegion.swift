/// The named regions of the body chart: the back, pelvis, buttocks and thighs, seen from behind and from the front.
/// Sides are the client's own. Marks are stored as these codes, never as pixels.
public enum BodyRegion: String, Sendable, CaseIterable, Hashable {
    case thoracolumbarLeft = "thoracolumbar-left", thoracolumbarRight = "thoracolumbar-right"
    case lumbarLeft = "lumbar-left", lumbarRight = "lumbar-right"
    case sacrum
    case glutealLeft = "gluteal-left", glutealRight = "gluteal-right"
    case hipLateralLeft = "hip-lateral-left", hipLateralRight = "hip-lateral-right"
    case thighPosteriorLeft = "thigh-posterior-left", thighPosteriorRight = "thigh-posterior-right"
    case abdomenLower = "abdomen-lower"
    case hipAnteriorLeft = "hip-anterior-left", hipAnteriorRight = "hip-anterior-right"
    case thighAnteriorLeft = "thigh-anterior-left", thighAnteriorRight = "thigh-anterior-right"
    case thighInnerLeft = "thigh-inner-left", thighInnerRight = "thigh-inner-right"

    public enum View: String, Sendable, CaseIterable {
        case back, front

        public var label: String { self == .back ? "Back" : "Front" }
    }

    public var view: View {
        switch self {
        case .abdomenLower, .hipAnteriorLeft, .hipAnteriorRight, .thighAnteriorLeft, .thighAnteriorRight, .thighInnerLeft, .thighInnerRight: return .front
        default: return .back
        }
    }

    public var label: String {
        let side = rawValue.hasSuffix("-left") ? "left " : rawValue.hasSuffix("-right") ? "right " : ""
        let place: String
        switch self {
        case .thoracolumbarLeft, .thoracolumbarRight: place = "lower ribs (back)"
        case .lumbarLeft, .lumbarRight: place = "low back"
        case .sacrum: place = "sacrum"
        case .glutealLeft, .glutealRight: place = "buttock (gluteals)"
        case .hipLateralLeft, .hipLateralRight: place = "outer hip"
        case .thighPosteriorLeft, .thighPosteriorRight: place = "back of thigh"
        case .abdomenLower: place = "lower abdomen"
        case .hipAnteriorLeft, .hipAnteriorRight: place = "front of hip"
        case .thighAnteriorLeft, .thighAnteriorRight: place = "front of thigh"
        case .thighInnerLeft, .thighInnerRight: place = "upper inner thigh"
        }
        return (side + place).prefix(1).uppercased() + (side + place).dropFirst()
    }

    /// The consent an area needs beyond consent to treatment, if any (clinical reference §7).
    public var consent: ConsentKind? {
        switch self {
        case .glutealLeft, .glutealRight: return .gluteal
        case .thighInnerLeft, .thighInnerRight: return .innerThigh
        default: return nil
        }
    }

    /// The region's outline in its view's 200 × 300 panel. Left and right mirror each other about x = 100; from
    /// behind the client's left is on the viewer's left, from the front on the viewer's right.
    public var outline: [(Double, Double)] {
        func mirror(_ points: [(Double, Double)]) -> [(Double, Double)] { points.map { (200 - $0.0, $0.1) } }
        switch self {
        case .thoracolumbarLeft: return [(62, 40), (100, 40), (100, 90), (60, 90)]
        case .thoracolumbarRight: return mirror(Self.thoracolumbarLeft.outline)
        case .lumbarLeft: return [(60, 90), (100, 90), (100, 140), (58, 140)]
        case .lumbarRight: return mirror(Self.lumbarLeft.outline)
        case .sacrum: return [(84, 140), (116, 140), (100, 178)]
        case .glutealLeft: return [(58, 140), (84, 140), (100, 178), (98, 205), (54, 205), (50, 170)]
        case .glutealRight: return mirror(Self.glutealLeft.outline)
        case .hipLateralLeft: return [(34, 146), (50, 148), (54, 205), (36, 212)]
        case .hipLateralRight: return mirror(Self.hipLateralLeft.outline)
        case .thighPosteriorLeft: return [(54, 207), (98, 207), (94, 292), (60, 292)]
        case .thighPosteriorRight: return mirror(Self.thighPosteriorLeft.outline)
        case .abdomenLower: return [(60, 90), (140, 90), (142, 140), (58, 140)]
        case .hipAnteriorRight: return [(58, 140), (100, 140), (98, 180), (52, 185)]
        case .hipAnteriorLeft: return mirror(Self.hipAnteriorRight.outline)
        case .thighAnteriorRight: return [(52, 187), (76, 187), (74, 292), (58, 292)]
        case .thighAnteriorLeft: return mirror(Self.thighAnteriorRight.outline)
        case .thighInnerRight: return [(76, 187), (98, 182), (94, 240), (76, 240)]
        case .thighInnerLeft: return mirror(Self.thighInnerRight.outline)
        }
    }
}
