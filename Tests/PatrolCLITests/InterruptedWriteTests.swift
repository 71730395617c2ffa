import Base
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite struct InterruptedWriteTests {
    /// A child writing a large output through AtomicFile is SIGKILLed at seeded random points after it
    /// starts writing. Each time the output is the earlier file byte for byte, or the new file whole:
    /// never a mix, never cut short.
    @Test func killedWriterLeavesTheEarlierOutputWhole() throws {
        let probe = try #require(PatrolRun.binary("atomic-write-probe"),
                                 "build first (swift build); .build/debug/atomic-write-probe is missing")
        let folder = try ScratchFolder("atomic")
        let target = folder.url.appendingPathComponent("out/plan.geojson")
        let megabytes = 48
        try AtomicFile.write("earlier plan\n", to: target)
        var current = try Data(contentsOf: target)
        var random = SplitMix64(seed: 2026)
        var keptEarlier = 0
        var replaced = 0
        for round in 0..<16 {
            let label = "plan \(round)"
            let process = Process()
            process.executableURL = probe
            process.arguments = [target.path, String(megabytes), label]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            // Wait for "writing", then let the write run for 0–120 ms before the kill.
            var seen = Data()
            while !seen.contains(UInt8(ascii: "\n")) {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                seen.append(chunk)
            }
            #expect(String(decoding: seen, as: UTF8.self).hasPrefix("writing"), "the probe did not start: \(seen)")
            let delay = UInt32(random.next() % 120_000)
            // Every fourth writer is left to finish, so the check also sees whole replacements.
            if round % 4 != 3 {
                usleep(delay)
                kill(process.processIdentifier, SIGKILL)
            }
            process.waitUntilExit()

            let now = try Data(contentsOf: target)
            if now == current {
                keptEarlier += 1
            } else {
                let header = Data((label + "\n").utf8)
                #expect(now.count == header.count + (megabytes << 20), "round \(round): \(now.count) bytes, neither old nor whole new")
                #expect(now.prefix(header.count) == header, "round \(round): the output is neither the earlier file nor the new one")
                #expect(now.suffix(4096).allSatisfy { $0 == UInt8(ascii: "x") }, "round \(round): the new output is not whole")
                replaced += 1
                current = now
            }
            // Only the output and the killed writers' temporary files (".plan.geojson.PID.N.tmp") may be there.
            for name in try FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path) {
                #expect(name == "plan.geojson" || (name.hasPrefix(".plan.geojson.") && name.hasSuffix(".tmp")), "stray file \(name)")
            }
        }
        print("interrupted writes: \(keptEarlier) kills left the earlier output, \(replaced) came after the rename")
        // The kills must have landed inside writes for the test to show anything.
        #expect(keptEarlier >= 1)
        #expect(replaced >= 3, "the writers left to finish did not replace the output")
    }
}
