/*
 * A riscv-tests style program: a few checks with the test number in gp; the result goes to the
 * `tohost` symbol (1 = pass, (TESTNUM << 1) | 1 = fail). Runs on QEMU's spike board (HTIF) and on
 * Translucent's virt board, which maps tohost when the ELF defines it. No console output.
 */
#include "htif-common.h"

#define TEST_RR(n, op, res, a, b) \
    li gp, n; li x1, a; li x2, b; op x5, x1, x2; li x6, res; bne x5, x6, fail

    .section .text.init, "ax"
    .globl _start
_start:
    TEST_RR(2, add, 0x80000000, 0x7fffffff, 1)
    TEST_RR(3, sub, 0xffffffff, 0, 1)
    TEST_RR(4, sra, 0xffffffff, 0x80000000, 31)
    TEST_RR(5, sltu, 1, 0, 0xffffffff)
    TEST_RR(6, mul, 0x00000001, 0xffffffff, 0xffffffff)
    TEST_RR(7, div, 0x80000000, 0x80000000, 0xffffffff)
    TEST_RR(8, remu, 5, 5, 0)
    /* a memory round trip */
    li gp, 9
    la x1, scratch
    li x2, 0x12345678
    sw x2, 0(x1)
    lbu x5, 3(x1)
    li x6, 0x12
    bne x5, x6, fail
    /* csr: mscratch */
    li gp, 10
    li x1, 0xabcd
    csrw mscratch, x1
    csrr x2, mscratch
    bne x1, x2, fail
pass:
    li t0, 1
    li t1, 0
    HTIF_WRITE(t0, t1)
1:  j 1b
fail:
    slli t0, gp, 1
    ori t0, t0, 1
    li t1, 0
    HTIF_WRITE(t0, t1)
2:  j 2b

    .data
    .balign 4
scratch: .word 0

HTIF_SECTION
