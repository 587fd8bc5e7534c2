/// One line of activity data (活动数据): what a unit consumed or emitted in a period.
public struct ActivityRecord: Sendable {
    public var unitCode: String
    public var region: RegionCode
    public var period: Period
    public var item: Item
    public var category: ActivityCategory
    public var quantity: PhysicalQuantity
    /// Measured parameters (实测值) beat the library's defaults.
    public var measured: MeasuredParameters
    /// The spreadsheet row the record came from (header = row 1), for messages and lineage.
    public var sourceRow: Int?

    public init(
        unitCode: String, region: RegionCode, period: Period, item: Item, category: ActivityCategory? = nil,
        quantity: PhysicalQuantity, measured: MeasuredParameters = .none, sourceRow: Int? = nil
    ) {
        self.unitCode = unitCode
        self.region = region
        self.period = period
        self.item = item
        self.category = category ?? item.defaultCategory
        self.quantity = quantity
        self.measured = measured
        self.sourceRow = sourceRow
    }
}

/// Parameters measured for a fuel lot (实测低位发热量、单位热值含碳量、碳氧化率).
public struct MeasuredParameters: Sendable, Equatable {
    public var netCalorificValue: NetCalorificValue?
    public var carbonContent: CarbonContent?
    public var oxidationRate: Fraction?

    public init(
        netCalorificValue: NetCalorificValue? = nil, carbonContent: CarbonContent? = nil, oxidationRate: Fraction? = nil
    ) {
        self.netCalorificValue = netCalorificValue
        self.carbonContent = carbonContent
        self.oxidationRate = oxidationRate
    }

    public static let none = MeasuredParameters()
    public var isEmpty: Bool { self == .none }
}

/// A net calorific value (低位发热量): heat per unit of a solid or liquid fuel's mass, or of a gas's volume.
public enum NetCalorificValue: Sendable, Equatable {
    case perMass(Rate<EnergyUnit, MassUnit>)
    case perVolume(Rate<EnergyUnit, VolumeUnit>)

    /// The NCV as users enter it: GJ per t for a fuel measured by mass, GJ per 10⁴ Nm³ by volume.
    public init(gigajoulesPerBaseUnit value: Double, of dimension: Dimension) {
        self =
            dimension == .volume
            ? .perVolume(Rate(value, .gigajoule, per: .tenThousandNormalCubicMetres))
            : .perMass(Rate(value, .gigajoule, per: .tonne))
    }

    public var value: Double {
        switch self {
        case .perMass(let r): r.value
        case .perVolume(let r): r.value
        }
    }

    public var symbol: String {
        switch self {
        case .perMass(let r): r.symbol
        case .perVolume(let r): r.symbol
        }
    }

    /// The heat in `quantity`, or nil when the NCV is per mass and the quantity a volume, or vice versa.
    public func heat(of quantity: PhysicalQuantity) -> Energy? {
        switch (self, quantity) {
        case (.perMass(let r), .mass(let q)): r.applied(to: q)
        case (.perVolume(let r), .volume(let q)): r.applied(to: q)
        default: nil
        }
    }
}
