import GongkaiCore
import Testing

@Suite struct ChecksumTests {
    @Test func idNumberCheckCharacterFollowsGB11643() {
        // The worked example of GB 11643-1999 (11010519491231002X) and the check table 1 0 X 9 8 7 6 5 4 3 2.
        #expect(IDNumber.checkCharacter(for: "11010519491231002") == "X")
        #expect(IDNumber.isValid("11010519491231002X"))
        #expect(IDNumber.isValid("11010519491231002x"))
        #expect(!IDNumber.isValid("110105194912310021"))
        #expect(IDNumber.checkCharacter(for: "1101051949123100") == nil)
        #expect(IDNumber.checkCharacter(for: "1101051949123100A") == nil)
    }

    @Test func idNumberNeedsABirthDateAndAProvince() {
        let badDate = "35010219900230123"  // 1990-02-30
        #expect(!IDNumber.isValid(badDate + String(IDNumber.checkCharacter(for: badDate)!)))
        let badProvince = "99010219900101123"
        #expect(!IDNumber.isValid(badProvince + String(IDNumber.checkCharacter(for: badProvince)!)))
        #expect(IDNumber.isValid("350102900101123"))       // 15 digits: 1990-01-01
        #expect(!IDNumber.isValid("350102901301123"))      // month 13
        #expect(!IDNumber.isValid("35010290010112"))       // 14 digits
    }

    @Test func luhn() {
        #expect(Luhn.isValid("79927398713"))
        #expect(!Luhn.isValid("79927398710"))
        #expect(Luhn.isValid("4111111111111111"))
        #expect(Luhn.checkDigit(for: "7992739871") == 3)
        #expect(Luhn.checkDigit(for: "622202123456789012") != nil)
        #expect(Luhn.isValid("622202123456789012" + String(Luhn.checkDigit(for: "622202123456789012")!)))
        #expect(!Luhn.isValid("1234-5678"))
        #expect(Luhn.checkDigit(for: "12a") == nil)
    }
}
