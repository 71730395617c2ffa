import Foundation
import Geo
import Testing
@testable import SUMO

@Suite struct StreetNameInferenceTests {
    /// police-fixture.csv places map points on the streets of shirley-fixture.osm (tools/make_police_fixture.py);
    /// the right names are the OSM `name` tags, except where the points are deliberately ambiguous or off the street.
    @Test func fixtureWaysGetTheirOSMNamesAndAmbiguousWaysStayUnnamed() throws {
        let network = try TestFiles.fixture("shirley-fixture.net.xml")
        let csv = try TestFiles.fixture("police-fixture.csv")
        let (streets, report) = try SUMOImport.streets(fromNetworkAt: network, nameFrom: csv)
        let osmNames = try OSMFixtureStreets.names(try TestFiles.fixture("shirley-fixture.osm"))
        let expectedNamed: Set<Int64> = [225110001, 225110002, 225110004, 225110006, 225110008, 225110009]
        let expectedUnnamed: Set<Int64> = [
            225110003, // Mill Lane: "Mill Lane" and "Mill Road", one point each, a tie
            225110005, // the roundabout: only a "Parking Area" point, which is no street
            225110007, // Orchard Close: one lone point 12 m off the line
        ]
        for street in streets {
            if expectedNamed.contains(street.osmWayID) {
                #expect(street.name == osmNames[street.osmWayID], "way \(street.osmWayID)")
                #expect(street.nameSource == SUMOStreet.inferredNameSource)
                #expect(street.feature.properties["name_source"] == .string("police.uk map points"))
            } else {
                #expect(expectedUnnamed.contains(street.osmWayID))
                #expect(street.name == "", "way \(street.osmWayID) got \(street.name)")
                #expect(street.nameSource == nil)
                #expect(street.feature.properties["name_source"] == nil)
            }
        }
        let naming = try #require(report.naming)
        #expect(naming.ways == 9)
        #expect(naming.waysNamed == 6)
        #expect(naming.waysAmbiguous == 2)
        #expect(naming.waysWithoutNamedPoints == 1)
        // 15 rows with positions, 5 of them one repeated point: 13 distinct points, 11 of them streets.
        #expect(naming.mapPoints == 13)
        #expect(naming.streetMapPoints == 11)
    }

    /// Two ways side by side on a BNG grid, laid out so the right answer is plain.
    @Test func pointsVoteForTheirNearestWayOnly() {
        let inference = StreetNameInference()
        let a = [GridPoint(easting: 0, northing: 0), GridPoint(easting: 100, northing: 0)]
        let b = [GridPoint(easting: 100, northing: 0), GridPoint(easting: 100, northing: 100)]
        let points = [
            StreetNameInference.GridMapPoint(grid: GridPoint(easting: 50, northing: 1), streetName: "Long Road"),
            // On b, 2 m from its start and so within 20 m of a too; it votes for b only.
            StreetNameInference.GridMapPoint(grid: GridPoint(easting: 100.5, northing: 2), streetName: "Cross Street"),
            StreetNameInference.GridMapPoint(grid: GridPoint(easting: 30, northing: -1), streetName: nil),
        ]
        let decisions = inference.decide(ways: [1: [a], 2: [b]], points: points)
        #expect(decisions[1] == .named("Long Road", votes: 1, total: 1))
        #expect(decisions[2] == .named("Cross Street", votes: 1, total: 1))
    }

