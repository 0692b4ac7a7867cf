// Routes of this capability (registered in src/routes.ts): recording homework and the
// weekly publicity boards.
import { Router } from "express";
import type { DataSource } from "typeorm";
import { boardRoutes } from "./board-routes";
import { recordRoutes } from "./record-routes";

export function homeworkRoutes(ds: DataSource): Router {
  const router = Router();
  // The board's /homework/class/… and /homework/grade/… are GETs; the record routes'
  // POST /homework/:id cannot shadow them.
  router.use(recordRoutes(ds));
  router.use(boardRoutes(ds));
  return router;
}
