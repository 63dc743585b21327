import { describe, expect, it } from 'vitest';
import { interleave } from './context';
import { judge, table } from './report';

describe('judge', () => {
  it('reports met or not met from the numbers, and not measured yet when one is missing', () => {
    expect(judge('g', [1, 2], () => true, 'd').status).toBe('met');
    expect(judge('g', [1, 2], () => false, 'd').status).toBe('not met');
    expect(judge('g', [1, Number.NaN], () => true, 'd').status).toBe('not measured yet');
  });
});

describe('table', () => {
  it('renders a Markdown table and escapes pipes in cells', () => {
    expect(table(['a', 'b'], [['1', 'x|y']])).toEqual(['| a | b |', '| --- | --- |', '| 1 | x\\|y |']);
  });
});

describe('interleave', () => {
  it('alternates A and B, reversing the order every other round', async () => {
    const order: string[] = [];
    await interleave(3, ['A', 'B'], (v, round) => void order.push(`${v}${round}`));
    expect(order).toEqual(['A0', 'B0', 'B1', 'A1', 'A2', 'B2']);
  });
});
