/// What netconvert's OSM import writes into an edge id: `-123#2` is piece 2 of OSM way 123, against its direction.
public struct SUMOEdgeID: Hashable, Sendable {
    public var osmWayID: Int64
    /// True for a leading "-": the edge runs against the way's drawing direction.
    public var isReverse: Bool
    /// The `#n` piece number, nil when the way was not split.
    public var piece: Int?

    /// Nil when the id is not of that form (hand-made networks, `gneE…` edges from netedit).
    public init?(_ id: String) {
        var rest = Substring(id)
        isReverse = rest.hasPrefix("-")
        if isReverse { rest = rest.dropFirst() }
        var pieceNumber: Int?
        if let hash = rest.firstIndex(of: "#") {
            guard let number = Int(rest[rest.index(after: hash)...]), number >= 0 else { return nil }
            pieceNumber = number
            rest = rest[..<hash]
        }
        guard !rest.isEmpty, rest.allSatisfy({ $0.isASCII && $0.isNumber }), let way = Int64(rest), way > 0 else { return nil }
        osmWayID = way
        piece = pieceNumber
    }
}

/// Junction ids as integers for `from_node`/`to_node`.
///
/// netconvert names a junction after its OSM node, so most ids are positive integers and are kept.
/// Joined or hand-made junctions (`cluster_1_2`, `gneJ7`) get a stable negative number instead:
/// the 64-bit FNV-1a hash of the id, cut to 52 bits so it survives JSON's doubles exactly, then negated.
/// The same id always gets the same number, in every file and run.
public enum JunctionNodeID {
    public static func integer(for id: String) -> Int64 {
        if !id.isEmpty, id.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int64(id), value > 0,
           value < 1 << 53 {
            return value
        }
        return -(Int64(fnv1a(id) & ((1 << 52) - 1)) + 1)
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
