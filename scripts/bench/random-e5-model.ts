/**
 * A RANDOM-WEIGHT model with exactly multilingual-e5-small's shape (12 layers, hidden 384,
 * 12 heads, intermediate 1536, vocabulary 250,037), for the benchmark: the real weights cannot
 * be downloaded here, and compute cost does not depend on the weights, only on the shape, the
 * number type and the number of tokens. Written in fp32 (onnx/model.onnx) and in q8
 * (onnx/model_quantized.onnx, what `EMBEDDING_DTYPE=q8`, the product's default, loads), the
 * latter in the form onnxruntime's dynamic quantisation gives the published q8 files:
 * int8 weights, DynamicQuantizeLinear + MatMulInteger for every linear layer, and a
 * DequantizeLinear after the word-embedding lookup.
 *
 * The tokenizer is an XLM-R-style Unigram whose pieces come from the repository's own articles
 * (English and Vietnamese), so that a passage yields about as many tokens as the real 250k
 * SentencePiece vocabulary gives (the bench prints tokens per passage): a word form found in at
 * least two articles is one piece, as common words and Vietnamese syllables are in the real
 * vocabulary; a rarer word (a name, a number, a rare form) splits into two-character pieces.
 * The rest of the 250,037 entries are pieces no text can match, so the embedding table has the
 * real size.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { FLOAT, floatTensor, INT64, int64Tensor, int8Tensor, onnx, valueInfo, type NodeProto, type TensorProto } from '../onnx-builder.js';
import { mulberry32 } from '../../src/quiz/random.js';

export const RANDOM_E5_MODEL_ID = 'briefbot/random-e5-small';
/** multilingual-e5-small's shape. */
export const E5 = { layers: 12, hidden: 384, heads: 12, intermediate: 1536, vocab: 250_037, maxPositions: 514 } as const;
const WEIGHT_SEED = 20251201;
/** Bumped whenever the graph or the tokenizer rules change, so a stale generated model is rewritten. */
const GENERATOR_VERSION = 3;
const STAMP_FILE = 'briefbot-bench-model.json';
/** A word form in at least this many articles is one piece (see the header). */
const WHOLE_PIECE_MIN_ARTICLES = 2;
/** Unigram log-probabilities: a whole word always beats its pieces, a pair beats two characters. */
const PAIR_PIECE_SCORE = -12;
const CHAR_PIECE_SCORE = -15;
/** e5's prefixes are common English words, whole pieces in the real vocabulary. */
const PREFIX_WORDS = ['query', 'passage'] as const;
const SPECIALS = ['<s>', '<pad>', '</s>', '<unk>'] as const;
const MASK = '<mask>';
/** Metaspace's word marker. */
const SPACE = '\u2581';

/** Splits as the Metaspace pre-tokenizer does (on whitespace), then into letters/digits and punctuation runs. */
function wordForms(text: string): string[] {
  return text.normalize('NFC').match(/[\p{L}\p{M}]+|\p{N}+|[^\s\p{L}\p{M}\p{N}]/gu) ?? [];
}

