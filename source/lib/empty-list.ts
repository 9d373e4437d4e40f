// One frozen empty array for every empty list kept by the thousand (a record's GPUs, capabilities,
// host ports, init containers, affinity values; a pod view's events): most have none, and an empty
// array is still an object of its own. Frozen, so a write into it fails loudly instead of reaching
// every other holder.

export const EMPTY_LIST: readonly never[] = Object.freeze([]);

/** `list`, or the shared empty list when it has nothing. */
export const orEmptyList = <T>(list: T[]): T[] => (list.length === 0 ? (EMPTY_LIST as unknown as T[]) : list);
