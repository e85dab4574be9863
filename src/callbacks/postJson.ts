/** What one delivery attempt came to: the receiver's status, or why there was none. */
export type PostOutcome = { status: number } | { error: string };

/** POSTs `body` as JSON; never throws. */
export async function postJson(
  url: string,
  body: unknown,
  timeoutMs: number,
): Promise<PostOutcome> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'luma-mock' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
    await res.body?.cancel();
    return { status: res.status };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { error: cause ?? (error as Error).name ?? 'error' };
  }
}
