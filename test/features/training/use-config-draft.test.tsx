// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { useConfigDraft } from '../../../src/features/training/use-config-draft';

const follow = (hash: string) =>
  act(() => {
    // What a followed link does: a new hash, then a hashchange event.
    history.replaceState(null, '', hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });

beforeEach(() => history.replaceState(null, '', '#/train?epochs=3&act=relu'));
afterEach(cleanup);

it('follows a link opened in the open tab while no run goes on', () => {
  const { result } = renderHook(() => useConfigDraft(false));
  expect(result.current.draft.epochs).toBe('3');
  follow('#/train?epochs=2&act=sigmoid');
  expect(result.current.draft).toMatchObject({ epochs: '2', activation: 'sigmoid' });
  expect(result.current.held).toBeNull();
  // A link to another panel leaves the form as it is.
  follow('#/draw');
  expect(result.current.draft.activation).toBe('sigmoid');
});

it('holds a link opened during a run, and fills the form with it once the run ends', () => {
  const { result, rerender } = renderHook(({ busy }) => useConfigDraft(busy), {
    initialProps: { busy: true },
  });
  follow('#/train?epochs=2&act=sigmoid');
  // The running run's settings stay in the form; the link's are held.
  expect(result.current.draft).toMatchObject({ epochs: '3', activation: 'relu' });
  expect(result.current.held).toMatchObject({ epochs: '2', activation: 'sigmoid' });
  expect(result.current.result).toMatchObject({ ok: true, config: { activation: 'relu' } });

  rerender({ busy: false });
  expect(result.current.draft).toMatchObject({ epochs: '2', activation: 'sigmoid' });
  expect(result.current.held).toBeNull();
  // A next run keeps them: nothing snaps back to the old run's settings.
  rerender({ busy: true });
  expect(result.current.draft).toMatchObject({ epochs: '2', activation: 'sigmoid' });
  expect(result.current.held).toBeNull();
});

it('writes an edited field into the link', () => {
  const { result } = renderHook(() => useConfigDraft(false));
  act(() => result.current.setField('seed', '9'));
  expect(location.hash).toBe(
    '#/train?epochs=3&batch=50&lr=0.001&opt=adam&act=relu&init=pytorch&seed=9',
  );
});
