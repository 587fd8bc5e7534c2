import Pathways
import Testing

@Suite("Industry codes to the six areas")
struct IndustryAreasTests {
    @Test("every division 01–97 has an area; codes are read with or without their section letter")
    func mapping() {
        for division in 1...97 {
            #expect(PlanningArea(industryCode: String(format: "%02d", division)) != nil, "\(division)")
        }
        #expect(PlanningArea(industryCode: "C2511") == .industry)  // 原油加工及石油制品制造
        #expect(PlanningArea(industryCode: "4411") == .energySupply)  // 火力发电
        #expect(PlanningArea(industryCode: "D4500") == .energySupply)
        #expect(PlanningArea(industryCode: "5411") == .transport)  // 城市公共交通运输
        #expect(PlanningArea(industryCode: "0111") == .agriculture)
        #expect(PlanningArea(industryCode: "8310") == .buildings)  // 小学教育 (a school's buildings)
        #expect(PlanningArea(industryCode: "") == nil && PlanningArea(industryCode: "X") == nil)
        #expect(PlanningArea(industryCode: "99") == nil)
    }
}
