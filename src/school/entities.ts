// Entities of the school set-up capability (registered in src/db/entities/index.ts).
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { InstantColumn } from "../db";
import type { ImportKind, ImportPreview, ImportTable } from "./import";

export const IMPORT_STATUSES = ["pending", "committed", "discarded"] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

// An uploaded spreadsheet between its preview and its commit. The rows live in
// the database, not in one process's memory, so the commit may land on any app
// instance; the file's hash ties the commit to the preview the admin saw.
@Entity("import_batch")
export class ImportBatch {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "varchar", length: 10 }) kind: ImportKind;
  @Index() @Column({ type: "varchar", length: 10 }) status: ImportStatus;
  @Column({ type: "varchar", length: 64 }) fileHash: string;
  @Column({ type: "varchar", length: 200 }) filename: string;
  // Clubs belong to a term: the one that was current at upload time.
  @Column({ type: "integer", nullable: true }) termId: number | null;
  @Column({ type: "integer" }) staffId: number;
  // The sheet as read (text cells with their line numbers), validated again at commit.
  @Column({ type: "simple-json" }) sheet: ImportTable;
  @Column({ type: "simple-json" }) preview: ImportPreview;
  @InstantColumn() createdAt: string;
  @InstantColumn({ nullable: true }) committedAt: string | null;
}

export const schoolEntities: Function[] = [ImportBatch];
