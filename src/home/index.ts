// What src/routes.ts mounts of the home pages (each role lands on its own at "/").
export { homeRoutes } from "./routes";
