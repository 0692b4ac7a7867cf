// What other capabilities may use of the surveys: the pure results, the
// entities (the app's entity list, the demo, a child's data export), reading a
// survey and its results, and the family home page's open surveys.
export * from "./core";
export { Survey, SurveyReceipt, SurveyResponse, surveyEntities, SURVEY_STATES, type SurveyState } from "./entities";
export { findSurvey, resultsOf, latestSurveyInput, surveysForFamily, surveysToAnswer } from "./service";
export { allSurveys } from "./store";
