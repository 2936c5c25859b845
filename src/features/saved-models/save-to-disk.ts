import { downloadBlob as download } from '../../components/download';
import type { LayersModelFiles } from '../../ml/model-files';

/**
 * Downloads model.json and its weights file, as `tf.io.browserDownloads` does. That handler
 * ('downloads://') is not registered in our production bundle ("Cannot find any save handlers"),
 * so this does its job.
 */
export function saveToDisk(files: LayersModelFiles, jsonName: string): void {
  download(new Blob([files.json], { type: 'application/json' }), jsonName);
  download(new Blob([files.weights], { type: 'application/octet-stream' }), files.weightsName);
}

/** Name of the PyTorch file the panel downloads. */
export const TORCH_FILE_NAME = 'digit-lab-cnn.pkl';

/** Downloads a PyTorch state_dict file made by torchStateDictFile. */
export function saveTorchToDisk(bytes: Uint8Array<ArrayBuffer>): void {
  download(new Blob([bytes], { type: 'application/octet-stream' }), TORCH_FILE_NAME);
}
