// Issue 22 (newcomer): every page asked for a missing /favicon.ico. The layout
// links an icon the app serves.
import { expect } from "chai";
import request from "supertest";
import { forEachDatabase } from "../../support/databases";
import { testApp } from "../../support/http";

forEachDatabase("The app's icon", (ctx) => {
  it("When a page is shown, then its head links an icon and that icon is served", async () => {
    const app = testApp(ctx.db.ds);
    const page = await request(app).get("/login");
    const href = /<link rel="icon"[^>]*href="([^"]+)"/.exec(page.text)?.[1];
    expect(href, "an icon link in the page's head").to.be.a("string");
    const icon = await request(app).get(href!);
    expect(icon.status).to.equal(200);
    expect(icon.headers["content-type"]).to.match(/image\/svg\+xml/);
  });
});
