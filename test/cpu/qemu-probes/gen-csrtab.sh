#!/bin/sh
# Emits a CSR stub table (default csrtab.S): for every CSR number, a read stub and a write-then-restore stub (16 bytes each).
{
  echo "  .text"; echo "  .option norvc"; echo '  .align 4'; echo '  .globl csr_read_tab'; echo 'csr_read_tab:'
  i=0; while [ $i -lt 4096 ]; do echo "  csrr a0, $i; ret; nop; nop"; i=$((i+1)); done
  echo '  .globl csr_write_tab'; echo 'csr_write_tab:'
  i=0; while [ $i -lt 4096 ]; do echo "  csrr t0, $i; csrw $i, a0; csrrw a0, $i, t0; ret"; i=$((i+1)); done
} > "${1:-csrtab.S}"
