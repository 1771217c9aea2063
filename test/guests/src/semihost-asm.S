/*
 * RISC-V semihosting from plain assembly (no runtime, no UART): SYS_WRITEC, SYS_WRITE0, the
 * ":semihosting-features" magic file (SYS_OPEN, SYS_FLEN, SYS_READ, SYS_CLOSE), SYS_WRITE to ":tt",
 * and SYS_EXIT_EXTENDED with exit status 7. (Not SYS_ISTTY: QEMU answers for its own stdout.)
 * The semihosting call is the uncompressed sequence slli x0,x0,0x1f / ebreak / srai x0,x0,7,
 * which must not cross a page boundary (hence the alignment).
 */
    .option norvc
    .equ SYS_OPEN, 0x01
    .equ SYS_CLOSE, 0x02
    .equ SYS_WRITEC, 0x03
    .equ SYS_WRITE0, 0x04
    .equ SYS_WRITE, 0x05
    .equ SYS_READ, 0x06
    .equ SYS_FLEN, 0x0c
    .equ SYS_EXIT_EXTENDED, 0x20

    .section .text.init, "ax"
    .globl _start
_start:
    la sp, stack_top
    /* WRITE0 */
    li a0, SYS_WRITE0
    la a1, m_hello
    call semihost
    /* WRITEC, one character at a time */
    la s0, m_writec
1:  lbu t0, 0(s0)
    beqz t0, 2f
    la a1, chbuf
    sb t0, 0(a1)
    li a0, SYS_WRITEC
    call semihost
    addi s0, s0, 1
    j 1b
2:
    /* :semihosting-features: open (mode 0 = "r"), length, read all, close */
    la a1, blk
    la t0, m_features
    sw t0, 0(a1)
    li t0, 0
    sw t0, 4(a1)
    li t0, 21                    /* strlen(":semihosting-features") */
    sw t0, 8(a1)
    li a0, SYS_OPEN
    call semihost
    mv s1, a0                    /* handle */
    li a0, SYS_WRITE0
    la a1, m_open
    call semihost
    srai a0, s1, 31              /* -1 on failure: print 1, else 0 */
    andi a0, a0, 1
    call puthex
    la a1, blk
    sw s1, 0(a1)
    li a0, SYS_FLEN
    call semihost
    mv s2, a0
    li a0, SYS_WRITE0
    la a1, m_flen
    call semihost
    mv a0, s2
    call puthex
    la a1, blk
    sw s1, 0(a1)
    la t0, fbuf
    sw t0, 4(a1)
    li t0, 8
    sw t0, 8(a1)
    li a0, SYS_READ
    call semihost
    mv s3, a0                    /* bytes NOT read */
    li a0, SYS_WRITE0
    la a1, m_read
    call semihost
    mv a0, s3
    call puthex
    li a0, SYS_WRITE0
    la a1, m_bytes
    call semihost
    la t0, fbuf
    lw a0, 0(t0)
    call puthex
    la t0, fbuf
    lbu a0, 4(t0)
    call puthex
    la a1, blk
    sw s1, 0(a1)
    li a0, SYS_CLOSE
    call semihost
    call puthex
    /* :tt for writing (mode 4 = "w"), SYS_WRITE */
    la a1, blk
    la t0, m_tt
    sw t0, 0(a1)
    li t0, 4
    sw t0, 4(a1)
    li t0, 3
    sw t0, 8(a1)
    li a0, SYS_OPEN
    call semihost
    mv s1, a0
    la a1, blk
    sw s1, 0(a1)
    la t0, m_write
    sw t0, 4(a1)
    li t0, 17                    /* length of m_write */
    sw t0, 8(a1)
    li a0, SYS_WRITE
    call semihost
    mv s3, a0
    li a0, SYS_WRITE0
    la a1, m_notwritten
    call semihost
    mv a0, s3
    call puthex
    li a0, SYS_WRITE0
    la a1, m_bye
    call semihost
    /* exit status 7 */
    la a1, blk
    li t0, 0x20026               /* ADP_Stopped_ApplicationExit */
    sw t0, 0(a1)
    li t0, 7
    sw t0, 4(a1)
    li a0, SYS_EXIT_EXTENDED
    call semihost
3:  j 3b

/* puthex(a0): prints "0x%08x\n" with SYS_WRITE0 */
puthex:
    la t0, hexbuf
    li t1, '0'
    sb t1, 0(t0)
    li t1, 'x'
    sb t1, 1(t0)
    addi t0, t0, 2
    li t2, 28
4:  srl t1, a0, t2
    andi t1, t1, 15
    li t3, 10
    blt t1, t3, 5f
    addi t1, t1, 'a' - 10
    j 6f
5:  addi t1, t1, '0'
6:  sb t1, 0(t0)
    addi t0, t0, 1
    addi t2, t2, -4
    bgez t2, 4b
    li t1, '\n'
    sb t1, 0(t0)
    sb zero, 1(t0)
    mv t4, ra
    li a0, SYS_WRITE0
    la a1, hexbuf
    call semihost
    mv ra, t4
    ret

    .balign 16
semihost:
    slli x0, x0, 0x1f
    ebreak
    srai x0, x0, 7
    ret

    .section .rodata
m_hello: .asciz "semihosting asm test: SYS_WRITE0\n"
m_writec: .asciz "SYS_WRITEC, one byte at a time\n"
m_features: .asciz ":semihosting-features"
m_tt: .asciz ":tt"
m_open: .asciz "open features failed? "
m_flen: .asciz "features length: "
m_read: .asciz "read 8, not read: "
m_bytes: .asciz "magic, feature byte, close result:\n"
m_write: .ascii "SYS_WRITE to :tt\n"
m_write_end:
m_notwritten: .asciz "SYS_WRITE bytes not written: "
m_bye: .asciz "exiting with 7\n"

    .bss
    .balign 16
blk: .space 16
chbuf: .space 4
fbuf: .space 16
hexbuf: .space 16
    .space 1024
stack_top:
