import Testing
@testable import OSM

struct MaxSpeedTests {
    // mph × 1.609344 (the international mile), rounded to 0.01 km/h.
    @Test(arguments: [
        ("30 mph", 48.28), ("30mph", 48.28), ("20 mph", 32.19), ("70 mph", 112.65), ("5 mph", 8.05),
        ("20", 20.0), ("50 km/h", 50.0), ("50 kmh", 50.0), ("50kph", 50.0), (" 40 ", 40.0), ("7.5", 7.5),
        ("GB:nsl_single", 96.56), ("GB:nsl_dual", 112.65), ("UK:nsl_single", 96.56),
    ])
    func numericMaxspeedsConvertToKilometresPerHour(text: String, expected: Double) {
        #expect(MaxSpeed.kilometresPerHour(text) == expected)
    }

    @Test(arguments: ["signals", "none", "variable", "walk", "national", "", "30;40", "mph", "-5", "0", "30 furlongs", "nan", "1e3"])
    func nonNumericMaxspeedsAreIgnored(text: String) {
        #expect(MaxSpeed.kilometresPerHour(text) == nil)
    }
}
