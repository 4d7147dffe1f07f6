// The one way the app talks to the service: GraphQL over HTTP at /graphql, with the signed-in caller's bearer token.
// The token lives in sessionStorage: it lasts as long as the tab and is never written anywhere else.

const TokenKey = 'rehabledger.token';

export class GraphQLError extends Error {
  constructor(error) {
    super(error.message);
    this.code = error.extensions?.code ?? 'ERROR';
    // The path of the input value to blame, for example input.painBefore: the form shows the message there.
    this.field = error.extensions?.field ?? null;
  }
}

export function currentToken() {
  return sessionStorage.getItem(TokenKey);
}

export function signIn(token) {
  sessionStorage.setItem(TokenKey, token);
}

export function signOut() {
  sessionStorage.removeItem(TokenKey);
}

// The caller as the token describes them. The service checks the token on every request; this only decides what
// the page offers, so a forged claim gains nothing but refusals.
export function callerOf(token) {
  const part = token?.split('.')[1];
  if (!part) return null;
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(decodeURIComponent(escape(json)));
    const list = v => (v == null ? [] : Array.isArray(v) ? v : [v]);
    if (!claims.role || (claims.exp && claims.exp * 1000 < Date.now())) return null;
    return { id: claims.sub, name: claims.name ?? claims.sub, role: claims.role,
      clinics: list(claims.clinic), payer: claims.payer ?? null, patient: claims.patient ?? null };
  } catch {
    return null;
  }
}

export async function gql(query, variables = {}) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' };
  const token = currentToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  let body;
  try {
    body = await response.json();
  } catch {
    throw new GraphQLError({ message: `The service answered ${response.status} without a GraphQL response.`, extensions: { code: 'HTTP_' + response.status } });
  }
  if (body.errors?.length) {
    const error = new GraphQLError(body.errors[0]);
    error.all = body.errors.map(e => new GraphQLError(e));
    if (error.code === 'UNAUTHENTICATED') window.dispatchEvent(new CustomEvent('rehabledger:signed-out'));
    throw error;
  }
  return body.data;
}

// Development only: a token for one of the demo users, minted by the service.
export async function demoToken(user) {
  const response = await fetch('/dev/tokens', {
    method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ user }),
  });
  if (!response.ok) throw new Error(`The service refused a token for ${user} (${response.status}).`);
  return (await response.json()).token;
}
