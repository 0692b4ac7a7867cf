// The school's set-up (structure, people, classes, venues, terms and calendar,
// family access codes, spreadsheet imports, the next term): what other
// capabilities may use. Its rules are in ./core (pure), its database access in
// ./store, its pages in the *-routes.ts files mounted by src/routes.ts.
export { schoolSetupRoutes } from "./setup-routes";
export { staffAdminRoutes } from "./staff-admin-routes";
export { ImportBatch, schoolEntities, IMPORT_STATUSES, type ImportStatus } from "./entities";
// Who may work on a class's families (the class day's register asks too).
export { managedClass, mayManageClass, visibleClasses } from "./class-access";
// Staff accounts: the account page, the create-admin command and first-run setup use these.
export { staffForm, staffPassword, type StaffFormData } from "./staff-form";
export {
  createStaff,
  changeOwnPassword,
  resetStaffPassword,
  setStaffActive,
  saveStaffDetails,
  type NewStaff,
} from "./staff-service";
