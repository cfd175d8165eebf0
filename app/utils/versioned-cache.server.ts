/**
 * Values computed under a version the database keeps, reused while the version stays the same. Concurrent
 * requests for a missing value share one computation; the least recently used key goes beyond `maxKeys`.
 */
export function createVersionedCache<Value>(maxKeys: number) {
  const entries = new Map<string, { version: string; value: Promise<Value> }>()
  return {
    get(key: string, version: string, compute: () => Promise<Value>): Promise<Value> {
      const cached = entries.get(key)
      entries.delete(key)
      if (cached?.version === version) {
        entries.set(key, cached)
        return cached.value
      }
      const value = compute()
      const entry = { version, value }
      entries.set(key, entry)
      // A failed computation is not kept: the next request tries again.
      value.catch(() => entries.get(key) === entry && entries.delete(key))
      if (entries.size > maxKeys) entries.delete(entries.keys().next().value!)
      return value
    },
  }
}
