// What other capabilities may use of the proposer: its pure core (the later
// admin page and worker thread call `propose` with an instance built from the
// school's data).
export * from "./core";
