/// An axis-aligned box in page pixels.
public struct PixelBox: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public func overlaps(_ other: PixelBox) -> Bool {
        x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
    }

    public func inside(_ other: PixelBox) -> Bool {
        x >= other.x && y >= other.y && x + width <= other.x + other.width && y + height <= other.y + other.height
    }

    func padded(_ by: Double) -> PixelBox { PixelBox(x: x - by, y: y - by, width: width + 2 * by, height: height + 2 * by) }
}

/// A label the map wants: text, where it belongs, and how much it matters.
struct LabelRequest {
    struct Anchor: Hashable {
        var x: Double
        var y: Double
    }

    enum Placement {
        /// Beside a point symbol of this radius: right, left, above, below, then the diagonals.
        case point(radius: Double)
        /// On an area: centred, then nudged up and down.
        case area
        /// On an area with more room elsewhere: as `.area` around the anchor, then around each of these points
        /// (e.g. just inside the top and bottom of a patch), each also shifted left and right.
        case areaWithAlternatives([Anchor])
    }

    var text: String
    var x: Double
    var y: Double
    var fontSize: Double
    var bold: Bool
    var colour: String
    var priority: Double
    var placement: Placement
    /// The group it belongs to in the HTML toggles (a hotspot name hides with the hotspots).
    var layerClass: String
}

/// A label that found room.
public struct PlacedLabel: Hashable, Sendable {
    public var text: String
    /// The box the text occupies (its line box, halo included).
    public var box: PixelBox
    public var fontSize: Double
    public var bold: Bool
    var colour: String
    var layerClass: String
}

/// Greedy placement: the most important labels first, each at its first candidate position that stays on the
/// map and clear of every label and obstacle already there; a label with no free candidate is dropped.
struct LabelPlacer {
    /// Halo stroke plus a little air, so neighbouring labels never touch.
    static let padding = 2.0

    private(set) var placed: [PlacedLabel] = []
    private(set) var dropped: [String] = []
    private var obstacles: [PixelBox] = []
    private let bounds: PixelBox

    init(bounds: PixelBox) {
        self.bounds = bounds
    }

    /// Symbols and map furniture that labels must not cover.
    mutating func addObstacle(_ box: PixelBox) { obstacles.append(box) }

    /// For marks that must be drawn (visit numbers): the first candidate clear of everything placed so far,
    /// or the first candidate when none is; either way it becomes an obstacle for later labels.
    mutating func reserve(_ candidates: [PixelBox]) -> PixelBox {
        let free = candidates.first { candidate in
            candidate.inside(bounds) && !obstacles.contains(where: candidate.overlaps)
        }
        let chosen = free ?? candidates[0]
        obstacles.append(chosen)
        return chosen
    }

    mutating func place(_ requests: [LabelRequest]) {
        let ordered = requests.enumerated().sorted {
            $0.element.priority != $1.element.priority ? $0.element.priority > $1.element.priority : $0.offset < $1.offset
        }
        for (_, request) in ordered {
            let width = TextMetrics.width(request.text, fontSize: request.fontSize, bold: request.bold) + 2 * Self.padding
            let height = TextMetrics.height(fontSize: request.fontSize) + 2 * Self.padding
            var found: PixelBox?
            for candidate in Self.candidates(request, width: width, height: height) {
                guard candidate.inside(bounds) else { continue }
                if obstacles.contains(where: candidate.overlaps) || placed.contains(where: { $0.box.overlaps(candidate) }) {
                    continue
                }
                found = candidate
                break
            }
            if let found {
                placed.append(PlacedLabel(text: request.text, box: found, fontSize: request.fontSize, bold: request.bold,
                                          colour: request.colour, layerClass: request.layerClass))
            } else {
                dropped.append(request.text)
            }
        }
    }

    static func candidates(_ request: LabelRequest, width: Double, height: Double) -> [PixelBox] {
        let x = request.x, y = request.y
        switch request.placement {
        case let .point(radius):
            let gap = radius + 2
            let diagonal = gap * 0.7
            return [
                PixelBox(x: x + gap, y: y - height / 2, width: width, height: height),
                PixelBox(x: x - gap - width, y: y - height / 2, width: width, height: height),
                PixelBox(x: x - width / 2, y: y - gap - height, width: width, height: height),
                PixelBox(x: x - width / 2, y: y + gap, width: width, height: height),
                PixelBox(x: x + diagonal, y: y - diagonal - height, width: width, height: height),
                PixelBox(x: x + diagonal, y: y + diagonal, width: width, height: height),
                PixelBox(x: x - diagonal - width, y: y - diagonal - height, width: width, height: height),
                PixelBox(x: x - diagonal - width, y: y + diagonal, width: width, height: height),
            ]
        case .area:
            return areaCandidates(x: x, y: y, width: width, height: height)
        case let .areaWithAlternatives(anchors):
            var out = areaCandidates(x: x, y: y, width: width, height: height)
            for anchor in anchors {
                for shift in [0.0, -0.35, 0.35] {
                    out += areaCandidates(x: anchor.x + shift * width, y: anchor.y, width: width, height: height, steps: [0, -1, 1, -2, 2])
                }
            }
            return out
        }
    }

    static func areaCandidates(x: Double, y: Double, width: Double, height: Double,
                               steps: [Double] = [0, -1, 1, -2, 2, -3, 3]) -> [PixelBox] {
        steps.map { step in PixelBox(x: x - width / 2, y: y - height / 2 + step * height, width: width, height: height) }
    }
}
