/// Decodes one OSMData blob (a PrimitiveBlock) into elements.
///
/// Field layout follows the OSM PBF format (osmformat.proto); the code is our own. Node
/// coordinates come out in nanodegrees: `offset + granularity × value`.
struct PrimitiveBlockDecoder {
    let bytes: [UInt8]
    private var strings: [String] = []
    private var granularity: Int64 = 100
    private var latOffset: Int64 = 0
    private var lonOffset: Int64 = 0
    private var groups: [Range<Int>] = []

    init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        var reader = ProtoReader(bytes)
        var stringTable: Range<Int>?
        while let (number, wireType) = try reader.field() {
            switch number {
            case 1:
                try reader.expect(.lengthDelimited, wireType, field: "PrimitiveBlock.stringtable")
                stringTable = try reader.lengthDelimited()
            case 2:
                try reader.expect(.lengthDelimited, wireType, field: "PrimitiveBlock.primitivegroup")
                groups.append(try reader.lengthDelimited())
            case 17:
                try reader.expect(.varint, wireType, field: "PrimitiveBlock.granularity")
                let start = reader.position
                granularity = Int64(try reader.int32())
                guard granularity > 0 else {
                    throw ProtoError(position: start, expected: "a positive granularity, found \(granularity)")
                }
            case 19:
                try reader.expect(.varint, wireType, field: "PrimitiveBlock.lat_offset")
                latOffset = try reader.int64()
            case 20:
                try reader.expect(.varint, wireType, field: "PrimitiveBlock.lon_offset")
                lonOffset = try reader.int64()
            default:
                try reader.skip(wireType)
            }
        }
        guard let stringTable else {
            throw ProtoError(position: 0, expected: "a string table in the PrimitiveBlock (required field 1)")
        }
        var table = ProtoReader(bytes, range: stringTable)
        while let (number, wireType) = try table.field() {
            if number == 1 {
                try table.expect(.lengthDelimited, wireType, field: "StringTable.s")
                strings.append(try table.string())
            } else {
                try table.skip(wireType)
            }
        }
    }

    func decode(kinds: OSMElementKinds, _ visit: (OSMElement) throws -> Void) throws {
        for group in groups {
            var reader = ProtoReader(bytes, range: group)
            while let (number, wireType) = try reader.field() {
                let wanted: Bool
                switch number {
                case 1, 2: wanted = kinds.contains(.nodes)
                case 3: wanted = kinds.contains(.ways)
                case 4: wanted = kinds.contains(.relations)
                default: wanted = false
                }
                guard wanted else {
                    try reader.skip(wireType)
                    continue
                }
                try reader.expect(.lengthDelimited, wireType, field: "PrimitiveGroup member")
                let message = try reader.message()
                switch number {
                case 1: try visit(.node(try node(message)))
                case 2: try denseNodes(message, visit)
                case 3: try visit(.way(try way(message)))
                default: try visit(.relation(try relation(message)))
                }
            }
        }
    }

    private func string(_ index: UInt64, at position: Int) throws -> String {
        guard index < UInt64(strings.count) else {
            throw ProtoError(position: position, expected: "a string table index below \(strings.count), found \(index)")
        }
        return strings[Int(index)]
    }

    private func coordinate(lat: Int64, lon: Int64, at position: Int) throws -> OSMCoordinate {
        let (latScaled, latOverflow) = granularity.multipliedReportingOverflow(by: lat)
        let (lonScaled, lonOverflow) = granularity.multipliedReportingOverflow(by: lon)
        let (latNano, latSumOverflow) = latOffset.addingReportingOverflow(latScaled)
        let (lonNano, lonSumOverflow) = lonOffset.addingReportingOverflow(lonScaled)
        let coordinate = OSMCoordinate(lonNanodegrees: lonNano, latNanodegrees: latNano)
        guard !(latOverflow || lonOverflow || latSumOverflow || lonSumOverflow), coordinate.isValid else {
            throw ProtoError(position: position, expected: "a node latitude within ±90° and longitude within ±180°")
        }
        return coordinate
    }

    private func tags(keys: [UInt64], values: [UInt64], at position: Int) throws -> [String: String] {
        guard keys.count == values.count else {
            throw ProtoError(position: position, expected: "as many tag values as keys (\(keys.count) keys, \(values.count) values)")
        }
        var tags: [String: String] = [:]
        for index in keys.indices {
            tags[try string(keys[index], at: position)] = try string(values[index], at: position)
        }
        return tags
    }

    private func node(_ message: ProtoReader) throws -> OSMNode {
        var reader = message
        let start = reader.position
        var id: Int64?
        var lat: Int64?
        var lon: Int64?
        var keys: [UInt64] = []
        var values: [UInt64] = []
        while let (number, wireType) = try reader.field() {
            switch number {
            case 1:
                try reader.expect(.varint, wireType, field: "Node.id")
                id = try reader.sint64()
            case 2: try reader.repeatedVarints(wireType, field: "Node.keys") { keys.append($0) }
            case 3: try reader.repeatedVarints(wireType, field: "Node.vals") { values.append($0) }
            case 8:
                try reader.expect(.varint, wireType, field: "Node.lat")
                lat = try reader.sint64()
            case 9:
                try reader.expect(.varint, wireType, field: "Node.lon")
                lon = try reader.sint64()
            default: try reader.skip(wireType)
            }
        }
        guard let id, let lat, let lon else {
            throw ProtoError(position: start, expected: "a Node with id, lat and lon")
        }
        return OSMNode(id: id, coordinate: try coordinate(lat: lat, lon: lon, at: start),
                       tags: try tags(keys: keys, values: values, at: start))
    }

    private func denseNodes(_ message: ProtoReader, _ visit: (OSMElement) throws -> Void) throws {
        var reader = message
        let start = reader.position
        var ids: [Int64] = []
        var lats: [Int64] = []
        var lons: [Int64] = []
        var keysVals: [UInt64] = []
        while let (number, wireType) = try reader.field() {
            switch number {
            case 1: try reader.deltaCodedSint64s(wireType, field: "DenseNodes.id", messageStart: start, into: &ids)
            case 8: try reader.deltaCodedSint64s(wireType, field: "DenseNodes.lat", messageStart: start, into: &lats)
            case 9: try reader.deltaCodedSint64s(wireType, field: "DenseNodes.lon", messageStart: start, into: &lons)
            case 10: try reader.repeatedVarints(wireType, field: "DenseNodes.keys_vals") { keysVals.append($0) }
            default: try reader.skip(wireType)
            }
        }
        guard ids.count == lats.count, ids.count == lons.count else {
            throw ProtoError(position: start, expected: "DenseNodes with as many lats and lons as ids (\(ids.count) ids, \(lats.count) lats, \(lons.count) lons)")
        }
        var cursor = 0
        for index in ids.indices {
            var tags: [String: String] = [:]
            if !keysVals.isEmpty {
                while true {
                    guard cursor < keysVals.count else {
                        throw ProtoError(position: start, expected: "DenseNodes.keys_vals with a 0 after the tags of node \(ids[index])")
                    }
                    let key = keysVals[cursor]
                    cursor += 1
                    if key == 0 { break }
                    guard cursor < keysVals.count else {
                        throw ProtoError(position: start, expected: "a value for every key in DenseNodes.keys_vals")
                    }
                    tags[try string(key, at: start)] = try string(keysVals[cursor], at: start)
                    cursor += 1
                }
            }
            let coordinate = try coordinate(lat: lats[index], lon: lons[index], at: start)
            try visit(.node(OSMNode(id: ids[index], coordinate: coordinate, tags: tags)))
        }
    }

    private func way(_ message: ProtoReader) throws -> OSMWay {
        var reader = message
        let start = reader.position
        var id: Int64?
        var keys: [UInt64] = []
        var values: [UInt64] = []
        var refs: [Int64] = []
        while let (number, wireType) = try reader.field() {
            switch number {
            case 1:
                try reader.expect(.varint, wireType, field: "Way.id")
                id = try reader.int64()
            case 2: try reader.repeatedVarints(wireType, field: "Way.keys") { keys.append($0) }
            case 3: try reader.repeatedVarints(wireType, field: "Way.vals") { values.append($0) }
            case 8: try reader.deltaCodedSint64s(wireType, field: "Way.refs", messageStart: start, into: &refs)
            default: try reader.skip(wireType)
            }
        }
        guard let id else { throw ProtoError(position: start, expected: "a Way with an id (required field 1)") }
        return OSMWay(id: id, refs: refs, tags: try tags(keys: keys, values: values, at: start))
    }

    private func relation(_ message: ProtoReader) throws -> OSMRelation {
        var reader = message
        let start = reader.position
        var id: Int64?
        var keys: [UInt64] = []
        var values: [UInt64] = []
        var roles: [UInt64] = []
        var memberIDs: [Int64] = []
        var types: [UInt64] = []
        while let (number, wireType) = try reader.field() {
            switch number {
            case 1:
                try reader.expect(.varint, wireType, field: "Relation.id")
                id = try reader.int64()
            case 2: try reader.repeatedVarints(wireType, field: "Relation.keys") { keys.append($0) }
            case 3: try reader.repeatedVarints(wireType, field: "Relation.vals") { values.append($0) }
            case 8: try reader.repeatedVarints(wireType, field: "Relation.roles_sid") { roles.append($0) }
            case 9: try reader.deltaCodedSint64s(wireType, field: "Relation.memids", messageStart: start, into: &memberIDs)
            case 10: try reader.repeatedVarints(wireType, field: "Relation.types") { types.append($0) }
            default: try reader.skip(wireType)
            }
        }
        guard let id else { throw ProtoError(position: start, expected: "a Relation with an id (required field 1)") }
        guard roles.count == memberIDs.count, types.count == memberIDs.count else {
            throw ProtoError(position: start, expected: "a Relation with as many roles and types as members (\(memberIDs.count) members, \(roles.count) roles, \(types.count) types)")
        }
        var members: [OSMMember] = []
        members.reserveCapacity(memberIDs.count)
        for index in memberIDs.indices {
            let type: OSMMemberType
            switch types[index] {
            case 0: type = .node
            case 1: type = .way
            case 2: type = .relation
            default: throw ProtoError(position: start, expected: "a member type 0, 1 or 2, found \(types[index])")
            }
            members.append(OSMMember(type: type, ref: memberIDs[index], role: try string(roles[index], at: start)))
        }
        return OSMRelation(id: id, members: members, tags: try tags(keys: keys, values: values, at: start))
    }
}
