// Which pods name which node, so a node's watch event re-places only the pods on it. A Fargate
// node runs one pod, so most entries are a single key; an EC2 node's is a set: adding or dropping
// a pod is O(1) either way.
export class PodsByNode {
  private readonly byNode = new Map<string, string | Set<string>>();

  add(node: string, key: string): void {
    const on = this.byNode.get(node);
    if (on === undefined) this.byNode.set(node, key);
    else if (typeof on === 'string') {
      if (on !== key) this.byNode.set(node, new Set([on, key]));
    } else on.add(key);
  }

  delete(node: string, key: string): void {
    const on = this.byNode.get(node);
    if (on === undefined) return;
    if (typeof on === 'string') {
      if (on === key) this.byNode.delete(node);
      return;
    }
    on.delete(key);
    if (on.size === 0) this.byNode.delete(node);
  }

  /** The keys of the pods on `node` (none when no pod names it). */
  keysOn(node: string): Iterable<string> {
    const on = this.byNode.get(node);
    return on === undefined ? [] : typeof on === 'string' ? [on] : on;
  }
}
