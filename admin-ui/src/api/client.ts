import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Problem = components['schemas']['ApiProblem'];

/**
 * The session the browser holds: the cookie travels by itself; unsafe requests also carry the antiforgery token the
 * API handed out at sign-in (or on /me), and every request says which organisation the user acts for.
 */
const session: { antiforgeryToken?: string; organisationId?: string } = {};

export function rememberAntiforgeryToken(token: string | null | undefined) {
  session.antiforgeryToken = token ?? undefined;
}

export function actFor(organisationId: string | undefined) {
  session.organisationId = organisationId;
  if (organisationId) {
    localStorage.setItem('workforce.organisation', organisationId);
  } else {
    localStorage.removeItem('workforce.organisation');
  }
}

export function lastOrganisation(): string | undefined {
  return localStorage.getItem('workforce.organisation') ?? undefined;
}

const sessionHeaders: Middleware = {
  onRequest({ request }) {
    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method) && session.antiforgeryToken) {
      request.headers.set('X-XSRF-TOKEN', session.antiforgeryToken);
    }
    if (session.organisationId) {
      request.headers.set('X-Organisation-Id', session.organisationId);
    }
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(sessionHeaders);

/** A failed call's problem document, thrown so that TanStack Query and forms see one kind of error. */
export class ProblemError extends Error {
  /** `worded`: the detail is already the app's own words for the problem (see i18n/problemText). */
  constructor(public readonly status: number, public readonly problem: Problem, public readonly worded = false) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

/** The data of a call that succeeded; a ProblemError for one that did not. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    throw new ProblemError(response.status, (error ?? { status: response.status, title: response.statusText }) as Problem);
  }
  return data as T;
}
