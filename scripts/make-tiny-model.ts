/**
 * Writes a tiny BERT-style embedding model (config, WordPiece tokenizer over Latin letters
 * with Vietnamese diacritics, an ONNX graph with seeded weights) that transformers.js loads
 * offline. Tests ship it under tests/fixtures/models so they exercise the real loading path.
 *
 *   npx tsx scripts/make-tiny-model.ts [--out DIR]
 *
 * With --e5-small-architecture it writes instead a RANDOM-WEIGHT model with exactly
 * multilingual-e5-small's shape (12 layers, hidden 384, 12 heads, intermediate 1536,
 * vocabulary 250,037, XLM-R-style Unigram tokenizer), fp32 only, into
 * models/briefbot/random-e5-small: its compute cost is the real model's, for the benchmark.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import onnxProto from 'onnx-proto';
import { mulberry32 } from '../src/quiz/random.js';

const { onnx } = onnxProto;

export const TINY_MODEL_ID = 'briefbot/tiny-multilingual-test';
const HIDDEN_SIZE = 32;
const WEIGHT_SEED = 20251201;
const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

/** Latin letters, Vietnamese vowels with every tone mark, đ, digits and punctuation, NFC. */
function alphabet(): string[] {
  const chars = new Set<string>();
  for (let c = 0x61; c <= 0x7a; c++) chars.add(String.fromCharCode(c));
  for (let c = 0x30; c <= 0x39; c++) chars.add(String.fromCharCode(c));
  for (const c of '.,;:!?()"\'-–/%&') chars.add(c);
  const tones = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
  for (const vowel of ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']) {
    for (const tone of tones) chars.add(`${vowel}${tone}`.normalize('NFC'));
  }
  chars.add('đ');
  for (const c of [...chars]) chars.add(c.toUpperCase());
  return [...chars].sort();
}

function vocabulary(): string[] {
  const letters = alphabet();
  return [...SPECIAL_TOKENS, ...letters, ...letters.filter((c) => /\p{L}|\p{N}/u.test(c)).map((c) => `##${c}`)];
}

function tensor(name: string, dims: number[], values: Float32Array): InstanceType<typeof onnx.TensorProto> {
  return onnx.TensorProto.create({ name, dims, dataType: onnx.TensorProto.DataType.FLOAT, rawData: new Uint8Array(values.buffer) });
}

function valueInfo(name: string, elemType: number, dims: Array<number | string>): InstanceType<typeof onnx.ValueInfoProto> {
  return onnx.ValueInfoProto.create({
    name,
    type: { tensorType: { elemType, shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } } },
  });
}

/** token embeddings → linear → tanh: one output per token, `last_hidden_state`. */
function graphBytes(vocabSize: number): Uint8Array {
  const random = mulberry32(WEIGHT_SEED);
  const uniform = (n: number) => Float32Array.from({ length: n }, () => random() * 2 - 1);
  const INT64 = onnx.TensorProto.DataType.INT64;
  const FLOAT = onnx.TensorProto.DataType.FLOAT;
  const graph = onnx.GraphProto.create({
    name: 'tiny-bert',
    node: [
      onnx.NodeProto.create({ opType: 'Gather', input: ['word_embeddings', 'input_ids'], output: ['embedded'], name: 'embed' }),
      onnx.NodeProto.create({ opType: 'MatMul', input: ['embedded', 'dense_weight'], output: ['projected'], name: 'dense' }),
      onnx.NodeProto.create({ opType: 'Add', input: ['projected', 'dense_bias'], output: ['biased'], name: 'bias' }),
      onnx.NodeProto.create({ opType: 'Tanh', input: ['biased'], output: ['last_hidden_state'], name: 'activation' }),
    ],
    initializer: [
      tensor('word_embeddings', [vocabSize, HIDDEN_SIZE], uniform(vocabSize * HIDDEN_SIZE)),
      tensor('dense_weight', [HIDDEN_SIZE, HIDDEN_SIZE], uniform(HIDDEN_SIZE * HIDDEN_SIZE).map((x) => x / Math.sqrt(HIDDEN_SIZE))),
      tensor('dense_bias', [HIDDEN_SIZE], uniform(HIDDEN_SIZE).map((x) => x / 10)),
    ],
    input: [
      valueInfo('input_ids', INT64, ['batch_size', 'sequence_length']),
      valueInfo('attention_mask', INT64, ['batch_size', 'sequence_length']),
      valueInfo('token_type_ids', INT64, ['batch_size', 'sequence_length']),
    ],
    output: [valueInfo('last_hidden_state', FLOAT, ['batch_size', 'sequence_length', HIDDEN_SIZE])],
  });
  const model = onnx.ModelProto.create({ irVersion: 7, producerName: 'briefbot make-tiny-model', opsetImport: [{ domain: '', version: 13 }], graph });
  return onnx.ModelProto.encode(model).finish();
}

