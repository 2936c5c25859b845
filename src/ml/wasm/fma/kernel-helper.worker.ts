// The browser worker around a kernel-pool helper thread (kernel-helper.ts).
import { runHelper } from './kernel-helper';
import type { HelperStart } from './kernel-pool-protocol';

self.onmessage = (e: MessageEvent<HelperStart>) => {
  runHelper(e.data, (answer) => self.postMessage(answer));
  self.close();
};
