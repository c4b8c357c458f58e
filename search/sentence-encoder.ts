import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { Tokenizer } from '@huggingface/tokenizers'
import type { InferenceSession, Tensor } from 'onnxruntime-node'

// English sentence embeddings, in-process on the CPU: all-MiniLM-L6-v2 (sentence-transformers,
// Apache-2.0), int8-quantized ONNX, shipped in search/models/ (see its README). Two texts about the
// same subject in different words get close vectors, which word statistics cannot see. The model
// reads English only: the matcher asks it about texts written in Latin script.

const MODEL_DIR = path.resolve(process.cwd(), 'search/models/all-minilm-l6-v2')
const MODEL_FILE = path.join(MODEL_DIR, 'model_quantized.onnx')
/** Word pieces read of a text, as sentence-transformers sets this model (max_seq_length 256). */
const MAX_TOKENS = 256
export const VECTOR_SIZE = 384

interface Encoder {
  session: InferenceSession
  tokenizer: Tokenizer
  Tensor: typeof Tensor
  cls: number
  sep: number
}

let encoder: Promise<Encoder> | null = null
let fingerprint: string | null = null

function loadEncoder(): Promise<Encoder> {
  encoder ??= (async () => {
    // Loaded on first use: a process that never matches English texts never pays for the runtime.
    const ort = await import('onnxruntime-node')
    const tokenizer = new Tokenizer(JSON.parse(fs.readFileSync(path.join(MODEL_DIR, 'tokenizer.json'), 'utf8')), {})
    const session = await ort.InferenceSession.create(MODEL_FILE, { graphOptimizationLevel: 'all' })
    return { session, tokenizer, Tensor: ort.Tensor, cls: tokenizer.token_to_id('[CLS]')!, sep: tokenizer.token_to_id('[SEP]')! }
  })()
  encoder.catch(() => {
    encoder = null
  })
  return encoder
}

/** Which model makes the vectors: vectors made by another are not comparable and are made again. */
export function encoderFingerprint(): string {
  fingerprint ??= createHash('sha256').update(fs.readFileSync(MODEL_FILE)).digest('hex').slice(0, 16)
  return fingerprint
}

/** Whether the model can read the text: it is written mostly in Latin letters (English). */
export function readsEnglish(text: string): boolean {
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0
  const cyrillic = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0
  return latin > cyrillic
}

/** The vectors of the texts the model reads (readsEnglish), each text made once. */
export async function encodeEnglish(texts: Iterable<string>): Promise<Map<string, Float32Array>> {
  const wanted = [...new Set(texts)].filter(readsEnglish)
  const vectors = await encodeSentences(wanted)
  return new Map(wanted.map((text, index) => [text, vectors[index]]))
}

/**
 * One unit-length vector per text: the mean of the model's token states over the text's first
 * MAX_TOKENS word pieces, as sentence-transformers pools this model. The cosine of two texts is the
 * dot product of their vectors.
 */
export async function encodeSentences(texts: readonly string[]): Promise<Float32Array[]> {
  if (texts.length === 0) return []
  const model = await loadEncoder()
  const vectors: Float32Array[] = []
  for (const text of texts) vectors.push(await encodeOne(model, text))
  return vectors
}

/**
 * One text at a time: the quantized model scales its activations over the whole input, padding
 * included, so a text padded in a batch would get a vector that depends on its neighbours.
 */
async function encodeOne(model: Encoder, text: string): Promise<Float32Array> {
  const sequence = [model.cls, ...model.tokenizer.encode(text, { add_special_tokens: false }).ids.slice(0, MAX_TOKENS - 2), model.sep]
  const shape = [1, sequence.length]
  const output = await model.session.run({
    input_ids: new model.Tensor('int64', BigInt64Array.from(sequence, BigInt), shape),
    attention_mask: new model.Tensor('int64', new BigInt64Array(sequence.length).fill(1n), shape),
    token_type_ids: new model.Tensor('int64', new BigInt64Array(sequence.length), shape),
  })
  const states = output.last_hidden_state.data as Float32Array
  const vector = new Float32Array(VECTOR_SIZE)
  for (let token = 0; token < sequence.length; token++) {
    for (let d = 0; d < VECTOR_SIZE; d++) vector[d] += states[token * VECTOR_SIZE + d]
  }
  const norm = Math.hypot(...vector) || 1
  for (let d = 0; d < VECTOR_SIZE; d++) vector[d] /= norm
  return vector
}
