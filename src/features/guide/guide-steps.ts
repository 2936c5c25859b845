/** The guided path: the tutorial's sections in order, each with the panel that shows it in full. */
export const GUIDE_STEPS = [
  { id: 'convolution', section: '1.1', panel: 'conv-lab' },
  { id: 'pooling', section: '1.2', panel: 'conv-lab' },
  { id: 'cnn', section: '1.3', panel: 'network' },
  { id: 'activations', section: '2.1', panel: 'concepts' },
  { id: 'loss', section: '2.2', panel: 'concepts' },
  { id: 'data', section: '2.3', panel: 'dataset' },
  { id: 'network', section: '2.4', panel: 'model' },
  { id: 'training', section: '2.5', panel: 'train' },
  { id: 'testing', section: '2.6', panel: 'evaluate' },
] as const;

/** A step of the guided path. */
export type GuideStepId = (typeof GUIDE_STEPS)[number]['id'];
