/** GraphQL over real HTTP, as any client of the gateway sends it. */

export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: {
    data?: T | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  };
}

export interface GraphqlRequestOptions {
  token?: string;
  headers?: Record<string, string>;
}

/** POSTs one GraphQL request to `url`; a body that is not JSON fails the test with what came back. */
export async function postGraphql<T>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  o: GraphqlRequestOptions = {},
): Promise<GraphqlResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
      ...o.headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: GraphqlResponse<T>['body'];
  try {
    body = JSON.parse(text) as GraphqlResponse<T>['body'];
  } catch {
    throw new Error(`${url} answered ${response.status} with non-JSON: ${text.slice(0, 200)}`);
  }
  return { status: response.status, headers: response.headers, body };
}
