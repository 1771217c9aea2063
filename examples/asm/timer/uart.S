/*
 * Console output on the board's NS16550A UART, by polling: putc waits until the transmitter can
 * take a byte, puts sends a string one putc at a time.
 */
    .include "board.inc"

    .text
/* putc(a0 = byte): changes t0 and t1. */
    .globl putc
putc:
    li t0, UART
1:  lbu t1, UART_LSR(t0)
    andi t1, t1, LSR_THRE
    beqz t1, 1b
    sb a0, 0(t0)
    ret

/* puts(a0 = NUL-terminated string): changes a0, a1, t0 and t1. */
    .globl puts
puts:
    addi sp, sp, -16
    sw ra, 12(sp)
    mv a1, a0
2:  lbu a0, 0(a1)
    beqz a0, 3f
    call putc
    addi a1, a1, 1
    j 2b
3:  lw ra, 12(sp)
    addi sp, sp, 16
    ret
