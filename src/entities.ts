// Every entity the data source knows: the shared ones (db/entities) and each
// capability's own list. The app hands this to db/ (src/database.ts), so db/
// imports no capability; adding a capability's entities is one line here.
import { coreEntities } from "./db/entities";
import { feedEntities } from "./feeds/entities";
import { choiceEntities } from "./choices/entities";
import { allocationEntities } from "./allocation";
import { notificationEntities } from "./notifications";
import { homeworkEntities } from "./homework/entities";
import { attendanceEntities } from "./attendance/entities";
import { surveyEntities } from "./surveys/entities";
import { schoolEntities } from "./school/entities";
import { membershipEntities } from "./membership/entity";
import { dateChangeEntities } from "./kernel";
import { leaveEntities } from "./leave/entities";
import { pickupEntities } from "./pickup";
import { peopleEntities } from "./notifications/people-entities";
import { RoundNotice } from "./choices/round-notice-entity";
import { proposerEntities } from "./proposer/entities";
import { interestEntities } from "./interest/entities";

export const entities: Function[] = [
  ...coreEntities,
  ...feedEntities,
  ...choiceEntities,
  ...allocationEntities,
  ...notificationEntities,
  ...homeworkEntities,
  ...attendanceEntities,
  ...surveyEntities,
  ...schoolEntities,
  ...membershipEntities,
  ...dateChangeEntities,
  ...leaveEntities,
  ...pickupEntities,
  ...peopleEntities,
  RoundNotice,
  ...proposerEntities,
  ...interestEntities,
];
