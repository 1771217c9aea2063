/*
 * The assembly example guest: prints a banner on the UART, then echoes every byte typed on the
 * console upper-cased. No runtime, no stack needed beyond ra: a first look at RV32 code.
 */
    .equ UART, 0x10000000
    .equ LSR, 5                 /* line status register */
    .equ LSR_DR, 0x01           /* a received byte is waiting */
    .equ LSR_THRE, 0x20         /* the transmitter can take a byte */

    .section .text.init, "ax"
    .globl _start
_start:
    li s0, UART
    la a0, banner
    call puts

echo:
    call getc
    li t1, 'a'
    bltu a0, t1, 1f
    li t1, 'z'
    bgtu a0, t1, 1f
    addi a0, a0, 'A' - 'a'
1:  li t1, '\r'
    bne a0, t1, 2f
    call putc                   /* a terminal sends CR for Enter: answer with CR LF */
    li a0, '\n'
2:  call putc
    j echo

/* putc(a0): waits for room in the transmitter, then sends one byte. */
    .globl putc
putc:
    lbu t0, LSR(s0)
    andi t0, t0, LSR_THRE
    beqz t0, putc
    sb a0, 0(s0)
    ret

/* getc() -> a0: waits for a received byte. */
    .globl getc
getc:
    lbu t0, LSR(s0)
    andi t0, t0, LSR_DR
    beqz t0, getc
    lbu a0, 0(s0)
    ret

/* puts(a0): sends a NUL-terminated string; keeps ra in t2 since putc is a leaf. */
    .globl puts
puts:
    mv t2, ra
    mv t3, a0
3:  lbu a0, 0(t3)
    beqz a0, 4f
    call putc
    addi t3, t3, 1
    j 3b
4:  mv ra, t2
    ret

    .section .rodata
banner:
    .string "Hello from the Translucent assembly example! Type and I echo in capitals.\r\n"
