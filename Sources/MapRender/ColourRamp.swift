/// A sequential colour ramp (ColorBrewer YlOrRd, 5 classes) interpolated in RGB.
enum ColourRamp {
    static let stops: [(r: Double, g: Double, b: Double)] = [
        (255, 255, 178), (254, 204, 92), (253, 141, 60), (240, 59, 32), (189, 0, 38),
    ]

    static var stopColours: [String] { stops.map { hex($0) } }

    /// Colour for `t` in 0…1 (clamped).
    static func colour(_ t: Double) -> String {
        let clamped = t.isFinite ? min(max(t, 0), 1) : 0
        let position = clamped * Double(stops.count - 1)
        let lower = min(Int(position), stops.count - 2)
        let fraction = position - Double(lower)
        let a = stops[lower], b = stops[lower + 1]
        return hex((a.r + (b.r - a.r) * fraction, a.g + (b.g - a.g) * fraction, a.b + (b.b - a.b) * fraction))
    }

    static func hex(_ rgb: (r: Double, g: Double, b: Double)) -> String {
        let digits = Array("0123456789abcdef")
        var out = "#"
        for component in [rgb.r, rgb.g, rgb.b] {
            let value = Int(component.rounded()).clamped(0, 255)
            out.append(digits[value / 16])
            out.append(digits[value % 16])
        }
        return out
    }
}

extension Int {
    func clamped(_ low: Int, _ high: Int) -> Int { Swift.min(Swift.max(self, low), high) }
}
