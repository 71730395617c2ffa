import Foundation
import Geo

/// Driving speeds per OSM highway class, in km/h.
///
/// The defaults are UK urban sweeping speeds, not limits: a pair scanning pavements drives well below
/// the posted limit on residential streets. The speed of a segment is the class speed (or
/// `defaultKmPerHour` for an unknown class), capped by the segment's tagged `maxspeed`, times
/// `speedFactor`. Travel time is `length_m / (speed / 3.6)` seconds. `tools/peers/shortest_paths_networkx.py`
/// applies exactly the same rule.
public struct SpeedProfile: Sendable, Hashable {
    public var kmPerHour: [String: Double]
    public var defaultKmPerHour: Double
    /// Scales every speed (a pair's `speed_factor`; 1.0 = as profiled).
    public var speedFactor: Double

    public static let ukUrbanDefaults: [String: Double] = [
        "motorway": 96, "motorway_link": 64,
        "trunk": 64, "trunk_link": 48,
        "primary": 48, "primary_link": 40,
        "secondary": 40, "secondary_link": 35,
        "tertiary": 35, "tertiary_link": 30,
        "unclassified": 30, "residential": 25,
        "living_street": 15, "service": 15, "road": 25, "track": 10,
    ]

    public static let ukUrban = SpeedProfile()

    public init(kmPerHour: [String: Double] = SpeedProfile.ukUrbanDefaults, defaultKmPerHour: Double = 20,
                speedFactor: Double = 1) {
        self.kmPerHour = kmPerHour
        self.defaultKmPerHour = defaultKmPerHour
        self.speedFactor = speedFactor
    }

    /// Speed of one segment in km/h.
    public func speedKmPerHour(highway: String, maxspeedKmPerHour: Double?) -> Double {
        var speed = kmPerHour[highway] ?? defaultKmPerHour
        if let cap = maxspeedKmPerHour, cap > 0 { speed = min(speed, cap) }
        return speed * speedFactor
    }

    /// Seconds to drive `lengthMetres` at the segment's speed.
    public func durationSeconds(lengthMetres: Double, highway: String, maxspeedKmPerHour: Double?) -> Double {
        lengthMetres / (speedKmPerHour(highway: highway, maxspeedKmPerHour: maxspeedKmPerHour) / 3.6)
    }

    /// Reads overrides from JSON: `{"speeds_kmh": {"residential": 20, ...}, "default_kmh": 20, "speed_factor": 1.0}`.
    /// Classes not named keep their UK default; every member is optional.
    public static func load(contentsOf url: URL) throws -> SpeedProfile {
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: url))
        } catch {
            throw StreetsError.profile(file: url.path, message: "cannot read the file: \(error.localizedDescription)")
        }
        return try parse(bytes: bytes, file: url.path)
    }

    public static func parse(bytes: [UInt8], file: String = "speed profile") throws -> SpeedProfile {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw StreetsError.profile(file: file, message: "not valid JSON: \(error)")
        }
        guard let members = json.objectValue else {
            throw StreetsError.profile(file: file, message: "expected a JSON object with \"speeds_kmh\"")
        }
        var profile = SpeedProfile()
        for key in members.keys where !["speeds_kmh", "default_kmh", "speed_factor"].contains(key) {
            throw StreetsError.profile(file: file, message: "unknown member \"\(key)\"; expected speeds_kmh, default_kmh or speed_factor")
        }
        if let speeds = members["speeds_kmh"] {
            guard let table = speeds.objectValue else {
                throw StreetsError.profile(file: file, message: "\"speeds_kmh\" must be an object of highway class to km/h")
            }
            for (highway, value) in table {
                guard let speed = value.doubleValue, speed > 0, speed.isFinite else {
                    throw StreetsError.profile(file: file, message: "speeds_kmh.\(highway): expected a positive number of km/h")
                }
                profile.kmPerHour[highway] = speed
            }
        }
        if let value = members["default_kmh"] {
            guard let speed = value.doubleValue, speed > 0, speed.isFinite else {
                throw StreetsError.profile(file: file, message: "default_kmh: expected a positive number of km/h")
            }
            profile.defaultKmPerHour = speed
        }
        if let value = members["speed_factor"] {
            guard let factor = value.doubleValue, factor > 0, factor.isFinite else {
                throw StreetsError.profile(file: file, message: "speed_factor: expected a positive number")
            }
            profile.speedFactor = factor
        }
        return profile
    }
}
