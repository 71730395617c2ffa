import Foundation
import Geo
import Testing
@testable import Planner

@Suite struct PhonePageTests {
    static func page(hotspotName: String = PlanFixtures.hotspot.name, schools: [String] = ["Regents Park Community College"]) -> String {
        let plan = PlanFixtures.plan
        var page = PhonePage(plan.pairPlans[0], in: plan)
        page.places = [PhonePlace(name: hotspotName, position: PlanFixtures.hotspot.position)]
        page.schools = schools
        return page.html()
    }

    static func matches(_ pattern: String, in text: String) throws -> [String] {
        let expression = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range, in: text).map { String(text[$0]) }
        }
    }

    @Test func areaTextCannotEndTheDataScriptOrAddMarkup() throws {
        let hostile = "</script><script>alert(1)</script><!--"
        let html = Self.page(hotspotName: hostile, schools: ["<b>School</b> & \"Co\""])
        #expect(!html.contains(hostile))
        #expect(!html.contains("<b>School</b>"))
        // Exactly the page's own two script elements: the JSON data and the script.
        #expect(try Self.matches("<script", in: html).count == 2)
        #expect(try Self.matches("</script", in: html).count == 2)
        let start = try #require(html.range(of: "<script type=\"application/json\" id=\"page-data\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let json = try JSONParser.parse(String(html[start.upperBound..<end.lowerBound]))
        #expect(json["places"]?.arrayValue?.first?["name"]?.stringValue == hostile)
    }

    @Test func theFormHasNoFieldThatTakesText() throws {
        let html = Self.page()
        #expect(try Self.matches("<textarea|contenteditable", in: html).isEmpty)
        let inputs = try Self.matches("<input[^>]*>", in: html)
        #expect(!inputs.isEmpty)
        #expect(inputs.allSatisfy { $0.contains("type=\"radio\"") }, "\(inputs)")
        // The script builds radios and buttons only.
        let built = try Self.matches("\\.type = \"[a-z]*\"", in: PhonePageScript.javascript)
        #expect(Set(built) == [".type = \"radio\"", ".type = \"button\""], "\(built)")
        #expect(try Self.matches("textarea|contenteditable|createElement\\(\"(select|option)", in: PhonePageScript.javascript).isEmpty)
        for forbidden in ["name=\"name\"", "dob", "birth", "address", "postcode"] {
            #expect(!html.lowercased().contains(forbidden), "\(forbidden)")
        }
    }

    @Test func thePageForbidsEveryRequest() throws {
        let html = Self.page()
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; "
            + "style-src 'unsafe-inline'; img-src data:;"))
        #expect(try Self.matches("<link|<img|<iframe|<object|\\ssrc=|url\\(|@import|fetch\\(|XMLHttpRequest|WebSocket", in: html).isEmpty)
        #expect(try Self.matches("href=\"(https?:)?//", in: html).isEmpty)
    }

    @Test func theStopFormOffersTheImportersWholeVocabulary() {
        let html = Self.page()
        for reason in ["sick", "truanting", "medical_appointment", "lunch_break", "restricted_timetable", "excluded", "with_parent", "other"] {
            #expect(html.contains("name=\"reason\" value=\"\(reason)\""), "\(reason)")
        }
        for outcome in ["returned_to_school", "letter_home", "home_visit", "none"] {
            #expect(html.contains("name=\"outcome\" value=\"\(outcome)\""), "\(outcome)")
        }
        #expect(html.contains("<option value=\"Regents Park Community College\">"))
        #expect(PhonePageScript.javascript.contains("[\"time\", \"lon\", \"lat\", \"place\", \"school\", \"age_band\", \"reason\", \"outcome\", \"pair\", \"sweep\"]"))
    }

    @Test func thePhoneFollowsTheRunSheetsStepsEachPlacedWhereItStarts() {
        let pairPlan = PlanFixtures.plan.pairPlans[0]
        let steps = PhoneSteps.steps(for: pairPlan)
        let directions = Directions.steps(pairPlan)
        #expect(steps.map(\.instruction) == directions.map(\.text))
        #expect(steps.filter { $0.kind == "watch" }.count == pairPlan.visits.count)
        #expect(steps.first?.kind == "drive" && steps.first?.position == pairPlan.legs.first?.path.first)
        #expect(steps.first(where: { $0.kind == "watch" })?.clockSeconds == 36_240)
        #expect(steps.first(where: { $0.kind == "watch" })?.position == PlanFixtures.hotspot.position)
        #expect(steps.contains { $0.kind == "sweep" })
        #expect(steps.last?.kind == "end" && steps.last?.position == pairPlan.pair.base && steps.last?.clockSeconds == pairPlan.endSeconds)
        #expect(zip(steps, steps.dropFirst()).allSatisfy { $0.clockSeconds <= $1.clockSeconds })
    }

    @Test func aLongSweepNamesEveryStreetAndIsNeverCut() throws {
        let names = (1...60).map { "Street Number \($0)" }
        let legs = names.enumerated().map { index, name in
            RouteLeg(kind: index % 3 == 0 ? .deadhead : .sweep, streets: [name],
                     path: [LonLat(lon: -1.43 + Double(index % 2) * 0.001, lat: 50.92 + Double(index) * 0.001),
                            LonLat(lon: -1.43 + Double((index + 1) % 2) * 0.001, lat: 50.92 + Double(index + 1) * 0.001)],
                     distanceMetres: 100, durationSeconds: 20, startSeconds: 36_000 + Double(index) * 20)
        }
        let pair = Pair(id: "pair-1", baseName: "base", base: LonLat(lon: -1.43, lat: 50.92))
        let steps = PhoneSteps.steps(for: PairPlan(pair: pair, patches: ["p"], steps: legs.map { .leg($0) }))
        let text = steps.map(\.instruction).joined(separator: "\n")
        for name in names { #expect(text.contains(try Regex("\\b\(name)\\b")), "\(name)") }
        #expect(!text.contains("…"))
        #expect(steps.last?.kind == "end")
    }

    @Test func thePageNameNeverCollidesWithThePlansOtherFiles() {
        #expect(PhonePage.fileName(pairID: "Pair 1") == "pair-1-phone.html")
        #expect(PhonePage.fileName(pairID: "map") != "map.html")
    }

    @Test func everyPairGetsAPageBesideThePlan() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("phone-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try PlanOutputs.write(PlanFixtures.plan, to: folder)
        #expect(written.map(\.lastPathComponent).contains("pair-1-phone.html"))
        let html = try String(contentsOf: folder.appendingPathComponent("pair-1-phone.html"), encoding: .utf8)
        // Without the area, the form offers the schools the pair's patches name.
        #expect(html.contains("<option value=\"Regents Park Community College\">"))
    }
}
