/** How strongly a kernel answers a step edge of each direction, and a flat patch. */
export interface EdgeResponse {
  /** Largest |response| to a horizontal edge (dark above, bright below). */
  horizontal: number;
  /** Largest |response| to a vertical edge (dark left, bright right). */
  vertical: number;
  /** |response| to a flat patch: Σ kernel. */
  flat: number;
}

/**
 * A square kernel's response to ideal step edges. Over a step whose rows from `t` down are 1, the
 * response is the sum of the kernel's rows from `t` down; so each direction is a maximum of partial sums.
 */
export function edgeResponse(kernel: readonly number[], size: number): EdgeResponse {
  if (kernel.length !== size * size) throw new Error(`expected ${size * size} weights`);
  let horizontal = 0;
  let vertical = 0;
  for (let t = 1; t < size; t++) {
    let rows = 0;
    let cols = 0;
    for (let i = t; i < size; i++) {
      for (let j = 0; j < size; j++) {
        rows += kernel[i * size + j];
        cols += kernel[j * size + i];
      }
    }
    horizontal = Math.max(horizontal, Math.abs(rows));
    vertical = Math.max(vertical, Math.abs(cols));
  }
  const flat = Math.abs(kernel.reduce((a, b) => a + b, 0));
  return { horizontal, vertical, flat };
}

/** True for a kernel that finds horizontal edges: strong on them, at most a fifth of that elsewhere. */
export function detectsHorizontalEdges(kernel: readonly number[], size: number): boolean {
  const { horizontal, vertical, flat } = edgeResponse(kernel, size);
  return horizontal > 1e-6 && vertical <= 0.2 * horizontal && flat <= 0.2 * horizontal;
}
