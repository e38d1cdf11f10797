import GongkaiCore
import Testing

/// 国办函〔2020〕109号 (REGULATIONS §1.5): progressive bands, worked out by hand.
@Suite struct FeeScheduleTests {
    @Test func perApplicationBands() {
        #expect(FeeSchedule.perApplicationFee(ordinal: 1) == 0)
        #expect(FeeSchedule.perApplicationFee(ordinal: 10) == 0)
        #expect(FeeSchedule.perApplicationFee(ordinal: 11) == 100)
        #expect(FeeSchedule.perApplicationFee(ordinal: 30) == 100)
        #expect(FeeSchedule.perApplicationFee(ordinal: 31) == 200)
        #expect(FeeSchedule.perApplicationFee(ordinal: 40) == 200)
        #expect(FeeSchedule.perApplicationFee(ordinal: 41) == 300)
        #expect(FeeSchedule.perApplicationFee(ordinal: 51) == 400)
        // 35 applications in one month: 11–30 are 20 × 100 = 2000, 31–35 are 5 × 200 = 1000.
        #expect((1...35).map(FeeSchedule.perApplicationFee).reduce(0, +) == 3000)
        #expect(FeeSchedule.perApplication(ordinal: 12).explanation.contains("第12件"))
    }

    @Test func perVolumeIsProgressive() {
        #expect(FeeSchedule.perVolume(pages: 30).amount == 0)
        #expect(FeeSchedule.perVolume(pages: 31).amount == 10)
        #expect(FeeSchedule.perVolume(pages: 100).amount == 700)
        #expect(FeeSchedule.perVolume(pages: 101).amount == 720)
        #expect(FeeSchedule.perVolume(pages: 200).amount == 2700)
        // 70 × 10 + 100 × 20 + 50 × 40.
        let quote = FeeSchedule.perVolume(pages: 250)
        #expect(quote.amount == 4700)
        #expect(quote.method == .perVolume)
        #expect(quote.explanation.contains("第201页起50页×40元=2000元"))
    }
}
