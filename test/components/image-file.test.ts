import { describe, expect, it } from 'vitest';
import { decodeImageFile, ImageFileError, imageFileMessage } from '../../src/components/image-file';
import { format, MESSAGES, type Language, type MessageKey } from '../../src/i18n/messages';

/** The translate and number functions the app's I18nProvider gives, for one language. */
const i18n = (lang: Language) => ({
  t: (key: MessageKey, params?: Record<string, string | number>) =>
    format(MESSAGES[lang][key], params),
  num: (n: number) => n.toLocaleString(lang),
});

/** The problem a refused file is rejected with. */
const refusal = (file: Blob, name = 'f') =>
  decodeImageFile(file, name, 1024).then(
    () => 'decoded',
    (err: unknown) => (err instanceof ImageFileError ? err.problem : String(err)),
  );

describe('decoding an image file', () => {
  it('refuses empty, non-image and oversized files before decoding', async () => {
    expect(await refusal(new Blob([], { type: 'image/png' }))).toBe('empty');
    expect(await refusal(new Blob(['7'], { type: 'text/plain' }))).toBe('notImage');
    expect(
      await refusal(new Blob([new Uint8Array(30 * 1024 * 1024 + 1)], { type: 'image/png' })),
    ).toBe('tooLarge');
  });

  it('refuses a PNG whose header claims more than 10,000 px a side, without decoding it', async () => {
    const head = new Uint8Array(33);
    head.set([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82]);
    new DataView(head.buffer).setUint32(16, 50_000);
    new DataView(head.buffer).setUint32(20, 3);
    // Node has no createImageBitmap: reaching the decoder would fail differently.
    expect(await refusal(new Blob([head], { type: 'image/png' }), 'bomb.png')).toBe(
      'tooManyPixels',
    );
  });
});

describe('what the user is told', () => {
  it('names the file and the shared limits, in English and Chinese', () => {
    const big = new ImageFileError('tooLarge', 'huge.png');
    const wide = new ImageFileError('tooManyPixels', 'wide.png');
    expect(imageFileMessage(i18n('en'), big)).toBe(
      '“huge.png” is larger than 30 MB. Try a smaller image; the current image stays.',
    );
    expect(imageFileMessage(i18n('en'), wide)).toMatch(/^“wide\.png” is larger than 10,000 pixels/);
    expect(imageFileMessage(i18n('zh-CN'), big)).toBe(
      '“huge.png”超过 30 MB，请换一张小一点的图片；当前图像保持不变。',
    );
    expect(imageFileMessage(i18n('zh-CN'), wide)).toContain('10,000 像素');
  });

  it('has words for every refusal, and passes on an unexpected error', () => {
    for (const problem of ['empty', 'notImage', 'undecodable'] as const) {
      const message = imageFileMessage(i18n('en'), new ImageFileError(problem, 'x.png'));
      expect(message).toMatch(/^“x\.png” .*the current image stays\.$/);
    }
    expect(imageFileMessage(i18n('en'), new Error('2D canvas unavailable'))).toBe(
      'Could not load the image: 2D canvas unavailable',
    );
  });
});
