// Fargate profiles as EKS holds them. Insertion order = creation order (the order the sim's
// ListFargateProfiles returns: the API promises no sort).
import type { ProfileStatus, Selector } from '../../domain/types.js';

export interface SimProfile {
  name: string;
  arn: string;
  status: ProfileStatus;
  selectors: Selector[];
  subnets: string[];
  podExecutionRoleArn: string;
  /** Epoch ms. */
  createdAt: number;
  tags: Record<string, string>;
  health: { issues: { code: string; message: string; resourceIds?: string[] }[] };
}

export type ProfileChange = { type: 'added' | 'status' | 'removed'; profile: SimProfile };

export class ProfileStore {
  private readonly map = new Map<string, SimProfile>();
  private readonly listeners = new Set<(c: ProfileChange) => void>();

  list(): SimProfile[] {
    return [...this.map.values()];
  }

  get(name: string): SimProfile | undefined {
    return this.map.get(name);
  }

  add(p: SimProfile): void {
    this.map.set(p.name, p);
    this.emit({ type: 'added', profile: p });
  }

  setStatus(name: string, status: ProfileStatus): SimProfile | undefined {
    const p = this.map.get(name);
    if (p === undefined) return undefined;
    p.status = status;
    this.emit({ type: 'status', profile: p });
    return p;
  }

  remove(name: string): SimProfile | undefined {
    const p = this.map.get(name);
    if (p === undefined) return undefined;
    this.map.delete(name);
    this.emit({ type: 'removed', profile: p });
    return p;
  }

  subscribe(fn: (c: ProfileChange) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(c: ProfileChange): void {
    for (const fn of this.listeners) fn(c);
  }
}
