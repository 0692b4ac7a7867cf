// What every fault step shares: the server under test (restarted after each
// SIGKILL on the same database), the admin's cookie, and the kill itself.
import type { DataSource } from "typeorm";
import { startServer, Server } from "../load/server";
import { getPage, hiddenFields } from "../load/http";

export const PORT = 4301;

export interface World {
  url: string;
  ds: DataSource;
  server: Server;
  cookie: string;
  roundId: number;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function csrf(w: World, path: string): Promise<string> {
  return hiddenFields((await getPage(w.server.url, path, w.cookie)).html)._csrf;
}

// Fires the request, SIGKILLs the server `delay` ms later, restarts it on the same database.
export async function killDuring(w: World, delay: number, request: () => Promise<unknown>): Promise<string> {
  const sent = request().then(
    () => "answered",
    () => "cut off",
  );
  await sleep(delay);
  await w.server.kill();
  const http = await sent;
  w.server = await startServer(PORT, w.url);
  return http;
}

export type Row = (action: string, delay: number, http: string, outcome: string, intact: string | null) => void;
