import { expect } from "chai";
import { catalogKeys, LOCALES, slowTranslator, translator } from "../../../src/http/i18n";
import { fastTranslator } from "../../../src/http/i18n-fast";

describe("fast translator", () => {
  const params = [
    undefined,
    {},
    { name: "王小明", count: 3, n: 2, value: 0, club: "围棋", max: null, title: "a<b>", at: new Date(0) },
  ];

  it("When any catalog key is translated, then the answer is the same as i18next's, with or without parameters", () => {
    const keys = [...new Set(LOCALES.flatMap((l) => [...catalogKeys(l)]))];
    expect(keys.length).to.be.greaterThan(500);
    for (const l of LOCALES) {
      const fast = translator(l);
      const slow = slowTranslator(l);
      for (const key of keys)
        for (const p of params) expect(fast(key, p as never), `${l} ${key}`).to.equal(slow(key, p as never));
    }
  });

  it("When a key is missing, or options ask for objects, then i18next answers", () => {
    for (const l of LOCALES) {
      expect(translator(l)("no.such.key")).to.equal(slowTranslator(l)("no.such.key"));
      expect(translator(l)("feeds.steps", { returnObjects: true })).to.deep.equal(
        slowTranslator(l)("feeds.steps", { returnObjects: true }),
      );
    }
  });

  it("When a string has a missing variable, then it stays as written, and an explicit undefined prints empty", () => {
    const t = fastTranslator(new Map([["k", "a {{x}} b {{ y }}"]]), new Map(), () => "slow");
    expect(t("k", {})).to.equal("a {{x}} b {{ y }}");
    expect(t("k", { x: undefined, y: 1 })).to.equal("a  b 1");
  });

  it("When a string needs formatting or nesting, or a key has plural variants, then the slow path answers", () => {
    const t = fastTranslator(
      new Map([
        ["f", "{{x, number}}"],
        ["n", "$t(f)"],
        ["p", "one"],
        ["p_other", "many"],
      ]),
      new Map(),
      () => "slow",
    );
    expect([t("f", { x: 1 }), t("n"), t("p", { count: 2 }), t("p")]).to.deep.equal(["slow", "slow", "slow", "one"]);
  });
});
