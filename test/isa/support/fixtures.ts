import * as path from 'path';

/** test/fixtures/isa, from the compiled test's location (out/test/isa/...). */
export const ISA_FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/isa');

export function fixturePath(name: string): string {
  return path.join(ISA_FIXTURES, name);
}
