import Foundation
import PropertyBased
import Testing

@testable import Pathways

@Suite("The projection's exponential")
struct ExponentialTests {
    @Test("within 10⁻¹⁵ of exp (a few units in the last place) over the range the projection uses, and beyond")
    func matchesExp() async {
        await propertyCheck(input: Gen.double(in: -60...60)) { x in
            let expected = exp(x)
            #expect(abs(exponential(x) - expected) <= 1e-15 * expected, "x = \(x)")
        }
        for x in [0.0, 1, -1, 1e-300, 0.5 * log(2.0), -0.5 * log(2.0), 699.9, -699.9, 710, -750] {
            let expected = exp(x)
            #expect(exponential(x) == expected || abs(exponential(x) - expected) <= 1e-15 * expected, "x = \(x)")
        }
    }
}
