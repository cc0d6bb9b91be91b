/**
 * Direct labels at the end of lines must not overlap: this spreads label positions apart by at least a minimum gap
 * (in data units), keeping them as close as possible to their lines and in the same order.
 */

/**
 * Positions for labels wanted at `values`, at least `gap` apart, in input order.
 *
 * @example
 * dodgeLabels([10, 11, 30], 4); // [8.5, 12.5, 30]
 */
export function dodgeLabels(values: readonly number[], gap: number): number[] {
  const order = values.map((value, index) => ({value, index})).sort((a, b) => a.value - b.value || a.index - b.index);
  // Place labels bottom-up, each at least `gap` above the previous; then shift every cluster down to centre it on
  // its lines (repeating while clusters merge).
  const clusters: {members: typeof order; top: number}[] = [];
  for (const item of order) {
    clusters.push({members: [item], top: 0});
    for (;;) {
      const last = clusters[clusters.length - 1];
      const mean = last.members.reduce((sum, m) => sum + m.value, 0) / last.members.length;
      const start = mean - ((last.members.length - 1) * gap) / 2;
      last.top = start;
      const previous = clusters[clusters.length - 2];
      if (previous && previous.top + (previous.members.length - 1) * gap + gap > start) {
        previous.members.push(...last.members);
        clusters.pop();
        continue;
      }
      break;
    }
  }
  const positions = new Array<number>(values.length);
  for (const cluster of clusters) cluster.members.forEach((m, i) => (positions[m.index] = cluster.top + i * gap));
  return positions;
}
