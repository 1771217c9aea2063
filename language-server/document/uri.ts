/**
 * Documents are named by URI in the protocol and by path in the assembler (diagnostics, symbols and
 * `.include` resolution all use paths). Unsaved documents (`untitled:`) keep their URI as the path:
 * they have no directory to resolve includes against, which is what the assembler then reports.
 */
import { fileURLToPath, pathToFileURL } from 'url';

export function uriToPath(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

export function pathToUri(path: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(path) && !/^[a-z]:[\\/]/i.test(path) ? path : pathToFileURL(path).href;
}
