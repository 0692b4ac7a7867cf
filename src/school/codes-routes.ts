// Family access codes per class: generate the missing ones and print them once
// as slips; regenerate one family's code (the old one stops working).
import { Router, Request, Response } from "express";
import type { DataSource } from "typeorm";
import { schoolName } from "./store/settings";
import { staffUser, scope, HttpError, siteBase, idParam, optionalId } from "../http";
import { actorOf } from "../audit";
import { managedClass, mayManageClass, visibleClasses } from "./class-access";
import {
  codeCountsByClass,
  familiesOfClass,
  familyWithChildren,
  generateClassCodes,
  regenerateFamilyCode,
  Slip,
} from "./codes-service";

const requireClassStaff = scope.staff(
  { class_teacher: "own classes" },
  "a class's family access codes: its class teacher hands them out",
);

export function codesRoutes(ds: DataSource): Router {
  const router = Router();

  router.get("/admin/codes", requireClassStaff, async (req, res) => {
    const classes = await visibleClasses(ds, req);
    const counts = await codeCountsByClass(ds, classes);
    const rows = classes.map((cls) => ({ cls, ...counts.get(cls.id)! }));
    res.render("school/codes/index", { title: res.locals.t("school.codes.title"), rows });
  });

  router.get("/admin/codes/class/:classId", requireClassStaff, async (req, res) => {
    const cls = await managedClass(ds, req);
    const families = await familiesOfClass(ds, cls.id);
    res.render("school/codes/class", {
      title: res.locals.t("school.codes.classTitle", { name: cls.name }),
      cls,
      families,
    });
  });

  // The sheet is the only place the codes ever appear: never cache it.
  const sheet = async (req: Request, res: Response, slips: Slip[], back: string) => {
    const name = await schoolName(ds);
    res.set("Cache-Control", "no-store");
    res.render("school/codes/sheet", {
      title: res.locals.t("school.codes.sheetTitle"),
      slips,
      back,
      schoolName: name,
      loginUrl: `${siteBase(req)}/login`,
    });
  };

  router.post("/admin/codes/class/:classId/generate", requireClassStaff, async (req, res) => {
    const cls = await managedClass(ds, req);
    const slips = await generateClassCodes(ds, cls, actorOf(req.session.user));
    if (!slips.length) {
      req.session.flash = { kind: "ok", key: "school.codes.noneMissing" };
      return res.redirect(`/admin/codes/class/${cls.id}`);
    }
    await sheet(req, res, slips, `/admin/codes/class/${cls.id}`);
  });

  // Admins, and the class teacher of a class one of the family's children is in.
  const managedFamily = async (req: Request) => {
    const family = await familyWithChildren(ds, idParam(req.params.familyId));
    if (!family || !family.children.length) throw new HttpError(404, "errors.notFound");
    const user = staffUser(req);
    if (!family.children.some((c) => mayManageClass(user, c.schoolClass))) throw new HttpError(403, "errors.forbidden");
    return family;
  };
  const classOf = (req: Request, family: { children: { classId: number }[] }) =>
    optionalId(req.query.classId) ?? family.children[0].classId;

  router.get("/admin/codes/family/:familyId/regenerate", requireClassStaff, async (req, res) => {
    const family = await managedFamily(req);
    res.render("school/codes/regenerate", {
      title: res.locals.t("school.codes.regenerate"),
      family,
      classId: classOf(req, family),
    });
  });

  router.post("/admin/codes/family/:familyId/regenerate", requireClassStaff, async (req, res) => {
    const family = await managedFamily(req);
    const slip = await regenerateFamilyCode(ds, family, actorOf(req.session.user));
    await sheet(req, res, [slip], `/admin/codes/class/${classOf(req, family)}`);
  });
  return router;
}
