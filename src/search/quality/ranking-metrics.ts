/*
 * Ranking measures over graded judgements (article → 2 highly, 1 partly; absent → 0).
 * `ranked` is the engine's order, best first.
 */

export type Grades = Readonly<Record<string, number>>;

/** The share of the first k results that are relevant at all; a short list counts its missing places as misses. */
export function precisionAt(k: number, ranked: readonly string[], grades: Grades): number {
  return ranked.slice(0, k).filter((id) => (grades[id] ?? 0) > 0).length / k;
}

/**
 * Normalized discounted cumulative gain at k: gain 2^grade − 1, discounted by log2(rank + 1),
 * divided by the same sum over the best order the judgements allow (1 for a perfect list).
 */
export function ndcgAt(k: number, ranked: readonly string[], grades: Grades): number {
  const ideal = dcg(
    Object.values(grades)
      .filter((g) => g > 0)
      .sort((a, b) => b - a)
      .slice(0, k),
  );
  if (ideal === 0) return 0;
  return dcg(ranked.slice(0, k).map((id) => grades[id] ?? 0)) / ideal;
}

function dcg(gradesInOrder: readonly number[]): number {
  return gradesInOrder.reduce((sum, grade, i) => sum + (2 ** grade - 1) / Math.log2(i + 2), 0);
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
