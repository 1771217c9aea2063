/*
 * RV32M: mul, mulh, mulhsu, mulhu, div, divu, rem, remu over a table of edge operands (division by
 * zero, INT_MIN / -1, sign combinations), plus the special cases spelled out one per line.
 */
#include "runtime.h"

static const uint32_t V[] = {
    0x00000000, 0x00000001, 0x00000002, 0x00000003, 0xffffffff, 0xfffffffe, 0x7fffffff,
    0x80000000, 0x80000001, 0x12345678, 0xfedcba98, 0x0000ffff, 0x00010000, 0xaaaaaaab,
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

#define DEF_RR(op)                                                                                 \
    static __attribute__((noinline)) uint32_t rr_##op(uint32_t a, uint32_t b)                      \
    {                                                                                              \
        uint32_t r;                                                                                \
        __asm__ volatile(#op " %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));                            \
        return r;                                                                                  \
    }
DEF_RR(mul) DEF_RR(mulh) DEF_RR(mulhsu) DEF_RR(mulhu) DEF_RR(div) DEF_RR(divu) DEF_RR(rem) DEF_RR(remu)

struct rr { const char *name; uint32_t (*fn)(uint32_t, uint32_t); };
static const struct rr RR[] = {
    {"mul", rr_mul}, {"mulh", rr_mulh}, {"mulhsu", rr_mulhsu}, {"mulhu", rr_mulhu},
    {"div", rr_div}, {"divu", rr_divu}, {"rem", rr_rem},       {"remu", rr_remu},
};

static void special(const char *what, uint32_t (*fn)(uint32_t, uint32_t), uint32_t a, uint32_t b)
{
    pr("%s(%08x, %08x) =", what, a, b);
    out(fn(a, b));
    pr("\n");
}

int main(void)
{
    pr("rv32m test\n");
    for (unsigned i = 0; i < sizeof RR / sizeof RR[0]; i++) {
        for (unsigned j = 0; j < NV; j++) {
            pr("%s %08x:", RR[i].name, V[j]);
            for (unsigned k = 0; k < NV; k++)
                out(RR[i].fn(V[j], V[k]));
            pr("\n");
        }
    }
    special("div by zero", rr_div, 1234, 0);
    special("div by zero", rr_div, 0x80000000, 0);
    special("divu by zero", rr_divu, 1234, 0);
    special("rem by zero", rr_rem, 0xfffffb2e, 0);
    special("remu by zero", rr_remu, 0xfffffb2e, 0);
    special("div overflow", rr_div, 0x80000000, 0xffffffff);
    special("rem overflow", rr_rem, 0x80000000, 0xffffffff);
    special("divu max", rr_divu, 0x80000000, 0xffffffff);
    special("div -7/2", rr_div, (uint32_t)-7, 2);
    special("rem -7%2", rr_rem, (uint32_t)-7, 2);
    special("rem 7%-2", rr_rem, 7, (uint32_t)-2);
    special("mulh min*min", rr_mulh, 0x80000000, 0x80000000);
    special("mulhsu -1*max", rr_mulhsu, 0xffffffff, 0xffffffff);
    special("mulhu max*max", rr_mulhu, 0xffffffff, 0xffffffff);
    /* a dependent chain: the destination is also a source */
    uint32_t x = 0x9e3779b9;
    for (int i = 0; i < 100; i++) {
        __asm__ volatile("mul %0, %0, %0\n\taddi %0, %0, 1" : "+r"(x));
        uint32_t q;
        __asm__ volatile("divu %0, %1, %2" : "=r"(q) : "r"(x), "r"((uint32_t)i | 1));
        x ^= q;
    }
    pr("chain"); out(x); pr("\n");
    pr("checksum %08x\n", sum);
    return 0;
}
