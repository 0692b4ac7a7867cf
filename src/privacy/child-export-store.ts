// The sections of a child's data export beyond the child and the family rows:
// every table that refers to the child (studentId) or the family (familyId).
// test/privacy/http/erasure.test.ts enumerates the entity metadata, so a new
// table with such a column fails that test until it is exported here.
// Homework is set per class, not per child, so it is not the child's data.
import { type DataSource, In } from "typeorm";
import { AuditEntry, Club, ServiceEnrollment } from "../db";
import { ChoiceRound, Preference } from "../choices";
import { AllocationPin, ClubPlacement, WaitlistEntry, WaitlistOffer } from "../allocation";
import { FamilyEmail, Notification, NoticeOptOut } from "../notifications";
import { Survey, SurveyReceipt } from "../surveys";
import { FeedToken } from "../feeds";
import { attendanceOfChild } from "../attendance";
import { membershipsOf } from "../membership";
import { leaveRequestsOfChild } from "../leave";
import { pickupOfChild } from "../pickup";
import { interestOfChild } from "../interest";

export async function childSections(
  ds: DataSource,
  studentId: number,
  familyId: number,
): Promise<Record<string, unknown>> {
  const [enrollments, preferences, pins, placements, memberships, entries, offers, notifications, receipts, feeds] =
    await Promise.all([
      ds.getRepository(ServiceEnrollment).find({ where: { studentId }, order: { id: "ASC" } }),
      ds.getRepository(Preference).find({ where: { studentId }, order: { id: "ASC" } }),
      ds.getRepository(AllocationPin).find({ where: { studentId }, order: { id: "ASC" } }),
      ds.getRepository(ClubPlacement).find({ where: { studentId }, order: { id: "ASC" } }),
      membershipsOf(ds, studentId),
      ds.getRepository(WaitlistEntry).find({ where: { studentId }, order: { id: "ASC" } }),
      ds.getRepository(WaitlistOffer).find({ where: { studentId }, order: { id: "ASC" } }),
      ds.getRepository(Notification).find({ where: { familyId }, order: { id: "ASC" } }),
      ds.getRepository(SurveyReceipt).find({ where: { familyId }, order: { id: "ASC" } }),
      ds.getRepository(FeedToken).find({ where: { kind: "student", subjectId: studentId }, order: { id: "ASC" } }),
    ]);
  const [emails, optOuts] = await Promise.all([
    ds.getRepository(FamilyEmail).find({ where: { familyId }, order: { id: "ASC" } }),
    ds.getRepository(NoticeOptOut).find({ where: { familyId }, order: { id: "ASC" } }),
  ]);
  const clubIds = [
    ...new Set(
      [...preferences.flatMap((p) => p.clubIds), ...pins, ...placements, ...memberships, ...entries, ...offers].map(
        (x) => (typeof x === "number" ? x : x.clubId),
      ),
    ),
  ];
  const roundIds = [
    ...new Set(
      [...preferences, ...pins, ...placements, ...memberships, ...entries, ...offers]
        .map((x) => x.roundId)
        .filter((id): id is number => id !== null),
    ),
  ];
  const [clubs, rounds, surveys] = await Promise.all([
    clubIds.length ? ds.getRepository(Club).findBy({ id: In(clubIds) }) : [],
    roundIds.length ? ds.getRepository(ChoiceRound).findBy({ id: In(roundIds) }) : [],
    receipts.length ? ds.getRepository(Survey).findBy({ id: In(receipts.map((r) => r.surveyId)) }) : [],
  ]);
  const club = (id: number) => clubs.find((c) => c.id === id)?.name ?? null;
  const round = (id: number) => rounds.find((r) => r.id === id)?.name ?? null;
  return {
    serviceEnrollments: enrollments.map((e) => ({
      termId: e.termId,
      weekdays: e.weekdays,
      source: e.source,
      updatedAt: e.updatedAt,
    })),
    preferences: preferences.map((p) => ({
      round: round(p.roundId),
      clubs: p.clubIds.map(club),
      maxClubs: p.maxClubs,
      placeWithSiblings: p.placeWithSiblings,
      source: p.source,
      submittedAt: p.submittedAt,
      updatedAt: p.updatedAt,
    })),
    pins: pins.map((p) => ({
      round: round(p.roundId),
      club: club(p.clubId),
      reason: p.reason,
      createdAt: p.createdAt,
    })),
    placements: placements.map((p) => ({
      round: round(p.roundId),
      club: club(p.clubId),
      source: p.source,
      createdAt: p.createdAt,
    })),
    // The ledger: which club from which day to which, and why it began and ended.
    memberships: memberships.map((m) => ({
      club: club(m.clubId),
      from: m.fromDate,
      until: m.toDate,
      reason: m.reason,
      endReason: m.endReason,
      round: m.roundId === null ? null : round(m.roundId),
    })),
    waitlistEntries: entries.map((e) => ({
      round: round(e.roundId),
      club: club(e.clubId),
      position: e.position,
      status: e.status,
    })),
    waitlistOffers: offers.map((o) => ({
      round: round(o.roundId),
      club: club(o.clubId),
      status: o.status,
      createdAt: o.createdAt,
      expiresAt: o.expiresAt,
      respondedAt: o.respondedAt,
    })),
    notifications: notifications.map((n) => ({
      kind: n.kind,
      payload: n.payload,
      createdAt: n.createdAt,
      readAt: n.readAt,
    })),
    // The family's e-mail for notices, with its consent; the link's token hash is a secret, not data about anyone.
    familyEmail: emails.map((e) => ({
      address: e.address,
      verifiedAt: e.verifiedAt,
      consentAt: e.consentAt,
      consentVersion: e.consentVersion,
      withdrawnAt: e.withdrawnAt,
      updatedAt: e.updatedAt,
    })),
    noticeOptOuts: optOuts.map((o) => ({ kind: o.kind, channel: o.channel, since: o.createdAt })),
    // That the family answered, never what: answers are stored without the family.
    surveyReceipts: receipts.map((r) => ({
      survey: surveys.find((s) => s.id === r.surveyId)?.title ?? null,
      submittedAt: r.submittedAt,
    })),
    // That a calendar feed exists; its secret URL is not copied into a file that travels.
    calendarFeeds: feeds.map((f) => ({ createdAt: f.createdAt, revokedAt: f.revokedAt })),
    ...(await attendanceOfChild(ds, studentId)),
    // Leave the family asked (请假), with the class teacher's answer.
    leaveRequests: await leaveRequestsOfChild(ds, studentId),
    ...(await pickupOfChild(ds, studentId, familyId)),
    // The clubs the family ticked in interest surveys (意向调查), and who typed them in.
    interestAnswers: await interestOfChild(ds, studentId),
    auditTrail: await auditOf(ds, studentId, familyId),
  };
}

// Entries about the child, about the family, and the family's own actions.
async function auditOf(ds: DataSource, studentId: number, familyId: number): Promise<Record<string, unknown>[]> {
  const rows = await ds.getRepository(AuditEntry).find({
    where: [
      { entity: "student", entityId: String(studentId) },
      { entity: "family", entityId: String(familyId) },
      { actorKind: "family", actorId: familyId },
    ],
    order: { id: "ASC" },
  });
  return rows.map((a) => ({ at: a.at, action: a.action, by: a.actorLabel, reason: a.reason }));
}
