import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Geo

/// The car streets of a small OSM XML file worked out directly from its nodes and ways, independently of
/// SUMO: ways split at nodes two car ways share (or a way meets itself), then, as netconvert's
/// geometry.remove does, pieces joined through nodes where exactly two compatible pieces meet
/// (same class, same speed, both two-way, or both one-way driving through). Lengths are in BNG.
struct OSMFixtureStreets {
    struct Street: Hashable {
        var ways: [Int64]
        /// In driving order for one-way streets.
        var nodes: [Int64]
        var oneWay: Bool
        var highway: String
        var maxspeed: String?
        var lengthMetres: Double
    }

    static let carHighways: Set<String> = ["motorway", "trunk", "primary", "secondary", "tertiary", "unclassified",
                                           "residential", "living_street", "service", "primary_link", "tertiary_link"]

    static func read(_ url: URL) throws -> [Street] {
        let handler = OSMHandler()
        let parser = XMLParser(data: try Data(contentsOf: url))
        parser.delegate = handler
        guard parser.parse() else { throw CocoaError(.fileReadCorruptFile) }

        struct Piece { var ways: [Int64]; var nodes: [Int64]; var oneWay: Bool; var highway: String; var maxspeed: String? }
        let carWays = handler.ways.filter { carHighways.contains($0.tags["highway"] ?? "") }
        var uses: [Int64: Int] = [:]
        for way in carWays { for node in way.nodes { uses[node, default: 0] += 1 } }
        var pieces: [Piece] = []
        for way in carWays {
            let oneway = way.tags["oneway"] ?? (way.tags["junction"] == "roundabout" ? "yes" : "no")
            let nodes = oneway == "-1" ? Array(way.nodes.reversed()) : way.nodes
            var current = [nodes[0]]
            for node in nodes.dropFirst() {
                current.append(node)
                if uses[node]! > 1 || node == nodes.last {
                    pieces.append(Piece(ways: [way.id], nodes: current, oneWay: oneway != "no",
                                        highway: way.tags["highway"]!, maxspeed: way.tags["maxspeed"]))
                    current = [node]
                }
            }
        }
        // Join pieces through nodes where exactly two compatible pieces meet.
        var joined = true
        while joined {
            joined = false
            var ends: [Int64: [Int]] = [:]
            for (index, piece) in pieces.enumerated() {
                ends[piece.nodes.first!, default: []].append(index)
                ends[piece.nodes.last!, default: []].append(index)
            }
            for (node, touching) in ends.sorted(by: { $0.key < $1.key }) where touching.count == 2 && touching[0] != touching[1] {
                var a = pieces[touching[0]], b = pieces[touching[1]]
                guard a.highway == b.highway, a.maxspeed == b.maxspeed, a.oneWay == b.oneWay else { continue }
                if a.oneWay {
                    if a.nodes.last == node && b.nodes.first == node {
                    } else if b.nodes.last == node && a.nodes.first == node {
                        swap(&a, &b)
                    } else { continue }
                } else {
                    if a.nodes.last != node { a.nodes.reverse() }
                    if b.nodes.first != node { b.nodes.reverse() }
                }
                let merged = Piece(ways: a.ways + b.ways, nodes: a.nodes + b.nodes.dropFirst(), oneWay: a.oneWay,
                                   highway: a.highway, maxspeed: a.maxspeed)
                pieces = pieces.enumerated().filter { !touching.contains($0.offset) }.map(\.element) + [merged]
                joined = true
                break
            }
        }
        let bng = try Projection.bng()
        return try pieces.map { piece in
            let grid = try piece.nodes.map { try bng.grid(handler.nodes[$0]!) }
            let length = zip(grid, grid.dropFirst()).reduce(0) { $0 + $1.0.distanceMetres(to: $1.1) }
            return Street(ways: piece.ways, nodes: piece.nodes, oneWay: piece.oneWay, highway: piece.highway,
                          maxspeed: piece.maxspeed, lengthMetres: length)
        }
    }

    /// Way ids and their `name` tags.
    static func names(_ url: URL) throws -> [Int64: String] {
        let handler = OSMHandler()
        let parser = XMLParser(data: try Data(contentsOf: url))
        parser.delegate = handler
        guard parser.parse() else { throw CocoaError(.fileReadCorruptFile) }
        return Dictionary(handler.ways.compactMap { way in way.tags["name"].map { (way.id, $0) } }, uniquingKeysWith: { a, _ in a })
    }
}

private final class OSMHandler: NSObject, XMLParserDelegate {
    struct Way { var id: Int64; var nodes: [Int64] = []; var tags: [String: String] = [:] }
    var nodes: [Int64: LonLat] = [:]
    var ways: [Way] = []
    private var way: Way?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "node":
            nodes[Int64(attributes["id"]!)!] = LonLat(lon: Double(attributes["lon"]!)!, lat: Double(attributes["lat"]!)!)
        case "way":
            way = Way(id: Int64(attributes["id"]!)!)
        case "nd":
            way?.nodes.append(Int64(attributes["ref"]!)!)
        case "tag":
            way?.tags[attributes["k"]!] = attributes["v"]!
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "way", let way { ways.append(way) }
        if name == "way" { way = nil }
    }
}