    @Test func majorityRuleNeedsTwoThirdsNoTieAndEnoughPoints() {
        let inference = StreetNameInference()
        func ballots(_ items: [(String, Double)]) -> [(name: String, distance: Double)] { items.map { ($0.0, $0.1) } }
        #expect(inference.decide(ballots([("A Road", 1), ("A Road", 2), ("B Road", 1)])) == .named("A Road", votes: 2, total: 3))
        #expect(inference.decide(ballots([("A Road", 1), ("A Road", 2), ("B Road", 1), ("C Road", 1)]))
            == .ambiguous([.init(name: "A Road", points: 2), .init(name: "B Road", points: 1), .init(name: "C Road", points: 1)]))
        #expect(inference.decide(ballots([("A Road", 1), ("B Road", 1)]))
            == .ambiguous([.init(name: "A Road", points: 1), .init(name: "B Road", points: 1)]))
        #expect(inference.decide(ballots([("A Road", 4.9)])) == .named("A Road", votes: 1, total: 1))
        #expect(inference.decide(ballots([("A Road", 5.1)])) == .ambiguous([.init(name: "A Road", points: 1)]))
        #expect(inference.decide(ballots([("A Road", 15), ("A Road", 18)])) == .named("A Road", votes: 2, total: 2))
        #expect(inference.decide([]) == .noNamedPoints)
    }

    @Test(arguments: [
        ("On or near Shirley High Street", "Shirley High Street"),
        ("On or near The Polygon", "The Polygon"),
        ("On or near Kingsway", "Kingsway"),
        ("On or near Albert Road North", "Albert Road North"),
        ("On or near Cox'S Drive", "Cox's Drive"),
        ("On or near Sir George'S Road", "Sir George's Road"),
        ("On or near Hanover Buildings", "Hanover Buildings"),
        ("On or near Central Station Bridge", "Central Station Bridge"),
    ])
    func streetLocationsGiveTheirName(location: String, name: String) {
        #expect(StreetNameRule.streetName(fromLocation: location) == name)
    }

    @Test(arguments: [
        "On or near Shopping Area", "On or near Parking Area", "On or near Supermarket", "On or near Petrol Station",
        "On or near Sports/Recreation Area", "On or near Nightclub", "On or near Hospital",
        "On or near Further/Higher Educational Building", "On or near Police Station", "On or near Theatre/Concert Hall",
        "On or near Conference/Exhibition Centre", "On or near Pedestrian Subway", "On or near Bus/Coach Station",
        "On or near Park/Open Space", "On or near Lord'S Hill Centre East", "On or near A3057", "On or near M27",
        "On or near Ferry Terminal", "",
    ])
    func placeCategoriesAndRoadNumbersNameNoStreet(location: String) {
        #expect(StreetNameRule.streetName(fromLocation: location) == nil)
    }

    @Test func csvQuotedFieldsDuplicatesAndMissingPositions() throws {
        let text = #"""
        Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type
        ,2017-02,Hampshire,Hampshire,-1.4,50.9,On or near Hill Lane,E1,"Southampton 020A, ""quoted""",Other
        ab,2017-02,Hampshire,Hampshire,-1.4,50.9,On or near Hill Lane,E1,"Southampton
        020A",Other
        ,2017-02,Hampshire,Hampshire,,,No location,,,Other
        cd,2017-03,Hampshire,Hampshire,-1.41,50.91,On or near Supermarket,E1,X,Other
        """#
        let points = try PoliceMapPoints.parse(text, fileName: "t.csv")
        #expect(points == [
            MapPoint(position: LonLat(lon: -1.4, lat: 50.9), location: "On or near Hill Lane"),
            MapPoint(position: LonLat(lon: -1.41, lat: 50.91), location: "On or near Supermarket"),
        ])
        #expect(throws: PoliceCSVError.badNumber(file: "t.csv", line: 3, column: "Latitude", value: "north")) {
            try PoliceMapPoints.parse("Longitude,Latitude,Location\n-1.4,50.9,On or near A Road\n-1.4,north,On or near B Road\n", fileName: "t.csv")
        }
        #expect(throws: PoliceCSVError.self) { try PoliceMapPoints.parse("Longitude,Location\n-1.4,X\n", fileName: "t.csv") }
        #expect(throws: PoliceCSVError.unterminatedQuote(file: "t.csv", line: 2)) {
            try PoliceMapPoints.parse("Longitude,Latitude,Location\n\"-1.4,50.9,X\n", fileName: "t.csv")
        }
    }

    /// police.uk files are RFC 4180 CSV with no comment lines: a quote inside a field is an error naming
    /// the line, and a line starting with `#` is a row like any other.
    @Test func csvMisplacedQuotesAreErrorsAndHashLinesAreRows() throws {
        #expect(throws: PoliceCSVError.misplacedQuote(file: "t.csv", line: 2,
                                                      message: "a quote inside an unquoted field; quote the whole field and double the quote")) {
            try PoliceMapPoints.parse("Longitude,Latitude,Location\n-1.4,50.9,On or near \"A\" Road\n", fileName: "t.csv")
        }
        #expect(throws: PoliceCSVError.misplacedQuote(file: "t.csv", line: 2,
                                                      message: "text after a closing quote; quote the whole field and double any quote inside it")) {
            try PoliceMapPoints.parse("Longitude,Latitude,Location\n-1.4,50.9,\"On or near\" A Road\n", fileName: "t.csv")
        }
        let points = try PoliceMapPoints.parse("Location,Longitude,Latitude\n#1 Parade,-1.4,50.9\r\n", fileName: "t.csv")
        #expect(points == [MapPoint(position: LonLat(lon: -1.4, lat: 50.9), location: "#1 Parade")])
    }
}
