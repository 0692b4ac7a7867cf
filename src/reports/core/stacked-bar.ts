// Stacked bars (in the service / not; placements by choice) as SVG, with a legend
// and print-safe fills; rankProfileChart draws an allocation's rank profile with it.
import { safeId } from "./bar-chart";
import { RankProfile } from "./club-report";
import { formatRate } from "./rate";
import { fitText, formatNumber, num, paints, svgDocument, svgText, textAttrsOn, textWidth } from "./svg";

export interface StackedBarRow {
  label: string;
  values: number[];
  /** Texts shown in the segments instead of value + unit (e.g. formatted rates). */
  displays?: string[];
  /** Text after the bar, e.g. "n=40". */
  total?: string;
}
export interface StackedBarInput {
  title: string;
  /** One legend entry per segment position. */
  series: string[];
  bars: StackedBarRow[];
  unit?: string;
  /** Every bar fills the whole track (shares of 100 %); otherwise bars share the scale of the largest total. */
  normalise?: boolean;
  width?: number;
  id?: string;
}

const PAD = 16;
const TOP = 44;
const ROW = 34;
const BAR = 22;
const FONT = 13;

function legend(
  series: string[],
  fills: ReturnType<typeof paints>["list"],
  y: number,
  width: number,
): { svg: string; height: number } {
  let x = PAD;
  let row = 0;
  const parts = series.map((name, i) => {
    const w = 18 + Math.min(textWidth(name, FONT), 200) + 16;
    if (x + w > width - PAD && x > PAD) {
      x = PAD;
      row++;
    }
    const top = y + row * 22;
    const part =
      `<rect x="${num(x)}" y="${num(top)}" width="12" height="12" fill="${fills[i % fills.length].fill}" stroke="#000"/>` +
      svgText(x + 18, top + 11, fitText(name, 200, FONT), { fill: "#000" }, name);
    x += w;
    return part;
  });
  return { svg: parts.join(""), height: series.length > 0 ? (row + 1) * 22 : 0 };
}

export function stackedBar(input: StackedBarInput): string {
  const unit = input.unit ?? "";
  const id = safeId(input.id, "stacked", input);
  const fills = paints(id);
  const totals = input.bars.map((b) => b.values.reduce((a, v) => a + Math.max(0, v), 0));
  const labelWidth = Math.min(240, Math.max(0, ...input.bars.map((b) => textWidth(b.label, FONT)))) + 8;
  const totalWidth = Math.max(40, ...input.bars.map((b) => textWidth(b.total ?? "", FONT))) + 8;
  const width = Math.max(input.width ?? 640, PAD * 2 + labelWidth + totalWidth + 160);
  const barX = PAD + labelWidth;
  const trackWidth = width - PAD - totalWidth - barX;
  const scaleMax = Math.max(0, ...totals);
  const rows = input.bars.map((bar, i) => {
    const y = TOP + i * ROW;
    const scale = input.normalise ? totals[i] : scaleMax;
    let x = barX;
    const segments = bar.values.map((v, j) => {
      const w = scale > 0 ? (trackWidth * Math.max(0, v)) / scale : 0;
      const paint = fills.list[j % fills.list.length];
      const text = bar.displays?.[j] ?? `${formatNumber(v)}${unit}`;
      const seg =
        w > 0
          ? `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${BAR}" fill="${paint.fill}" stroke="#000"/>` +
            (textWidth(text, FONT) + 6 <= w
              ? svgText(x + w / 2, y + 16, text, { "text-anchor": "middle", ...textAttrsOn(paint) })
              : "")
          : "";
      x += w;
      return seg;
    });
    return (
      svgText(barX - 8, y + 16, fitText(bar.label, 240, FONT), { "text-anchor": "end", fill: "#000" }, bar.label) +
      segments.join("") +
      (bar.total !== undefined ? svgText(barX + trackWidth + 6, y + 16, bar.total, { fill: "#000" }) : "")
    );
  });
  const legendY = TOP + input.bars.length * ROW + 4;
  const key = legend(input.series, fills.list, legendY, width);
  const height = legendY + key.height + PAD;
  const desc = input.bars
    .map(
      (b) =>
        `${b.label}${b.total !== undefined ? ` (${b.total})` : ""}: ` +
        b.values
          .map((v, j) => `${input.series[j] ?? j + 1} ${b.displays?.[j] ?? `${formatNumber(v)}${unit}`}`)
          .join(", "),
    )
    .join("; ");
  return svgDocument({ id, width, height, title: input.title, desc, defs: fills.defs, body: rows.join("") + key.svg });
}

export interface RankProfileChartInput {
  title: string;
  profiles: Array<{ label: string; profile: RankProfile }>;
  /** Translated names, e.g. ["第一志愿", "第二志愿", …]; missing ones fall back to "#n". */
  rankLabels: string[];
  /** Legend text for pinned placements not on the child's list (shown only when there are any). */
  unrankedLabel?: string;
  width?: number;
  id?: string;
}

// Each bar is 100 % of the placements, split by choice, with the same rounded shares as the table.
export function rankProfileChart(input: RankProfileChartInput): string {
  const ranks = Math.max(0, ...input.profiles.map((p) => p.profile.ranks.length));
  const withUnranked = input.profiles.some((p) => p.profile.unranked.count > 0);
  const series = Array.from({ length: ranks }, (_, i) => input.rankLabels[i] ?? `#${i + 1}`);
  if (withUnranked) series.push(input.unrankedLabel ?? "—");
  const bars = input.profiles.map(({ label, profile }) => {
    const shares = Array.from({ length: ranks }, (_, i) => profile.ranks[i]);
    const values = shares.map((s) => s?.count ?? 0);
    const displays = shares.map((s) => (s ? formatRate(s.share) : ""));
    if (withUnranked) {
      values.push(profile.unranked.count);
      displays.push(formatRate(profile.unranked.share));
    }
    return { label, values, displays, total: `n=${profile.placements}` };
  });
  return stackedBar({ title: input.title, series, bars, normalise: true, width: input.width, id: input.id });
}
