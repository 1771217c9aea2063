/** The hover of a directive: its operands and what it does. */
import { directiveDoc } from '../knowledge/directives';

export function directiveHover(name: string): string | undefined {
  const doc = directiveDoc(name);
  if (doc === undefined) return undefined;
  const usage = doc.usage === '' ? name.toLowerCase() : `${name.toLowerCase()} ${doc.usage}`;
  return `\`\`\`riscv-asm\n${usage}\n\`\`\`\n\n${doc.doc}`;
}
