// A club's code from its name: the ASCII words as a slug, else club-<n>; never one the term already has.
import { expect } from "chai";
import { CODE_MAX, codeFromName, slugOf } from "../../../src/clubs/core";

describe("clubs: a code from the club's name", () => {
  it("When the name has ASCII words among Chinese, then the slug is those words, lower-cased and joined by '-'", () => {
    expect(slugOf("Chess Club 国际象棋")).to.equal("chess-club");
    expect(slugOf("3D打印")).to.equal("3d");
  });

  it("When the name is all Chinese, then it has no slug and the code is club-<n> after the term's clubs", () => {
    expect(slugOf("合唱团")).to.equal("");
    expect(codeFromName("合唱团", new Set(["choir", "go"]))).to.equal("club-3");
  });

  it("When club-<n> is taken, then the next free number is used", () => {
    expect(codeFromName("合唱团", new Set(["club-2", "club-3"]))).to.equal("club-4");
  });

  it("When the slug is taken, then a number is added until it is free", () => {
    expect(codeFromName("Chess", new Set(["chess", "chess-2"]))).to.equal("chess-3");
  });

  it("When the name is long, then the slug stops at a whole word within 30 characters and the code fits the field", () => {
    const slug = slugOf("Robotics and Programming for Young Engineers");
    expect(slug).to.equal("robotics-and-programming-for");
    expect(codeFromName("x".repeat(80), new Set(["x".repeat(30)])).length).to.be.at.most(CODE_MAX);
  });
});
