/*
 * Every RV32C instruction form, written with explicit c.* mnemonics. rvc_run(uint32_t *out) stores
 * one result word per check into out[] (the C side prints them with names); it returns the count.
 */
    .option rvc
    .text

#define OUT(reg) sw reg, 0(s1); addi s1, s1, 4

    .globl rvc_run
    .balign 4
rvc_run:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    sw s1, 20(sp)
    mv s1, a0
    mv s0, a0

    /* c.addi4spn: rd' = sp + nzuimm */
    c.addi4spn a1, sp, 4
    sub a1, a1, sp
    OUT(a1)
    c.addi4spn a1, sp, 1020
    sub a1, a1, sp
    OUT(a1)
    /* c.li */
    c.li a2, -32
    OUT(a2)
    c.li a2, 31
    OUT(a2)
    /* c.addi (negative and positive) */
    c.li a3, 5
    c.addi a3, -32
    OUT(a3)
    c.addi a3, 31
    OUT(a3)
    /* c.lui: positive and sign-extended immediates */
    c.lui a4, 1
    OUT(a4)
    c.lui a4, 31
    OUT(a4)
    c.lui a4, 0xfffe0
    OUT(a4)
    c.lui a4, 0xfffff
    OUT(a4)
    /* c.addi16sp: -512 then +496 +16 back */
    mv t2, sp
    c.addi16sp sp, -512
    sub a5, t2, sp
    OUT(a5)
    c.addi16sp sp, 496
    c.addi16sp sp, 16
    sub a5, t2, sp
    OUT(a5)
    /* shifts and andi on a compressed register */
    li a0, 0x80000f01
    c.srli a0, 1
    OUT(a0)
    li a0, 0x80000f01
    c.srli a0, 31
    OUT(a0)
    li a0, 0x80000f01
    c.srai a0, 4
    OUT(a0)
    li a0, 0x80000f01
    c.srai a0, 31
    OUT(a0)
    li a0, 0x12345678
    c.andi a0, -16
    OUT(a0)
    li a0, 0x12345678
    c.andi a0, 31
    OUT(a0)
    li a0, 0x12345678
    c.andi a0, 0
    OUT(a0)
    /* c.slli on a full register */
    li t3, 0x12345679
    c.slli t3, 1
    OUT(t3)
    li t3, 0x12345679
    c.slli t3, 31
    OUT(t3)
    /* register-register ALU */
    li a0, 0x0ff00ff0
    li a1, 0x00ffff00
    mv a2, a0
    c.sub a2, a1
    OUT(a2)
    mv a2, a0
    c.xor a2, a1
    OUT(a2)
    mv a2, a0
    c.or a2, a1
    OUT(a2)
    mv a2, a0
    c.and a2, a1
    OUT(a2)
    li t4, 0x7fffffff
    li t5, 1
    c.add t4, t5
    OUT(t4)
    c.mv t6, t4
    c.add t6, t6
    OUT(t6)
    /* c.lw / c.sw with the extreme offsets */
    la a3, rvc_buf
    li a4, 0xa1b2c3d4
    c.sw a4, 0(a3)
    li a4, 0x5e6f7081
    c.sw a4, 124(a3)
    c.lw a5, 0(a3)
    OUT(a5)
    c.lw a5, 124(a3)
    OUT(a5)
    lw a5, 124(a3)
    OUT(a5)
    /* c.lwsp / c.swsp with the extreme offsets (inside a 256-byte frame) */
    addi sp, sp, -256
    li t0, 0x13579bdf
    c.swsp t0, 0(sp)
    li t0, 0x2468ace0
    c.swsp t0, 252(sp)
    c.lwsp t1, 0(sp)
    OUT(t1)
    c.lwsp t1, 252(sp)
    OUT(t1)
    addi sp, sp, 256
    /* c.j forward and backward */
    li a0, 0
    c.j 2f
1:  addi a0, a0, 10
    c.j 3f
