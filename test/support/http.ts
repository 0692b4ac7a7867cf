// supertest helpers: real HTTP against the real app, logging in through the
// real login form with its CSRF token.
import request from "supertest";
import type { Express } from "express";
import type { DataSource } from "typeorm";
import { createApp } from "../../src/app";

export function testApp(ds: DataSource): Express {
  return createApp({
    ds,
    config: { sessionSecret: "test-secret-test-secret", production: false, logLevel: "silent", trustProxy: false },
  });
}

export function csrfFrom(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error("no CSRF token on the page");
  return m[1];
}

export type Agent = ReturnType<typeof request.agent>;

export async function formToken(agent: Agent, path: string): Promise<string> {
  const res = await agent.get(path);
  return csrfFrom(res.text);
}

export type Credentials = { email: string; password: string } | { studentNumber: string; code: string };

export async function loginAs(app: Express, creds: Credentials): Promise<Agent> {
  const agent = request.agent(app);
  const token = await formToken(agent, "/login");
  const body = "email" in creds ? { mode: "staff", ...creds } : { mode: "family", ...creds };
  const res = await agent
    .post("/login")
    .type("form")
    .send({ ...body, _csrf: token });
  if (res.status !== 302) throw new Error(`login failed with ${res.status}`);
  return agent;
}
