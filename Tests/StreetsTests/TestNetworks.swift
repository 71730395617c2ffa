import Base
import Foundation
import Geo
@testable import Streets

/// Small networks for tests: random ones (seeded) and helpers to write hand-made ones quickly.
enum TestNetworks {
    static let classes = ["residential", "tertiary", "secondary", "service", "unclassified", "living_street", "busway"]

    /// `nodeCount` junctions scattered over a square, `edgeCount` random segments between them (parallel
    /// segments allowed), some bent, a share one-way in either direction, some with a maxspeed.
    static func randomSegments(nodeCount: Int, edgeCount: Int, onewayShare: Double, seed: UInt64,
                               sideMetres: Double = 1000) -> [StreetSegment] {
        var random = SplitMix64(seed: seed)
        let points = (0..<nodeCount).map { _ in
            GridPoint(easting: 450_000 + random.unit() * sideMetres, northing: 90_000 + random.unit() * sideMetres)
        }
        var segments: [StreetSegment] = []
        while segments.count < edgeCount {
            let a = Int(random.next() % UInt64(nodeCount)), b = Int(random.next() % UInt64(nodeCount))
            if a == b { continue }
            var geometry = [points[a]]
            if random.unit() < 0.3 {
                geometry.append(GridPoint(easting: (points[a].easting + points[b].easting) / 2 + random.unit() * 40 - 20,
                                          northing: (points[a].northing + points[b].northing) / 2 + random.unit() * 40 - 20))
            }
            geometry.append(points[b])
            let roll = random.unit()
            let oneway: Oneway = roll < onewayShare / 2 ? .yes : roll < onewayShare ? .reverse : .no
            let maxspeed: Double? = random.unit() < 0.2 ? 10 + random.unit() * 30 : nil
            segments.append(StreetSegment(osmWayID: Int64(segments.count + 1), fromNode: Int64(a + 100),
                                          toNode: Int64(b + 100), name: "Street \(segments.count % 7)",
                                          highway: classes[Int(random.next() % UInt64(classes.count))],
                                          oneway: oneway, maxspeedKmPerHour: maxspeed, geometry: geometry))
        }
        return segments
    }

    /// Independent travel time of a segment: the profile rule written out again.
    static func seconds(_ segment: StreetSegment) -> Double {
        var speed = SpeedProfile.ukUrbanDefaults[segment.highway] ?? 20
        if let cap = segment.maxspeedKmPerHour { speed = min(speed, cap) }
        return segment.lengthMetres / (speed / 3.6)
    }

    /// All-pairs travel times by Floyd–Warshall, indexed by OSM node id offsets of `ids`.
    static func floydWarshall(_ segments: [StreetSegment], ids: [Int64], length: Bool = false) -> [[Double]] {
        let n = ids.count
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        var d = [[Double]](repeating: [Double](repeating: .infinity, count: n), count: n)
        for i in 0..<n { d[i][i] = 0 }
        for segment in segments where !segment.scanOnly {
            let a = index[segment.fromNode]!, b = index[segment.toNode]!
            let w = length ? segment.lengthMetres : seconds(segment)
            if segment.oneway != .reverse { d[a][b] = min(d[a][b], w) }
            if segment.oneway != .yes { d[b][a] = min(d[b][a], w) }
        }
        for k in 0..<n {
            for i in 0..<n where d[i][k] < .infinity {
                for j in 0..<n where d[i][k] + d[k][j] < d[i][j] { d[i][j] = d[i][k] + d[k][j] }
            }
        }
        return d
    }

    /// A straight two-point segment between hand-placed junctions.
    static func street(_ from: Int64, _ to: Int64, _ points: [Int64: (Double, Double)], name: String = "",
                       oneway: Oneway = .no, highway: String = "residential", scanOnly: Bool = false) -> StreetSegment {
        let a = points[from]!, b = points[to]!
        return StreetSegment(osmWayID: from * 1000 + to, fromNode: from, toNode: to, name: name, highway: highway,
                             oneway: oneway, scanOnly: scanOnly,
                             geometry: [GridPoint(easting: a.0, northing: a.1), GridPoint(easting: b.0, northing: b.1)])
    }

    static func fixtureURL(_ name: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
            throw FixtureMissing(name: name)
        }
        return url
    }

    struct FixtureMissing: Error, CustomStringConvertible {
        let name: String
        var description: String { "test fixture Fixtures/\(name) is missing from the test bundle" }
    }

    static func relativelyEqual(_ a: Double, _ b: Double, tolerance: Double = 1e-9) -> Bool {
        if a == b { return true }
        return abs(a - b) <= tolerance * max(abs(a), abs(b), 1)
    }
}

extension StreetNetwork {
    /// The arc from OSM node `a` to OSM node `b`, for hand-made graphs with one segment per pair.
    func arc(_ a: Int64, _ b: Int64) -> Int? {
        guard let u = node(osmID: a), let v = node(osmID: b) else { return nil }
        return outgoingArcs(of: u).first { head(ofArc: $0) == v }
    }

    struct NoSuchArc: Error, CustomStringConvertible {
        let from: Int64, to: Int64
        var description: String { "no arc from OSM node \(from) to \(to)" }
    }

    func requireArc(_ a: Int64, _ b: Int64) throws -> Int {
        guard let arc = arc(a, b) else { throw NoSuchArc(from: a, to: b) }
        return arc
    }
}
