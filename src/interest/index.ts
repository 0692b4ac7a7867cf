// The interest survey (意向调查, issue 23): before a term's timetable exists there
// is no choice round to read demand from, so families tick the clubs a child
// would like (unranked, at most the survey's maxTicks, optionally one "most
// wanted"). What other capabilities may use:
//
// - `interestDemand(db, termId)` — the proposer's demand. Returns
//   `{ surveyId, students: { studentId, grade, clubIds }[] }` from the latest
//   survey of the term that has been opened (open now or closed) and has at
//   least one answer, or null when there is none. `students` holds each child
//   still on the roll who answered, by student id, with the grade of their
//   current class; `clubIds` are the ticked clubs, the "most wanted" first,
//   then the others in the survey's club order (the term's clubs by code).
//   A child's list is never empty. Clubs cancelled after the child ticked
//   them stay in the list: the caller leaves out clubs it does not place.
// - `interestCards(ds, familyId)` — the family home page's cards.
// - `interestOfChild(ds, studentId)` — a child's answers for the data export.
export { InterestSurvey, InterestAnswer, interestEntities } from "./entities";
export { interestDemand, type InterestDemand } from "./demand";
export { interestCards, type InterestCard } from "./family-card";
export { interestOfChild } from "./child-data";
export { interestRoutes } from "./routes";
