// The family's pick-up list (/family/pickup): add, edit and remove the people
// who may collect the children, and see the early pick-ups teachers recorded.
// Phone-first: one column, large buttons; removing asks first.
import { Router, type Request, type Response } from "express";
import type { DataSource } from "typeorm";
import { familyUser, formBody, HttpError, idParam, scope, submit, type FieldErrors } from "../http";
import { actorOf } from "../audit";
import { schoolNow } from "../kernel";
import { MAX_PICKUP_PEOPLE, RELATIONS, telOf } from "./core";
import { personForm } from "./form";
import { addPerson, removePerson, updatePerson } from "./service";
import { earlyPickupsOfFamily, peopleOf, personOf } from "./store";

const guard = scope.family("the family's own pick-up people and its children's early pick-ups");

async function renderList(ds: DataSource, req: Request, res: Response, status = 200, errors: FieldErrors = {}) {
  const familyId = familyUser(req).id;
  const [people, early] = await Promise.all([peopleOf(ds, familyId), earlyPickupsOfFamily(ds, familyId, 20)]);
  res.status(status).render("pickup/list", {
    title: res.locals.t("pickup.people.title"),
    people,
    early,
    telOf,
    max: MAX_PICKUP_PEOPLE,
    relations: RELATIONS,
    form: status === 200 ? {} : formBody(req),
    errors,
  });
}

export function pickupRoutes(ds: DataSource): Router {
  const router = Router();

  router.get("/family/pickup", guard, (req, res) => renderList(ds, req, res));

  router.post("/family/pickup", guard, async (req, res) => {
    const familyId = familyUser(req).id;
    const saved = await submit(
      personForm,
      formBody(req),
      (input) => addPerson(ds, familyId, input, actorOf(req.session.user), schoolNow().toISOString()),
      (errors) => renderList(ds, req, res, 400, errors),
    );
    if (!saved) return;
    req.session.flash = { kind: "ok", key: "pickup.people.added" };
    res.redirect(303, "/family/pickup");
  });

  const renderEdit = async (req: Request, res: Response, status = 200, errors: FieldErrors = {}) => {
    const person = await personOf(ds, familyUser(req).id, idParam(req.params.id));
    if (!person) throw new HttpError(404, "errors.notFound");
    res.status(status).render("pickup/edit", {
      title: res.locals.t("pickup.people.editTitle", { name: person.name }),
      person,
      relations: RELATIONS,
      form: status === 200 ? person : formBody(req),
      errors,
    });
  };

  router.get("/family/pickup/:id/edit", guard, (req, res) => renderEdit(req, res));

  router.post("/family/pickup/:id", guard, async (req, res) => {
    const familyId = familyUser(req).id;
    const id = idParam(req.params.id);
    // Another family's id names nothing: 404 before the form is read.
    if (!(await personOf(ds, familyId, id))) throw new HttpError(404, "errors.notFound");
    const saved = await submit(
      personForm,
      formBody(req),
      (input) => updatePerson(ds, familyId, id, input, actorOf(req.session.user), schoolNow().toISOString()),
      (errors) => renderEdit(req, res, 400, errors),
    );
    if (!saved) return;
    req.session.flash = { kind: "ok", key: "pickup.people.saved" };
    res.redirect(303, "/family/pickup");
  });

  router.post("/family/pickup/:id/delete", guard, async (req, res) => {
    await removePerson(ds, familyUser(req).id, idParam(req.params.id), actorOf(req.session.user));
    req.session.flash = { kind: "ok", key: "pickup.people.removed" };
    res.redirect(303, "/family/pickup");
  });

  return router;
}
