/** dist/lsp.js: the RISC-V assembly language server as a process (`node dist/lsp.js --stdio`). */
import { lspMain } from '../../language-server/main';

void lspMain(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