function tokenizerJson(vocab: string[]): object {
  const token = (id: number, content: string) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((t, i) => token(i, t)),
    normalizer: { type: 'NFC' },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }, { Sequence: { id: 'B', type_id: 1 } }, { SpecialToken: { id: '[SEP]', type_id: 1 } }],
      special_tokens: { '[CLS]': { id: '[CLS]', ids: [2], tokens: ['[CLS]'] }, '[SEP]': { id: '[SEP]', ids: [3], tokens: ['[SEP]'] } },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: Object.fromEntries(vocab.map((t, i) => [t, i])) },
  };
}

export function writeTinyModel(outDir: string): void {
  const vocab = vocabulary();
  mkdirSync(path.join(outDir, 'onnx'), { recursive: true });
  const config = {
    model_type: 'bert', architectures: ['BertModel'], hidden_size: HIDDEN_SIZE, num_hidden_layers: 1, num_attention_heads: 1,
    intermediate_size: HIDDEN_SIZE, vocab_size: vocab.length, max_position_embeddings: 512, type_vocab_size: 2, pad_token_id: 0,
  };
  writeFileSync(path.join(outDir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
  writeFileSync(path.join(outDir, 'tokenizer.json'), JSON.stringify(tokenizerJson(vocab)));
  const tokenizerConfig = {
    tokenizer_class: 'BertTokenizer', do_lower_case: false, model_max_length: 512, unk_token: '[UNK]', pad_token: '[PAD]',
    cls_token: '[CLS]', sep_token: '[SEP]', mask_token: '[MASK]', clean_up_tokenization_spaces: true,
  };
  writeFileSync(path.join(outDir, 'tokenizer_config.json'), `${JSON.stringify(tokenizerConfig, null, 2)}\n`);
  const graph = graphBytes(vocab.length);
  // fp32 loads onnx/model.onnx; q8 loads onnx/model_quantized.onnx (same graph: the test model needs no real quantisation).
  writeFileSync(path.join(outDir, 'onnx', 'model.onnx'), graph);
  writeFileSync(path.join(outDir, 'onnx', 'model_quantized.onnx'), graph);
}


export const RANDOM_E5_MODEL_ID = 'briefbot/random-e5-small';
const E5 = { layers: 12, hidden: 384, heads: 12, intermediate: 1536, vocab: 250_037 } as const;

function e5GraphBytes(): Uint8Array {
  const random = mulberry32(WEIGHT_SEED);
  const INT64 = onnx.TensorProto.DataType.INT64;
  const FLOAT = onnx.TensorProto.DataType.FLOAT;
  const initializers: Array<InstanceType<typeof onnx.TensorProto>> = [];
  const nodes: Array<InstanceType<typeof onnx.NodeProto>> = [];
  let counter = 0;
  const weight = (dims: number[], scale: number): string => {
    const name = `w${counter++}`;
    const n = dims.reduce((a, b) => a * b, 1);
    const values = new Float32Array(n);
    for (let i = 0; i < n; i++) values[i] = (random() * 2 - 1) * scale;
    initializers.push(tensor(name, dims, values));
    return name;
  };
  const constant = (values: number[], fill: number): string => {
    const name = `c${counter++}`;
    initializers.push(tensor(name, [values.length], Float32Array.from(values.length === 0 ? [fill] : values)));
    return name;
  };
  const int64 = (values: number[]): string => {
    const name = `i${counter++}`;
    initializers.push(onnx.TensorProto.create({ name, dims: [values.length], dataType: INT64, int64Data: values }));
    return name;
  };
  const node = (opType: string, input: string[], attribute: Array<Record<string, unknown>> = []): string => {
    const output = `n${counter++}`;
    nodes.push(onnx.NodeProto.create({ opType, input, output: [output], name: output, attribute }));
    return output;
  };
  const H = E5.hidden;
  const headDim = H / E5.heads;
  const layerNorm = (x: string): string => node('LayerNormalization', [x, constant(Array(H).fill(1), 1), constant(Array(H).fill(0), 0)], [{ name: 'axis', type: 2, i: -1 }, { name: 'epsilon', type: 1, f: 1e-12 }]);
  const linear = (x: string, inDim: number, outDim: number): string => node('Add', [node('MatMul', [x, weight([inDim, outDim], 1 / Math.sqrt(inDim))]), weight([outDim], 0.02)]);
  const perm = (p: number[]) => [{ name: 'perm', type: 7, ints: p }];
  const splitHeads = int64([0, 0, E5.heads, headDim]);
  const mergeHeads = int64([0, 0, H]);

  let h = layerNorm(node('Gather', [weight([E5.vocab, H], 0.1), 'input_ids']));
  const mask = node('Unsqueeze', [node('Cast', ['attention_mask'], [{ name: 'to', type: 2, i: FLOAT }]), int64([1, 2])]);
  const maskBias = node('Mul', [node('Sub', [constant([1], 1), mask]), constant([-10000], -10000)]);
  const scale = constant([1 / Math.sqrt(headDim)], 0);
  for (let layer = 0; layer < E5.layers; layer++) {
    const q = node('Transpose', [node('Reshape', [linear(h, H, H), splitHeads])], perm([0, 2, 1, 3]));
    const k = node('Transpose', [node('Reshape', [linear(h, H, H), splitHeads])], perm([0, 2, 3, 1]));
    const v = node('Transpose', [node('Reshape', [linear(h, H, H), splitHeads])], perm([0, 2, 1, 3]));
    const scores = node('Add', [node('Mul', [node('MatMul', [q, k]), scale]), maskBias]);
    const context = node('Reshape', [node('Transpose', [node('MatMul', [node('Softmax', [scores], [{ name: 'axis', type: 2, i: -1 }]), v])], perm([0, 2, 1, 3])), mergeHeads]);
    h = layerNorm(node('Add', [h, linear(context, H, H)]));
    const up = linear(h, H, E5.intermediate);
    const gelu = node('Mul', [node('Mul', [up, constant([0.5], 0.5)]), node('Add', [constant([1], 1), node('Erf', [node('Mul', [up, constant([Math.SQRT1_2], 0)])])])]);
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
  const model = onnx.ModelProto.create({ irVersion: 8, producerName: 'briefbot make-tiny-model', opsetImport: [{ domain: '', version: 17 }], graph });
  return onnx.ModelProto.encode(model).finish();
}

/** XLM-R-style Unigram tokenizer with exactly the e5 vocabulary size: letters first, then synthetic pieces. */
function e5TokenizerJson(): object {
  const specials = ['<s>', '<pad>', '</s>', '<unk>'];
  const letters = alphabet();
  const pieces: Array<[string, number]> = specials.map((t) => [t, 0]);
  for (const c of letters) pieces.push([`\u2581${c}`, -5], [c, -6]);
  for (let i = 0; pieces.length < E5.vocab - 1; i++) pieces.push([`\u2581${pick(letters, i)}${pick(letters, i * 7 + 3)}${i}`, -20]);
  pieces.push(['<mask>', 0]);
  const token = (id: number, content: string) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  return {
    version: '1.0', truncation: null, padding: null,
    added_tokens: [...specials.map((t, i) => token(i, t)), token(E5.vocab - 1, '<mask>')],
    normalizer: { type: 'NFC' },
    pre_tokenizer: { type: 'Metaspace', replacement: '\u2581', prepend_scheme: 'always', split: true },
    post_processor: { type: 'TemplateProcessing', single: [{ SpecialToken: { id: '<s>', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '</s>', type_id: 0 } }], pair: [], special_tokens: { '<s>': { id: '<s>', ids: [0], tokens: ['<s>'] }, '</s>': { id: '</s>', ids: [2], tokens: ['</s>'] } } },
    decoder: { type: 'Metaspace', replacement: '\u2581', prepend_scheme: 'always', split: true },
    model: { type: 'Unigram', unk_id: 3, vocab: pieces, byte_fallback: false },
  };
}

function pick(items: readonly string[], i: number): string {
  return items[i % items.length] ?? 'a';
}

export function writeRandomE5Model(outDir: string): void {
  mkdirSync(path.join(outDir, 'onnx'), { recursive: true });
  const config = { model_type: 'xlm-roberta', architectures: ['XLMRobertaModel'], hidden_size: E5.hidden, num_hidden_layers: E5.layers, num_attention_heads: E5.heads, intermediate_size: E5.intermediate, vocab_size: E5.vocab, max_position_embeddings: 514, type_vocab_size: 1, pad_token_id: 1 };
  writeFileSync(path.join(outDir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
  writeFileSync(path.join(outDir, 'tokenizer.json'), JSON.stringify(e5TokenizerJson()));
  const tokenizerConfig = { tokenizer_class: 'XLMRobertaTokenizer', model_max_length: 512, bos_token: '<s>', eos_token: '</s>', unk_token: '<unk>', pad_token: '<pad>', cls_token: '<s>', sep_token: '</s>', mask_token: '<mask>' };
  writeFileSync(path.join(outDir, 'tokenizer_config.json'), `${JSON.stringify(tokenizerConfig, null, 2)}\n`);
  writeFileSync(path.join(outDir, 'onnx', 'model.onnx'), e5GraphBytes());
}

const outFlag = process.argv.indexOf('--out');
const outDir = outFlag >= 0 ? process.argv[outFlag + 1] : undefined;
if (process.argv.includes('--e5-small-architecture')) {
  writeRandomE5Model(path.resolve(outDir ?? path.join('models', RANDOM_E5_MODEL_ID)));
} else {
  writeTinyModel(path.resolve(outDir ?? path.join('tests', 'fixtures', 'models', TINY_MODEL_ID)));
}
