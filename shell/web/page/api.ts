/** The API from the page: same origin, the token cookie rides along. */
export interface ApiError {
  error: string;
  message: string;
}

export type ApiResult<T> = { ok: true; status: number; body: T } | { ok: false; status: number; body: ApiError };

export async function api<T>(path: string, init?: { method?: string; body?: unknown }): Promise<ApiResult<T>> {
  const response = await fetch(path, {
    method: init?.method ?? 'GET',
    headers: init?.body === undefined ? {} : { 'content-type': 'application/json' },
    body: init?.body === undefined ? null : JSON.stringify(init.body),
  });
  const body = (await response.json()) as T & ApiError;
  return response.ok ? { ok: true, status: response.status, body } : { ok: false, status: response.status, body };
}
