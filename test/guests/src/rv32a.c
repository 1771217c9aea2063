/*
 * RV32A: LR/SC success and failure, every AMO with edge operands (old value returned in rd, new
 * memory value), the .aq/.rl/.aqrl forms, rd = x0 and rd = rs2, and an LR/SC increment loop.
 */
#include "runtime.h"

static const uint32_t V[] = {
    0x00000000, 0x00000001, 0xffffffff, 0x7fffffff, 0x80000000, 0x12345678, 0xfedcba98, 0x0000ffff,
};
#define NV (sizeof V / sizeof V[0])

static uint32_t sum = 0x811c9dc5u;
static void out(uint32_t v)
{
    for (int i = 0; i < 4; i++) {
        sum ^= (v >> (8 * i)) & 0xff;
        sum *= 0x01000193u;
    }
    pr(" %08x", v);
}

static volatile uint32_t cell[64] __attribute__((aligned(64)));
static uint32_t rd_errors;

#define DEF_AMO(op)                                                                                \
    static __attribute__((noinline)) uint32_t amo_##op(uint32_t m, uint32_t b)                     \
    {                                                                                              \
        uint32_t r;                                                                                \
        cell[0] = m;                                                                               \
        __asm__ volatile(#op ".w %0, %2, (%1)" : "=r"(r) : "r"(&cell[0]), "r"(b) : "memory");       \
        if (r != m)                                                                                \
            rd_errors++;                                                                           \
        return cell[0];                                                                            \
    }
DEF_AMO(amoswap) DEF_AMO(amoadd) DEF_AMO(amoxor) DEF_AMO(amoand) DEF_AMO(amoor)
DEF_AMO(amomin) DEF_AMO(amomax) DEF_AMO(amominu) DEF_AMO(amomaxu)
struct amo { const char *name; uint32_t (*fn)(uint32_t, uint32_t); };
static const struct amo AMO[] = {
    {"amoswap", amo_amoswap}, {"amoadd", amo_amoadd}, {"amoxor", amo_amoxor},
    {"amoand", amo_amoand},   {"amoor", amo_amoor},   {"amomin", amo_amomin},
    {"amomax", amo_amomax},   {"amominu", amo_amominu}, {"amomaxu", amo_amomaxu},
};

static uint32_t sc(volatile uint32_t *p, uint32_t v)
{
    uint32_t r;
    __asm__ volatile("sc.w %0, %2, (%1)" : "=r"(r) : "r"(p), "r"(v) : "memory");
    return r;
}
static uint32_t lr(volatile uint32_t *p)
{
    uint32_t r;
    __asm__ volatile("lr.w %0, (%1)" : "=r"(r) : "r"(p) : "memory");
    return r;
}

int main(void)
{
    pr("rv32a test\n");
    for (unsigned i = 0; i < sizeof AMO / sizeof AMO[0]; i++) {
        for (unsigned j = 0; j < NV; j++) {
            pr("%s %08x:", AMO[i].name, V[j]);
            for (unsigned k = 0; k < NV; k++)
                out(AMO[i].fn(V[j], V[k]));
            pr("\n");
        }
    }
    pr("rd errors: %u\n", rd_errors);

    uint32_t r, v;
    /* ordering-annotated forms */
    cell[0] = 10;
    pr("aqrl:");
    __asm__ volatile("amoadd.w.aq %0, %2, (%1)" : "=r"(r) : "r"(&cell[0]), "r"(1) : "memory"); out(r);
    __asm__ volatile("amoadd.w.rl %0, %2, (%1)" : "=r"(r) : "r"(&cell[0]), "r"(2) : "memory"); out(r);
    __asm__ volatile("amoadd.w.aqrl %0, %2, (%1)" : "=r"(r) : "r"(&cell[0]), "r"(3) : "memory"); out(r);
    __asm__ volatile("amoswap.w.aqrl %0, %2, (%1)" : "=r"(r) : "r"(&cell[0]), "r"(0x55) : "memory"); out(r);
    out(cell[0]);
    pr("\n");
    /* rd = x0 (no result), rd = rs2 (old value replaces the operand after it is used) */
    pr("regs:");
    cell[1] = 100;
    __asm__ volatile("amoadd.w x0, %1, (%0)" :: "r"(&cell[1]), "r"(5) : "memory");
    out(cell[1]);
    v = 7;
    __asm__ volatile("amoadd.w %0, %0, (%1)" : "+r"(v) : "r"(&cell[1]) : "memory");
    out(v);
    out(cell[1]);
    v = 0xdead;
    __asm__ volatile("amoswap.w %0, %0, (%1)" : "+r"(v) : "r"(&cell[1]) : "memory");
    out(v);
    out(cell[1]);
    pr("\n");

    /* LR/SC */
    pr("lrsc:");
    cell[2] = 0x1111;
    out(lr(&cell[2]));
    out(sc(&cell[2], 0x2222));          /* success: 0 */
    out(cell[2]);
    out(sc(&cell[2], 0x3333));          /* no reservation any more: fails */
    out(cell[2]);
    pr("\nlrsc-other:");
    cell[32] = 0x4444;
    out(lr(&cell[2]));
    out(sc(&cell[32], 0x5555));         /* different address (another 64-byte block): fails */
    out(cell[32]);
    out(sc(&cell[2], 0x6666));          /* the failed SC cleared the reservation */
    out(cell[2]);
    pr("\nlrsc-moved:");
    lr(&cell[2]);
    lr(&cell[32]);                      /* the reservation moves to cell[32] */
    out(sc(&cell[2], 0x7777));
    out(cell[2]);
    out(sc(&cell[32], 0x8888));         /* any SC, even a failed one, clears the reservation */
    out(cell[32]);
    pr("\nlrsc-aqrl:");
    cell[3] = 5;
    __asm__ volatile("lr.w.aq %0, (%1)" : "=r"(r) : "r"(&cell[3]) : "memory"); out(r);
    __asm__ volatile("sc.w.rl %0, %2, (%1)" : "=r"(r) : "r"(&cell[3]), "r"(6) : "memory"); out(r);
    __asm__ volatile("lr.w.aqrl %0, (%1)" : "=r"(r) : "r"(&cell[3]) : "memory"); out(r);
    __asm__ volatile("sc.w.aqrl %0, %2, (%1)" : "=r"(r) : "r"(&cell[3]), "r"(7) : "memory"); out(r);
    out(cell[3]);
    pr("\n");
    /* the usual atomic increment loop */
    cell[4] = 0;
    uint32_t fails = 0;
    for (int i = 0; i < 1000; i++) {
        uint32_t t, s;
        __asm__ volatile("1: lr.w %0, (%2)\n\taddi %0, %0, 3\n\tsc.w %1, %0, (%2)\n\tbnez %1, 1b"
                         : "=&r"(t), "=&r"(s) : "r"(&cell[4]) : "memory");
        fails += s;
    }
    pr("lrsc-loop:"); out(cell[4]); out(fails); pr("\n");
    pr("checksum %08x\n", sum);
    return 0;
}
