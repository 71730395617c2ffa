import Foundation
import Testing
@testable import Planner

@Suite struct PlanDateTests {
    @Test func daysSinceEpochAgreesWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        for days in stride(from: -3_000, through: 30_000, by: 37) {
            let date = PlanDate(daysSinceEpoch: days)
            let components = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(days) * 86_400))
            #expect(date.year == components.year && date.month == components.month && date.day == components.day)
            #expect(date.daysSinceEpoch == days)
        }
    }

    /// The hand-written UK summer-time rule must agree with the tz database's Europe/London.
    @Test func ukOffsetAgreesWithTheTimeZoneDatabase() throws {
        let london = try #require(TimeZone(identifier: "Europe/London"))
        for days in stride(from: 16_000, through: 22_000, by: 3) {
            let date = PlanDate(daysSinceEpoch: days)
            for localHour in [0, 10, 12, 23] {
                let offset = date.ukOffsetSeconds(atLocalSeconds: localHour * 3600)
                let utc = Date(timeIntervalSince1970: Double(days * 86_400 + localHour * 3600 - offset))
                #expect(london.secondsFromGMT(for: utc) == offset, "\(date) \(localHour):00")
            }
        }
    }

    @Test func isoTimesCarryTheOffset() throws {
        let winter = try #require(PlanDate("2026-11-25"))
        #expect(winter.iso8601(localSeconds: 36_000) == "2026-11-25T10:00:00+00:00")
        let summer = try #require(PlanDate("2026-06-10"))
        #expect(summer.iso8601(localSeconds: 45_000 + 59.6) == "2026-06-10T12:31:00+01:00")
    }

    @Test func badDatesAndTimesAreRefused() {
        #expect(PlanDate("2026-02-29") == nil)
        #expect(PlanDate("2026-13-01") == nil)
        #expect(PlanDate("26-1-1") == nil)
        #expect(PlanDate("2028-02-29") != nil)
        #expect(ClockTime.parse("10:00") == 36_000)
        #expect(ClockTime.parse("24:00") == nil)
        #expect(ClockTime.parse("9:5") == nil)
    }

    @Test func tomorrowFollowsTheUKCalendarDay() {
        // 2026-06-10 23:30 UTC is already 00:30 on the 11th in London, so tomorrow is the 12th.
        let lateSummerEvening = Double(PlanDate("2026-06-10")!.daysSinceEpoch * 86_400 + 23 * 3600 + 1800)
        #expect(PlanDate.tomorrowInUK(nowSecondsSince1970: lateSummerEvening) == PlanDate("2026-06-12"))
        let winterEvening = Double(PlanDate("2026-11-24")!.daysSinceEpoch * 86_400 + 23 * 3600 + 1800)
        #expect(PlanDate.tomorrowInUK(nowSecondsSince1970: winterEvening) == PlanDate("2026-11-25"))
    }
}
