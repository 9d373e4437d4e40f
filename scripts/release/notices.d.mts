// Types for notices.mjs.
export function runtimeNotice(): Promise<string>;
export function archiveNotices(distNotices: string): Promise<string>;