/** Unigram pieces from the articles' word forms; see the header for the rule. */
export function unigramPieces(articles: readonly string[]): Array<[string, number]> {
  const articleCount = new Map<string, number>();
  const occurrences = new Map<string, number>();
  let total = 0;
  for (const text of articles) {
    const forms = wordForms(text);
    for (const f of forms) occurrences.set(f, (occurrences.get(f) ?? 0) + 1);
    for (const f of new Set(forms)) articleCount.set(f, (articleCount.get(f) ?? 0) + 1);
    total += forms.length;
  }
  const pieces = new Map<string, number>();
  const add = (piece: string, score: number): void => {
    if ((pieces.get(piece) ?? -Infinity) < score) pieces.set(piece, score);
  };
  for (const word of PREFIX_WORDS) add(`${SPACE}${word}`, Math.log(1 / total));
  for (const [form, count] of occurrences) {
    const chars = [...form];
    for (const c of chars) {
      add(c, CHAR_PIECE_SCORE);
      add(`${SPACE}${c}`, CHAR_PIECE_SCORE);
    }
    for (let i = 0; i + 1 < chars.length; i++) add(`${chars[i]}${chars[i + 1]}`, PAIR_PIECE_SCORE);
    if (chars.length >= 2) add(`${SPACE}${chars[0]}${chars[1]}`, PAIR_PIECE_SCORE);
    if ((articleCount.get(form) ?? 0) >= WHOLE_PIECE_MIN_ARTICLES) {
      const score = Math.log(count / total);
      add(`${SPACE}${form}`, score);
      add(form, score);
    }
  }
  return [...pieces].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

function tokenizerJson(pieces: ReadonlyArray<[string, number]>): object {
  const vocab: Array<[string, number]> = SPECIALS.map((t) => [t, 0]);
  for (const p of pieces) if (vocab.length < E5.vocab - 1) vocab.push(p);
  // Private-use characters: pieces no article can contain, filling the table to the real size.
  for (let i = 0; vocab.length < E5.vocab - 1; i++) vocab.push([`${SPACE}\uE000${i.toString(36)}`, -30]);
  vocab.push([MASK, 0]);
  const token = (id: number, content: string) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  return {
    version: '1.0', truncation: null, padding: null,
    added_tokens: [...SPECIALS.map((t, i) => token(i, t)), token(E5.vocab - 1, MASK)],
    normalizer: { type: 'NFC' },
    pre_tokenizer: { type: 'Metaspace', replacement: SPACE, prepend_scheme: 'always', split: true },
    post_processor: { type: 'TemplateProcessing', single: [{ SpecialToken: { id: '<s>', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '</s>', type_id: 0 } }], pair: [], special_tokens: { '<s>': { id: '<s>', ids: [0], tokens: ['<s>'] }, '</s>': { id: '</s>', ids: [2], tokens: ['</s>'] } } },
    decoder: { type: 'Metaspace', replacement: SPACE, prepend_scheme: 'always', split: true },
    model: { type: 'Unigram', unk_id: 3, vocab, byte_fallback: false },
  };
}

/** Symmetric per-tensor int8, as onnxruntime's dynamic quantisation stores QInt8 weights. */
function quantize(values: Float32Array): { data: Int8Array; scale: number } {
  let max = 0;
  for (const v of values) max = Math.max(max, Math.abs(v));
  const scale = max === 0 ? 1 : max / 127;
  const data = new Int8Array(values.length);
  for (let i = 0; i < values.length; i++) data[i] = Math.round((values[i] ?? 0) / scale);
  return { data, scale };
}

/**
 * The transformer encoder, its operators in the order PyTorch exports BERT-style models (scores
 * divided by √d, GELU as x·(erf(x/√2)+1)·0.5), so onnxruntime fuses them as it fuses the real
 * model's; `quantized` writes the q8 form of the same weights.
 */
function graphBytes(quantized: boolean): Uint8Array {
  const random = mulberry32(WEIGHT_SEED);
  const initializers: TensorProto[] = [];
  const nodes: NodeProto[] = [];
  let counter = 0;
  const fresh = (prefix: string): string => `${prefix}${counter++}`;
  const randomValues = (n: number, scale: number): Float32Array => {
    const values = new Float32Array(n);
    for (let i = 0; i < n; i++) values[i] = (random() * 2 - 1) * scale;
    return values;
  };
  const floats = (dims: number[], values: Float32Array): string => {
    const name = fresh('w');
    initializers.push(floatTensor(name, dims, values));
    return name;
  };
  const scalar = (value: number): string => floats([], Float32Array.of(value));
  const vector = (length: number, fill: number): string => floats([length], new Float32Array(length).fill(fill));
  const int64 = (values: number[]): string => {
    const name = fresh('i');
    initializers.push(int64Tensor(name, values));
    return name;
  };
  const int8 = (dims: number[], values: Int8Array): string => {
    const name = fresh('q');
    initializers.push(int8Tensor(name, dims, values));
    return name;
  };
  const nodeOutputs = (opType: string, input: string[], outputs: number, attribute: Array<Record<string, unknown>> = []): string[] => {
    const output = Array.from({ length: outputs }, () => fresh('n'));
    nodes.push(onnx.NodeProto.create({ opType, input, output, name: fresh('op'), attribute }));
    return output;
  };
  const node = (opType: string, input: string[], attribute: Array<Record<string, unknown>> = []): string => nodeOutputs(opType, input, 1, attribute)[0] ?? '';

  const H = E5.hidden;
  const headDim = H / E5.heads;
  const layerNorm = (x: string): string => node('LayerNormalization', [x, vector(H, 1), vector(H, 0)], [{ name: 'axis', type: 2, i: -1 }, { name: 'epsilon', type: 1, f: 1e-12 }]);
  const linear = (x: string, inDim: number, outDim: number): string => {
    const weights = randomValues(inDim * outDim, 1 / Math.sqrt(inDim));
    const bias = floats([outDim], randomValues(outDim, 0.02));
    if (!quantized) return node('Add', [node('MatMul', [x, floats([inDim, outDim], weights)]), bias]);
    const q = quantize(weights);
    const [xq, xScale, xZero] = nodeOutputs('DynamicQuantizeLinear', [x], 3) as [string, string, string];
    const product = node('MatMulInteger', [xq, int8([inDim, outDim], q.data), xZero, int8([], Int8Array.of(0))]);
    const rescaled = node('Mul', [node('Cast', [product], [{ name: 'to', type: 2, i: FLOAT }]), node('Mul', [xScale, scalar(q.scale)])]);
    return node('Add', [rescaled, bias]);
  };
  const embeddings = (rows: number, indices: string): string => {
    const table = randomValues(rows * H, 0.1);
    if (!quantized) return node('Gather', [floats([rows, H], table), indices]);
    const q = quantize(table);
    return node('DequantizeLinear', [node('Gather', [int8([rows, H], q.data), indices]), scalar(q.scale), int8([], Int8Array.of(0))]);
  };
  const perm = (p: number[]) => [{ name: 'perm', type: 7, ints: p }];
  const splitHeads = int64([0, 0, E5.heads, headDim]);
  const mergeHeads = int64([0, 0, H]);

  // Positions 0…n-1 of each row (XLM-R offsets them by the padding id; the cost is the same).
  const positions = node('Sub', [node('CumSum', ['attention_mask', int64([1])]), 'attention_mask']);
  let h = layerNorm(node('Add', [embeddings(E5.vocab, 'input_ids'), embeddings(E5.maxPositions, positions)]));
  const mask = node('Unsqueeze', [node('Cast', ['attention_mask'], [{ name: 'to', type: 2, i: FLOAT }]), int64([1, 2])]);
  const maskBias = node('Mul', [node('Sub', [scalar(1), mask]), scalar(-10000)]);
  const scale = scalar(Math.sqrt(headDim));
  for (let layer = 0; layer < E5.layers; layer++) {
    const q = node('Transpose', [node('Reshape', [linear(h, H, H), splitHeads])], perm([0, 2, 1, 3]));
    const k = node('Transpose', [node('Reshape', [linear(h, H, H), splitHeads])], perm([0, 2, 3, 1]));
    const v = node('Transpose', [node('Reshape', [linear(h, H, H), splitHeads])], perm([0, 2, 1, 3]));
    const scores = node('Add', [node('Div', [node('MatMul', [q, k]), scale]), maskBias]);
    const context = node('Reshape', [node('Transpose', [node('MatMul', [node('Softmax', [scores], [{ name: 'axis', type: 2, i: -1 }]), v])], perm([0, 2, 1, 3])), mergeHeads]);
    h = layerNorm(node('Add', [h, linear(context, H, H)]));
    const up = linear(h, H, E5.intermediate);
    const gelu = node('Mul', [node('Mul', [up, node('Add', [node('Erf', [node('Div', [up, scalar(Math.SQRT2)])]), scalar(1)])]), scalar(0.5)]);
    h = layerNorm(node('Add', [h, linear(gelu, E5.intermediate, H)]));
  }
  nodes.push(onnx.NodeProto.create({ opType: 'Identity', input: [h], output: ['last_hidden_state'], name: 'output' }));
  const graph = onnx.GraphProto.create({
    name: 'random-e5-small',
    node: nodes,
    initializer: initializers,
    input: [valueInfo('input_ids', INT64, ['batch_size', 'sequence_length']), valueInfo('attention_mask', INT64, ['batch_size', 'sequence_length'])],
    output: [valueInfo('last_hidden_state', FLOAT, ['batch_size', 'sequence_length', H])],
  });
  const model = onnx.ModelProto.create({ irVersion: 8, producerName: 'briefbot bench', opsetImport: [{ domain: '', version: 17 }], graph });
  return onnx.ModelProto.encode(model).finish();
}

function stampOf(articles: readonly string[]): string {
  const hash = createHash('sha256');
  for (const a of articles) hash.update(a).update('\0');
  return JSON.stringify({ generator: GENERATOR_VERSION, articles: hash.digest('hex') });
}

/**
 * Writes the model into `outDir` unless the one there was written by this generator from the
 * same articles. Returns whether it wrote.
 */
export function ensureRandomE5Model(outDir: string, articles: readonly string[]): boolean {
  const stamp = stampOf(articles);
  const stampFile = path.join(outDir, STAMP_FILE);
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return false;
  mkdirSync(path.join(outDir, 'onnx'), { recursive: true });
  const config = { model_type: 'xlm-roberta', architectures: ['XLMRobertaModel'], hidden_size: E5.hidden, num_hidden_layers: E5.layers, num_attention_heads: E5.heads, intermediate_size: E5.intermediate, vocab_size: E5.vocab, max_position_embeddings: E5.maxPositions, type_vocab_size: 1, pad_token_id: 1 };
  writeFileSync(path.join(outDir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
  writeFileSync(path.join(outDir, 'tokenizer.json'), JSON.stringify(tokenizerJson(unigramPieces(articles))));
  const tokenizerConfig = { tokenizer_class: 'XLMRobertaTokenizer', model_max_length: 512, bos_token: '<s>', eos_token: '</s>', unk_token: '<unk>', pad_token: '<pad>', cls_token: '<s>', sep_token: '</s>', mask_token: MASK };
  writeFileSync(path.join(outDir, 'tokenizer_config.json'), `${JSON.stringify(tokenizerConfig, null, 2)}\n`);
  writeFileSync(path.join(outDir, 'onnx', 'model.onnx'), graphBytes(false));
  writeFileSync(path.join(outDir, 'onnx', 'model_quantized.onnx'), graphBytes(true));
  writeFileSync(stampFile, stamp);
  return true;
}
