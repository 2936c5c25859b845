// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { FilePick } from '../../src/components/file-pick';
import { UploadImage } from '../../src/features/draw/upload-image';
import { I18nProvider } from '../../src/i18n/i18n-context';

afterEach(cleanup);

it('opens its hidden, named file input from a button of its own, and hands over the files', () => {
  const onFiles = vi.fn();
  render(
    <FilePick label="Your image:" button="Choose a file…" accept="image/*" onFiles={onFiles} />,
  );
  const input = screen.getByLabelText('Your image:') as HTMLInputElement;
  expect(input.type).toBe('file');
  // The button is the control: the input is out of the tab order.
  expect(input.tabIndex).toBe(-1);
  const opened = vi.spyOn(input, 'click');
  fireEvent.click(screen.getByRole('button', { name: 'Choose a file…' }));
  expect(opened).toHaveBeenCalledOnce();
  const file = new File(['x'], 'a.png', { type: 'image/png' });
  fireEvent.change(input, { target: { files: [file] } });
  expect(onFiles).toHaveBeenCalledWith([file]);
});

it('speaks the UI language on the Draw panel’s upload, not the browser’s', () => {
  localStorage.setItem('digit-lab.lang', 'zh-CN');
  render(
    <I18nProvider>
      <UploadImage onImage={() => undefined} />
    </I18nProvider>,
  );
  expect(screen.getByRole('button', { name: '上传图片…' })).toBeTruthy();
  expect((screen.getByLabelText('上传图片') as HTMLInputElement).type).toBe('file');
  localStorage.setItem('digit-lab.lang', 'en');
});
