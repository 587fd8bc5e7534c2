import Foundation

/// The parts of openLCA's JSON-LD format (olca-schema, github.com/GreenDelta/olca-schema) that a
/// product model needs. Each file of an export is one entity, in a folder named for its type.
/// Versions 1 and 2 of the schema are both read: version 2 renamed `input`, `quantitativeReference`
/// and `avoidedProduct` to `isInput`, `isQuantitativeReference` and `isAvoidedProduct`.
enum OpenLCASchema {
    /// A reference to another entity: its `@id` and, for people, its name.
    struct Ref: Decodable, Sendable {
        let id: String?
        let name: String?
        private enum CodingKeys: String, CodingKey {
            case id = "@id"
            case name
        }
    }

    struct Uncertainty: Decodable, Sendable {
        let distributionType: String?
        let geomMean: Double?
        let geomSd: Double?
        let mean: Double?
        let sd: Double?
        let minimum: Double?
        let maximum: Double?
        let mode: Double?
    }

    struct Exchange: Decodable, Sendable {
        let internalId: Int?
        let amount: Double
        let isInput: Bool
        let isQuantitativeReference: Bool
        let isAvoidedProduct: Bool
        let flow: Ref?
        let unit: Ref?
        let flowProperty: Ref?
        let defaultProvider: Ref?
        let uncertainty: Uncertainty?

        private enum CodingKeys: String, CodingKey {
            case internalId, amount, isInput, input, isQuantitativeReference, quantitativeReference
            case isAvoidedProduct, avoidedProduct, flow, unit, flowProperty, defaultProvider, uncertainty
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            internalId = try c.decodeIfPresent(Int.self, forKey: .internalId)
            amount = try c.decodeIfPresent(Double.self, forKey: .amount) ?? 0
            isInput =
                try c.decodeIfPresent(Bool.self, forKey: .isInput) ?? c.decodeIfPresent(Bool.self, forKey: .input)
                ?? false
            isQuantitativeReference =
                try c.decodeIfPresent(Bool.self, forKey: .isQuantitativeReference)
                ?? c.decodeIfPresent(Bool.self, forKey: .quantitativeReference) ?? false
            isAvoidedProduct =
                try c.decodeIfPresent(Bool.self, forKey: .isAvoidedProduct)
                ?? c.decodeIfPresent(Bool.self, forKey: .avoidedProduct) ?? false
            flow = try c.decodeIfPresent(Ref.self, forKey: .flow)
            unit = try c.decodeIfPresent(Ref.self, forKey: .unit)
            flowProperty = try c.decodeIfPresent(Ref.self, forKey: .flowProperty)
            defaultProvider = try c.decodeIfPresent(Ref.self, forKey: .defaultProvider)
            uncertainty = try c.decodeIfPresent(Uncertainty.self, forKey: .uncertainty)
        }
    }

    struct AllocationFactor: Decodable, Sendable {
        let allocationType: String?
        let product: Ref?
        let value: Double?
        /// Set only for causal allocation (a factor per exchange), which PeakZero does not model.
        let exchange: ExchangeRef?
    }

    struct ExchangeRef: Decodable, Sendable {
        let internalId: Int?
    }

    struct Process: Decodable, Sendable {
        let id: String
        let name: String?
        let location: Ref?
        let exchanges: [Exchange]?
        let defaultAllocationMethod: String?
        let allocationFactors: [AllocationFactor]?
        private enum CodingKeys: String, CodingKey {
            case id = "@id"
            case name, location, exchanges, defaultAllocationMethod, allocationFactors
        }
    }

    struct FlowPropertyFactor: Decodable, Sendable {
        let isRefFlowProperty: Bool?
        let flowProperty: Ref?
    }

    struct Flow: Decodable, Sendable {
        let id: String
        let name: String?
        let flowType: String?
        let cas: String?
        let flowProperties: [FlowPropertyFactor]?
        private enum CodingKeys: String, CodingKey {
            case id = "@id"
            case name, flowType, cas, flowProperties
        }

        var referenceProperty: String? {
            (flowProperties?.first { $0.isRefFlowProperty == true } ?? flowProperties?.first)?.flowProperty?.id
        }
    }

    struct FlowProperty: Decodable, Sendable {
        let id: String
        let name: String?
        let unitGroup: Ref?
        private enum CodingKeys: String, CodingKey {
            case id = "@id"
            case name, unitGroup
        }
    }

    struct Unit: Decodable, Sendable {
        let name: String?
    }

    struct UnitGroup: Decodable, Sendable {
        let id: String
        let name: String?
        let units: [Unit]?
        private enum CodingKeys: String, CodingKey {
            case id = "@id"
            case name, units
        }
    }

    struct ProcessLink: Decodable, Sendable {
        let provider: Ref?
        let process: Ref?
        let exchange: ExchangeRef?
    }

    struct ProductSystem: Decodable, Sendable {
        let id: String
        let name: String?
        let refProcess: Ref?
        let refExchange: ExchangeRef?
        let targetAmount: Double?
        let targetUnit: Ref?
        let processes: [Ref]?
        let processLinks: [ProcessLink]?
        private enum CodingKeys: String, CodingKey {
            case id = "@id"
            case name, refProcess, refExchange, targetAmount, targetUnit, processes, processLinks
        }
    }
}
