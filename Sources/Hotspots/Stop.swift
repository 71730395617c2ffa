/// Why a child was out of school when stopped; the words of the stop form, snake_cased.
public enum StopReason: String, CaseIterable, Sendable, Codable {
    case sick, truanting
    case medicalAppointment = "medical_appointment"
    case lunchBreak = "lunch_break"
    case restrictedTimetable = "restricted_timetable"
    case excluded
    case withParent = "with_parent"
    case other
}

/// What happened after the stop.
public enum StopOutcome: String, CaseIterable, Sendable, Codable {
    case returnedToSchool = "returned_to_school"
    case letterHome = "letter_home"
    case homeVisit = "home_visit"
    case none
}

/// One stop as the store keeps it. Only what planning needs: no names, no dates of birth, no addresses,
/// no free text. `easting`/`northing` are British National Grid metres computed at import.
public struct Stop: Hashable, Sendable {
    /// SHA-256 (hex) of the normalised input row plus its occurrence number in its file; see `StopKey`.
    public var hash: String
    public var time: LocalDateTime
    public var lon: Double
    public var lat: Double
    public var easting: Double
    public var northing: Double
    public var place: String
    public var school: String
    public var ageBand: String
    public var reason: StopReason
    public var outcome: StopOutcome
    public var pair: String
    public var sweep: String
    /// The `imports` row that first stored this stop; nil before it is stored.
    public var importID: Int64?

    public init(hash: String, time: LocalDateTime, lon: Double, lat: Double, easting: Double, northing: Double,
                place: String = "", school: String = "", ageBand: String = "", reason: StopReason,
                outcome: StopOutcome = .none, pair: String = "", sweep: String = "", importID: Int64? = nil) {
        self.hash = hash
        self.time = time
        self.lon = lon
        self.lat = lat
        self.easting = easting
        self.northing = northing
        self.place = place
        self.school = school
        self.ageBand = ageBand
        self.reason = reason
        self.outcome = outcome
        self.pair = pair
        self.sweep = sweep
        self.importID = importID
    }
}

/// The content key of a stop row.
///
/// Fields are normalised (trimmed, place lower-cased, coordinates at 7 decimals, time in the store's form)
/// and joined with the ASCII unit separator. Two identical rows in one file are two children stopped
/// together, so the n-th repeat of the same content within a file gets `#n` appended: importing the file
/// again (or an overlapping export) gives the same keys and stores nothing new.
public enum StopKey {
    public static func normalisedRow(time: LocalDateTime, lon: Double?, lat: Double?, place: String, school: String,
                                     ageBand: String, reason: StopReason, outcome: StopOutcome,
                                     pair: String, sweep: String) -> String {
        let lonText = lon.map { formatFixed($0, decimals: 7) } ?? ""
        let latText = lat.map { formatFixed($0, decimals: 7) } ?? ""
        return [time.description, lonText, latText, place.trimmingSpaces.lowercased(), school.trimmingSpaces,
                ageBand.trimmingSpaces, reason.rawValue, outcome.rawValue, pair.trimmingSpaces, sweep.trimmingSpaces]
            .joined(separator: "\u{1F}")
    }

    public static func hash(normalisedRow: String, occurrence: Int) -> String {
        SHA256.hex(occurrence == 0 ? normalisedRow : normalisedRow + "\u{1F}#\(occurrence)")
    }
}

/// Fixed-point text without Foundation's locale-dependent formatting.
func formatFixed(_ value: Double, decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    guard scaled < 9e15 else { return String(value) }
    let integer = Int64(scaled)
    let divisor = Int64(scale)
    let whole = integer / divisor
    var fraction = String(integer % divisor)
    while fraction.count < decimals { fraction = "0" + fraction }
    let sign = value < 0 && integer != 0 ? "-" : ""
    return decimals == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
}
