import { expect } from "chai";
import { formatRate, percentDigits, rate, sumRates } from "../../../src/reports/core/rate";

describe("rate", () => {
  it("When the denominator is 0, then the value is null, not NaN", () => {
    expect(rate(0, 0)).to.deep.equal({ numerator: 0, denominator: 0, value: null });
  });

  it("When nobody of n is counted, then the rate is 0 over n", () => {
    expect(rate(0, 7)).to.deep.equal({ numerator: 0, denominator: 7, value: 0 });
  });

  it("When rates are pooled, then numerators and denominators are summed, not the percentages averaged", () => {
    // (1 + 3) / (2 + 6) = 4/8, not (50 % + 50 %) / 2 by luck: try 1/2 and 1/6 → 2/8
    expect(sumRates([rate(1, 2), rate(1, 6)])).to.deep.equal({ numerator: 2, denominator: 8, value: 0.25 });
    expect(sumRates([])).to.deep.equal({ numerator: 0, denominator: 0, value: null });
  });
});

describe("formatRate", () => {
  it("When 965 of 1000 children take part, then it shows 96.5%", () => {
    expect(formatRate(rate(965, 1000))).to.equal("96.5%");
  });

  it("When the third decimal is a 5, then it rounds half up like Excel (1/8 = 12.5 %, 1/16 = 6.25 % → 6.3 %)", () => {
    expect(formatRate(rate(1, 8))).to.equal("12.5%");
    expect(formatRate(rate(1, 16))).to.equal("6.3%");
    expect(formatRate(rate(2, 3))).to.equal("66.7%");
    expect(formatRate(rate(1, 3), 0)).to.equal("33%");
  });

  it("When 928 of 936 replies are satisfied, then it shows 99.1% (928/936 = 0.99145…)", () => {
    expect(formatRate(rate(928, 936))).to.equal("99.1%");
  });

  it("When there is no figure, then it shows an empty string and percentDigits is null", () => {
    expect(formatRate(rate(0, 0))).to.equal("");
    expect(percentDigits(rate(0, 0))).to.equal(null);
  });

  it("When everyone or no one is counted, then it shows 100.0% and 0.0%", () => {
    expect(formatRate(rate(4, 4))).to.equal("100.0%");
    expect(formatRate(rate(0, 4))).to.equal("0.0%");
  });
});
