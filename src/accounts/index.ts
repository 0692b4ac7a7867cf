// What other capabilities may use of the accounts: signing someone in (first-run
// setup does), the login throttle (kehou throttle clear) and the routers src/routes.ts mounts.
export { signIn } from "./sign-in";
export {
  accountKey,
  clearThrottles,
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  delayAfter,
  type ThrottlePolicy,
  type ThrottleKey,
} from "./throttle-store";
export { authRoutes } from "./sign-in-routes";
export { accountRoutes } from "./account-routes";
export { familyEmailRoutes } from "./family-email-routes";
export { throttleRoutes } from "./throttle-routes";
