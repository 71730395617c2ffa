import Testing
@testable import OSM

struct StreetRulesTests {
    @Test(arguments: [
        (["highway": "residential"], "no"),
        (["highway": "residential", "oneway": "yes"], "yes"),
        (["highway": "residential", "oneway": "1"], "yes"),
        (["highway": "residential", "oneway": "true"], "yes"),
        (["highway": "residential", "oneway": "-1"], "-1"),
        (["highway": "residential", "oneway": "reverse"], "-1"),
        (["highway": "primary", "junction": "roundabout"], "yes"),
        (["highway": "primary", "junction": "circular"], "yes"),
        (["highway": "primary", "junction": "roundabout", "oneway": "no"], "no"),
        (["highway": "motorway"], "yes"),
        (["highway": "motorway_link"], "yes"),
        (["highway": "motorway", "oneway": "-1"], "-1"),
    ])
    func onewayFollowsTagsRoundaboutsAndMotorways(tags: [String: String], expected: String) {
        #expect(StreetRules.oneway(tags) == expected)
        #expect(StreetRules.classify(tags)?.oneway == expected)
    }

    @Test(arguments: ["construction", "proposed", "raceway", "bus_guideway", "platform", "corridor", "abandoned"])
    func unusableHighwayClassesAreDropped(highway: String) {
        #expect(StreetRules.classify(["highway": highway]) == nil)
    }

    @Test(arguments: ["footway", "path", "pedestrian", "steps", "cycleway", "bridleway", "track"])
    func walkingClassesAreScanOnly(highway: String) {
        #expect(StreetRules.classify(["highway": highway])?.use == .scanOnly)
    }

    @Test func accessDecidesBetweenDrivingScanningAndDropping() {
        #expect(StreetRules.classify(["highway": "living_street"])?.use == .drivable)
        #expect(StreetRules.classify(["highway": "service", "service": "alley"])?.use == .scanOnly)
        #expect(StreetRules.classify(["highway": "service", "access": "private"]) == nil)
        #expect(StreetRules.classify(["highway": "residential", "access": "no"]) == nil)
        #expect(StreetRules.classify(["highway": "residential", "motor_vehicle": "no", "foot": "yes"])?.use == .scanOnly)
        #expect(StreetRules.classify(["highway": "residential", "access": "destination"])?.use == .drivable)
        #expect(StreetRules.classify(["highway": "footway", "access": "private"]) == nil)
        #expect(StreetRules.classify(["highway": "footway", "area": "yes"]) == nil)
        #expect(StreetRules.classify(["highway": "motorway"])?.use == .drivable)
    }

    @Test func aCycleLaneOnewayDoesNotBindAPairOnFoot() {
        #expect(StreetRules.classify(["highway": "cycleway", "oneway": "yes"])?.oneway == "no")
        #expect(StreetRules.classify(["highway": "footway", "oneway:foot": "yes"])?.oneway == "yes")
    }

    @Test func placesAndSchoolsAreRecognised() {
        #expect(PlaceRules.kind(["shop": "supermarket"]) == "supermarket")
        #expect(PlaceRules.kind(["shop": "convenience"]) == "convenience")
        #expect(PlaceRules.kind(["amenity": "fast_food"]) == "fast_food")
        #expect(PlaceRules.kind(["shop": "mall"]) == "shopping_centre")
        #expect(PlaceRules.kind(["landuse": "retail", "name": "Lordshill District Centre"]) == "shopping_centre")
        #expect(PlaceRules.kind(["landuse": "retail"]) == nil)
        #expect(PlaceRules.kind(["leisure": "park"]) == "park")
        #expect(PlaceRules.kind(["leisure": "playground"]) == "playground")
        #expect(PlaceRules.kind(["leisure": "sports_centre"]) == "leisure_centre")
        #expect(PlaceRules.kind(["amenity": "school"]) == nil)
        #expect(PlaceRules.schoolPhase(["name": "Holy Family Catholic Primary School"]) == "Primary")
        #expect(PlaceRules.schoolPhase(["isced:level": "2;3"]) == "Secondary")
        #expect(PlaceRules.schoolPhase(["isced:level": "1-3"]) == "All-through")
        #expect(PlaceRules.schoolPhase(["name": "Medina College"]) == "Not applicable")
    }

    @Test func bboxOptionParsesAndRejectsNonsense() throws {
        let box = try OSMBoundingBox(parsing: "-1.53,50.87,-1.33,50.97")
        #expect(box == OSMBoundingBox(minLon: -1.53, minLat: 50.87, maxLon: -1.33, maxLat: 50.97))
        #expect(box.contains(lon: -1.45, lat: 50.93))
        #expect(!box.contains(lon: -1.25, lat: 50.93))
        for bad in ["-1.53,50.87,-1.33", "a,b,c,d", "-1.33,50.87,-1.53,50.97", "-1.5,95,-1.4,96"] {
            #expect(throws: OSMError.self) { try OSMBoundingBox(parsing: bad) }
        }
    }
}
