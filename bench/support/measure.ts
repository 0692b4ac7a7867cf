// autocannon on loopback: requests per second and latency of one URL.
import autocannon from "autocannon";

export interface Figure {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export async function measure(
  name: string,
  url: string,
  options: { headers?: Record<string, string>; seconds?: number; connections?: number } = {},
): Promise<Figure> {
  const result = await autocannon({
    url,
    connections: options.connections ?? 20,
    duration: options.seconds ?? 8,
    headers: options.headers,
  });
  return {
    name,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

export function report(figures: Figure[], baseline: Figure): void {
  console.log(
    `\n${"benchmark".padEnd(34)} ${"req/s".padStart(8)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"vs hello".padStart(9)}  errors/non-2xx`,
  );
  for (const f of [baseline, ...figures]) {
    const ratio = ((f.rps / baseline.rps) * 100).toFixed(1) + " %";
    console.log(
      `${f.name.padEnd(34)} ${String(f.rps).padStart(8)} ${String(f.p50).padStart(7)} ${String(f.p99).padStart(7)} ${ratio.padStart(9)}  ${f.errors}/${f.non2xx}`,
    );
  }
}
