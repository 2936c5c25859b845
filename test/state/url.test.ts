// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { absoluteUrl, pageParam, parseHash, readHash, replaceHashQuery } from '../../src/state/url';

describe('the app URL', () => {
  it('splits a hash into the panel route and its query', () => {
    expect(parseHash('#/train?epochs=2&lr=0.001')).toEqual({
      route: 'train',
      query: 'epochs=2&lr=0.001',
    });
    expect(parseHash('#/draw')).toEqual({ route: 'draw', query: '' });
    expect(parseHash('')).toEqual({ route: '', query: '' });
    expect(parseHash('#train?x=1')).toEqual({ route: 'train', query: 'x=1' });
  });

  it('rewrites the query of the current route, or of the fallback route, without a hashchange', () => {
    let changes = 0;
    window.addEventListener('hashchange', () => changes++);
    history.replaceState(null, '', '/?backend=wasm#/train?epochs=1');
    replaceHashQuery('epochs=3&act=sigmoid', 'train');
    expect(location.hash).toBe('#/train?epochs=3&act=sigmoid');
    expect(pageParam('backend')).toBe('wasm');
    history.replaceState(null, '', '/');
    replaceHashQuery('epochs=2', 'train');
    expect(readHash()).toEqual({ route: 'train', query: 'epochs=2' });
    expect(changes).toBe(0);
  });

  it('makes page-relative paths absolute for the worker', () => {
    history.replaceState(null, '', '/app/index.html#/train');
    expect(absoluteUrl('mnist/')).toBe(`${location.origin}/app/mnist/`);
  });
});
