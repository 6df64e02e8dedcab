/**
 * The index's binary files open the same way: a magic string naming the format and its
 * version, the byte lengths (u32 LE) of a JSON header and of the blob that follows it,
 * then the header. What comes after is each format's own.
 */

export interface Envelope<H> {
  header: H;
  /** Byte length of the blob after the header, as the file declares it. */
  blobLength: number;
  /** Offset just past the header. */
  at: number;
  /** Throws the format's "is corrupt" error. */
  fail: (why: string) => never;
}

/** Magic, lengths and header: the start of a file whose blob is `blobLength` bytes. */
export function envelopeHead(magic: string, header: unknown, blobLength: number): Buffer {
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const lengths = Buffer.alloc(8);
  lengths.writeUInt32LE(headerBytes.length, 0);
  lengths.writeUInt32LE(blobLength, 4);
  return Buffer.concat([Buffer.from(magic, 'latin1'), lengths, headerBytes]);
}

/** The header of a file written with `envelopeHead`; `what` names the file in errors. */
export function openEnvelope<H>(buf: Buffer, magic: string, what: string): Envelope<H> {
  const fail = (why: string): never => {
    throw new Error(`${what} is corrupt: ${why}`);
  };
  if (buf.length < magic.length + 8 || buf.toString('latin1', 0, magic.length) !== magic) fail('bad header');
  let at = magic.length;
  const headerLength = buf.readUInt32LE(at);
  const blobLength = buf.readUInt32LE(at + 4);
  at += 8;
  if (at + headerLength + blobLength > buf.length) fail('truncated header');
  let header: H;
  try {
    header = JSON.parse(buf.toString('utf8', at, at + headerLength)) as H;
  } catch {
    return fail('unreadable header');
  }
  return { header, blobLength, at: at + headerLength, fail };
}
