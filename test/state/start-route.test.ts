// @vitest-environment jsdom
import { afterEach, expect, it, vi } from 'vitest';
import { rememberRoute, startRoute } from '../../src/state/start-route';

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
});

it('opens the guide on a first visit, then the panel last shown', () => {
  expect(startRoute(['guide', 'train'])).toBe('guide');
  rememberRoute('train');
  expect(startRoute(['guide', 'train'])).toBe('train');
  // A route this version no longer has falls back to the guide.
  rememberRoute('gone');
  expect(startRoute(['guide', 'train'])).toBe('guide');
});

it('opens the guide when the browser refuses site data', () => {
  rememberRoute('train');
  vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
    throw new DOMException('blocked', 'SecurityError');
  });
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
    throw new DOMException('blocked', 'SecurityError');
  });
  expect(startRoute(['guide', 'train'])).toBe('guide');
  expect(() => rememberRoute('dataset')).not.toThrow();
});
