/**
 * The documents the server knows: the ones open in the editor (their unsaved text wins) and the
 * files they `.include` (read from disk). Indexes are cached per document version.
 */
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { IncludeReader } from '../../emulator/asm/preprocess';
import { DocumentIndex, indexDocument } from './index';
import { pathToUri, uriToPath } from './uri';

export interface SourceFile {
  readonly uri: string;
  readonly path: string;
  readonly text: string;
}

/** The open documents, as the protocol layer keeps them (TextDocuments satisfies this). */
export interface OpenDocuments {
  get(uri: string): TextDocument | undefined;
  all(): TextDocument[];
}

const MAX_INCLUDE_DEPTH = 16;

export class Workspace {
  private readonly cache = new Map<string, { key: string; index: DocumentIndex }>();

  constructor(private readonly open: OpenDocuments) {}

  /** An open document by URI, or a file by path; undefined if neither can be read. */
  file(uriOrPath: string): SourceFile | undefined {
    const doc = this.open.get(uriOrPath) ?? this.openByPath(uriOrPath);
    if (doc !== undefined) return { uri: doc.uri, path: uriToPath(doc.uri), text: doc.getText() };
    const p = uriToPath(uriOrPath);
    try {
      return { uri: pathToUri(p), path: p, text: fs.readFileSync(p, 'utf8') };
    } catch {
      return undefined;
    }
  }

  private openByPath(p: string): TextDocument | undefined {
    return this.open.all().find((d) => uriToPath(d.uri) === p);
  }

  index(file: SourceFile): DocumentIndex {
    const doc = this.open.get(file.uri);
    const key = doc !== undefined ? `v${doc.version}` : file.text;
    const hit = this.cache.get(file.uri);
    if (hit !== undefined && hit.key === key) return hit.index;
    const index = indexDocument(file.path, file.text);
    this.cache.set(file.uri, { key, index });
    return index;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** How the assembler reads `.include`d files: open documents first, then the disk. */
  readonly readInclude: IncludeReader = (name, from) => {
    for (const candidate of includeCandidates(name, from)) {
      const found = this.file(candidate);
      if (found !== undefined) return { path: found.path, text: found.text };
    }
    return undefined;
  };

  /** The file an `.include "name"` in `from` reads, if it exists. */
  resolveInclude(name: string, from: SourceFile): SourceFile | undefined {
    for (const candidate of includeCandidates(name, from.path)) {
      const found = this.file(candidate);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /** The document and every file it includes, directly or not, each once. */
  family(root: SourceFile): SourceFile[] {
    const out: SourceFile[] = [];
    const visit = (file: SourceFile, depth: number) => {
      if (depth > MAX_INCLUDE_DEPTH || out.some((f) => f.path === file.path)) return;
      out.push(file);
      for (const inc of this.index(file).includes) {
        const child = this.resolveInclude(inc.file, file);
        if (child !== undefined) visit(child, depth + 1);
      }
    };
    visit(root, 0);
    return out;
  }
}

/** Where the assembler looks for an included file: next to the including file, then as written. */
function includeCandidates(name: string, from: string): string[] {
  if (path.isAbsolute(name)) return [name];
  return path.isAbsolute(from) ? [path.join(path.dirname(from), name), name] : [name];
}