2:  addi a0, a0, 1
    c.j 1b
3:  OUT(a0)
    /* c.beqz / c.bnez, taken and not taken */
    li a0, 0
    li a1, 0
    c.beqz a1, 4f
    addi a0, a0, 1
4:  c.bnez a1, 5f
    addi a0, a0, 2
5:  li a1, 7
    c.beqz a1, 6f
    addi a0, a0, 4
6:  c.bnez a1, 7f
    addi a0, a0, 8
7:  OUT(a0)
    /* backward c.bnez loop */
    li a1, 10
    li a0, 0
8:  addi a0, a0, 3
    c.addi a1, -1
    c.bnez a1, 8b
    OUT(a0)
    /* c.jal: link = address of the c.jal + 2 */
    .globl rvc_jal_site
rvc_jal_site:
    c.jal rvc_leaf
    la a1, rvc_jal_site
    sub a0, ra, a1
    OUT(a0)
    /* c.jr */
    la t0, 9f
    li a0, 1
    c.jr t0
    li a0, 2
9:  OUT(a0)
    /* c.jalr: link = address + 2 */
    la t1, rvc_leaf
    .globl rvc_jalr_site
rvc_jalr_site:
    c.jalr t1
    la a1, rvc_jalr_site
    sub a0, ra, a1
    OUT(a0)
    /* c.nop and hints that must behave as no-ops */
    li a0, 0x77
    c.nop
    .hword 0x0005          /* c.nop with nonzero immediate (hint) */
    .hword 0x4001          /* c.li x0, 0 (hint) */
    .hword 0x902a          /* c.add x0, a0 (hint) */
    .hword 0x0006          /* c.slli x0, 1 (hint) */
    OUT(a0)
    /* c.ebreak: the C side's trap handler records it and skips 2 bytes */
    .globl rvc_ebreak_site
rvc_ebreak_site:
    c.ebreak
    li a0, 0xeb
    OUT(a0)
    /* mixing 16- and 32-bit instructions at 2-byte alignment */
    c.li a0, 1
    addi a0, a0, 0x100
    c.addi a0, 1
    lui a1, 0x10
    c.add a0, a1
    OUT(a0)

    sub a0, s1, s0
    srli a0, a0, 2
    lw ra, 28(sp)
    lw s0, 24(sp)
    lw s1, 20(sp)
    addi sp, sp, 32
    ret

rvc_leaf:
    c.jr ra

/* Illegal / reserved compressed encodings, each followed by c.jr ra. The trap handler skips 2 bytes. */
    .globl rvc_illegal0, rvc_illegal_lwsp0, rvc_illegal_jr0, rvc_illegal_addi16sp0, rvc_illegal_lui0
    .balign 4
rvc_illegal0:
    .hword 0x0000
    c.jr ra
rvc_illegal_lwsp0:
    .hword 0x4002          /* c.lwsp x0, 0(sp): reserved */
    c.jr ra
rvc_illegal_jr0:
    .hword 0x8002          /* c.jr x0: reserved */
    c.jr ra
rvc_illegal_addi16sp0:
    .hword 0x6101          /* c.addi16sp with imm 0: reserved */
    c.jr ra
rvc_illegal_lui0:
    .hword 0x6501          /* c.lui a0, 0: reserved */
    c.jr ra

/* A 32-bit instruction that straddles a 4 KiB page boundary (both pages mapped). */
    .section .text.straddle, "ax"
    .balign 4096
    .globl rvc_straddle
rvc_pad:
    .skip 4096 - 16
rvc_straddle:              /* page offset 0xff0 */
    c.li a0, 1
    c.nop
    c.nop
    c.nop
    c.nop
    c.nop
    c.nop
    addi a0, a0, 0x123     /* page offset 0xffe: crosses into the next page */
    c.addi a0, 2
    c.jr ra

    .bss
    .balign 16
rvc_buf:
    .space 128
