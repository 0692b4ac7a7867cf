// The weekly publicity board (作业公示): a class's week for its families and staff, a grade's
// classes side by side for staff, and /homework as each role's way in.
import { Router, type Request } from "express";
import type { DataSource } from "typeorm";
import { HttpError, idParam, scope, staffUser } from "../http";
import { canReadBoard, canRecordFor, recordableClasses } from "./access";
import { classBoard, gradeBoards } from "./board-service";
import { classById, classesByIds, currentGrades, familyClassIds, recentHomeworkBy } from "./store";
import { schoolToday } from "../kernel";
import { isIsoDate, weekdayOf, weekOf, type Week } from "./core";

async function weekFrom(ds: DataSource, req: Request): Promise<Week> {
  const raw = req.query.week;
  if (raw === undefined || raw === "") return weekOf(await schoolToday(ds));
  if (!isIsoDate(raw)) throw new HttpError(400, "homework.badWeek");
  return weekOf(raw);
}

export function boardRoutes(ds: DataSource): Router {
  const router = Router();

  router.get(
    "/homework",
    scope.signedIn(
      { class_teacher: "own classes", teacher: "own sessions", external: "own sessions" },
      "each role's way to the boards",
    ),
    async (req, res) => {
      const user = req.session.user!;
      const title = res.locals.t("homework.title");
      if (user.kind === "family") {
        const classes = await classesByIds(ds, await familyClassIds(ds, user.id));
        if (classes.length === 1) return res.redirect(`/homework/class/${classes[0].id}`);
        return res.render("homework/family", { title, classes });
      }
      const classes = await recordableClasses(ds, user);
      const recent = await recentHomeworkBy(ds, user.id, 15);
      const names = new Map(
        (await classesByIds(ds, [...new Set(recent.map((r) => r.classId))])).map((c) => [c.id, c.name]),
      );
      // The grade pages this person may open (an admin every grade; others those of their classes).
      const grades =
        user.role === "admin"
          ? await currentGrades(ds)
          : [...new Set(classes.map((c) => c.grade))].sort((a, b) => a - b);
      res.render("homework/index", { title, classes, recent, names, grades });
    },
  );

  router.get(
    "/homework/class/:classId",
    scope.signedIn(
      { class_teacher: "all", teacher: "all", external: "all" },
      "a class's publicity board: homework, no children's names; families only their children's classes",
    ),
    async (req, res) => {
      const user = req.session.user!;
      const cls = await classById(ds, idParam(req.params.classId));
      // Another class's board is not found for a family, rather than forbidden: no hint it exists.
      if (!cls || !(await canReadBoard(ds, user, cls.id))) throw new HttpError(404, "errors.notFound");
      const week = await weekFrom(ds, req);
      const { board, staffNames } = await classBoard(ds, cls, week);
      // The week's dates count: a teacher covering the class's session this week may record.
      const canRecord = user.kind === "staff" && (await canRecordFor(ds, user, cls.id, week.days));
      const editable = (item: { staffId: number | null }) =>
        user.kind === "staff" &&
        (user.role === "admin" || (canRecord && (item.staffId === user.id || cls.classTeacherId === user.id)));
      // A family with children in several classes switches between their boards only.
      const siblings = user.kind === "family" ? await classesByIds(ds, await familyClassIds(ds, user.id)) : [];
      res.render("homework/board", {
        title: res.locals.t("homework.board.title", { className: cls.name }),
        cls,
        week,
        board,
        staffNames,
        canRecord,
        editable,
        siblings,
        isStaff: user.kind === "staff",
        today: await schoolToday(ds),
      });
    },
  );

  router.get(
    "/homework/grade/:grade",
    scope.staff(
      { class_teacher: "own classes", teacher: "own sessions", external: "own sessions" },
      "a grade's boards side by side: for staff of that grade",
    ),
    async (req, res) => {
      const grade = idParam(req.params.grade);
      if (grade < 1 || grade > 12) throw new HttpError(404, "errors.notFound");
      const week = await weekFrom(ds, req);
      const boards = await gradeBoards(ds, grade, week);
      if (!boards.length) throw new HttpError(404, "errors.notFound");
      // Side by side for the staff of that grade: an admin, its class teachers, the teachers of its homework sessions.
      const user = staffUser(req);
      if (user.role !== "admin" && !(await recordableClasses(ds, user)).some((c) => c.grade === grade))
        throw new HttpError(403, "errors.forbidden");
      const dates = [...new Set(boards.flatMap((b) => b.board.days.map((d) => d.date)))].sort();
      res.render("homework/grade", {
        title: res.locals.t("homework.grade.title", { grade }),
        grade,
        week,
        boards,
        dates,
        weekdayOf,
        today: await schoolToday(ds),
      });
    },
  );

  return router;
}
