// Pausable components: a paused scheduler keeps its work until resumed (scenarios use this to
// build "admitted, then its profile was deleted before launch" states; tests to hold pods Pending).
// 'eks-profiles' holds profile transitions (CREATING -> ACTIVE, DELETING -> gone) and
// 'eks-updates' the end of a control-plane update, so a test can watch a client poll a profile
// that is still CREATING (or a cluster still UPDATING), however slow the machine.

export type Component = 'fargate-scheduler' | 'default-scheduler' | 'eks-profiles' | 'eks-updates';

export class Gates {
  private readonly paused = new Set<Component>();
  private readonly deferred = new Map<Component, (() => void)[]>();

  isPaused(c: Component): boolean {
    return this.paused.has(c);
  }

  pause(c: Component): void {
    this.paused.add(c);
  }

  resume(c: Component): void {
    this.paused.delete(c);
    const work = this.deferred.get(c) ?? [];
    this.deferred.delete(c);
    for (const fn of work) fn();
  }

  /** Run `fn` now, or on resume if `c` is paused. */
  run(c: Component, fn: () => void): void {
    if (!this.paused.has(c)) return fn();
    const list = this.deferred.get(c) ?? [];
    list.push(fn);
    this.deferred.set(c, list);
  }
}
