import Accounting

/// One year's figures for one sector (and carrier, when the data has them).
public struct DecompositionRow: Sendable, Equatable {
    public var year: Int
    public var sector: String
    public var carrier: String?
    /// The sector's activity, in the data's own unit (万元 at constant prices, or a physical output);
    /// the same for every carrier row of a sector and year.
    public var activity: Double
    public var energy: StandardCoal
    public var co2: Emissions

    public init(year: Int, sector: String, carrier: String? = nil, activity: Double, energy: StandardCoal, co2: Emissions) {
        self.year = year
        self.sector = sector
        self.carrier = carrier
        self.activity = activity
        self.energy = energy
        self.co2 = co2
    }
}

/// The figures of one year (or of one scenario in one year) laid out for LMDI: every year of a
/// data set has the same sectors and carriers, in the same order; a sector or carrier a year lacks
/// is zero there.
public struct DecompositionSnapshot: Sendable, Equatable {
    /// Activity by sector.
    public var activity: [Double]
    /// Energy (tce) and CO2 (t) by sector and carrier, sector-major: `[i * carriers + j]`.
    public var energy: [Double]
    public var co2: [Double]
    public let carriers: Int

    public init(activity: [Double], energy: [Double], co2: [Double], carriers: Int) {
        self.activity = activity
        self.energy = energy
        self.co2 = co2
        self.carriers = carriers
    }

    public var totalCO2: Double { co2.reduce(0, +) }
    public var totalActivity: Double { activity.reduce(0, +) }
}

/// A history (or any set of years) to decompose: rows checked and laid out as one snapshot a year.
public struct DecompositionData: Sendable {
    public let sectors: [String]
    /// The carriers, or nil when the rows give none (then the mix effect is left out).
    public let carriers: [String]?
    public let snapshots: [Int: DecompositionSnapshot]

    public var years: [Int] { snapshots.keys.sorted() }

    /// The rows laid out; every figure checked so that each factor is defined where it is used:
    /// no negative figure, CO2 only with energy, energy only with activity, one activity per
    /// sector and year, no row given twice.
    public init(rows: [DecompositionRow]) throws(DecompositionProblems) {
        var sectors: [String] = [], sectorIndex: [String: Int] = [:]
        var carriers: [String] = [], carrierIndex: [String: Int] = [:]
        for row in rows {
            if sectorIndex[row.sector] == nil {
                sectorIndex[row.sector] = sectors.count
                sectors.append(row.sector)
            }
            if let carrier = row.carrier, carrierIndex[carrier] == nil {
                carrierIndex[carrier] = carriers.count
                carriers.append(carrier)
            }
        }
        let hasCarriers = !carriers.isEmpty
        let width = max(carriers.count, 1)
        var problems: [DecompositionProblem] = []
        var snapshots: [Int: DecompositionSnapshot] = [:]
        var activitySeen: [Int: [Int: Double]] = [:]
        var cellSeen: Set<[Int]> = []
        for row in rows {
            let where_ = DecompositionProblem.Place(year: row.year, sector: row.sector, carrier: row.carrier)
            if hasCarriers != (row.carrier != nil) {
                problems.append(.init(where_, .carrierMissing))
                continue
            }
            let energy = row.energy.value(in: .tonneCoalEquivalent)
            let co2 = row.co2.value(in: .tonneCO2e)
            guard row.activity >= 0, energy >= 0, co2 >= 0, row.activity.isFinite, energy.isFinite, co2.isFinite
            else {
                problems.append(.init(where_, .negativeOrNotFinite))
                continue
            }
            let i = sectorIndex[row.sector]!, j = row.carrier.map { carrierIndex[$0]! } ?? 0
            guard cellSeen.insert([row.year, i, j]).inserted else {
                problems.append(.init(where_, .repeated))
                continue
            }
            if let earlier = activitySeen[row.year]?[i], earlier != row.activity {
                problems.append(.init(where_, .activityDiffers))
            }
            activitySeen[row.year, default: [:]][i] = row.activity
            var snapshot =
                snapshots[row.year]
                ?? DecompositionSnapshot(
                    activity: Array(repeating: 0, count: sectors.count),
                    energy: Array(repeating: 0, count: sectors.count * width),
                    co2: Array(repeating: 0, count: sectors.count * width), carriers: width)
            snapshot.activity[i] = row.activity
            snapshot.energy[i * width + j] = energy
            snapshot.co2[i * width + j] = co2
            snapshots[row.year] = snapshot
            if co2 > 0, energy == 0 { problems.append(.init(where_, .emissionsWithoutEnergy)) }
            if energy > 0, row.activity == 0 { problems.append(.init(where_, .energyWithoutActivity)) }
        }
        for (year, snapshot) in snapshots where snapshot.totalActivity == 0 {
            problems.append(.init(.init(year: year, sector: nil, carrier: nil), .noActivity))
        }
        guard problems.isEmpty else { throw DecompositionProblems(problems.sorted()) }
        self.sectors = sectors
        self.carriers = hasCarriers ? carriers : nil
        self.snapshots = snapshots
    }

    /// The factors this data can tell apart.
    public var factors: [DecompositionFactor] {
        carriers == nil ? DecompositionFactor.allCases.filter { $0 != .mix } : DecompositionFactor.allCases
    }
}
