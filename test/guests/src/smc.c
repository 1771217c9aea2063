/*
 * Self-modifying code: instructions written to RAM and run after fence.i; a function in .text that
 * already ran, patched and run again; the instruction right after the patching store (same block);
 * a loop that patches its own body every iteration; 16-bit instructions; a small code generator.
 * Built without C (the generated 16-bit instructions are written as data).
 */
#include "runtime.h"

static uint32_t buf[1024] __attribute__((aligned(4096)));

typedef uint32_t (*fn_t)(uint32_t);

/* encoders */
static uint32_t addi(int rd, int rs1, int imm) { return ((uint32_t)(imm & 0xfff) << 20) | (rs1 << 15) | (rd << 7) | 0x13; }
static uint32_t lui(int rd, uint32_t imm20) { return (imm20 << 12) | (rd << 7) | 0x37; }
static uint32_t add(int rd, int rs1, int rs2) { return (rs2 << 20) | (rs1 << 15) | (rd << 7) | 0x33; }
static uint32_t slli(int rd, int rs1, int sh) { return (sh << 20) | (rs1 << 15) | (1 << 12) | (rd << 7) | 0x13; }
#define RET 0x00008067u
#define A0 10
#define A1 11
static uint16_t c_li(int rd, int imm) { return (uint16_t)(0x4001 | ((imm & 0x20) << 7) | (rd << 7) | ((imm & 0x1f) << 2)); }
static uint16_t c_addi(int rd, int imm) { return (uint16_t)(0x0001 | ((imm & 0x20) << 7) | (rd << 7) | ((imm & 0x1f) << 2)); }
#define C_RET 0x8082u

static void sync(void) { __asm__ volatile("fence.i" ::: "memory"); }

uint32_t smc_target(uint32_t x);
uint32_t same_block(void);
uint32_t self_loop(uint32_t n);
extern uint32_t smc_target_insn[], self_loop_insn[];

static uint32_t sum = 0x811c9dc5u;
static void mix(uint32_t v)
{
    for (int i = 0; i < 4; i++) {
        sum ^= (v >> (8 * i)) & 0xff;
        sum *= 0x01000193u;
    }
}

int main(void)
{
    pr("smc test\n");
    fn_t f = (fn_t)buf;

    /* 1. write, fence.i, run; the same address rewritten 100 times */
    uint32_t total = 0;
    for (int i = 0; i < 100; i++) {
        buf[0] = addi(A0, A0, i * 7 - 300);
        buf[1] = RET;
        sync();
        uint32_t r = f(1000);
        total += r;
        mix(r);
    }
    pr("rewrite x100: total=%u\n", total);

    /* 2. patch a function in .text that has already run */
    pr("smc_target before: %u\n", smc_target(5));
    pr("smc_target again: %u\n", smc_target(6));
    uint32_t saved = smc_target_insn[0];
    smc_target_insn[0] = addi(A0, A0, 1000);
    sync();
    pr("smc_target patched: %u\n", smc_target(5));
    smc_target_insn[0] = saved;
    sync();
    pr("smc_target restored: %u\n", smc_target(5));

    /* 3. the store patches the very next instructions of the running block */
    pr("same block: %u\n", same_block());
    pr("same block again: %u\n", same_block());

    /* 4. a loop that rewrites its own body each iteration */
    pr("self loop(10): %u\n", self_loop(10));
    pr("self loop(50): %u\n", self_loop(50));

    /* 5. 16-bit instructions: c.li / c.addi / c.ret written as halfwords */
    uint16_t *h = (uint16_t *)buf;
    for (int i = -32; i < 32; i += 9) {
        h[0] = c_li(A0, i);
        h[1] = c_addi(A0, -i / 2);
        h[2] = C_RET;
        sync();
        uint32_t r = f(0);
        mix(r);
        pr("c.li %d; c.addi %d -> %d\n", i, -i / 2, (int32_t)r);
    }
    /* a 32-bit instruction at a 2-byte offset, after a 16-bit one */
    h[0] = c_li(A0, 3);
    h[1] = (uint16_t)(addi(A0, A0, 0x123) & 0xffff);
    h[2] = (uint16_t)(addi(A0, A0, 0x123) >> 16);
    h[3] = C_RET;
    sync();
    pr("mixed widths: %x\n", f(0));

    /* 6. a tiny code generator: a0 = sum over k of (x << k) for k < n, unrolled */
    for (int n = 1; n <= 64; n *= 4) {
        uint32_t *p = buf + 16;
        *p++ = addi(A1, A0, 0);      /* a1 = x */
        *p++ = addi(A0, 0, 0);       /* a0 = 0 */
        for (int k = 0; k < n; k++) {
            *p++ = add(A0, A0, A1);
            *p++ = slli(A1, A1, 1);
        }
        *p++ = lui(12, 0x12345);     /* a2 = junk, to check it is just ignored */
        *p++ = RET;
        sync();
        uint32_t r = ((fn_t)(buf + 16))(3);
        mix(r);
        pr("gen n=%d -> %08x\n", n, r);
    }
    pr("checksum %08x\n", sum);
    return 0;
}

__asm__(
    ".text\n"
    ".globl smc_target, smc_target_insn\n.balign 4\n"
    "smc_target:\n"
    "smc_target_insn: addi a0, a0, 1\n"
    "  ret\n"
    /* same_block: stores new encodings over the two addi's at 1:, fence.i, then runs them. The
       original values are restored afterwards so the function can run again. */
    ".globl same_block\n.balign 4\n"
    "same_block:\n"
    "  li a0, 0\n"
    "  la t0, 1f\n"
    "  lw t3, 0(t0)\n"
    "  lw t4, 4(t0)\n"
    "  li t1, 0x3e850513\n"      /* addi a0, a0, 1000 */
    "  li t2, 0x00150513\n"      /* addi a0, a0, 1 */
    "  sw t1, 0(t0)\n"
    "  sw t2, 4(t0)\n"
    "  fence.i\n"
    "1: addi a0, a0, 7\n"
    "  addi a0, a0, 7\n"
    "  sw t3, 0(t0)\n"
    "  sw t4, 4(t0)\n"
    "  fence.i\n"
    "  ret\n"
    /* self_loop(n): each iteration patches the immediate of the addi at 2: with the iteration
       number, so the loop sums 0..n-1 through its own code */
    ".globl self_loop, self_loop_insn\n.balign 4\n"
    "self_loop:\n"
    "  mv t0, a0\n"
    "  li a0, 0\n"
    "  li t1, 0\n"
    "  la t2, self_loop_insn\n"
    "  lw t5, 0(t2)\n"
    "1: slli t3, t1, 20\n"
    "  li t4, 0x00050513\n"      /* addi a0, a0, 0 */
    "  or t3, t3, t4\n"
    "  sw t3, 0(t2)\n"
    "  fence.i\n"
    "self_loop_insn: addi a0, a0, 0\n"
    "  addi t1, t1, 1\n"
    "  bne t1, t0, 1b\n"
    "  sw t5, 0(t2)\n"
    "  fence.i\n"
    "  ret\n");
