/*
 * UART input: waits for received bytes (LSR data-ready), echoes each one upper-cased, and exits through
 * the test finisher after a newline. Used by the CLI test that feeds stdin to the guest.
 */
    .section .text.init, "ax"
    .globl _start
_start:
    li s0, 0x10000000        /* UART */
1:  lbu t0, 5(s0)            /* LSR */
    andi t0, t0, 0x01        /* DR: a byte is waiting */
    beqz t0, 1b
    lbu a0, 0(s0)            /* RBR */
    li t1, 'a'
    bltu a0, t1, 2f
    li t1, 'z'
    bgtu a0, t1, 2f
    addi a0, a0, 'A' - 'a'
2:  lbu t0, 5(s0)
    andi t0, t0, 0x20        /* THRE */
    beqz t0, 2b
    sb a0, 0(s0)
    li t1, '\n'
    bne a0, t1, 1b
    li t0, 0x100000          /* SiFive test finisher */
    li t1, 0x5555            /* pass */
    sw t1, 0(t0)
3:  j 3b
