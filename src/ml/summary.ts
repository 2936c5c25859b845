import type * as tf from '@tensorflow/tfjs';

/** One row of the model table: a layer, its output shape in PyTorch's C×H×W order, its parameters. */
export interface LayerSummary {
  name: string;
  /** The layer's kind in PyTorch terms, e.g. 'Conv2d + ReLU'. */
  kind: string;
  /** Output shape without the batch dimension, channels first, e.g. [16, 28, 28] or [1568]. */
  shape: number[];
  params: number;
}

interface ConvConfig {
  filters: number;
  kernelSize: number[];
  strides: number[];
  padding: string;
  activation: string;
}

const ACTIVATION_NAMES: Record<string, string> = { relu: 'ReLU', sigmoid: 'Sigmoid', linear: '' };

// Keras shapes are [H, W, C]; PyTorch (and the tutorial) write C×H×W.
function channelsFirst(shape: (number | null)[]): number[] {
  const s = shape.slice(1) as number[];
  return s.length === 3 ? [s[2], s[0], s[1]] : s;
}

/** The input and every layer of `model`, with shapes and parameter counts read from the model. */
export function summarizeModel(model: tf.LayersModel): LayerSummary[] {
  const input = channelsFirst(model.inputs[0].shape);
  const rows: LayerSummary[] = [{ name: 'input', kind: 'Input', shape: input, params: 0 }];
  for (const layer of model.layers) {
    const cls = layer.getClassName();
    const cfg = layer.getConfig() as unknown as ConvConfig;
    const act = ACTIVATION_NAMES[cfg.activation] ?? cfg.activation;
    const kind =
      cls === 'Conv2D'
        ? `Conv2d + ${act}`
        : cls === 'MaxPooling2D'
          ? 'MaxPool2d'
          : cls === 'Dense'
            ? 'Linear'
            : cls === 'Flatten'
              ? 'Flatten (view)'
              : cls;
    rows.push({
      name: layer.name,
      kind,
      shape: channelsFirst(layer.outputShape as (number | null)[]),
      params: layer.countParams(),
    });
  }
  return rows;
}

/**
 * The model as PyTorch's `print(cnn)` shows the tutorial's CNN: each conv block a Sequential of
 * Conv2d, activation and MaxPool2d, then the Linear output layer. Read from the model's layers.
 */
export function pytorchPrint(model: tf.LayersModel, className = 'CNN'): string {
  const lines = [`${className}(`];
  let inChannels = model.inputs[0].shape[3] as number;
  const layers = model.layers;
  for (let i = 0; i < layers.length; i++) {
    const layer = layers[i];
    const cls = layer.getClassName();
    if (cls === 'Conv2D') {
      const c = layer.getConfig() as unknown as ConvConfig;
      const [kh, kw] = c.kernelSize;
      const pad = c.padding === 'same' ? [(kh - 1) / 2, (kw - 1) / 2] : [0, 0];
      lines.push(`  (${layer.name}): Sequential(`);
      lines.push(
        `    (0): Conv2d(${inChannels}, ${c.filters}, kernel_size=(${kh}, ${kw}), stride=(${c.strides.join(', ')}), padding=(${pad.join(', ')}))`,
      );
      lines.push(`    (1): ${ACTIVATION_NAMES[c.activation] ?? c.activation}()`);
      const next = layers[i + 1];
      if (next?.getClassName() === 'MaxPooling2D') {
        const p = next.getConfig() as unknown as { poolSize: number[]; strides: number[] };
        lines.push(
          `    (2): MaxPool2d(kernel_size=${p.poolSize[0]}, stride=${p.strides[0]}, padding=0, dilation=1, ceil_mode=False)`,
        );
        i++;
      }
      lines.push('  )');
      inChannels = c.filters;
    } else if (cls === 'Dense') {
      const { units, useBias } = layer.getConfig() as unknown as {
        units: number;
        useBias: boolean;
      };
      const inFeatures = (layers[i - 1].outputShape as number[])[1];
      const bias = useBias ? 'True' : 'False';
      lines.push(
        `  (${layer.name}): Linear(in_features=${inFeatures}, out_features=${units}, bias=${bias})`,
      );
    }
  }
  lines.push(')');
  return lines.join('\n');
}
