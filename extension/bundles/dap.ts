/** dist/dap.js: the debug adapter as a process of its own, speaking DAP on stdin/stdout. */
import { dapMain } from '../../debug-adapter/main';

void dapMain(process.argv.slice(2)).then((code) => process.exit(code));
