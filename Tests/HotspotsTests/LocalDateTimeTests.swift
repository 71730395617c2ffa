import Testing
@testable import Hotspots

@Suite struct LocalDateTimeTests {
    @Test func isoLocalTimesParseAndOffsetsAreRefused() {
        #expect(LocalDateTime(iso: "2026-11-23T10:15")?.description == "2026-11-23T10:15:00")
        #expect(LocalDateTime(iso: "2024-02-29 23:59:59")?.description == "2024-02-29T23:59:59")
        #expect(LocalDateTime(iso: "2026-02-29") == nil)
        #expect(LocalDateTime(iso: "2026-11-23T10:15Z") == nil)
        #expect(LocalDateTime(iso: "2026-11-23T10:15:00+01:00") == nil)
        // 2026-11-23 is day 20780 after 1970-01-01 (Python: date(2026,11,23).toordinal() - date(1970,1,1).toordinal()).
        #expect(LocalDateTime(iso: "2026-11-23")?.dayNumber == 20780)
        #expect(LocalDateTime(iso: "2026-12-31")?.nextDay.description == "2027-01-01T00:00:00")
    }
}
