// Page numbers from the query string, clamped; every list page uses this.
export interface Page {
  page: number;
  size: number;
  skip: number;
}

export function pageOf(query: unknown, size = 25): Page {
  const raw = typeof query === "object" && query !== null ? (query as Record<string, unknown>).page : undefined;
  const n = typeof raw === "string" && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  const page = Math.max(1, n);
  return { page, size, skip: (page - 1) * size };
}

export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}
