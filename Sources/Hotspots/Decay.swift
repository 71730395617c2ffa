import Foundation

/// Exponential time decay: a stop `ageDays` old counts 2^(−age / half-life). Stops after the
/// reference time count nothing (they had not happened when the map was made).
public struct Decay: Hashable, Sendable {
    public var halfLifeDays: Double

    public init(halfLifeDays: Double = 90) {
        self.halfLifeDays = halfLifeDays
    }

    public func factor(ageDays: Double) -> Double {
        guard ageDays >= 0 else { return 0 }
        guard halfLifeDays.isFinite, halfLifeDays > 0 else { return 1 }
        return exp2(-ageDays / halfLifeDays)
    }

    public func factor(at time: LocalDateTime, asOf: LocalDateTime) -> Double {
        factor(ageDays: asOf.days - time.days)
    }
}

/// Weight per reason. Truanting counts most; a child out with a parent, or at a medical appointment, least.
public struct ReasonWeights: Hashable, Sendable {
    public var weights: [StopReason: Double]

    public static let defaults: [StopReason: Double] = [
        .truanting: 1.0, .excluded: 0.9, .restrictedTimetable: 0.7, .lunchBreak: 0.6,
        .sick: 0.5, .other: 0.5, .withParent: 0.3, .medicalAppointment: 0.2,
    ]

    public init(_ weights: [StopReason: Double] = ReasonWeights.defaults) {
        self.weights = weights
    }

    public subscript(reason: StopReason) -> Double { weights[reason] ?? Self.defaults[reason] ?? 0.5 }

    /// Reads `{"truanting": 1.0, "sick": 0.4, …}`; reasons not named keep their defaults.
    public static func read(contentsOf url: URL) throws -> ReasonWeights {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw HotspotsError.unreadableFile(path: url.path, message: error.localizedDescription)
        }
        let object: [String: Double]
        do {
            object = try JSONDecoder().decode([String: Double].self, from: data)
        } catch {
            throw HotspotsError.configuration(path: url.path, message: "expected an object of reason: number, such as {\"truanting\": 1.0}")
        }
        var weights = defaults
        for (key, value) in object {
            guard let reason = StopReason(rawValue: key) else {
                throw HotspotsError.configuration(path: url.path, message: "'\(key)' is not a reason; use one of \(StopReason.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard value.isFinite, value >= 0 else {
                throw HotspotsError.configuration(path: url.path, message: "\(key): weight must be a number ≥ 0")
            }
            weights[reason] = value
        }
        return ReasonWeights(weights)
    }
}
