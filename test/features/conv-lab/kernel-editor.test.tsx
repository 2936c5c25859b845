// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { KernelEditor, presetDraft } from '../../../src/features/conv-lab/kernel-editor';
import { I18nProvider } from '../../../src/i18n/i18n-context';

afterEach(cleanup);

it('says once, in either language, that the lab computes cross-correlation as PyTorch’s conv2d', () => {
  for (const [lang, words] of [
    ['en', /PyTorch’s conv2d.*cross-correlation/],
    ['zh-CN', /PyTorch 的 conv2d.*互相关/],
  ] as const) {
    localStorage.setItem('digit-lab.lang', lang);
    render(
      <I18nProvider>
        <KernelEditor draft={presetDraft('sobelX')} onChange={() => {}} />
      </I18nProvider>,
    );
    expect(screen.getAllByText(words)).toHaveLength(1);
    cleanup();
  }
});
