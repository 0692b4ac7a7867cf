// A horizontal bar chart (participation by class, fill rate by club …) as SVG.
// Horizontal bars leave room for long Chinese labels, and labels are text, not images.
import { chartId, fitText, formatNumber, num, svgDocument, svgText, textWidth } from "./svg";

export interface Bar {
  label: string;
  /** Null draws no bar and shows a dash (e.g. a class with no children). */
  value: number | null;
  /** The full length of this bar's track (e.g. 100 for a percentage, or a club's seats). */
  max?: number;
  /** Text shown after the bar instead of value + unit, e.g. formatRate(rate) so the chart matches the table. */
  display?: string;
}
export interface BarChartInput {
  title: string;
  bars: Bar[];
  unit?: string;
  width?: number;
  id?: string;
}

const PAD = 16;
const TOP = 44;
const ROW = 30;
const BAR = 18;
const FONT = 13;

function valueText(bar: Bar, unit: string): string {
  if (bar.display !== undefined) return bar.display;
  return bar.value === null ? "—" : `${formatNumber(bar.value)}${unit}`;
}

// Bars without their own max share one scale: the longest bar fills the track.
function ratioOf(bar: Bar, commonMax: number): number {
  if (bar.value === null || !Number.isFinite(bar.value)) return 0;
  const max = bar.max ?? commonMax;
  return max > 0 ? Math.min(1, Math.max(0, bar.value / max)) : 0;
}

export function safeId(id: string | undefined, kind: string, input: unknown): string {
  return id !== undefined && /^[A-Za-z][\w-]*$/.test(id) ? id : chartId(kind, input);
}

export function barChart(input: BarChartInput): string {
  const unit = input.unit ?? "";
  const id = safeId(input.id, "bar", input);
  const texts = input.bars.map((b) => valueText(b, unit));
  const labelWidth = Math.min(240, Math.max(0, ...input.bars.map((b) => textWidth(b.label, FONT)))) + 8;
  const valueWidth = Math.max(40, ...texts.map((t) => textWidth(t, FONT))) + 8;
  const width = Math.max(input.width ?? 640, PAD * 2 + labelWidth + valueWidth + 120);
  const barX = PAD + labelWidth;
  const trackWidth = width - PAD - valueWidth - barX;
  const commonMax = Math.max(
    0,
    ...input.bars.filter((b) => b.max === undefined && b.value !== null).map((b) => b.value as number),
  );
  const rows = input.bars.map((bar, i) => {
    const y = TOP + i * ROW;
    const w = trackWidth * ratioOf(bar, commonMax);
    return (
      svgText(barX - 8, y + 14, fitText(bar.label, 240, FONT), { "text-anchor": "end", fill: "#000" }, bar.label) +
      (bar.max !== undefined
        ? `<rect x="${num(barX)}" y="${num(y + 2)}" width="${num(trackWidth)}" height="${BAR}" fill="#fff" stroke="#8c8c8c"/>`
        : "") +
      (w > 0
        ? `<rect x="${num(barX)}" y="${num(y + 2)}" width="${num(w)}" height="${BAR}" fill="#333" stroke="#000"/>`
        : "") +
      svgText(barX + trackWidth + 6, y + 14, texts[i], { fill: "#000" })
    );
  });
  const height = TOP + input.bars.length * ROW + PAD;
  const axis = `<line x1="${num(barX)}" y1="${TOP - 4}" x2="${num(barX)}" y2="${num(height - PAD + 4)}" stroke="#000"/>`;
  const desc = input.bars.map((b, i) => `${b.label}: ${texts[i]}`).join("; ");
  return svgDocument({ id, width, height, title: input.title, desc, body: axis + rows.join("") });
}
