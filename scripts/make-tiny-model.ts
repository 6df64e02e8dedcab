/**
 * Writes a tiny BERT-style embedding model (config, WordPiece tokenizer over Latin letters
 * with Vietnamese diacritics, an ONNX graph with seeded weights) that transformers.js loads
 * offline. Tests ship it under tests/fixtures/models so they exercise the real loading path.
 *
 *   npx tsx scripts/make-tiny-model.ts [--out DIR]
 *
 * The benchmark's model of the real one's size is scripts/bench/random-e5-model.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { alphabet, FLOAT, floatTensor, INT64, onnx, valueInfo } from './onnx-builder.js';
import { mulberry32 } from '../src/quiz/random.js';

export const TINY_MODEL_ID = 'briefbot/tiny-multilingual-test';
const HIDDEN_SIZE = 32;
const WEIGHT_SEED = 20251201;
const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

function vocabulary(): string[] {
  const letters = alphabet();
  return [...SPECIAL_TOKENS, ...letters, ...letters.filter((c) => /\p{L}|\p{N}/u.test(c)).map((c) => `##${c}`)];
}

/** token embeddings → linear → tanh: one output per token, `last_hidden_state`. */
function graphBytes(vocabSize: number): Uint8Array {
  const random = mulberry32(WEIGHT_SEED);
  const uniform = (n: number) => Float32Array.from({ length: n }, () => random() * 2 - 1);
  const graph = onnx.GraphProto.create({
    name: 'tiny-bert',
    node: [
      onnx.NodeProto.create({ opType: 'Gather', input: ['word_embeddings', 'input_ids'], output: ['embedded'], name: 'embed' }),
      onnx.NodeProto.create({ opType: 'MatMul', input: ['embedded', 'dense_weight'], output: ['projected'], name: 'dense' }),
      onnx.NodeProto.create({ opType: 'Add', input: ['projected', 'dense_bias'], output: ['biased'], name: 'bias' }),
      onnx.NodeProto.create({ opType: 'Tanh', input: ['biased'], output: ['last_hidden_state'], name: 'activation' }),
    ],
    initializer: [
      floatTensor('word_embeddings', [vocabSize, HIDDEN_SIZE], uniform(vocabSize * HIDDEN_SIZE)),
      floatTensor('dense_weight', [HIDDEN_SIZE, HIDDEN_SIZE], uniform(HIDDEN_SIZE * HIDDEN_SIZE).map((x) => x / Math.sqrt(HIDDEN_SIZE))),
      floatTensor('dense_bias', [HIDDEN_SIZE], uniform(HIDDEN_SIZE).map((x) => x / 10)),
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


const outFlag = process.argv.indexOf('--out');
const outDir = outFlag >= 0 ? process.argv[outFlag + 1] : undefined;
writeTinyModel(path.resolve(outDir ?? path.join('tests', 'fixtures', 'models', TINY_MODEL_ID)));
