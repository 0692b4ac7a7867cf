// Who chooses what (issue 21): the settings table's pure rules.
import { expect } from "chai";
import { KINDS_FOR, choosable, optOutsFromForm, wants } from "../../../src/notifications/core/preferences";

describe("notifications: notice settings rules", () => {
  it("When a kind is an unexcused absence or the channel is the app, then it cannot be switched off", () => {
    expect(choosable("attendance.absent", "email")).to.equal(false);
    expect(choosable("round.opened", "app")).to.equal(false);
    expect(choosable("round.opened", "email")).to.equal(true);
    expect(wants([{ kind: "attendance.absent", channel: "email" }], "attendance.absent", "email")).to.equal(true);
  });

  it("When a person opted out of a kind on e-mail, then e-mail does not carry it and other kinds still go", () => {
    const optOuts = [{ kind: "round.opened", channel: "email" }];
    expect(wants(optOuts, "round.opened", "email")).to.equal(false);
    expect(wants(optOuts, "round.deadline", "email")).to.equal(true);
    expect(wants(optOuts, "round.opened", "app")).to.equal(true);
  });

  it("When a form ticks some e-mail boxes, then every other choosable box of the person's table becomes an opt-out", () => {
    const out = optOutsFromForm("family", ["round.opened|email", "results.published|email"], ["app", "email"], []);
    const kinds = out.map((o) => o.kind);
    expect(kinds).to.not.include("round.opened");
    expect(kinds).to.not.include("attendance.absent");
    expect(kinds).to.include("round.deadline");
    expect(out.every((o) => o.channel === "email")).to.equal(true);
    expect(out.length).to.equal(KINDS_FOR.family.length - 1 - 2);
  });

  it("When a forged form names a staff kind, a mandatory kind or an unknown channel, then nothing else changes", () => {
    const all = KINDS_FOR.family.filter((k) => k !== "attendance.absent").map((k) => `${k}|email`);
    const out = optOutsFromForm(
      "family",
      [...all, "leave.requested|email", "attendance.absent|sms"],
      ["app", "email"],
      [],
    );
    expect(out).to.deep.equal([]);
  });

  it("When the form did not offer e-mail (no address yet), then the earlier e-mail choices stay as they were", () => {
    const before = [{ kind: "round.opened", channel: "email" }];
    expect(optOutsFromForm("family", [], ["app"], before)).to.deep.equal(before);
  });
});
