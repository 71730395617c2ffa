import Foundation
import Testing
import Solvers

struct TSPLIBInstanceTests {
    /// The published instances committed under bench/ (see its README for sources and values).
    static let benchInstances = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("bench")

    @Test
    func distancesFollowTSPLIBRounding() throws {
        let text = """
            NAME : tiny
            TYPE : TSP
            DIMENSION : 3
            EDGE_WEIGHT_TYPE : EUC_2D
            NODE_COORD_SECTION
            1 0 0
            2 3 4.4
            3 0.5 0
            EOF
            """
        let euclid = try TSPLIBInstance.parse(text, file: "tiny.tsp")
        #expect(euclid.name == "tiny")
        // sqrt(9 + 19.36) = 5.325… → 5; 0.5 rounds half up to 1.
        #expect(euclid.distance(0, 1) == 5)
        #expect(euclid.distance(0, 2) == 1)
        var att = euclid
        att.distanceKind = .att
        // sqrt(28.36 / 10) = 1.684 → nint 2, not below r, so 2; sqrt(0.25/10) = 0.158 → 0 < r → 1.
        #expect(att.distance(0, 1) == 2)
        #expect(att.distance(0, 2) == 1)
    }

    @Test
    func crlfFilesParse() throws {
        let text = "NAME: crlf\r\nTYPE: TSP\r\nDIMENSION: 2\r\nEDGE_WEIGHT_TYPE: ATT\r\nNODE_COORD_SECTION\r\n1 0 0\r\n2 0 100\r\nEOF\r\n"
        let instance = try TSPLIBInstance.parse(text, file: "crlf.tsp")
        #expect(instance.nodeCount == 2)
        #expect(instance.distanceKind == .att)
        // sqrt(10000/10) = 31.62 → nint 32 ≥ r → 32.
        #expect(instance.distance(0, 1) == 32)
    }

    @Test
    func malformedHeadersNameTheFieldAndLine() {
        #expect(throws: TSPLIBError.missingField(file: "a.tsp", field: "DIMENSION")) {
            try TSPLIBInstance.parse("TYPE: TSP\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n", file: "a.tsp")
        }
        #expect(throws: TSPLIBError.unsupported(
            file: "b.tsp", line: 2, field: "EDGE_WEIGHT_TYPE", value: "EXPLICIT", expected: "EUC_2D, CEIL_2D, ATT or GEO")
        ) {
            try TSPLIBInstance.parse("DIMENSION: 2\nEDGE_WEIGHT_TYPE: EXPLICIT\n", file: "b.tsp")
        }
        #expect(throws: TSPLIBError.countMismatch(file: "c.tsp", expected: 3, found: 2)) {
            try TSPLIBInstance.parse(
                "DIMENSION: 3\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 1 1\nEOF\n", file: "c.tsp")
        }
    }

    /// burma14 (TSPLIB95, GEO): its published optimum is 3323 and the first entry of its
    /// distance table 153. Both hold only if the DDD.MM reading and TSPLIB's sphere are exact.
    @Test
    func geographicDistancesReproduceBurma14Optimum() throws {
        let coordinates = [
            (16.47, 96.10), (16.47, 94.44), (20.09, 92.54), (22.39, 93.37), (25.23, 97.24), (22.00, 96.05),
            (20.47, 97.02), (17.20, 96.29), (16.30, 97.38), (14.05, 98.12), (16.53, 97.38), (21.52, 95.59),
            (19.41, 97.13), (20.09, 94.55),
        ]
        let instance = TSPLIBInstance(
            name: "burma14", distanceKind: .geographic, x: coordinates.map(\.0), y: coordinates.map(\.1))
        #expect(instance.distance(0, 1) == 153)
        let tour = try TSPSolver.closedTour(costs: instance.costMatrix())
        #expect(tour.cost == 3323)
    }

    /// Published optima (TSPLIB95) for the development set; the search must come within 1 %.
    @Test(arguments: [("berlin52", 7542), ("eil51", 426), ("st70", 675)])
    func publishedInstanceWithinOnePercentOfOptimum(name: String, optimum: Int) throws {
        let path = Self.benchInstances.appendingPathComponent("tsp/\(name).tsp").path
        #expect(FileManager.default.fileExists(atPath: path), "benchmark file missing: \(path) (committed under bench/)")
        let instance = try TSPLIBInstance.parse(contentsOf: path)
        let tour = try TSPSolver.closedTour(costs: instance.costMatrix(), options: TSPOptions(kicks: 3_000, seed: 1))
        var length = 0
        for k in 0..<tour.nodes.count {
            length += instance.distance(tour.nodes[k], tour.nodes[(k + 1) % tour.nodes.count])
        }
        #expect(Set(tour.nodes) == Set(0..<instance.nodeCount))
        #expect(length >= optimum)
        #expect(Double(length) <= Double(optimum) * 1.01, "\(name): \(length) against optimum \(optimum)")
    }
}
