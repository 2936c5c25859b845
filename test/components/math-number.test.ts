import { expect, it } from 'vitest';
import { mathNumber } from '../../src/components/math-number';

it('writes ordinary numbers with 4 decimals', () => {
  expect(mathNumber(0.1234567)).toBe('0.1235');
  expect(mathNumber(29.36011)).toBe('29.3601');
  expect(mathNumber(-13.41553)).toBe('-13.4155');
  expect(mathNumber(0)).toBe('0.0000');
  expect(mathNumber(0.001)).toBe('0.0010');
});

it('writes numbers that 4 decimals would show as 0 in scientific notation', () => {
  // e^-29.36 is what a 7 predicted at 100% gives the label 0.
  expect(mathNumber(Math.exp(-29.3601))).toBe('1.8 × 10⁻¹³');
  expect(mathNumber(Math.exp(-13.4155))).toBe('1.5 × 10⁻⁶');
  expect(mathNumber(0.00099)).toBe('9.9 × 10⁻⁴');
  expect(mathNumber(-2.5e-8)).toBe('−2.5 × 10⁻⁸');
  // The written value is the number to 2 significant digits.
  const text = mathNumber(1.63e-13);
  const [m, e] = text.split(' × 10');
  const exp = Number(
    e.replace('⁻', '-').replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => String('⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c))),
  );
  expect(Number(m) * 10 ** exp).toBeCloseTo(1.6e-13, 20);
});
