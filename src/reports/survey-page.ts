// Survey results (满意度调查) and the survey overview: replies, counts and shares
// per option, and satisfaction = (满意 + 基本满意) / replies, as charts and tables.
import type { Request } from "express";
import type { DataSource } from "typeorm";
import type { TFunction } from "i18next";
import { barChart, formatRate, surveyTable, surveyTextTable, type Table } from "./core";
import { pageCount, pageOf } from "../http";
import { allSurveys, resultsOf, type Survey } from "../surveys";
import type { ReportView } from "./report-view";
import { rateBars } from "./texts";

const TEXT_PAGE = 50;

export async function surveyResultsView(
  ds: DataSource,
  req: Request,
  t: TFunction,
  survey: Survey,
): Promise<ReportView> {
  const results = await resultsOf(ds, survey);
  const options = surveyTable(results, {
    title: t("reports.survey.optionsTitle"),
    headers: {
      question: t("reports.col.question"),
      option: t("reports.col.option"),
      count: t("reports.col.count"),
      share: t("reports.col.share"),
    },
    satisfactionLabel: t("reports.survey.satisfied"),
  });
  const texts = surveyTextTable(results, {
    title: t("reports.survey.textTitle"),
    headers: { question: t("reports.col.question"), answer: t("reports.col.answer") },
  });
  const charts: string[] = [];
  const flagged = results.questions.flatMap((q) =>
    q.kind !== "text" && q.satisfaction ? [{ label: q.text, rate: q.satisfaction }] : [],
  );
  if (flagged.length > 0)
    charts.push(
      barChart({ id: "chart-satisfaction", title: t("reports.survey.satisfactionChart"), bars: rateBars(flagged) }),
    );
  results.questions.forEach((q, i) => {
    if (q.kind === "text") return;
    charts.push(
      barChart({
        id: `chart-q${i + 1}`,
        title: q.text,
        bars: q.options.map((o) => ({
          label: o.label,
          value: o.count,
          display: `${o.count} · ${formatRate(o.share) || "—"}`,
        })),
      }),
    );
  });
  const page = pageOf(req.query, TEXT_PAGE);
  const pages = pageCount(texts.rows.length, TEXT_PAGE);
  const satisfaction = results.satisfaction
    ? `${formatRate(results.satisfaction)} (${results.satisfaction.numerator}/${results.satisfaction.denominator})`
    : "—";
  return {
    name: `survey-${survey.id}`,
    title: t("reports.survey.resultsTitle", { title: survey.title }),
    intro: t("reports.survey.resultsIntro", { replies: results.replies, satisfaction }),
    notes: [t("reports.survey.anonymous"), ...(results.replies === 0 ? [t("reports.survey.noReplies")] : [])],
    charts,
    tables: [
      { key: "options", table: options },
      {
        key: "text",
        table: texts,
        pageRows: { from: page.skip, to: page.skip + TEXT_PAGE, page: Math.min(page.page, pages), pages },
      },
    ],
    back: { href: `/admin/surveys/${survey.id}`, label: survey.title },
  };
}

/** Every survey with its replies and satisfaction rate: the report index's survey line. */
export async function surveysOverview(ds: DataSource, t: TFunction): Promise<ReportView> {
  const surveys = await allSurveys(ds);
  const shown = surveys.filter((s) => s.state !== "draft");
  const rows = await Promise.all(shown.map(async (s) => ({ survey: s, results: await resultsOf(ds, s) })));
  const table: Table = {
    title: t("reports.survey.overviewTitle"),
    columns: [
      { key: "title", header: t("reports.col.survey") },
      { key: "state", header: t("reports.col.state") },
      { key: "replies", header: t("reports.col.replies") },
      { key: "count", header: t("reports.col.satisfiedCount") },
      { key: "rate", header: t("reports.col.satisfaction") },
    ],
    rows: rows.map(({ survey, results }) => ({
      title: survey.title,
      state: t(`survey.state.${survey.state}`),
      replies: results.replies,
      count: results.satisfaction?.numerator ?? null,
      rate: results.satisfaction ?? null,
    })),
  };
  const rated = rows
    .filter((r) => r.results.satisfaction)
    .map((r) => ({ label: r.survey.title, rate: r.results.satisfaction! }));
  return {
    name: "survey",
    title: t("reports.survey.title"),
    intro: t("reports.survey.intro"),
    notes: shown.length === 0 ? [t("reports.survey.none")] : [],
    charts: rated.length
      ? [barChart({ id: "chart-surveys", title: t("reports.survey.satisfactionChart"), bars: rateBars(rated) })]
      : [],
    tables: [{ key: "surveys", table: table }],
    links: surveys.map((s) => ({
      href: `/admin/surveys/${s.id}/results`,
      label: `${s.title} (${t(`survey.state.${s.state}`)})`,
    })),
  };
}
