/// A local civil date and time (ISO 8601 without an offset), as planners write it on stop forms.
/// Kept free of time zones on purpose: sweeps happen in one place, and decay is counted in days.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS` (a space may replace `T`).
    /// Returns nil with no offset handling: a `Z` or `+01:00` suffix is refused, since stop times are local.
    public init?(iso text: String) {
        let chars = Array(text.trimmingSpaces.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= chars.count else { return nil }
            var value = 0
            for index in range {
                let c = chars[index]
                guard c >= 48, c <= 57 else { return nil }
                value = value * 10 + Int(c - 48)
            }
            return value
        }
        guard chars.count >= 10, chars[4] == UInt8(ascii: "-"), chars[7] == UInt8(ascii: "-"),
              let y = number(0..<4), let mo = number(5..<7), let d = number(8..<10) else { return nil }
        var h = 0, mi = 0, s = 0
        if chars.count > 10 {
            guard chars[10] == UInt8(ascii: "T") || chars[10] == UInt8(ascii: " "),
                  chars.count == 16 || chars.count == 19,
                  chars[13] == UInt8(ascii: ":"),
                  let hh = number(11..<13), let mm = number(14..<16) else { return nil }
            h = hh
            mi = mm
            if chars.count == 19 {
                guard chars[16] == UInt8(ascii: ":"), let ss = number(17..<19) else { return nil }
                s = ss
            }
        }
        guard (1...12).contains(mo), d >= 1, d <= Self.daysInMonth(year: y, month: mo),
              (0...23).contains(h), (0...59).contains(mi), (0...59).contains(s) else { return nil }
        self.init(year: y, month: mo, day: d, hour: h, minute: mi, second: s)
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of the civil date (proleptic Gregorian), after Howard Hinnant's algorithm.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Fractional days since 1970-01-01T00:00:00 local.
    public var days: Double {
        Double(dayNumber) + Double(hour * 3600 + minute * 60 + second) / 86_400
    }

    public var date: LocalDateTime { LocalDateTime(year: year, month: month, day: day) }

    /// The first moment of the next day.
    public var nextDay: LocalDateTime {
        if day < Self.daysInMonth(year: year, month: month) { return LocalDateTime(year: year, month: month, day: day + 1) }
        if month < 12 { return LocalDateTime(year: year, month: month + 1, day: 1) }
        return LocalDateTime(year: year + 1, month: 1, day: 1)
    }

    public var dateString: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))" }

    /// `YYYY-MM-DDTHH:MM:SS`, the form the store keeps; it sorts as text in time order.
    public var description: String {
        "\(dateString)T\(Self.pad(hour, 2)):\(Self.pad(minute, 2)):\(Self.pad(second, 2))"
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.hour, lhs.minute, lhs.second)
            < (rhs.year, rhs.month, rhs.day, rhs.hour, rhs.minute, rhs.second)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

extension String {
    var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" || first == "\r" || first == "\n" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\r" || last == "\n" { slice.removeLast() }
        return String(slice)
    }
}
