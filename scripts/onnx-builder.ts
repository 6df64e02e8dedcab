/**
 * Small helpers to write ONNX graphs with the `onnx-proto` protobuf definitions: the tiny test
 * model and the benchmark's random-weight e5 model are both built from these.
 */
import onnxProto from 'onnx-proto';

export const { onnx } = onnxProto;
export type TensorProto = InstanceType<typeof onnx.TensorProto>;
export type NodeProto = InstanceType<typeof onnx.NodeProto>;
export type ValueInfoProto = InstanceType<typeof onnx.ValueInfoProto>;

export const FLOAT = onnx.TensorProto.DataType.FLOAT;
export const INT8 = onnx.TensorProto.DataType.INT8;
export const INT64 = onnx.TensorProto.DataType.INT64;

export function floatTensor(name: string, dims: number[], values: Float32Array): TensorProto {
  return onnx.TensorProto.create({ name, dims, dataType: FLOAT, rawData: new Uint8Array(values.buffer, values.byteOffset, values.byteLength) });
}

export function int8Tensor(name: string, dims: number[], values: Int8Array): TensorProto {
  return onnx.TensorProto.create({ name, dims, dataType: INT8, rawData: new Uint8Array(values.buffer, values.byteOffset, values.byteLength) });
}

export function int64Tensor(name: string, values: number[]): TensorProto {
  return onnx.TensorProto.create({ name, dims: [values.length], dataType: INT64, int64Data: values });
}

export function valueInfo(name: string, elemType: number, dims: Array<number | string>): ValueInfoProto {
  return onnx.ValueInfoProto.create({
    name,
    type: { tensorType: { elemType, shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } } },
  });
}

/** Latin letters, Vietnamese vowels with every tone mark, đ, digits and punctuation, NFC. */
export function alphabet(): string[] {
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
