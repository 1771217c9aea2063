/*
 * RV32I (+ Zicsr, Zifencei): every instruction with edge operands. Built without C.
 * Each register-register op is applied to every pair of a value table; each immediate form to a
 * set of immediates; one output line per (op, first operand). A final checksum covers everything.
 */
#include "runtime.h"

static const uint32_t V[] = {
    0x00000000, 0x00000001, 0x00000002, 0xffffffff, 0x7fffffff, 0x80000000,
    0x80000001, 0x12345678, 0xfedcba98, 0x0000001f, 0x00000020, 0x55555555,
};
#define NV (sizeof V / sizeof V[0])

static uint32_t sum = 0x811c9dc5u;
static void mix(uint32_t v)
{
    for (int i = 0; i < 4; i++) {
        sum ^= (v >> (8 * i)) & 0xff;
        sum *= 0x01000193u;
    }
}
static void out(uint32_t v)
{
    mix(v);
    pr(" %08x", v);
}

/* ---- register-register ---- */
#define DEF_RR(op)                                                                                 \
    static __attribute__((noinline)) uint32_t rr_##op(uint32_t a, uint32_t b)                      \
    {                                                                                              \
        uint32_t r;                                                                                \
        __asm__ volatile(#op " %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));                            \
        return r;                                                                                  \
    }
DEF_RR(add) DEF_RR(sub) DEF_RR(sll) DEF_RR(slt) DEF_RR(sltu)
DEF_RR(xor) DEF_RR(srl) DEF_RR(sra) DEF_RR(or) DEF_RR(and)

struct rr { const char *name; uint32_t (*fn)(uint32_t, uint32_t); };
static const struct rr RR[] = {
    {"add", rr_add}, {"sub", rr_sub}, {"sll", rr_sll}, {"slt", rr_slt}, {"sltu", rr_sltu},
    {"xor", rr_xor}, {"srl", rr_srl}, {"sra", rr_sra}, {"or", rr_or}, {"and", rr_and},
};

/* ---- register-immediate: one function per op computes the op for every immediate ---- */
#define I1(op, imm, k) __asm__ volatile(#op " %0, %1, " #imm : "=r"(r[k]) : "r"(a))
#define DEF_RI(op)                                                                                 \
    static __attribute__((noinline)) void ri_##op(uint32_t a, uint32_t *r)                         \
    {                                                                                              \
        I1(op, 0, 0); I1(op, 1, 1); I1(op, -1, 2); I1(op, 2047, 3); I1(op, -2048, 4);              \
        I1(op, 0x555, 5); I1(op, -0x556, 6); I1(op, 31, 7);                                        \
    }
#define NIMM 8
static const char *const IMMS = "0 1 -1 2047 -2048 0x555 -0x556 31";
DEF_RI(addi) DEF_RI(slti) DEF_RI(sltiu) DEF_RI(xori) DEF_RI(ori) DEF_RI(andi)

#define DEF_SH(op)                                                                                 \
    static __attribute__((noinline)) void sh_##op(uint32_t a, uint32_t *r)                         \
    {                                                                                              \
        I1(op, 0, 0); I1(op, 1, 1); I1(op, 4, 2); I1(op, 16, 3); I1(op, 30, 4); I1(op, 31, 5);     \
    }
#define NSH 6
DEF_SH(slli) DEF_SH(srli) DEF_SH(srai)

struct ri { const char *name; void (*fn)(uint32_t, uint32_t *); int n; };
static const struct ri RI[] = {
    {"addi", ri_addi, NIMM}, {"slti", ri_slti, NIMM}, {"sltiu", ri_sltiu, NIMM},
    {"xori", ri_xori, NIMM}, {"ori", ri_ori, NIMM},   {"andi", ri_andi, NIMM},
    {"slli", sh_slli, NSH},  {"srli", sh_srli, NSH},  {"srai", sh_srai, NSH},
};

/* ---- branches: 1 when taken ---- */
#define DEF_BR(op)                                                                                 \
    static __attribute__((noinline)) uint32_t br_##op(uint32_t a, uint32_t b)                      \
    {                                                                                              \
        uint32_t r;                                                                                \
        __asm__ volatile("li %0, 1\n\t" #op " %1, %2, 1f\n\tli %0, 0\n1:"                          \
                         : "=&r"(r) : "r"(a), "r"(b));                                             \
        return r;                                                                                  \
    }
DEF_BR(beq) DEF_BR(bne) DEF_BR(blt) DEF_BR(bge) DEF_BR(bltu) DEF_BR(bgeu)
static const struct rr BR[] = {
    {"beq", br_beq}, {"bne", br_bne}, {"blt", br_blt}, {"bge", br_bge}, {"bltu", br_bltu}, {"bgeu", br_bgeu},
};

/* backward branch loop: counts down with bne, returns the iteration count */
static __attribute__((noinline)) uint32_t loop_back(uint32_t n)
{
    uint32_t c;
    __asm__ volatile("li %0, 0\n1:\taddi %0, %0, 1\n\taddi %1, %1, -1\n\tbnez %1, 1b"
                     : "=&r"(c), "+r"(n));
    return c;
}

static uint8_t mem[32] __attribute__((aligned(16))) = {
    0x80, 0x7f, 0xff, 0x00, 0x01, 0x81, 0xfe, 0x7e, 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0,
    0x00, 0x80, 0x00, 0x80, 0xff, 0x7f, 0xff, 0x7f, 0x01, 0x00, 0x00, 0x80, 0xfe, 0xff, 0xff, 0xff,
};
static uint8_t big[4096 + 16] __attribute__((aligned(16)));

#define LD(op, p, off) ({ uint32_t __r; __asm__ volatile(#op " %0, " #off "(%1)" : "=r"(__r) : "r"(p) : "memory"); __r; })

static void loads(void)
{
    pr("lb :");
    for (int i = 0; i < 32; i++) {
        uint32_t v;
        __asm__ volatile("lb %0, 0(%1)" : "=r"(v) : "r"(mem + i) : "memory");
        out(v);
    }
    pr("\nlbu:");
    for (int i = 0; i < 32; i++) {
        uint32_t v;
        __asm__ volatile("lbu %0, 0(%1)" : "=r"(v) : "r"(mem + i) : "memory");
        out(v);
    }
    pr("\nlh :");
    for (int i = 0; i < 32; i += 2) {
        uint32_t v;
        __asm__ volatile("lh %0, 0(%1)" : "=r"(v) : "r"(mem + i) : "memory");
        out(v);
    }
    pr("\nlhu:");
    for (int i = 0; i < 32; i += 2) {
        uint32_t v;
        __asm__ volatile("lhu %0, 0(%1)" : "=r"(v) : "r"(mem + i) : "memory");
        out(v);
    }
    pr("\nlw :");
    for (int i = 0; i < 32; i += 4) {
        uint32_t v;
        __asm__ volatile("lw %0, 0(%1)" : "=r"(v) : "r"(mem + i) : "memory");
        out(v);
    }
    pr("\n");
    /* immediate offsets: negative, and the extremes 2047 / -2048 */
    uint8_t *mid = big + 2048;
    for (int i = 0; i < (int)sizeof big; i++)
        big[i] = (uint8_t)(i * 7 + 3);
    pr("ldoff:");
    out(LD(lw, mem + 8, -8));
    out(LD(lh, mem + 8, -6));
    out(LD(lbu, mem + 8, -1));
    out(LD(lb, mid, 2047));
    out(LD(lb, mid, -2048));
    out(LD(lhu, mid, -2048));
    out(LD(lw, mid, 2044));
    pr("\n");
}

static uint32_t st[8] __attribute__((aligned(16)));

static void stores(void)
{
    for (int i = 0; i < 8; i++)
        st[i] = 0xa5a5a5a5u;
    uint8_t *p = (uint8_t *)st;
    __asm__ volatile("sb %1, 0(%0)\n\tsb %2, 1(%0)\n\tsb %3, 3(%0)" :: "r"(p), "r"(0x12345678), "r"(0xffffff80), "r"(0x1ff) : "memory");
    __asm__ volatile("sh %1, 4(%0)\n\tsh %2, 10(%0)" :: "r"(p), "r"(0xdeadbeef), "r"(0x8001) : "memory");
    __asm__ volatile("sw %1, 12(%0)\n\tsw %2, 16(%0)" :: "r"(p), "r"(0x80000000), "r"(0xcafef00d) : "memory");
    __asm__ volatile("sw %1, -4(%0)\n\tsh %2, -6(%0)\n\tsb %3, -7(%0)" :: "r"(p + 32), "r"(0x01020304), "r"(0x0a0b), "r"(0x77) : "memory");
    uint8_t *mid = big + 2048;
    __asm__ volatile("sb %1, 2047(%0)\n\tsb %1, -2048(%0)" :: "r"(mid), "r"(0x5a) : "memory");
    pr("st  :");
    for (int i = 0; i < 8; i++)
        out(st[i]);
    out(big[0]);
    out(big[4095]);
    pr("\n");
}

extern char jal_l1[], jal_l2[], auipc_l[];
static void upper_and_jumps(void)
{
    uint32_t r;
    pr("lui :");
    __asm__ volatile("lui %0, 0" : "=r"(r)); out(r);
    __asm__ volatile("lui %0, 1" : "=r"(r)); out(r);
    __asm__ volatile("lui %0, 0x80000" : "=r"(r)); out(r);
    __asm__ volatile("lui %0, 0xfffff" : "=r"(r)); out(r);
    __asm__ volatile("lui %0, 0x12345" : "=r"(r)); out(r);
    pr("\nauipc:");
    uint32_t a, b;
    __asm__ volatile(".globl auipc_l\nauipc_l: auipc %0, 0\n\tauipc %1, 0x1" : "=r"(a), "=r"(b));
    out(a - (uint32_t)auipc_l);
    out(b - (uint32_t)auipc_l);
    __asm__ volatile("1: auipc %0, 0xfffff\n\tla %1, 1b" : "=r"(a), "=r"(b));
    out(a - b);
    __asm__ volatile("1: auipc %0, 0x80000\n\tla %1, 1b" : "=r"(a), "=r"(b));
    out(a - b);
    pr("\njal :");
    /* jal forward with link; the link register holds the address after the jal */
    __asm__ volatile(".globl jal_l1\njal_l1: jal %0, 1f\n\tli %1, 99\n1:\tli %1, 1" : "=r"(a), "=r"(b));
    out(a - (uint32_t)jal_l1);
    out(b);
    /* backward jal */
    __asm__ volatile("j 2f\n1:\tli %1, 7\n\tj 3f\n2:\t.globl jal_l2\njal_l2: jal %0, 1b\n3:"
                     : "=r"(a), "=r"(b));
    out(a - (uint32_t)jal_l2);
    out(b);
    pr("\njalr:");
    /* target with bit 0 set: the low bit is cleared */
    __asm__ volatile("la t0, 1f\n\taddi t0, t0, 1\n\tli %1, 0\n2:\tjalr %0, 0(t0)\n\tli %1, 99\n1:\tli %1, 5\n\tla t1, 2b\n\tsub %0, %0, t1"
                     : "=&r"(a), "=&r"(b) :: "t0", "t1");
    out(a);
    out(b);
    /* negative offset, rd == rs1 (the target is read before the link is written) */
    __asm__ volatile("la %0, 1f\n\taddi %0, %0, 12\n2:\tjalr %0, -12(%0)\n\tnop\n1:\tla t1, 2b\n\tsub %0, %0, t1"
                     : "=&r"(a) :: "t1");
    out(a);
    /* rd = x0 (a plain indirect jump) */
    __asm__ volatile("la t0, 1f\n\tli %0, 3\n\tjalr x0, 0(t0)\n\tli %0, 4\n1:" : "=&r"(a) :: "t0");
    out(a);
    pr("\n");
    /* a call through a function pointer and a return */
    pr("loop:");
    out(loop_back(1));
    out(loop_back(1000));
    pr("\n");
}

static void x0_writes(void)
{
    uint32_t r;
    pr("x0  :");
    __asm__ volatile("addi x0, x0, 5\n\tlui x0, 0x12345\n\tmv %0, x0" : "=r"(r)); out(r);
    __asm__ volatile("lw x0, 0(%1)\n\tadd %0, x0, x0" : "=r"(r) : "r"(mem)); out(r);
    __asm__ volatile("jal x0, 1f\n1:\tauipc x0, 1\n\tor %0, x0, x0" : "=r"(r)); out(r);
    __asm__ volatile("csrr x0, mscratch\n\taddi %0, x0, -1" : "=r"(r)); out(r);
    pr("\n");
}

static void csrs(void)
{
    uint32_t o, n;
    pr("csr :");
    csr_write(mscratch, 0x12345678);
    __asm__ volatile("csrrw %0, mscratch, %1" : "=r"(o) : "r"(0xf0f0f0f0)); out(o); out(csr_read(mscratch));
    __asm__ volatile("csrrs %0, mscratch, %1" : "=r"(o) : "r"(0x0000ffff)); out(o); out(csr_read(mscratch));
    __asm__ volatile("csrrc %0, mscratch, %1" : "=r"(o) : "r"(0xff0000ff)); out(o); out(csr_read(mscratch));
    __asm__ volatile("csrrs %0, mscratch, x0" : "=r"(o)); out(o);
    __asm__ volatile("csrrc %0, mscratch, x0" : "=r"(o)); out(o);
    pr("\ncsri:");
    __asm__ volatile("csrrwi %0, mscratch, 31" : "=r"(o)); out(o); out(csr_read(mscratch));
    __asm__ volatile("csrrsi %0, mscratch, 0x10" : "=r"(o)); out(o);
    __asm__ volatile("csrrci %0, mscratch, 5" : "=r"(o)); out(o); out(csr_read(mscratch));
    __asm__ volatile("csrrsi %0, mscratch, 0" : "=r"(o)); out(o);
    __asm__ volatile("csrrwi %0, mscratch, 0" : "=r"(o)); out(o); out(csr_read(mscratch));
    /* rd = x0 writes; the same register as source and destination */
    n = 0xabcdef01;
    __asm__ volatile("csrw mscratch, %0\n\tcsrrw %0, mscratch, %0" : "+r"(n)); out(n); out(csr_read(mscratch));
    /* read-only CSRs that are defined with fixed values on QEMU virt */
    out(csr_read(mhartid));
    out(csr_read(sscratch));
    csr_write(sscratch, 0x5a5a5a5a);
    out(csr_read(sscratch));
    pr("\n");
}

static uint32_t fence_word = 1;
static void fences(void)
{
    pr("fence:");
    __asm__ volatile("fence" ::: "memory");
    __asm__ volatile("fence rw, rw" ::: "memory");
    __asm__ volatile("fence r, r\n\tfence w, w\n\tfence iorw, iorw\n\tfence i, o" ::: "memory");
    __asm__ volatile(".word 0x8330000f" ::: "memory");   /* fence.tso */
    __asm__ volatile(".word 0x0100000f" ::: "memory");   /* pause (Zihintpause hint) */
    __asm__ volatile("fence.i" ::: "memory");
    fence_word++;
    out(fence_word);
    pr("\n");
}

int main(void)
{
    pr("rv32i test\n");
    for (unsigned i = 0; i < sizeof RR / sizeof RR[0]; i++) {
        for (unsigned j = 0; j < NV; j++) {
            pr("%s %08x:", RR[i].name, V[j]);
            for (unsigned k = 0; k < NV; k++)
                out(RR[i].fn(V[j], V[k]));
            pr("\n");
        }
    }
    pr("imm: %s; shamt: 0 1 4 16 30 31\n", IMMS);
    for (unsigned i = 0; i < sizeof RI / sizeof RI[0]; i++) {
        for (unsigned j = 0; j < NV; j++) {
            uint32_t r[NIMM];
            RI[i].fn(V[j], r);
            pr("%s %08x:", RI[i].name, V[j]);
            for (int k = 0; k < RI[i].n; k++)
                out(r[k]);
            pr("\n");
        }
    }
    for (unsigned i = 0; i < sizeof BR / sizeof BR[0]; i++) {
        pr("%s:", BR[i].name);
        for (unsigned j = 0; j < NV; j++) {
            uart_putc(' ');
            for (unsigned k = 0; k < NV; k++) {
                uint32_t t = BR[i].fn(V[j], V[k]);
                mix(t);
                uart_putc(t ? 'T' : '.');
            }
        }
        pr("\n");
    }
    loads();
    stores();
    upper_and_jumps();
    x0_writes();
    csrs();
    fences();
    pr("checksum %08x\n", sum);
    return 0;
}
