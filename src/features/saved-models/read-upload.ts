import { fail } from '../../ml/model-file-error';
import { checkUploadSizes, parseModelFiles, type ParsedModelFiles } from '../../ml/model-files';
import { MAX_TORCH_FILE_BYTES } from '../../ml/torch/archive';
import { parseTorchFile, type TorchImport } from '../../ml/torch/import';

/** Checked model files of either format, and how long reading and checking them took. */
export type ModelUpload = (
  | { kind: 'layers'; parsed: ParsedModelFiles }
  | { kind: 'torch'; parsed: TorchImport; file: string }
) & { ms: number };

/** One file that is not TensorFlow.js's model.json or weights .bin is taken for a torch.save file. */
export const isTorchUpload = (files: { name: string }[]) =>
  files.length === 1 && !/\.(json|bin)$/i.test(files[0].name);

/**
 * Reads and checks uploaded model files: TensorFlow.js (model.json + .bin) or one PyTorch file.
 * Sizes are checked before any file is read; throws ModelFileError saying what is wrong.
 */
export async function readModelUpload(files: File[]): Promise<ModelUpload> {
  const start = performance.now();
  if (isTorchUpload(files)) {
    const [f] = files;
    if (f.size > MAX_TORCH_FILE_BYTES) {
      fail({
        code: 'torchTooLarge',
        params: { file: f.name, bytes: f.size, max: MAX_TORCH_FILE_BYTES },
      });
    }
    const parsed = parseTorchFile(new Uint8Array(await f.arrayBuffer()), f.name);
    return { kind: 'torch', parsed, file: f.name, ms: performance.now() - start };
  }
  checkUploadSizes(files);
  const read = await Promise.all(
    files.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })),
  );
  return { kind: 'layers', parsed: parseModelFiles(read), ms: performance.now() - start };
}
