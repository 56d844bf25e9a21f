/// A side-view line figure in one panel (180 × 120, floor at y = 110), with any props around it. Joints are
/// named so poses read like a description of the body; the far-side arm and leg are optional and drawn lighter.
public struct Figure: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public let x: Double
        public let y: Double
        public init(_ x: Double, _ y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// Things in the scene that are not the body: a chair, a cushion, a cold pack, a floor mat.
    public enum Prop: Sendable, Equatable {
        case line(Point, Point)
        case box(Point, width: Double, height: Double, rounded: Bool)
        case dot(Point, radius: Double)
        /// An arrow showing which way to move.
        case arrow(Point, Point)
    }

    public var head: Point
    public var shoulder: Point
    public var hip: Point
    public var elbow: Point
    public var hand: Point
    public var knee: Point
    public var foot: Point
    public var farElbow: Point?
    public var farHand: Point?
    public var farKnee: Point?
    public var farFoot: Point?
    /// How far the back bows from a straight line between shoulder and hip (negative: up, as in "cat").
    public var spineBend: Double
    public var props: [Prop]
    public var floor: Bool

    public init(head: Point, shoulder: Point, hip: Point, elbow: Point, hand: Point, knee: Point, foot: Point,
                farElbow: Point? = nil, farHand: Point? = nil, farKnee: Point? = nil, farFoot: Point? = nil,
                spineBend: Double = 0, props: [Prop] = [], floor: Bool = true) {
        self.head = head
        self.shoulder = shoulder
        self.hip = hip
        self.elbow = elbow
        self.hand = hand
        self.knee = knee
        self.foot = foot
        self.farElbow = farElbow
        self.farHand = farHand
        self.farKnee = farKnee
        self.farFoot = farFoot
        self.spineBend = spineBend
        self.props = props
        self.floor = floor
    }

    /// Every point the drawing uses, for the test that keeps figures inside their panel.
    public var points: [Point] {
        var all = [head, shoulder, hip, elbow, hand, knee, foot] + [farElbow, farHand, farKnee, farFoot].compactMap { $0 }
        for prop in props {
            switch prop {
            case .line(let a, let b), .arrow(let a, let b): all += [a, b]
            case .box(let origin, let width, let height, _): all += [origin, Point(origin.x + width, origin.y + height)]
            case .dot(let centre, let radius): all += [Point(centre.x - radius, centre.y - radius), Point(centre.x + radius, centre.y + radius)]
            }
        }
        return all
    }
}
