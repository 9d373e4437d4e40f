// Names, uids and addresses. Seeded, so a scenario yields the same pod names every run.

/** mulberry32: small, fast, good enough for names. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The alphabet of k8s.io/apimachinery/pkg/util/rand (no vowels, no look-alikes). */
const SAFE = 'bcdfghjklmnpqrstvwxz2456789';

export function randomSuffix(rand: () => number, n = 5): string {
  let s = '';
  for (let i = 0; i < n; i++) s += SAFE[Math.floor(rand() * SAFE.length)];
  return s;
}

export function uuid(rand: () => number): string {
  const hex = (n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(rand() * 16).toString(16);
    return s;
  };
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(rand() * 4)]}${hex(3)}-${hex(12)}`;
}

/**
 * pod-template-hash / controller-revision-hash: fnv-1a 32 of the template, its decimal digits
 * mapped through the safe alphabet (what rand.SafeEncodeString(fmt.Sprint(hash)) does).
 */
export function templateHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return [...String(h)].map((d) => SAFE[d.charCodeAt(0) % SAFE.length]).join('');
}

/** Hands out unique VPC addresses 10.0.x.y (then 10.1.x.y ... for very large clusters). */
export class IpAllocator {
  private readonly used = new Set<string>();
  constructor(private readonly rand: () => number) {}

  reserve(ip: string): void {
    this.used.add(ip);
  }

  release(ip: string): void {
    this.used.delete(ip);
  }

  /** A fresh address; `third` pins the third octet (an EC2 node's pods share its /24). */
  next(third?: number): string {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const second = Math.floor(this.used.size / 60_000);
      const c = third ?? 2 + Math.floor(this.rand() * 253);
      const d = 2 + Math.floor(this.rand() * 252);
      const ip = `10.${second}.${c}.${d}`;
      if (!this.used.has(ip)) {
        this.used.add(ip);
        return ip;
      }
    }
    // Dense /24: walk it.
    for (let c = 0; c < 256; c++)
      for (let d = 2; d < 255; d++) {
        const ip = `10.${Math.floor(this.used.size / 60_000) + 1}.${third ?? c}.${d}`;
        if (!this.used.has(ip)) {
          this.used.add(ip);
          return ip;
        }
      }
    throw new Error('sim: out of addresses');
  }
}
