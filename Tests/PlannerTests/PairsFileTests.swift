import Testing
@testable import Planner

@Suite struct PairsFileTests {
    func read(_ text: String) throws -> [Pair] {
        try PairsFile.read(bytes: Array(text.utf8), file: "pairs.json")
    }

    @Test func readsPairsWithDefaults() throws {
        let pairs = try read(#"{"pairs":[{"id":"p1","base":{"name":"Shirley","lon":-1.43,"lat":50.92}},{"id":"p2","base":{"lon":-1.4,"lat":50.9},"window":{"start":"09:45","end":"12:00"},"speed_factor":0.9,"preferred_patches":["polygon"]}]}"#)
        #expect(pairs.count == 2)
        #expect(pairs[0].windowStartSeconds == 36_000 && pairs[0].windowEndSeconds == 45_000)
        #expect(pairs[1].windowStartSeconds == 35_100 && pairs[1].preferredPatches == ["polygon"])
    }

    @Test(arguments: [
        (#"{"pairs":[{"id":"p1"}]}"#, "pair 0: \"base\""),
        (#"{"pairs":[{"id":"p1","base":{"lon":-1,"lat":51}},{"id":"p1","base":{"lon":-1,"lat":51}}]}"#, "pair 1: id \"p1\" is used twice"),
        (#"{"pairs":[{"id":"p1","base":{"lon":-1,"lat":51},"window":{"start":"12:00","end":"10:00"}}]}"#, "pair 0: window ends"),
        (#"{"pairs":[{"id":"p1","name":"PC Smith","base":{"lon":-1,"lat":51}}]}"#, "looks like a person's name"),
        (#"{"pairs":[{"id":"p1","base":{"lon":-1,"lat":151}}]}"#, "pair 0: base needs"),
        (#"{"teams":[]}"#, "\"pairs\" array"),
    ])
    func badPairsFilesNameThePairAndField(text: String, expected: String) {
        do {
            _ = try read(text)
            Issue.record("accepted: \(text)")
        } catch {
            #expect(String(describing: error).contains(expected), "\(error)")
            #expect(String(describing: error).hasPrefix("pairs.json"))
        }
    }
}
