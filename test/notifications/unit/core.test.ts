import { expect } from "chai";
import {
  afterFailure,
  assertGroupPayload,
  ChildNameInGroupNotice,
  configuredChannels,
  isMandatory,
  MAX_ATTEMPTS,
  messageIdOf,
  newIdempotencyKey,
  NOTICE_SETTING_DEFAULTS,
  retryDelayMs,
} from "../../../src/notifications/core";

describe("notifications core", () => {
  it("When a delivery fails again and again, then the retries back off 30 s, 2 min, 10 min… and stop growing at an hour", () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(retryDelayMs)).to.deep.equal([
      30_000, 120_000, 600_000, 1_800_000, 3_600_000, 3_600_000, 3_600_000,
    ]);
  });

  it("When the last allowed try fails, then the row is failed for good; before that it stays pending", () => {
    const now = new Date("2026-12-01T10:00:00.000Z");
    expect(afterFailure(1, now)).to.deep.equal({ status: "pending", nextAttemptAt: "2026-12-01T10:00:30.000Z" });
    expect(afterFailure(MAX_ATTEMPTS - 1, now).status).to.equal("pending");
    expect(afterFailure(MAX_ATTEMPTS, now).status).to.equal("failed");
  });

  it("When keys are made, then each is a fresh UUID and its Message-ID names the school's app", () => {
    const a = newIdempotencyKey();
    expect(a).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).to.not.equal(a);
    expect(messageIdOf(a)).to.equal(`<${a}@kehou>`);
  });

  it("When a group payload names a child under any person key, then it is refused; counts and class names pass", () => {
    for (const key of ["studentName", "childName", "name", "child"])
      expect(() => assertGroupPayload({ [key]: "王小明", count: 1 })).to.throw(ChildNameInGroupNotice);
    expect(() => assertGroupPayload({ count: 3, className: "三年级2班", date: "2026-12-01" })).to.not.throw();
  });

  it("When the kind is an unexcused absence, then it is mandatory; other kinds are not", () => {
    expect(isMandatory("attendance.absent")).to.equal(true);
    expect(isMandatory("round.opened")).to.equal(false);
  });

  it("When SMTP lacks a host or a sender, then e-mail is not configured; a webhook alone configures its robot", () => {
    const s = { ...NOTICE_SETTING_DEFAULTS };
    expect(configuredChannels(s)).to.deep.equal({ email: false, wecom: false, dingtalk: false });
    expect(configuredChannels({ ...s, "notify.smtp.host": "mail.example.cn" }).email).to.equal(false);
    expect(
      configuredChannels({
        ...s,
        "notify.smtp.host": "mail.example.cn",
        "notify.smtp.from": "kehou@example.cn",
        "notify.dingtalk.webhook": "https://oapi.dingtalk.com/robot/send?access_token=x",
      }),
    ).to.deep.equal({ email: true, wecom: false, dingtalk: true });
  });
});
