/**
 * A tRPC query over HTTP from the browser (the endpoint is mounted at /trpc on every host),
 * for small live look-ups in forms that also work without scripts.
 */
export async function queryProcedure<T>(path: string, input: unknown, signal?: AbortSignal): Promise<T> {
  const response = await fetch(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: { Accept: "application/json" },
    credentials: "same-origin",
    signal: signal ?? null,
  });
  const body = (await response.json().catch(() => null)) as { result?: { data?: T } } | null;
  if (!response.ok || !body?.result || body.result.data === undefined) {
    throw new Error(`${path} answered ${response.status}`);
  }
  return body.result.data;
}
