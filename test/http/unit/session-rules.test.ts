import { expect } from "chai";
import { ACCOUNT_POLICY, accountKey, decayedFailures } from "../../../src/accounts/core/throttle-rules";
import { DEFAULT_LIFETIMES, lifetimeFor, sessionExpiry } from "../../../src/http/auth/session-lifetimes";
import { checkStaffPassword, newStaffPassword } from "../../../src/http/auth/passwords";

const HOUR = 3600 * 1000;

describe("login throttle decay and session lifetimes", () => {
  it("When failures have been quiet for one half-life, then half of them still count; after many, none", () => {
    const t = Date.parse("2026-09-01T08:00:00Z");
    expect(decayedFailures(12, t, t + ACCOUNT_POLICY.halfLifeMs - 1, ACCOUNT_POLICY)).to.equal(12);
    expect(decayedFailures(12, t, t + ACCOUNT_POLICY.halfLifeMs, ACCOUNT_POLICY)).to.equal(6);
    expect(decayedFailures(12, t, t + 40 * ACCOUNT_POLICY.halfLifeMs, ACCOUNT_POLICY)).to.equal(0);
  });

  it("When the CLI names an account, then an email is a staff key (any case) and anything else a student number", () => {
    expect(accountKey(" Admin@Kehou.demo ")).to.equal("staff:admin@kehou.demo");
    expect(accountKey("20240101")).to.equal("family:20240101");
  });

  it("When no setting overrides them, then lifetimes are 30 d / 90 d, 12 h / 7 d and 2 h / 12 h; a setting in hours replaces one", () => {
    expect(lifetimeFor("family", new Map())).to.deep.equal({ idleMs: 30 * 24 * HOUR, absoluteMs: 90 * 24 * HOUR });
    expect(lifetimeFor("staff", new Map())).to.deep.equal({ idleMs: 12 * HOUR, absoluteMs: 7 * 24 * HOUR });
    expect(lifetimeFor("admin", new Map())).to.deep.equal(DEFAULT_LIFETIMES.admin);
    expect(
      lifetimeFor(
        "admin",
        new Map([
          ["session.admin.idleHours", "1"],
          ["session.admin.absoluteHours", "nonsense"],
        ]),
      ),
    ).to.deep.equal({ idleMs: HOUR, absoluteMs: 12 * HOUR });
  });

  it("When a session is seen, then it expires after the idle time but never past its absolute end", () => {
    expect(sessionExpiry({ idleMs: 2 * HOUR, until: 10 * HOUR }, 0)).to.equal(2 * HOUR);
    expect(sessionExpiry({ idleMs: 2 * HOUR, until: 10 * HOUR }, 9 * HOUR)).to.equal(10 * HOUR);
  });

  it("When a staff password is short, common, common with digits added, or one repeated pattern, then it is refused; a long own phrase passes", () => {
    expect(checkStaffPassword("abcdefgh-11")).to.equal("validation.passwordLength");
    expect(checkStaffPassword("qwerty123456")).to.equal("validation.passwordCommon");
    expect(checkStaffPassword("Password2026!!")).to.equal("validation.passwordCommon");
    expect(checkStaffPassword("abababababab")).to.equal("validation.passwordCommon");
    expect(checkStaffPassword("晚托班的钥匙在三楼办公室")).to.equal(null);
    expect(checkStaffPassword("kehou-demo-2026")).to.equal(null);
    expect(checkStaffPassword(newStaffPassword())).to.equal(null);
  });
});
