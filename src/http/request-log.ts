// One log line per request: method, path, status, time taken, request id and
// who asked. pino-http's default serializers copy every header into the line,
// the session cookie among them (anyone who reads the log could take over the
// session), and the query string can hold a search for a child's name: both
// stay out. The small serializers also keep logging cheap on every page view.
import type { IncomingMessage, ServerResponse } from "node:http";
import type pino from "pino";
import pinoHttp from "pino-http";

type LoggedRequest = IncomingMessage & {
  id?: unknown;
  originalUrl?: string;
  session?: { user?: { kind: string; id: number } };
};

let nextId = 0;

const pathOnly = (url: string | undefined): string => (url ?? "").split("?", 1)[0];

function withUser(req: LoggedRequest, value: Record<string, unknown>): Record<string, unknown> {
  const user = req.session?.user;
  return user ? { ...value, user: `${user.kind}:${user.id}` } : value;
}

export function requestLog(logger: pino.Logger) {
  return pinoHttp({
    logger,
    wrapSerializers: false,
    genReqId: () => ++nextId,
    serializers: {
      req: (req: LoggedRequest) => ({ id: req.id, method: req.method, path: pathOnly(req.originalUrl ?? req.url) }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    // The session is read after this middleware runs; at the end of the request it is there.
    customSuccessObject: (req: LoggedRequest, _res, value: Record<string, unknown>) => withUser(req, value),
    customErrorObject: (req: LoggedRequest, _res, _err, value: Record<string, unknown>) => withUser(req, value),
    autoLogging: { ignore: (req) => req.url === "/healthz" || req.url?.startsWith("/public/") === true },
  });
}
