// Exact fractions for every reported rate. Pages, charts, CSV and XLSX all
// format the same numerator/denominator, so they can never disagree.

export interface Rate {
  numerator: number;
  denominator: number;
  /** numerator / denominator, or null when the denominator is 0 (no one to count). */
  value: number | null;
}

// A rate over nobody is "no figure", not 0 % and never NaN.
export function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

// Pooling keeps the fraction exact: (a+c)/(b+d), not the mean of two percentages.
export function sumRates(rates: Rate[]): Rate {
  let n = 0;
  let d = 0;
  for (const r of rates) {
    n += r.numerator;
    d += r.denominator;
  }
  return rate(n, d);
}

export function isRate(value: unknown): value is Rate {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Rate).numerator === "number" &&
    typeof (value as Rate).denominator === "number" &&
    "value" in value
  );
}

// Rounded with integer arithmetic (half away from zero, like Excel's "0.0%"),
// so 965/1000 shows 96.5 %, never 96.49999 %.
export function percentDigits(r: Rate, decimals = 1): string | null {
  if (r.denominator === 0) return null;
  const scale = 10 ** (decimals + 2);
  const negative = r.numerator < 0 !== r.denominator < 0;
  const n = Math.abs(r.numerator) * scale;
  const d = Math.abs(r.denominator);
  const rounded = Math.floor((2 * n + d) / (2 * d));
  const unit = 10 ** decimals;
  const whole = Math.floor(rounded / unit);
  const frac = decimals > 0 ? `.${String(rounded % unit).padStart(decimals, "0")}` : "";
  return `${negative && rounded > 0 ? "-" : ""}${whole}${frac}`;
}

// "96.5%" for display and CSV; "" when there is no figure (the page shows a dash).
export function formatRate(r: Rate, decimals = 1): string {
  const digits = percentDigits(r, decimals);
  return digits === null ? "" : `${digits}%`;
}
