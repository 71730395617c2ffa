import CZlib
import Foundation

/// A minimal PNG reader for screenshots: 8-bit greyscale, RGB or RGBA (with or without alpha), not interlaced.
/// IDAT is inflated with zlib, then each row is unfiltered (None, Sub, Up, Average, Paeth).
struct PNGImage {
    enum DecodeError: Error, CustomStringConvertible {
        case notPNG, unsupported(String), corrupt(String)
        var description: String {
            switch self {
            case .notPNG: "not a PNG file"
            case let .unsupported(what): "unsupported PNG: \(what)"
            case let .corrupt(what): "corrupt PNG: \(what)"
            }
        }
    }

    var width: Int
    var height: Int
    /// RGB triples, row by row.
    var rgb: [UInt8]

    func pixel(_ x: Int, _ y: Int) -> (UInt8, UInt8, UInt8) {
        let at = (y * width + x) * 3
        return (rgb[at], rgb[at + 1], rgb[at + 2])
    }

    init(data: Data) throws {
        let bytes = [UInt8](data)
        guard bytes.count > 8, bytes[0..<8].elementsEqual([137, 80, 78, 71, 13, 10, 26, 10]) else { throw DecodeError.notPNG }
        var offset = 8
        var header: (width: Int, height: Int, depth: UInt8, colour: UInt8, interlace: UInt8)?
        var compressed: [UInt8] = []
        func big(_ at: Int) -> Int { Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3]) }
        while offset + 8 <= bytes.count {
            let length = big(offset)
            let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            let start = offset + 8
            guard start + length + 4 <= bytes.count else { throw DecodeError.corrupt("chunk \(type) runs past the end") }
            switch type {
            case "IHDR":
                header = (big(start), big(start + 4), bytes[start + 8], bytes[start + 9], bytes[start + 12])
            case "IDAT":
                compressed += bytes[start..<(start + length)]
            default:
                break
            }
            offset = start + length + 4
            if type == "IEND" { break }
        }
        guard let header else { throw DecodeError.corrupt("no IHDR") }
        guard header.depth == 8, header.interlace == 0 else { throw DecodeError.unsupported("depth \(header.depth), interlace \(header.interlace)") }
        let channels: Int
        switch header.colour {
        case 0: channels = 1
        case 2: channels = 3
        case 4: channels = 2
        case 6: channels = 4
        default: throw DecodeError.unsupported("colour type \(header.colour)")
        }
        let stride = header.width * channels
        let raw = try Self.inflate(compressed, expected: (stride + 1) * header.height)
        var previous = [UInt8](repeating: 0, count: stride)
        var current = [UInt8](repeating: 0, count: stride)
        var rgb = [UInt8]()
        rgb.reserveCapacity(header.width * header.height * 3)
        for row in 0..<header.height {
            let base = row * (stride + 1)
            let filter = raw[base]
            for i in 0..<stride {
                let x = raw[base + 1 + i]
                let a = i >= channels ? Int(current[i - channels]) : 0
                let b = Int(previous[i])
                let c = i >= channels ? Int(previous[i - channels]) : 0
                let predicted: Int
                switch filter {
                case 0: predicted = 0
                case 1: predicted = a
                case 2: predicted = b
                case 3: predicted = (a + b) / 2
                case 4:
                    let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predicted = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
                default: throw DecodeError.corrupt("filter \(filter) on row \(row)")
                }
                current[i] = UInt8(truncatingIfNeeded: Int(x) + predicted)
            }
            for pixel in 0..<header.width {
                let at = pixel * channels
                if channels <= 2 {
                    rgb += [current[at], current[at], current[at]]
                } else {
                    rgb += [current[at], current[at + 1], current[at + 2]]
                }
            }
            swap(&previous, &current)
        }
        self.width = header.width
        self.height = header.height
        self.rgb = rgb
    }

    static func inflate(_ input: [UInt8], expected: Int) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: expected)
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DecodeError.corrupt("inflateInit failed")
        }
        defer { inflateEnd(&stream) }
        var input = input
        let status = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return CZlib.inflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END, stream.total_out == expected else {
            throw DecodeError.corrupt("inflate status \(status), \(stream.total_out) of \(expected) bytes")
        }
        return output
    }

    /// Distinct colours, and the share of the commonest one.
    var colourVariety: (distinct: Int, commonestShare: Double) {
        var counts: [UInt32: Int] = [:]
        for pixel in stride(from: 0, to: rgb.count, by: 3) {
            counts[UInt32(rgb[pixel]) << 16 | UInt32(rgb[pixel + 1]) << 8 | UInt32(rgb[pixel + 2]), default: 0] += 1
        }
        return (counts.count, Double(counts.values.max() ?? 0) / Double(max(1, width * height)))
    }

    /// Pixels within `tolerance` per channel of the colour "#rrggbb".
    func count(near hex: String, tolerance: Int = 12) -> Int {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        let target = [(value >> 16) & 255, (value >> 8) & 255, value & 255]
        var hits = 0
        for pixel in stride(from: 0, to: rgb.count, by: 3)
            where abs(Int(rgb[pixel]) - target[0]) <= tolerance && abs(Int(rgb[pixel + 1]) - target[1]) <= tolerance
            && abs(Int(rgb[pixel + 2]) - target[2]) <= tolerance {
            hits += 1
        }
        return hits
    }
}
