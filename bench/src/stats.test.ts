import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatNumber,
  formatRatio,
  formatSummary,
  iqr,
  median,
  quantile,
  summarize,
} from './stats';

describe('median and quantiles', () => {
  it('takes the middle value of an odd sample and the mean of the two middle values of an even one', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('does not reorder the caller’s array', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('interpolates between order statistics', () => {
    expect(quantile([10, 20, 30, 40, 50], 0.25)).toBe(20);
    expect(quantile([10, 20], 0.25)).toBe(12.5);
    expect(quantile([10, 20, 30], 0)).toBe(10);
    expect(quantile([10, 20, 30], 1)).toBe(30);
  });

  it('ignores values that are not finite and gives NaN for an empty sample', () => {
    expect(median([1, Number.NaN, 3, Number.POSITIVE_INFINITY])).toBe(2);
    expect(median([])).toBeNaN();
    expect(iqr([])).toBeNaN();
  });

  it('measures spread as Q3 − Q1, unmoved by a single outlier', () => {
    expect(iqr([1, 2, 3, 4, 5])).toBe(2);
    expect(iqr([1, 2, 3, 4, 1000])).toBe(2);
  });

  it('summarizes a sample with its extremes', () => {
    expect(summarize([4, 2, 8, 6])).toEqual({ n: 4, median: 5, q1: 3.5, q3: 6.5, min: 2, max: 8 });
  });
});

describe('formatting', () => {
  it('rounds to three significant digits and groups thousands', () => {
    expect(formatNumber(1234567.89)).toBe('1,234,568');
    expect(formatNumber(12.345)).toBe('12.3');
    expect(formatNumber(0.012345)).toBe('0.012');
    expect(formatNumber(Number.NaN)).toBe('n/a');
  });

  it('formats ratios with two decimals, one past 10, and n/a when a side is missing or zero', () => {
    expect(formatRatio(1, 4)).toBe('0.25×');
    expect(formatRatio(30, 2)).toBe('15.0×');
    expect(formatRatio(1, 0)).toBe('n/a');
    expect(formatRatio(Number.NaN, 2)).toBe('n/a');
  });

  it('shows a summary as median with the interquartile range, or the lone value', () => {
    expect(formatSummary(summarize([1, 2, 3, 4, 5]))).toBe('3 (2–4)');
    expect(formatSummary(summarize([7]))).toBe('7');
    expect(formatSummary(summarize([]))).toBe('n/a');
  });

  it('shows bytes with their KiB', () => {
    expect(formatBytes(2048)).toBe('2,048 B (2.0 KiB)');
  });
});
