/*
 * HTIF console and exit code: prints a line through HTIF device 1 (console), command 1 (putchar),
 * waiting for the host to clear tohost after each character, then exits with status 3 by writing
 * (3 << 1) | 1 to tohost.
 */
#include "htif-common.h"

    .section .text.init, "ax"
    .globl _start
_start:
    la s0, msg
1:  lbu a0, 0(s0)
    beqz a0, 3f
    li t1, 0x01010000            /* device 1 << 24 | command 1 << 16 (high word) */
    HTIF_WRITE(a0, t1)
2:  la t5, tohost                /* wait until the host has taken it */
    lw t2, 0(t5)
    lw t3, 4(t5)
    or t2, t2, t3
    bnez t2, 2b
    la t5, fromhost              /* acknowledge the host's response */
    sw zero, 0(t5)
    sw zero, 4(t5)
    addi s0, s0, 1
    j 1b
3:  li t0, (3 << 1) | 1
    li t1, 0
    HTIF_WRITE(t0, t1)
4:  j 4b

    .section .rodata
msg: .asciz "HTIF console: hello from tohost\n"

HTIF_SECTION
