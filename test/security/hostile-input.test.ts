// Issue 16, tried as an attacker would: the server checks who asks before it
// reads a body, every parser has limits, its errors are the app's own page in
// the user's language with no stack trace, control characters stop before
// the database, absolute links never come from the Host header, and pages
// with children's data are never cached.
import { expect } from "chai";
import request from "supertest";
import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import type { Express } from "express";
import { forEachDatabase } from "../support/databases";
import { demoApp, familyLogin, staffLogin } from "../support/demo-app";
import { csrfFrom, loginAs, Agent } from "../support/http";
import { contents } from "../support/fingerprint";
import { translator } from "../../src/http/i18n";
import { Student } from "../../src/db/entities";

const zh = translator("zh-CN");
const en = translator("en");

// What Express's default error page leaks: a stack, absolute paths, template source.
function expectNoLeak(text: string): void {
  expect(text).not.to.match(/\n\s+at /);
  expect(text).not.to.contain("node_modules");
  expect(text).not.to.contain("/dist/");
  expect(text).not.to.contain("<%");
}

// A multipart body by hand: supertest's .field() would build it in memory anyway,
// and a hand-made one can also be malformed on purpose.
function multipart(
  fields: number,
  fieldBytes: number,
  file?: { name: string; bytes: number },
): { type: string; body: Buffer } {
  const boundary = "----kehou-hostile";
  const parts: Buffer[] = [];
  const value = "x".repeat(fieldBytes);
  for (let i = 0; i < fields; i++)
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\n${value}\r\n`));
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
    );
    parts.push(Buffer.alloc(file.bytes, 0x61), Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { type: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(parts) };
}

forEachDatabase("hostile input: check before you parse, the app's own error pages", (ctx) => {
  let app: Express;
  let admin: Agent;
  let token: string;
  let studentId: number;
  let logins: Awaited<ReturnType<typeof demoApp>>["logins"];
  before(async function () {
    this.timeout(180_000);
    const demo = await demoApp(ctx.db);
    app = demo.app;
    logins = demo.logins;
    admin = await loginAs(app, staffLogin(demo.logins, "admin"));
    token = csrfFrom((await admin.get("/admin/import")).text);
    studentId = (
      await ctx.db.ds.getRepository(Student).findOneByOrFail({ studentNumber: demo.logins.families[0].studentNumber })
    ).id;
  });

  describe("check before you parse", () => {
    it("When an anonymous client posts a (broken) multipart body to an import route, then it gets 403 without the body being parsed", async () => {
      const res = await request(app)
        .post("/admin/import/students")
        .set("Content-Type", "multipart/form-data; boundary=zz")
        .send('--zz\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated');
      expect(res.status).to.equal(403);
      expect(res.text).to.contain(zh("errors.csrf"));
    });

    it("When an anonymous client writes the admin path in capitals (/ADMIN/…), then the gate still refuses before parsing", async () => {
      const fields = Array.from({ length: 3000 }, (_, i) => `f${i}=x`).join("&");
      const res = await request(app).post("/ADMIN/students").type("form").send(fields);
      expect(res.status).to.equal(403);
    });

    it("When a family posts a multipart body to an import route, then it gets 403 before the body is parsed", async () => {
      const family = await loginAs(app, familyLogin(logins, 0));
      const res = await family
        .post("/admin/import/students")
        .set("Content-Type", "multipart/form-data; boundary=zz")
        .send("--zz\r\nbroken");
      expect(res.status).to.equal(403);
    });

    it("When an admin uploads with a wrong token in the action URL, then it gets 403 before the body is parsed", async () => {
      const res = await admin
        .post("/admin/import/students?_csrf=not-the-token")
        .set("Content-Type", "multipart/form-data; boundary=zz")
        .send("--zz\r\nbroken");
      expect(res.status).to.equal(403);
      expect(res.text).to.contain(zh("errors.csrf"));
    });

    it("When an admin uploads with the token only in the form body, then it is refused: the token belongs in the action URL", async () => {
      const res = await admin
        .post("/admin/import/students")
        .field("_csrf", token)
        .attach("file", Buffer.from("学号,姓名\n"), "s.csv");
      expect(res.status).to.equal(403);
    });

    it("When the import page renders its upload forms, then each action carries the token", async () => {
      const page = (await admin.get("/admin/import")).text;
      const actions = [...page.matchAll(/action="(\/admin\/import\/(?:students|staff|clubs)[^"]*)"/g)].map((m) => m[1]);
      expect(actions).to.have.length(3);
      for (const a of actions) expect(a).to.match(/\?_csrf=[^"&]+$/);
    });
  });

  describe("parser limits answer with the app's page", () => {
    it("When an admin uploads an 11 MB file, then the answer is 413 naming the 10 MB limit in the user's language", async function () {
      this.timeout(60_000);
      const { type, body } = multipart(0, 0, { name: "big.csv", bytes: 11 * 1024 * 1024 });
      const res = await admin
        .post(`/admin/import/students?_csrf=${encodeURIComponent(token)}`)
        .set("Content-Type", type)
        .send(body);
      expect(res.status).to.equal(413);
      expect(res.text).to.contain(zh("errors.fileTooLarge", { max: 10 }));
      expectNoLeak(res.text);
    });

    it("When an admin's upload carries thousands of extra fields, then the answer is 413 and nothing is imported", async () => {
      const before = await contents(ctx.db.ds);
      const { type, body } = multipart(3000, 10, { name: "s.csv", bytes: 10 });
      const res = await admin
        .post(`/admin/import/students?_csrf=${encodeURIComponent(token)}`)
        .set("Content-Type", type)
        .send(body);
      expect(res.status).to.equal(413);
      expect(res.text).to.contain(zh("errors.tooManyFields", { max: 20 }));
      expect(await contents(ctx.db.ds)).to.equal(before);
    });

    it("When an admin with a good token streams 200 fields of 1 MB, then the 413 comes before the server has read the body", async function () {
      this.timeout(120_000);
      const server = app.listen(0, "127.0.0.1");
      await new Promise((r) => server.once("listening", r));
      const { port } = server.address() as AddressInfo;
      const cookie = (await admin.get("/admin/import")).request.cookies;
      const mb = Buffer.alloc(1024 * 1024, 0x78);
      const fields = 200;
      try {
        const result = await new Promise<{ status: number; written: number }>((resolve) => {
          let written = 0;
          let status = 0;
          const req = httpRequest(
            {
              host: "127.0.0.1",
              port,
              method: "POST",
              path: `/admin/import/students?_csrf=${encodeURIComponent(token)}`,
              headers: { "content-type": "multipart/form-data; boundary=zz", cookie },
            },
            (res) => {
              status = res.statusCode ?? 0;
              res.resume();
              res.on("end", () => {
                req.destroy();
                resolve({ status, written });
              });
            },
          );
          req.on("error", () => resolve({ status, written }));
          let i = 0;
          const pump = () => {
            while (i < fields && !req.destroyed) {
              written += mb.length;
              const more = req.write(
                Buffer.concat([
                  Buffer.from(`--zz\r\nContent-Disposition: form-data; name="f${i++}"\r\n\r\n`),
                  mb,
                  Buffer.from("\r\n"),
                ]),
              );
              if (!more) return void req.once("drain", pump);
            }
            if (!req.destroyed) req.end("--zz--\r\n");
          };
          pump();
        });
        // The 413, or (when the server's close overtakes the answer in the client's
        // socket, as a client still sending may see) a reset connection; never 2xx or 5xx.
        expect([0, 413]).to.include(result.status);
        // The client's writes stop once the answer comes: far fewer than the 200 MB it meant to send.
        expect(result.written).to.be.below((fields * mb.length) / 2);
      } finally {
        server.close();
      }
    });

    it("When an admin's upload carries a 1 MB text field, then the answer is 413", async () => {
      const { type, body } = multipart(1, 1024 * 1024, { name: "s.csv", bytes: 10 });
      const res = await admin
        .post(`/admin/import/students?_csrf=${encodeURIComponent(token)}`)
        .set("Content-Type", type)
        .send(body);
      expect(res.status).to.equal(413);
      expectNoLeak(res.text);
    });

    it("When malformed JSON is posted to /login, then the answer is the app's 400 page in Chinese with no stack trace", async () => {
      const res = await request(app)
        .post("/login")
        .set("Content-Type", "application/json")
        .set("Accept", "text/html")
        .send('{"email": ');
      expect(res.status).to.equal(400);
      expect(res.text).to.contain('<html lang="zh-CN"');
      expect(res.text).to.contain(zh("errors.badRequest"));
      expectNoLeak(res.text);
    });

    it("When malformed JSON comes from a browser set to English, then the page is in English", async () => {
      const res = await request(app)
        .post("/login")
        .set("Content-Type", "application/json")
        .set("Cookie", "kehou.lang=en")
        .send("{");
      expect(res.status).to.equal(400);
      expect(res.text).to.contain(en("errors.badRequest"));
      expectNoLeak(res.text);
    });

    it("When a form has more than 2,000 fields, then the answer is the app's 413 page with no stack trace", async () => {
      const form = Array.from({ length: 2100 }, (_, i) => `f${i}=1`).join("&");
      const res = await request(app).post("/login").type("form").send(form);
      expect(res.status).to.equal(413);
      expect(res.text).to.contain(zh("errors.tooManyFields", { max: 2000 }));
      expectNoLeak(res.text);
    });

    it("When a JSON body nests 100,000 arrays deep within the size limit, then the answer is 400, not a crash", async () => {
      const t = csrfFrom((await admin.get("/admin/staff/new")).text);
      const res = await admin
        .post("/admin/staff")
        .set("Content-Type", "application/json")
        .set("x-csrf-token", t)
        .send("[".repeat(100_000) + "]".repeat(100_000));
      expect(res.status).to.equal(400);
      expectNoLeak(res.text);
    });

    it("When a form names an unknown charset, then the answer is the app's 415 page with no stack trace", async () => {
      const res = await request(app)
        .post("/login")
        .set("Content-Type", "application/x-www-form-urlencoded; charset=klingon")
        .send("a=1");
      expect(res.status).to.equal(415);
      expect(res.text).to.contain(zh("errors.charset"));
      expectNoLeak(res.text);
    });

    it("When a form body is larger than the limit, then the answer is the app's 413 page with no stack trace", async () => {
      const res = await request(app)
        .post("/login")
        .type("form")
        .send(`a=${"x".repeat(300 * 1024)}`);
      expect(res.status).to.equal(413);
      expectNoLeak(res.text);
    });
  });

  describe("control characters", () => {
    it("When a family logs in with a NUL in the student number, then the answer is 400 naming the field", async () => {
      const agent = request.agent(app);
      const t = csrfFrom((await agent.get("/login")).text);
      const res = await agent
        .post("/login")
        .type("form")
        .send({ _csrf: t, mode: "family", studentNumber: "2024\u00000101", code: "KH26DEMO" });
      expect(res.status).to.equal(400);
      expect(res.text).to.contain(zh("errors.controlChars", { field: "studentNumber" }));
    });

    it("When an admin's form or search carries control characters, then the answer is 400 and nothing changes", async () => {
      const before = await contents(ctx.db.ds);
      const t = csrfFrom((await admin.get("/admin/staff/new")).text);
      const post = await admin
        .post("/admin/staff")
        .type("form")
        .send({ _csrf: t, name: "Bad\u0000Name", staffNumber: "T9\u001b99", role: "teacher" });
      expect(post.status).to.equal(400);
      const search = await admin.get("/admin/students").query({ q: "a\u0000b" });
      expect(search.status).to.equal(400);
      const json = await admin
        .post("/admin/staff")
        .set("Content-Type", "application/json")
        .set("x-csrf-token", t)
        .send({ name: ["ok", "\u0007"] });
      expect(json.status).to.equal(400);
      expect(await contents(ctx.db.ds)).to.equal(before);
    });
  });

  describe("no-store on children's data", () => {
    it("When an admin opens the students page, a child's export or the home page, then each says Cache-Control: no-store", async () => {
      for (const path of ["/", "/admin/students", `/admin/students/${studentId}/export.json`]) {
        const res = await admin.get(path);
        expect(res.status, path).to.equal(200);
        expect(res.headers["cache-control"], path).to.contain("no-store");
      }
    });
  });

  describe("absolute links", () => {
    it("When PUBLIC_URL is unset and a request names another Host, then feed, webcal and QR links keep to localhost", async () => {
      const res = await admin.get("/feeds/school/0").set("Host", "evil.example");
      expect(res.status).to.equal(200);
      expect(res.text).not.to.contain("evil.example");
      expect(res.text).to.match(/http:\/\/localhost:3000\/feeds\/[^"<]+\.ics/);
      expect(res.text).to.contain("webcal://localhost:3000/feeds/");
    });
  });
});
