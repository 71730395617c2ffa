import Hotspots

/// A calendar day of a plan, and clock times on it, in UK local time.
///
/// The UK offset rule is written out rather than read from tzdata, so plans come out the same on
/// a machine without time-zone files: British Summer Time runs from 01:00 UTC on the last Sunday of
/// March to 01:00 UTC on the last Sunday of October.
public struct PlanDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2200).contains(year), (1...12).contains(month),
              (1...LocalDateTime.daysInMonth(year: year, month: month)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var description: String {
        "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
    }

    public static func < (a: PlanDate, b: PlanDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Days since 1970-01-01 (proleptic Gregorian).
    public var daysSinceEpoch: Int { LocalDateTime(year: year, month: month, day: day).dayNumber }

    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let d = dayOfYear - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yearOfEra + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
    }

    public func adding(days: Int) -> PlanDate { PlanDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// 0 = Sunday.
    public var weekday: Int { ((daysSinceEpoch % 7) + 11) % 7 }

    /// The UK offset from UTC in seconds at a local clock time on this day (3600 in summer time).
    public func ukOffsetSeconds(atLocalSeconds seconds: Int) -> Int {
        let marchSwitch = Self.lastSunday(month: 3, year: year)
        let octoberSwitch = Self.lastSunday(month: 10, year: year)
        let utcGuess = daysSinceEpoch * 86_400 + seconds
        let summerStart = marchSwitch.daysSinceEpoch * 86_400 + 3_600
        let summerEnd = octoberSwitch.daysSinceEpoch * 86_400 + 3_600
        let inSummer = utcGuess - 3_600 >= summerStart && utcGuess - 3_600 < summerEnd
        return inSummer ? 3_600 : 0
    }

    static func lastSunday(month: Int, year: Int) -> PlanDate {
        let last = PlanDate(year: year, month: month, day: LocalDateTime.daysInMonth(year: year, month: month))!
        return last.adding(days: -last.weekday)
    }

    /// `2026-11-25T10:12:00+00:00`: ISO 8601 local time with its offset, unambiguous in any viewer.
    public func iso8601(localSeconds: Double) -> String {
        let whole = Int(localSeconds.rounded())
        let dayShift = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let date = adding(days: dayShift)
        let inDay = whole - dayShift * 86_400
        let offset = date.ukOffsetSeconds(atLocalSeconds: inDay)
        let sign = offset >= 0 ? "+" : "-"
        return "\(date)T\(ClockTime.format(seconds: inDay, withSeconds: true))\(sign)\(Self.pad(abs(offset) / 3600, 2)):\(Self.pad(abs(offset) % 3600 / 60, 2))"
    }

    /// The local calendar day after today's, from the machine clock (UTC) and the UK rule.
    public static func tomorrowInUK(nowSecondsSince1970 now: Double) -> PlanDate {
        let utcDay = PlanDate(daysSinceEpoch: Int((now / 86_400).rounded(.down)))
        let secondsIntoDay = Int(now) - utcDay.daysSinceEpoch * 86_400
        let offset = utcDay.ukOffsetSeconds(atLocalSeconds: secondsIntoDay)
        let local = PlanDate(daysSinceEpoch: Int(((now + Double(offset)) / 86_400).rounded(.down)))
        return local.adding(days: 1)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

/// A clock time as seconds after local midnight; parsed from `HH:MM`.
public enum ClockTime {
    public static func parse(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
              let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m),
              parts[1].count == 2 else { return nil }
        var seconds = h * 3600 + m * 60
        if parts.count == 3 {
            guard let s = Int(parts[2]), (0...59).contains(s) else { return nil }
            seconds += s
        }
        return seconds
    }

    public static func format(seconds: Int, withSeconds: Bool = false) -> String {
        let s = ((seconds % 86_400) + 86_400) % 86_400
        let hm = "\(PlanDate.pad(s / 3600, 2)):\(PlanDate.pad(s % 3600 / 60, 2))"
        return withSeconds ? hm + ":" + PlanDate.pad(s % 60, 2) : hm
    }

    public static func format(seconds: Double) -> String { format(seconds: Int(seconds.rounded())) }
}
