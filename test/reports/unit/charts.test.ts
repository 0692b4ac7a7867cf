import { expect } from "chai";
import { barChart } from "../../../src/reports/core/bar-chart";
import { rankProfile } from "../../../src/reports/core/club-report";
import { rankProfileChart, stackedBar } from "../../../src/reports/core/stacked-bar";
import { fitText } from "../../../src/reports/core/svg";
import { checkWellFormed } from "./xml-check";

const evil = `<script>alert("x")</script> & 'q'`;

describe("xml-check (test helper)", () => {
  it("When markup is broken, then the check throws", () => {
    expect(() => checkWellFormed("<svg><text>a</svg>")).to.throw();
    expect(() => checkWellFormed("<svg><text>a < b</text></svg>")).to.throw();
    expect(() => checkWellFormed('<svg a="1" a="2"/>')).to.throw();
    expect(() => checkWellFormed("<svg>&nbsp;</svg>")).to.throw();
    expect(checkWellFormed("<svg><g x='1'>a &amp; b</g></svg>")).to.deep.equal(["svg", "g"]);
  });
});

describe("barChart", () => {
  const svg = barChart({
    title: `参与率 ${evil}`,
    unit: "%",
    bars: [
      { label: "一(1)班", value: 75, max: 100 },
      { label: evil, value: 0, max: 100 },
      { label: "三(1)班（暂无学生）", value: null, max: 100 },
      { label: "二(1)班", value: 66.66666, max: 100, display: "66.7%" },
    ],
  });

  it("When a label holds markup from user input, then it comes out as escaped text", () => {
    expect(svg).to.not.include("<script");
    expect(svg).to.include("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;");
  });

  it("When the chart is drawn, then it is well-formed SVG with role=img, a <title> and a <desc>", () => {
    const names = checkWellFormed(svg);
    expect(names[0]).to.equal("svg");
    expect(names).to.include.members(["title", "desc", "rect", "text"]);
    expect(svg).to.match(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* role="img"/);
    expect(svg).to.match(/<title id="([\w-]+)-title">参与率 /);
  });

  it("When values are shown, then labels are text: 75%, a dash for no figure, and the caller's display text", () => {
    expect(svg).to.include(">75%</text>");
    expect(svg).to.include(">—</text>");
    expect(svg).to.include(">66.7%</text>");
    expect(svg).to.include("一(1)班: 75%");
  });

  it("When bars have no max, then the largest value fills the track and the others scale to it", () => {
    const s = barChart({
      title: "t",
      bars: [
        { label: "a", value: 10 },
        { label: "b", value: 5 },
      ],
      width: 640,
    });
    const widths = [...s.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="18" fill="#333"/g)].map((m) =>
      Number(m[1]),
    );
    expect(widths).to.have.length(2);
    expect(widths[1] / widths[0]).to.be.closeTo(0.5, 0.01);
  });

  it("When a label contains control characters, then they are dropped so the XML stays valid", () => {
    const s = barChart({ title: "t\u0000", bars: [{ label: "a\u0007b\uD800", value: 1 }] });
    expect(s).to.not.include("\u0000").and.not.include("\u0007").and.not.include("\uD800");
    checkWellFormed(s);
  });

  it("When the same chart is drawn twice, then the bytes are the same; different charts get different ids", () => {
    const again = barChart({ title: "t", bars: [{ label: "a", value: 1 }] });
    expect(again).to.equal(barChart({ title: "t", bars: [{ label: "a", value: 1 }] }));
    expect(/id="([\w-]+)-title"/.exec(again)![1]).to.not.equal(/id="([\w-]+)-title"/.exec(svg)![1]);
  });

  it("When a caller passes an id with markup, then a safe generated id is used instead", () => {
    const s = barChart({ title: "t", id: `x"><script>`, bars: [] });
    expect(s).to.not.include("<script");
    checkWellFormed(s);
  });
});

describe("stackedBar", () => {
  const svg = stackedBar({
    title: "在校 / 不在校",
    series: ["参加", evil],
    bars: [
      { label: "一(1)班", values: [30, 10], total: "n=40" },
      { label: evil, values: [0, 0] },
    ],
    normalise: true,
  });

  it("When series and labels hold markup, then the stacked chart is well-formed and escapes them", () => {
    checkWellFormed(svg);
    expect(svg).to.not.include("<script");
    expect(svg).to.include("&lt;script&gt;");
  });

  it("When segments are drawn, then fills come from print-safe greys and patterns defined in the chart", () => {
    expect(svg).to.match(/<pattern id="stacked-[0-9a-f]+-hatch"/);
    expect(svg).to.include('fill="#1a1a1a"');
    expect(svg).to.include('role="img"');
  });
});

describe("rankProfileChart", () => {
  it("When 3 firsts, 1 second and 1 pin are charted, then segments show 60.0%, 20.0%, 20.0% and n=5", () => {
    const svg = rankProfileChart({
      title: "志愿满足情况",
      profiles: [{ label: "全校", profile: rankProfile(5, [3, 1]) }], // 3/5, 1/5, unranked 1/5
      rankLabels: ["第一志愿", "第二志愿"],
      unrankedLabel: "指定",
      width: 800,
    });
    checkWellFormed(svg);
    expect(svg).to.include(">60.0%</text>");
    expect(svg.match(/>20\.0%<\/text>/g)).to.have.length(2);
    expect(svg).to.include(">n=5</text>");
    for (const label of ["第一志愿", "第二志愿", "指定"]) expect(svg).to.include(`>${label}</text>`);
  });
});

describe("fitText", () => {
  it("When a label is too wide, then it is cut with an ellipsis; a short one is kept", () => {
    expect(fitText("短", 100, 13)).to.equal("短");
    const cut = fitText("很长很长很长很长很长很长很长很长很长很长", 55, 13); // 13 px per CJK character, "…" 7.8 px: 3 × 13 + 7.8 = 46.8 fits 55, 4 × 13 + 7.8 = 59.8 does not
    expect(cut.endsWith("…")).to.equal(true);
    expect([...cut]).to.have.length(4);
  });
});
