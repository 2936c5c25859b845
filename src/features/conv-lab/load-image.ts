import { decodeImageFile, type ImagePixels } from '../../components/image-file';
import { rgbaToGrayL, type GrayImage } from '../../ml/image';

/** Longest side the lab works on; larger images are scaled down first. */
export const IMAGE_CAP = 1024;

/** An image ready for the lab: grayscale pixels 0–255 plus where it came from and its original size. */
export interface LabImage {
  gray: GrayImage;
  name: string;
  originalWidth: number;
  originalHeight: number;
  scaled: boolean;
}

/** Turns decoded pixels into the lab's image, grayscaled the way PIL's convert('L') does. */
export function toLabImage(pixels: ImagePixels, name: string): LabImage {
  const { rgba, width, height, originalWidth, originalHeight, scaled } = pixels;
  return { gray: rgbaToGrayL(rgba, width, height), name, originalWidth, originalHeight, scaled };
}

/** Checks and decodes a file or fetched blob; rejects with ImageFileError for a refused file. */
export async function loadImageFile(blob: Blob, name: string): Promise<LabImage> {
  return toLabImage(await decodeImageFile(blob, name, IMAGE_CAP), name);
}

/** Fetches and decodes one of the bundled samples. */
export async function loadSample(file: string): Promise<LabImage> {
  const res = await fetch(`${import.meta.env.BASE_URL}samples/${file}`);
  if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`);
  return loadImageFile(await res.blob(), file);
}
