import Foundation
import Geo
import Testing
@testable import Planner

@Suite struct HomeVisitsFileTests {
    static func write(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("home-visits-\(UUID().uuidString).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Planners paste addresses from case systems: quoted, with commas and even line breaks inside.
    @Test func quotedAddressesWithCommasKeepTheColumnsInPlace() throws {
        let url = try Self.write("""
            address,lon,lat,earliest,latest,minutes,pair
            "12 Example Road, Shirley, SO15 0AA",-1.4201,50.9131,10:30,11:30,15,pair-1
            "Flat 3, ""The Limes""
            Millbrook",-1.4502,50.9203,09:45,12:00,,

            """)
        defer { try? FileManager.default.removeItem(at: url) }
        let visits = try HomeVisitsFile.read(contentsOf: url)
        #expect(visits.count == 2)
        #expect(visits[0].position == LonLat(lon: -1.4201, lat: 50.9131))
        #expect(visits[0].earliestSeconds == 10 * 3600 + 30 * 60 && visits[0].latestSeconds == 11 * 3600 + 30 * 60)
        #expect(visits[0].durationSeconds == 15 * 60 && visits[0].pair == "pair-1")
        #expect(visits[1].position == LonLat(lon: -1.4502, lat: 50.9203))
        #expect(visits[1].durationSeconds == 10 * 60 && visits[1].pair == nil)
    }

    /// Errors give the line the record starts on, counting the line breaks inside quotes, and never echo the address.
    @Test func badRowsAreReportedByLineWithoutTheAddress() throws {
        let url = try Self.write("""
            address,lon,lat,earliest,latest
            "1 Any Street,
            Redbridge",-1.45,50.92,10:00,11:00
            "7 Other Way, Coxford",-1.45,north,10:00,11:00

            """)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try HomeVisitsFile.read(contentsOf: url)
            Issue.record("a bad latitude was accepted")
        } catch let error as AreaError {
            let text = "\(error)"
            #expect(text.contains("line 4"), "\(text)")
            #expect(text.contains("lon and lat"), "\(text)")
            #expect(!text.contains("Other Way") && !text.contains("Coxford"), "\(text)")
        }
        let unclosed = try Self.write("address,lon,lat,earliest,latest\n\"5 Open Quote,-1.4,50.9,10:00,11:00\n")
        defer { try? FileManager.default.removeItem(at: unclosed) }
        #expect(throws: AreaError.self) { try HomeVisitsFile.read(contentsOf: unclosed) }
    }
}
