// Real local receivers for the delivery tests and the bench: an SMTP server
// (smtp-server) whose messages are parsed with mailparser, and an HTTP server
// that plays WeCom and DingTalk robots — checking each payload's shape and the
// DingTalk signature — plus a robot that fails a set number of times first.
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";

export interface ReceivedMail {
  at: number;
  to: string;
  messageId: string | undefined;
  key: string | undefined;
  subject: string;
  text: string;
  html: string;
  from: string;
}

export interface MailReceiver {
  port: number;
  mails: ReceivedMail[];
  /** Resolves when `n` mails in all have arrived. */
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const waiter =
  (count: () => number) =>
  (n: number, timeoutMs = 15_000) =>
    new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const check = () => {
        if (count() >= n) return resolve();
        if (Date.now() - started > timeoutMs) return reject(new Error(`only ${count()} of ${n} arrived`));
        setTimeout(check, 5);
      };
      check();
    });

export async function startMailReceiver(): Promise<MailReceiver> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((m: ParsedMail) => {
          mails.push({
            at: Date.now(),
            to: session.envelope.rcptTo.map((r) => r.address).join(","),
            messageId: m.messageId,
            key: headerText(m, "x-kehou-key"),
            subject: m.subject ?? "",
            text: m.text ?? "",
            html: typeof m.html === "string" ? m.html : "",
            from: m.from?.text ?? "",
          });
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    mails,
    waitFor: waiter(() => mails.length),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function headerText(m: ParsedMail, name: string): string | undefined {
  const v = m.headers.get(name);
  return typeof v === "string" ? v : undefined;
}

export interface RobotCall {
  at: number;
  robot: "wecom" | "dingtalk" | "flaky";
  body: Record<string, unknown>;
  key: string | undefined;
  /** Why the call was refused (a bad shape or signature), or null when accepted. */
  refused: string | null;
}

export interface RobotReceiver {
  url: string;
  calls: RobotCall[];
  accepted(robot?: RobotCall["robot"]): RobotCall[];
  /** The flaky robot answers errcode ≠ 0 this many more times. */
  failNext(n: number): void;
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export const DINGTALK_SECRET = "SECtest0123456789";

export async function startRobotReceiver(): Promise<RobotReceiver> {
  const calls: RobotCall[] = [];
  let failures = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const robot = url.pathname.slice(1) as RobotCall["robot"];
      let body: Record<string, unknown> = {};
      let refused: string | null = null;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
      } catch {
        refused = "not JSON";
      }
      if (!refused && robot === "wecom") refused = wecomShape(body);
      if (!refused && robot === "dingtalk") refused = dingtalkShape(body) ?? dingtalkSignature(url);
      if (!refused && robot === "flaky" && failures > 0) {
        failures--;
        refused = "flaky";
      }
      calls.push({ at: Date.now(), robot, body, key: body.kehouKey as string | undefined, refused });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(refused ? { errcode: 93000, errmsg: refused } : { errcode: 0, errmsg: "ok" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    accepted: (robot) => calls.filter((c) => !c.refused && (!robot || c.robot === robot)),
    failNext: (n) => {
      failures = n;
    },
    waitFor: waiter(() => calls.filter((c) => !c.refused).length),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// WeCom: {"msgtype":"markdown","markdown":{"content":"…"}} (or text/content).
function wecomShape(b: Record<string, unknown>): string | null {
  if (b.msgtype === "markdown") {
    const content = (b.markdown as { content?: unknown } | undefined)?.content;
    return typeof content === "string" && content && Buffer.byteLength(content) <= 4096 ? null : "bad markdown";
  }
  if (b.msgtype === "text") return typeof (b.text as { content?: unknown })?.content === "string" ? null : "bad text";
  return "bad msgtype";
}

// DingTalk: {"msgtype":"markdown","markdown":{"title","text"}} (or text/content).
function dingtalkShape(b: Record<string, unknown>): string | null {
  if (b.msgtype === "markdown") {
    const md = b.markdown as { title?: unknown; text?: unknown } | undefined;
    return typeof md?.title === "string" && typeof md.text === "string" && md.text ? null : "bad markdown";
  }
  if (b.msgtype === "text") return typeof (b.text as { content?: unknown })?.content === "string" ? null : "bad text";
  return "bad msgtype";
}

// As DingTalk checks it: the timestamp within an hour, and sign = base64(HMAC-SHA256(secret, ts + "\n" + secret)).
function dingtalkSignature(url: URL): string | null {
  const ts = url.searchParams.get("timestamp");
  const sign = url.searchParams.get("sign");
  if (!ts || !sign) return "sign missing";
  if (Math.abs(Date.now() - Number(ts)) > 3600_000) return "timestamp too old";
  const expected = createHmac("sha256", DINGTALK_SECRET).update(`${ts}\n${DINGTALK_SECRET}`).digest("base64");
  return sign === expected ? null : "sign not match";
}
