// What capabilities may use of the shared HTTP kernel: the form kit, errors,
// route scopes and guards, paging, the session's user, passwords and links.
// The middleware chain itself (security, sessions, parsers, CSRF) is the app's
// (src/app.ts) and not exported.
export {
  ID_PATTERN,
  isId,
  idParam,
  optionalId,
  formBody,
  fieldErrors,
  FormError,
  fieldError,
  plainText,
  submit,
  searchText,
  hasControlChars,
  type FieldErrors,
} from "./form-kit";
export { HttpError } from "./errors";
export { asDownload, asciiFileName, contentDisposition, downloadName } from "./download";
export { scope, ROLES, type Role, type Ownership, type RouteScope, type ScopedRoute } from "./auth/route-scope";
export { requireLogin, requireStaff, requireAdmin, requireFamily, staffUser, familyUser } from "./auth/guards";
export { pageOf, pageCount, type Page } from "./pagination";
export type { SessionUser } from "./session-user";
export {
  hashSecret,
  verifySecret,
  decoyHash,
  newFamilyCode,
  normaliseFamilyCode,
  STAFF_PASSWORD_MIN,
  checkStaffPassword,
  newStaffPassword,
  type StaffPasswordProblem,
} from "./auth/passwords";
export { endSessionsOf, type AccountKind } from "./auth/session-version";
export { lifetimeFor, lifetimeRole, LIFETIME_SETTING_PREFIX } from "./auth/session-lifetimes";
export { siteBase, DEFAULT_PORT } from "./public-url";
export { translator, isLocale, LOCALES, DEFAULT_LOCALE, type Locale } from "./i18n";
