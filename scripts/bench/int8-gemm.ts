/**
 * What this CPU's int8 path can do for the embedder: the matrix products of one e5-small layer
 * (Q, K, V and output 384×384, feed-forward 384×1536 and 1536×384) on a batch's tokens, as the q8
 * model runs them (onnxruntime's MatMulInteger: uint8 activations × int8 weights), timed through
 * onnxruntime-node (the runtime transformers.js runs on) with the embedder's own session options;
 * then the same products in fp32 (MatMul). Measured, so that the embedding figures have a ceiling
 * to be read against: the linear layers are some 96% of e5-small's multiply-adds at 90 tokens.
 *
 *   node --import tsx scripts/bench/int8-gemm.ts   prints {"int8_macs_per_s": …, "fp32_macs_per_s": …, …}
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import * as ort from 'onnxruntime-node';
import { sessionOptions } from '../../src/retrieval/embedder.js';
import { FLOAT, floatTensor, int8Tensor, onnx, valueInfo, type TensorProto } from '../onnx-builder.js';
import { E5 } from './random-e5-model.js';

const HIDDEN = E5.hidden;
const INTERMEDIATE = E5.intermediate;
/** Tokens of a batch: the embedder's 16 passages of about 90 tokens. */
const TOKENS = 16 * 96;
/** The six products of a layer: [in, out]. */
const SHAPES: Array<[number, number]> = [[HIDDEN, HIDDEN], [HIDDEN, HIDDEN], [HIDDEN, HIDDEN], [HIDDEN, HIDDEN], [HIDDEN, INTERMEDIATE], [INTERMEDIATE, HIDDEN]];
/** Multiply-adds of a layer's products per token: 1,769,472. */
const LAYER_MACS_PER_TOKEN = SHAPES.reduce((sum, [i, o]) => sum + i * o, 0);
const WARMUP_RUNS = 3;
const TIMED_RUNS = 20;

const UINT8 = onnx.TensorProto.DataType.UINT8;
const INT32 = onnx.TensorProto.DataType.INT32;

function layerProducts(int8: boolean): Uint8Array {
  const initializers: TensorProto[] = [];
  const nodes = SHAPES.map(([inDim, outDim], i) => {
    const weights = `w${i}`;
    if (int8) initializers.push(int8Tensor(weights, [inDim, outDim], Int8Array.from({ length: inDim * outDim }, (_x, j) => ((j * 37) % 255) - 127)));
    else initializers.push(floatTensor(weights, [inDim, outDim], Float32Array.from({ length: inDim * outDim }, (_x, j) => (((j * 37) % 255) - 127) / 127)));
    return onnx.NodeProto.create({ opType: int8 ? 'MatMulInteger' : 'MatMul', input: [inDim === HIDDEN ? 'narrow' : 'wide', weights], output: [`y${i}`], name: `product${i}` });
  });
  const type = int8 ? UINT8 : FLOAT;
  const graph = onnx.GraphProto.create({
    name: 'e5-small layer products',
    node: nodes,
    initializer: initializers,
    input: [valueInfo('narrow', type, [TOKENS, HIDDEN]), valueInfo('wide', type, [TOKENS, INTERMEDIATE])],
    output: SHAPES.map(([, outDim], i) => valueInfo(`y${i}`, int8 ? INT32 : FLOAT, [TOKENS, outDim])),
  });
  return onnx.ModelProto.encode(onnx.ModelProto.create({ irVersion: 8, producerName: 'briefbot bench', opsetImport: [{ domain: '', version: 17 }], graph })).finish();
}

async function macsPerSecond(int8: boolean): Promise<number> {
  const session = await ort.InferenceSession.create(layerProducts(int8), sessionOptions(availableParallelism()));
  const input = (width: number): ort.Tensor =>
    int8 ? new ort.Tensor('uint8', Uint8Array.from({ length: TOKENS * width }, (_x, j) => (j * 13) % 256), [TOKENS, width]) : new ort.Tensor('float32', Float32Array.from({ length: TOKENS * width }, (_x, j) => ((j * 13) % 256) / 255), [TOKENS, width]);
  const feeds = { narrow: input(HIDDEN), wide: input(INTERMEDIATE) };
  for (let r = 0; r < WARMUP_RUNS; r++) await session.run(feeds);
  const started = performance.now();
  for (let r = 0; r < TIMED_RUNS; r++) await session.run(feeds);
  const seconds = (performance.now() - started) / 1000;
  await session.release();
  return (TIMED_RUNS * TOKENS * LAYER_MACS_PER_TOKEN) / seconds;
}

const int8 = await macsPerSecond(true);
const fp32 = await macsPerSecond(false);
console.log(JSON.stringify({ threads: availableParallelism(), tokens: TOKENS, layer_macs_per_token: LAYER_MACS_PER_TOKEN, int8_macs_per_s: Math.round(int8), fp32_macs_per_s: Math.round(fp32) }));
