import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs` (for "updated 3s ago" and fading change marks). */
export function useTick(intervalMs: number, now: () => number = Date.now): number {
  const [time, setTime] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setTime(now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, now]);
  return time;
}
