// Pick-up (接送人, 提前接走): a family's list of who may collect its children,
// and the early pick-ups teachers record. What the app and other capabilities
// use: the entities and router, recording an early pick-up (attendance's
// register and class-day pages, which check the teacher may), the lists and a
// date's pick-ups those pages show, the form, and a child's data (privacy).
export { PickUpPerson, EarlyPickup, pickupEntities } from "./entities";
export { pickupRoutes } from "./routes";
export { recordEarlyPickup, undoEarlyPickup, type EarlyPickupInput } from "./service";
export { earlyForm, undoForm, type EarlyForm } from "./form";
export { undoRefusal } from "./core";
export { peopleOfStudents, earlyPickupsOn } from "./store";
export { pickupOfChild } from "./export";
