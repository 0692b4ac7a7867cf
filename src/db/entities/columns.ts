// Portable column helpers: the same entity runs on SQLite and PostgreSQL, so
// instants are ISO-8601 UTC strings (sortable as text) and dates are YYYY-MM-DD.
import { Column, ColumnOptions } from "typeorm";

export const InstantColumn = (options: ColumnOptions = {}) => Column({ type: "varchar", length: 30, ...options });
export const DateColumn = (options: ColumnOptions = {}) => Column({ type: "varchar", length: 10, ...options });
export const nowIso = (): string => new Date().toISOString();
