import { describe, expect, it } from 'vitest';
import { warmUpSteps } from '../../src/engine/warm';

describe('warm-up steps', () => {
  it('are several small steps that run without throwing and leave the engine answering real drafts', async () => {
    const steps = warmUpSteps();
    expect(steps.length).toBeGreaterThanOrEqual(3);
    for (const step of steps) expect(() => step()).not.toThrow();
    // the engine still answers a real draft after warming (warm-up state never leaks into it)
    const { analyze } = await import('../../src/engine/analyze');
    const found = analyze('Pt Marisol Vega, MRN 88123390, seen Friday.');
    expect(found.some((f) => f.type === 'MRN')).toBe(true);
    expect(found.every((f) => !f.text.includes('Thornton'))).toBe(true);
  });
});
