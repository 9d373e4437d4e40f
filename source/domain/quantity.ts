// Kubernetes resource quantities ("250m", "1.5Gi", "1e9", "1G") -> plain numbers.
// Grammar (k8s.io/apimachinery resource.Quantity): <signed decimal><suffix>, suffix one of
// binary Ki Mi Gi Ti Pi Ei, decimal n u m "" k M G T P E, or an exponent e<int> / E<int>.

const SUFFIX: Record<string, number> = {
  '': 1,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/;

/** The quantity in base units (cores for cpu, bytes for memory); null when not a valid quantity. */
export function parseQuantity(text: string): number | null {
  const m = QUANTITY.exec(text.trim());
  if (m === null) return null;
  const num = Number(m[1]);
  if (!Number.isFinite(num)) return null;
  if (m[2] !== undefined) {
    const v = Number(`${m[1]}${m[2]}`);
    return Number.isFinite(v) ? v : null;
  }
  return num * (SUFFIX[m[3] ?? ''] ?? 1);
}

/**
 * A cluster's pods repeat a handful of quantities ("100m", "256Mi") tens of thousands of times:
 * remember the parsed ones (bounded, in case every pod is different).
 */
function remembered(parse: (text: string) => number | null): (text: string) => number | null {
  const known = new Map<string, number | null>();
  return (text) => {
    let value = known.get(text);
    if (value === undefined) {
      if (known.size >= 4096) known.clear();
      known.set(text, (value = parse(text)));
    }
    return value;
  };
}

/** CPU in millicores, rounded up like Kubernetes (no sub-milli precision); null if invalid. */
export const parseCpuMillis = remembered((text) => {
  const cores = parseQuantity(text);
  if (cores === null || cores < 0) return null;
  // Guard against float noise ("0.3" * 1000 = 300.00000000000006).
  return Math.ceil(Number((cores * 1000).toFixed(6)));
});

/** Memory in bytes, rounded up to a whole byte; null if invalid. */
export const parseMemoryBytes = remembered((text) => {
  const bytes = parseQuantity(text);
  if (bytes === null || bytes < 0) return null;
  return Math.ceil(Number(bytes.toFixed(3)));
});

export const MiB = 2 ** 20;
export const GiB = 2 ** 30;
