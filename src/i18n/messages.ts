import * as common from './strings/common';
import * as concepts from './strings/concepts';
import * as convLab from './strings/conv-lab';
import * as dataset from './strings/dataset';
import * as draw from './strings/draw';
import * as evaluate from './strings/evaluate';
import * as experiments from './strings/experiments';
import * as explain from './strings/explain';
import * as guide from './strings/guide';
import * as model from './strings/model';
import * as myDigits from './strings/my-digits';
import * as network from './strings/network';
import * as offline from './strings/offline';
import * as savedModels from './strings/saved-models';
import * as speed from './strings/speed';
import * as training from './strings/training';

// Each feature keeps its strings in its own file; this table merges them.
const en = {
  ...common.en,
  ...dataset.en,
  ...model.en,
  ...training.en,
  ...draw.en,
  ...network.en,
  ...convLab.en,
  ...concepts.en,
  ...evaluate.en,
  ...savedModels.en,
  ...experiments.en,
  ...explain.en,
  ...guide.en,
  ...myDigits.en,
  ...speed.en,
  ...offline.en,
};
const zh: Record<keyof typeof en, string> = {
  ...common.zh,
  ...dataset.zh,
  ...model.zh,
  ...training.zh,
  ...draw.zh,
  ...network.zh,
  ...convLab.zh,
  ...concepts.zh,
  ...evaluate.zh,
  ...savedModels.zh,
  ...experiments.zh,
  ...explain.zh,
  ...guide.zh,
  ...myDigits.zh,
  ...speed.zh,
  ...offline.zh,
};

/** Languages the UI speaks. */
export const LANGUAGES = ['en', 'zh-CN'] as const;
/** A UI language. */
export type Language = (typeof LANGUAGES)[number];
/** Key of a UI string. */
export type MessageKey = keyof typeof en;

/** Every UI string, per language. */
export const MESSAGES: Record<Language, Record<MessageKey, string>> = { en, 'zh-CN': zh };

/** Fills `{name}` placeholders in a template. */
export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
