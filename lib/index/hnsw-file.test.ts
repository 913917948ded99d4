import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import hnswlib from 'hnswlib-node';
import { describe, expect, it } from 'vitest';
import { readStoredPoints } from './hnsw-file';

function savedIndex(points: number[][]): { file: Buffer; index: hnswlib.HierarchicalNSW } {
  const index = new hnswlib.HierarchicalNSW('cosine', points[0]!.length);
  index.initIndex(points.length, 16, 40, 100);
  points.forEach((p, i) => index.addPoint(p, i * 3 + 1));
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'hnsw-file-')), 'hnswlib.index');
  index.writeIndexSync(file);
  return { file: readFileSync(file), index };
}

describe('readStoredPoints', () => {
  const points = Array.from({ length: 50 }, (_, i) => Array.from({ length: 8 }, (_, d) => ((i * 7 + d * 3) % 11) - 5));

  it('reads every label and vector exactly as the index gives them point by point', () => {
    const { file, index } = savedIndex(points);
    const read = readStoredPoints(file, 8, (l) => index.getPoint(l))!;
    expect(read.map((p) => p.label)).toEqual(points.map((_, i) => i * 3 + 1));
    for (const p of read) expect([...p.vector]).toEqual(index.getPoint(p.label));
  });

  it('gives null, for a point-by-point read, when the file is not the layout it knows or disagrees with the index', () => {
    const { file, index } = savedIndex(points);
    expect(readStoredPoints(file.subarray(0, 40), 8, (l) => index.getPoint(l))).toBeNull();
    expect(readStoredPoints(file, 4096, (l) => index.getPoint(l))).toBeNull();
    expect(readStoredPoints(file, 8, (l) => index.getPoint(l).map((x) => x + 1))).toBeNull();
  });
});
