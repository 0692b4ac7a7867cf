// Routes of this capability (registered in src/routes.ts).
import { Router } from "express";
import type { DataSource } from "typeorm";

export function homeworkRoutes(_ds: DataSource): Router {
  const router = Router();
  return router;
}
