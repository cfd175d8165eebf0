import autocannon from 'autocannon'

export const connections = 32

export interface LoadResult {
  medianMs: number
  p95Ms: number
  requestsPerSecond: number
  requests: number
  failures: number
}

/**
 * Keeps `connections` requests in flight for `seconds`. Percentiles come from every response time rather than
 * autocannon's summary, which has no p95 and rounds to whole milliseconds (too coarse for the bare server).
 */
export async function measureLoad(
  url: string,
  options: { seconds: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  const latencies: number[] = []
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration: options.seconds, headers: options.headers },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    )
    instance.on('response', (_client, _statusCode, _bytes, responseTime) => latencies.push(responseTime))
  })
  latencies.sort((a, b) => a - b)
  return {
    medianMs: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    requestsPerSecond: result.requests.average,
    requests: latencies.length,
    failures: result.non2xx + result.errors + result.timeouts,
  }
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], rank: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.max(0, Math.ceil((rank / 100) * sorted.length) - 1)]!
}
