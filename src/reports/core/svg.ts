// Shared pieces of the server-side SVG charts: an accessible document shell,
// print-safe fills (black, greys and patterns, each with a readable text colour),
// and text measuring for layout. No fonts or scripts are fetched: the page stays offline.
import { escapeXml } from "./xml";

export interface Paint {
  fill: string;
  text: string;
  halo: boolean;
}

const FONT = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',system-ui,sans-serif";

// Ids must be unique when several charts sit in one page; a hash of the input keeps output byte-stable.
export function chartId(kind: string, input: unknown): string {
  let h = 0x811c9dc5;
  for (const ch of JSON.stringify(input) ?? "") {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${kind}-${h.toString(16).padStart(8, "0")}`;
}

// A rough width for layout: CJK characters are square, Latin ones about 0.6 em.
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text)
    em += /[\u1100-\u11FF\u2E80-\uA4CF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch)
      ? 1
      : 0.6;
  return em * fontSize;
}

// Long labels are cut with an ellipsis; the full text stays in the chart's <desc> and a tooltip.
export function fitText(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidth(`${chars.join("")}…`, fontSize) > maxWidth) chars.pop();
  return `${chars.join("")}…`;
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 10) / 10);
}

/** A <text> element; `full` adds a tooltip with the untruncated text. */
export function svgText(
  x: number,
  y: number,
  text: string,
  attrs: Record<string, string | number> = {},
  full?: string,
): string {
  const a = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join("");
  const tip = full !== undefined && full !== text ? `<title>${escapeXml(full)}</title>` : "";
  return `<text x="${num(x)}" y="${num(y)}"${a}>${tip}${escapeXml(text)}</text>`;
}

export function num(v: number): string {
  return String(Math.round(v * 100) / 100);
}

const HALO = { "paint-order": "stroke", stroke: "#fff", "stroke-width": 3, "stroke-linejoin": "round" };

export function textAttrsOn(paint: Paint): Record<string, string | number> {
  return paint.halo ? { fill: paint.text, ...HALO } : { fill: paint.text };
}

// Six fills that stay distinct in black-and-white print; dark fills carry white text.
export function paints(id: string): { defs: string; list: Paint[] } {
  const defs = [
    `<pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
      `<rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#000" stroke-width="2"/></pattern>`,
    `<pattern id="${id}-dots" width="6" height="6" patternUnits="userSpaceOnUse">` +
      `<rect width="6" height="6" fill="#fff"/><circle cx="3" cy="3" r="1.2" fill="#000"/></pattern>`,
  ].join("");
  const list: Paint[] = [
    { fill: "#1a1a1a", text: "#fff", halo: false },
    { fill: "#a6a6a6", text: "#000", halo: false },
    { fill: `url(#${id}-hatch)`, text: "#000", halo: true },
    { fill: "#595959", text: "#fff", halo: false },
    { fill: `url(#${id}-dots)`, text: "#000", halo: true },
    { fill: "#fff", text: "#000", halo: false },
  ];
  return { defs, list };
}

export interface SvgShell {
  id: string;
  width: number;
  height: number;
  title: string;
  desc: string;
  defs?: string;
  body: string;
}

// role="img" with <title> and <desc> lets a screen reader read the figures the bars show.
export function svgDocument(s: SvgShell): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(s.width)}" height="${num(s.height)}" ` +
    `viewBox="0 0 ${num(s.width)} ${num(s.height)}" role="img" aria-labelledby="${s.id}-title ${s.id}-desc" ` +
    `font-family="${FONT}" font-size="13">` +
    `<title id="${s.id}-title">${escapeXml(s.title)}</title><desc id="${s.id}-desc">${escapeXml(s.desc)}</desc>` +
    (s.defs ? `<defs>${s.defs}</defs>` : "") +
    `<rect width="${num(s.width)}" height="${num(s.height)}" fill="#fff"/>` +
    svgText(
      16,
      26,
      fitText(s.title, s.width - 32, 16),
      { "font-size": 16, "font-weight": "bold", fill: "#000" },
      s.title,
    ) +
    s.body +
    `</svg>`
  );
}
