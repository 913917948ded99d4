/** hnswlib's saveIndex header: six size_t, an int, a uint32, three size_t, a double and a size_t. */
const HEADER_BYTES = 96;

/** One vector of an index file: the label it was added with and its components (as the index stores them, float32). */
export interface StoredPoint {
  label: number;
  vector: Float32Array;
}

/**
 * The vectors an hnswlib index file holds, read from the file itself (hnswlib's layout: the header, then each element's level-0
 * links, vector and label): some milliseconds for a few thousand chunks, where asking the loaded index for each point
 * (`getPoint`, one JavaScript array a point) takes half a second. Checked against `getPoint` at the first, middle and last
 * element; null when anything differs (another layout), and the caller asks point by point. Pure but for `getPoint`.
 *
 * @example
 * const points = readStoredPoints(await readFile(path.join(dir, 'hnswlib.index')), 512, (l) => index.getPoint(l));
 */
export function readStoredPoints(file: Buffer, dim: number, getPoint: (label: number) => number[]): StoredPoint[] | null {
  if (file.length < HEADER_BYTES) return null;
  const count = Number(file.readBigUInt64LE(16));
  const size = Number(file.readBigUInt64LE(24));
  const labelAt = Number(file.readBigUInt64LE(32));
  const dataAt = Number(file.readBigUInt64LE(40));
  if (count === 0 || HEADER_BYTES + count * size > file.length || dataAt + 4 * dim > size || labelAt + 8 > size) return null;
  const points: StoredPoint[] = [];
  for (let i = 0; i < count; i++) {
    const base = HEADER_BYTES + i * size;
    const vector = new Float32Array(dim);
    for (let d = 0; d < dim; d++) vector[d] = file.readFloatLE(base + dataAt + 4 * d);
    points.push({ label: Number(file.readBigUInt64LE(base + labelAt)), vector });
  }
  for (const p of [points[0]!, points[count >> 1]!, points[count - 1]!]) {
    let expected: number[];
    try {
      expected = getPoint(p.label);
    } catch {
      return null;
    }
    if (expected.length !== dim || expected.some((x, d) => x !== p.vector[d])) return null;
  }
  return points;
}
