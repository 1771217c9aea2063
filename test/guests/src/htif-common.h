/* riscv-tests style HTIF mailbox: tohost/fromhost are 8-byte objects (QEMU checks the symbol size). */
#define HTIF_SECTION                                     \
    .section .tohost, "aw", @progbits;                   \
    .balign 64;                                          \
    .globl tohost;                                       \
    .type tohost, @object;                               \
    .size tohost, 8;                                     \
tohost: .dword 0;                                        \
    .balign 64;                                          \
    .globl fromhost;                                     \
    .type fromhost, @object;                             \
    .size fromhost, 8;                                   \
fromhost: .dword 0

/* tohost = value (low word first, then the high word: the write of the high word triggers) */
#define HTIF_WRITE(lo_reg, hi_reg) \
    la t5, tohost; sw lo_reg, 0(t5); sw hi_reg, 4(t5)
