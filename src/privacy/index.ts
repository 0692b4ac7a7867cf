// Children's personal information (PIPL): the notice families accept, and the
// admin's per-child export and erasure. What the app and tests use.
export { privacyRoutes } from "./routes";
export { PRIVACY_VERSION, acceptPrivacy, deleteChild, exportChild, hasAccepted } from "./service";
