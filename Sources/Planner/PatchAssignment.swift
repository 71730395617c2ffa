import Solvers
import Streets

/// Which pair sweeps which patch. Each pair's expected day on each patch alone is the cost the min–max
/// assignment solver balances, so that the longest day is as short as it can be; the solver's answer,
/// a pair index per patch, comes back as each pair's patches.
struct PatchAssignment {
    /// `daySeconds[w][k]`: pair w's expected day on patch k alone.
    private(set) var daySeconds: [[Double]] = []
    /// `allowed[w][k]`: patch k is one pair w prefers (every patch, for a pair that states none).
    private(set) var allowed: [[Bool]] = []
    let patchCount: Int

    /// The cost matrix: for each pair, the drive out to each patch's start, its day there, and the drive back.
    init(pairs: [Pair], baseNode: [String: Int], patches: [DayPlanner.PreparedPatch], search: PathSearch, area: Area) {
        patchCount = patches.count
        for pair in pairs {
            let base = baseNode[pair.id]!
            let out = search.costs(from: base, to: patches.map(\.startNode))
            daySeconds.append(patches.enumerated().map { k, patch in
                patch.expectedDaySeconds(outSeconds: out[k], backSeconds: search.cost(from: patch.startNode, to: base))
            })
            allowed.append(patches.map { pair.preferredPatches.isEmpty || pair.preferredPatches.contains(DayPlanner.parentID($0.patch.id, in: area)) })
        }
    }

    /// A patch no pair prefers still goes to someone rather than nobody.
    mutating func openPatchesNoPairPrefers() {
        for k in 0..<patchCount where !allowed.contains(where: { $0[k] }) {
            for w in allowed.indices { allowed[w][k] = true }
        }
    }

    /// A patch no pair can reach from its base and get back from is a broken network, not a plan.
    func checkEveryPatchReachable(pairs: [Pair], patches: [DayPlanner.PreparedPatch], network: StreetNetwork) throws {
        for k in patches.indices where !daySeconds.indices.contains(where: { allowed[$0][k] && daySeconds[$0][k].isFinite }) {
            throw PlanError.disconnectedNetwork(pair: pairs.map(\.id).joined(separator: ", "), patch: patches[k].patch.id,
                                                streets: patches[k].streets.requiredEdges.map { network.label(ofEdge: $0) })
        }
    }

    /// Each pair with the patches the solver gave it, in the patches' order; a pair may get none.
    func patchesOfEachPair(pairs: [Pair], patches: [DayPlanner.PreparedPatch]) throws -> [(pair: Pair, patches: [DayPlanner.PreparedPatch])] {
        let assignment = try MinMaxAssignment.solve(costs: daySeconds, allowed: allowed)
        return pairs.enumerated().map { w, pair in
            (pair, patches.indices.filter { assignment.workerOfJob[$0] == w }.map { patches[$0] })
        }
    }
}

extension DayPlanner.PreparedPatch {
    /// A pair's expected day on this patch alone: the drive out, the sweep, two watches of the best
    /// hotspot, and the drive back.
    func expectedDaySeconds(outSeconds: Double, backSeconds: Double) -> Double {
        outSeconds + tour.durationSeconds + Double(2 * (hotspots.first?.hotspot.dwellSeconds ?? 0)) + backSeconds
    }
}
