import Foundation
import Base

// atomic-write-probe PATH MEGABYTES LABEL
// Writes LABEL, a newline, then MEGABYTES MiB of a fixed pattern to PATH through AtomicFile. Prints
// "writing" just before the write starts, so a test can kill it while the write is under way.
let arguments = CommandLine.arguments
guard arguments.count == 4, let megabytes = Int(arguments[2]), megabytes > 0 else {
    FileHandle.standardError.write(Data("usage: atomic-write-probe PATH MEGABYTES LABEL\n".utf8))
    exit(64)
}
var data = Data((arguments[3] + "\n").utf8)
data.append(Data(repeating: UInt8(ascii: "x"), count: megabytes << 20))
FileHandle.standardOutput.write(Data("writing\n".utf8))
do {
    try AtomicFile.write(data, to: URL(fileURLWithPath: arguments[1]))
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(73)
}
FileHandle.standardOutput.write(Data("done\n".utf8))
