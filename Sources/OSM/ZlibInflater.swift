import CZlib

/// A zlib decompression failure; the PBF reader adds the file offset.
struct InflateError: Error {
    var expected: String
}

/// Owns one zlib inflate stream, reset for every blob so a file reuses one set of zlib buffers.
final class ZlibInflater {
    private let stream: UnsafeMutablePointer<z_stream>

    init() throws {
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let code = inflateInit_(stream, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard code == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw InflateError(expected: "zlib to initialise (inflateInit returned \(code))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Inflates `input[range]`, which must decompress to exactly `outputSize` bytes.
    func inflate(_ input: [UInt8], range: Range<Int>, outputSize: Int) throws -> [UInt8] {
        guard range.lowerBound >= 0, range.upperBound <= input.count, range.count <= Int(UInt32.max),
              outputSize >= 0, outputSize <= Int(UInt32.max) else {
            throw InflateError(expected: "sizes that zlib can take")
        }
        let resetCode = inflateReset(stream)
        guard resetCode == Z_OK else {
            throw InflateError(expected: "zlib to reset (inflateReset returned \(resetCode))")
        }
        // One spare byte tells "exactly raw_size" apart from "more than raw_size".
        var output = [UInt8](repeating: 0, count: outputSize + 1)
        var code: Int32 = Z_OK
        var produced = 0
        var remainingInput = 0
        input.withUnsafeBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                guard let inBase = inBuffer.baseAddress, let outBase = outBuffer.baseAddress else {
                    code = Z_BUF_ERROR
                    return
                }
                stream.pointee.next_in = UnsafeMutablePointer(mutating: inBase + range.lowerBound)
                stream.pointee.avail_in = UInt32(range.count)
                stream.pointee.next_out = outBase
                stream.pointee.avail_out = UInt32(outBuffer.count)
                code = CZlib.inflate(stream, Z_FINISH)
                produced = outBuffer.count - Int(stream.pointee.avail_out)
                remainingInput = Int(stream.pointee.avail_in)
                stream.pointee.next_in = nil
                stream.pointee.next_out = nil
            }
        }
        switch code {
        case Z_STREAM_END:
            guard produced == outputSize else {
                throw InflateError(expected: "\(outputSize) bytes after decompression (raw_size), found \(produced)")
            }
            output.removeLast()
            return output
        case Z_OK, Z_BUF_ERROR:
            if produced > outputSize {
                throw InflateError(expected: "\(outputSize) bytes after decompression (raw_size), but there are more")
            }
            throw InflateError(expected: "more zlib data: the compressed stream ends early after \(range.count - remainingInput) bytes (truncated blob)")
        case Z_DATA_ERROR:
            throw InflateError(expected: "valid zlib data (\(message ?? "data error"))")
        case Z_NEED_DICT:
            throw InflateError(expected: "zlib data without a preset dictionary")
        case Z_MEM_ERROR:
            throw InflateError(expected: "memory for zlib")
        default:
            throw InflateError(expected: "valid zlib data (inflate returned \(code)\(message.map { ": " + $0 } ?? ""))")
        }
    }

    private var message: String? {
        guard let text = stream.pointee.msg else { return nil }
        return String(cString: text)
    }
}
