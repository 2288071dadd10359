import { describe, expect, it } from 'vitest';
import { contrastRatio, relativeLuminance } from '../../../scripts/compiler/contrast';

describe('contrast', () => {
  it('gives the WCAG extremes', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#abcdef', '#abcdef')).toBeCloseTo(1, 10);
  });

  it('matches known pairs', () => {
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2); // just fails AA
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2); // just passes AA
    expect(contrastRatio('#1d5c8c', '#ffffff')).toBeGreaterThan(4.5);
    expect(contrastRatio('#0000ff', '#ffffff')).toBeCloseTo(8.59, 2);
  });

  it('is symmetric and case-insensitive', () => {
    expect(contrastRatio('#FFFFFF', '#777777')).toBe(contrastRatio('#777777', '#ffffff'));
  });

  it('rejects malformed colours', () => {
    expect(() => relativeLuminance('#fff')).toThrow(/#rrggbb/);
  });
});
