// Why an upload of model files was refused, in a form the UI can translate.

/** What was wrong with uploaded model files; `params` fill the UI message for `code`. */
export type ModelFileProblem =
  | { code: 'noJson'; params: Record<string, never> }
  | { code: 'manyJson'; params: { files: string } }
  | { code: 'jsonTooLarge'; params: { file: string; bytes: number; max: number } }
  | { code: 'notJson'; params: { file: string; reason: string } }
  | { code: 'notLayersModel'; params: { file: string; reason: string } }
  | { code: 'wrongTopology'; params: { reason: string } }
  | { code: 'wrongWeights'; params: { reason: string } }
  | { code: 'missingFile'; params: { file: string } }
  | { code: 'weightsTooLarge'; params: { bytes: number; max: number } }
  | { code: 'wrongSize'; params: { files: string; expected: number; actual: number } }
  | { code: 'notFinite'; params: { weight: string } }
  // PyTorch files (torch.save): see src/ml/torch/.
  | { code: 'torchEmpty'; params: { file: string } }
  | { code: 'torchNotRecognised'; params: { file: string } }
  | { code: 'torchTooLarge'; params: { file: string; bytes: number; max: number } }
  | { code: 'torchClaim'; params: { what: string; claimed: number; available: number } }
  | { code: 'torchDamaged'; params: { reason: string } }
  | { code: 'torchForbidden'; params: { name: string } }
  | { code: 'torchNoWeights'; params: { found: string } }
  | { code: 'torchKeys'; params: { missing: string; extra: string } }
  | { code: 'torchShape'; params: { key: string; shape: string; expected: string } }
  | { code: 'torchDtype'; params: { key: string; dtype: string } }
  | { code: 'overflows'; params: Record<string, never> };

/** Thrown by `parseModelFiles`; carries a problem the UI can translate. */
export class ModelFileError extends Error {
  constructor(readonly problem: ModelFileProblem) {
    super(`${problem.code}: ${JSON.stringify(problem.params)}`);
    this.name = 'ModelFileError';
  }
}

/** True for a plain (non-array) object. */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Throws the problem as a ModelFileError. */
export function fail(problem: ModelFileProblem): never {
  throw new ModelFileError(problem);
}
