/**
 * Every base mnemonic's translator, in one record: the type makes a missing instruction a compile error.
 * The semantics live in the per-extension files this gathers.
 */
import { BaseMnemonic } from '../isa/types';
import { TransFn } from './context';
import { ALU_TRANSLATORS } from './rv32i-alu';
import { MEM_TRANSLATORS } from './rv32i-mem';
import { BRANCH_TRANSLATORS } from './rv32i-branch';
import { M_TRANSLATORS } from './rv32m';
import { A_TRANSLATORS } from './rv32a';
import { CSR_TRANSLATORS } from './zicsr';
import { SYSTEM_TRANSLATORS } from './system';

export const TRANSLATORS: Readonly<Record<BaseMnemonic, TransFn>> = {
  ...ALU_TRANSLATORS,
  ...MEM_TRANSLATORS,
  ...BRANCH_TRANSLATORS,
  ...M_TRANSLATORS,
  ...A_TRANSLATORS,
  ...CSR_TRANSLATORS,
  ...SYSTEM_TRANSLATORS,
};
