// Run `work` over items with at most `limit` running at once. The results come back as one
// promise per item, in the items' order, so a caller can write item 1 while item 5 still runs.
// A rejected item rejects only its own promise.

export function mapBounded<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R>[] {
  const settle: Array<{ resolve: (value: R) => void; reject: (error: unknown) => void }> = [];
  const results = items.map(
    () =>
      new Promise<R>((resolve, reject) => {
        settle.push({ resolve, reject });
      }),
  );
  // Marked handled: a failure waits for the caller's await instead of ending the process.
  for (const result of results) result.catch(() => {});
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      try {
        settle[index]!.resolve(await work(items[index]!, index));
      } catch (error) {
        settle[index]!.reject(error);
      }
    }
  };
  for (let i = 0; i < Math.min(Math.max(1, limit), items.length); i++) void worker();
  return results;
}
