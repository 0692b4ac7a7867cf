// The pure part of setup: the demo's recognisable facts and what a start prints.
export { DEMO_MARKER, DEMO_EMAIL_DOMAIN, DEMO_REMOVED_KEY, SETUP_AT_KEY, type DemoLogins } from "./demo-facts";
export { startMessage, printLogins, demoLoginLines, setupTokenLines, DEMO_NOTE, type StartPlan } from "./start-message";
