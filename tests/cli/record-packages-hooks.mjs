// Module resolution hooks registered by record-packages.mjs.
import { appendFileSync } from 'node:fs';

let file;

export function initialize(data) {
  file = data.file;
}

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  const name = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//u.exec(resolved.url)?.[1];
  if (name !== undefined && file !== undefined) appendFileSync(file, `${name}\n`);
  return resolved;
}
