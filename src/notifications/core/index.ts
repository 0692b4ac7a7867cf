// The pure rules of notices: channels, mandatory kinds, the group-payload
// check, the retry schedule and the idempotency key.
export * from "./channels";
export * from "./mandatory";
export * from "./group-payload";
export * from "./backoff";
export * from "./payload";
export { newIdempotencyKey, messageIdOf } from "./idempotency";
export * from "./settings";
export * from "./render";
