import { expect, it } from 'vitest';
import { asStorageError, StorageError } from '../../src/ml/storage/storage-error';
import { errorText } from '../../src/i18n/error-text';
import { format, MESSAGES, type MessageKey } from '../../src/i18n/messages';

const t = (key: MessageKey, params?: Record<string, string | number>) =>
  format(MESSAGES.en[key], params);
const zh = (key: MessageKey, params?: Record<string, string | number>) =>
  format(MESSAGES['zh-CN'][key], params);

it('names a full disk even when the browser gives no message, in both languages', () => {
  // Chrome's QuotaExceededError: the name says it all, the message is empty.
  const quota = new DOMException('', 'QuotaExceededError');
  const err = asStorageError(quota);
  expect(err).toMatchObject({ problem: 'full', detail: 'QuotaExceededError' });
  expect(errorText(t, err)).toBe(
    'Storage is full: free space on this device or delete saved models, then try again.',
  );
  expect(errorText(zh, err)).toMatch(/^存储空间已满/);
});

it('tells blocked storage from other failures, and never says nothing', () => {
  expect(asStorageError(new DOMException('denied', 'SecurityError')).problem).toBe('blocked');
  expect(asStorageError(new DOMException('', 'UnknownError'), true).problem).toBe('blocked');
  const other = asStorageError(new DOMException('', 'DataCloneError'));
  expect(other.problem).toBe('failed');
  expect(errorText(t, other)).toBe('The browser could not store it (DataCloneError).');
  expect(asStorageError(other)).toBe(other);
  expect(errorText(t, new Error(''))).toBe('Error');
  expect(new StorageError('full', 'x').name).toBe('StorageError');
});
