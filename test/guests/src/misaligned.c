/*
 * Misaligned loads and stores to RAM. QEMU (virt, M-mode) performs them (no address-misaligned
 * trap): every offset of lh/lhu/lw/sh/sw within a buffer, including across a 4 KiB page boundary.
 * Built without C.
 */
#include "runtime.h"

static uint8_t buf[8192] __attribute__((aligned(4096)));

static uint32_t sum = 0x811c9dc5u;
static void out(uint32_t v)
{
    for (int i = 0; i < 4; i++) {
        sum ^= (v >> (8 * i)) & 0xff;
        sum *= 0x01000193u;
    }
    pr(" %08x", v);
}

#define LD(op, p) ({ uint32_t __r; __asm__ volatile(#op " %0, 0(%1)" : "=r"(__r) : "r"(p) : "memory"); __r; })
#define ST(op, p, v) __asm__ volatile(#op " %1, 0(%0)" :: "r"(p), "r"(v) : "memory")

static void fill(uint8_t *p, int n)
{
    for (int i = 0; i < n; i++)
        p[i] = (uint8_t)(0x80 + i * 0x1d);
}

int main(void)
{
    pr("misaligned test\n");
    trap_hook = trap_record;
    trap_reset();
    uint8_t *p = buf + 64;
    fill(p, 16);
    for (int off = 0; off < 4; off++) {
        pr("off %d:", off);
        out(LD(lh, p + off + 1));
        out(LD(lhu, p + off + 1));
        out(LD(lw, p + off + 1));
        out(LD(lw, p + off + 2));
        out(LD(lw, p + off + 3));
        pr("\n");
    }
    for (int off = 1; off < 4; off++) {
        fill(p, 16);
        ST(sw, p + off, 0xa1b2c3d4);
        ST(sh, p + off + 5, 0xe5f6);
        ST(sw, p + off + 9, 0x01020304);
        pr("st %d:", off);
        for (int i = 0; i < 16; i += 4)
            out(*(volatile uint32_t *)(p + i));
        pr("\n");
    }
    /* across the page boundary at buf + 4096 */
    uint8_t *b = buf + 4096;
    fill(b - 8, 16);
    pr("page:");
    out(LD(lw, b - 1));
    out(LD(lw, b - 3));
    out(LD(lh, b - 1));
    out(LD(lhu, b - 1));
    ST(sw, b - 2, 0xdeadbeef);
    ST(sh, b - 1, 0x5a5a);
    out(*(volatile uint32_t *)(b - 4));
    out(*(volatile uint32_t *)b);
    pr("\n");
    pr("traps: %u\n", last_trap.count);
    pr("checksum %08x\n", sum);
    return 0;
}
