/* Sv32: A/D updates, fault causes and tvals, superpages, SUM/MXR/MPRV, odd physical addresses. */
#include "lib.h"
#define V 1
#define R 2
#define W 4
#define X 8
#define U 16
#define G 32
#define A 64
#define D 128
extern char free_mem[];
static uint32_t *root, *l0;
static volatile uint32_t out[16];
static uintptr_t page(int i) { return (uintptr_t)free_mem + 0x10000 + i * 0x1000; }
static uint32_t leaf(uintptr_t pa, uint32_t flags) { return (uint32_t)((pa >> 12) << 10) | flags; }
static void map(int vpn0, uint32_t pte) { l0[vpn0] = pte; asm volatile("sfence.vma" ::: "memory"); }
/* VA 0x40000000 + vpn0 * 4K goes through l0. */
#define VA(i) (0x40000000u + (i) * 0x1000u)
static uint32_t ld(uintptr_t a) { uint32_t v; asm volatile("lw %0, 0(%1)" : "=r"(v) : "r"(a) : "memory"); return v; }
static void st(uintptr_t a, uint32_t v) { asm volatile("sw %0, 0(%1)" :: "r"(v), "r"(a) : "memory"); }
static void fetch(uintptr_t a) { asm volatile("la t0, 1f; la t1, resume_at; sw t0, 0(t1); jalr %0; 1:" :: "r"(a) : "t0", "t1", "ra", "memory"); resume_at = 0; }
static void rep(const char *what) { show_trap(what); }
static void tests(void) {
  map(0, leaf(page(0), V | R));
  clear_trap(); ld(VA(0)); rep("load R, A=0"); out[0] = l0[0];
  map(1, leaf(page(1), V | R | W));
  clear_trap(); st(VA(1), 1); rep("store RW, A=0 D=0"); out[1] = l0[1];
  map(2, leaf(page(2), V | R | W | A));
  clear_trap(); ld(VA(2)); rep("load RW A=1 D=0"); out[2] = l0[2];
  map(3, leaf(page(3), V | R | A));
  clear_trap(); st(VA(3) + 8, 1); rep("store to R-only");
  clear_trap(); asm volatile("amoadd.w zero, zero, (%0)" :: "r"(VA(3) + 8)); rep("amo to R-only");
  clear_trap(); asm volatile("lr.w zero, (%0)" :: "r"(VA(3) + 8)); rep("lr on R-only");
  clear_trap(); asm volatile("sc.w t0, zero, (%0)" :: "r"(VA(3) + 8) : "t0"); rep("sc on R-only (no resv)");
  clear_trap(); asm volatile("lr.w zero, (%0); sc.w t0, zero, (%0)" :: "r"(VA(3) + 8) : "t0"); rep("sc on R-only (after lr)");
  map(4, 0);
  clear_trap(); ld(VA(4) + 4); rep("load invalid");
  clear_trap(); st(VA(4) + 4, 0); rep("store invalid");
  clear_trap(); fetch(VA(4) + 4); rep("fetch invalid");
  map(5, leaf(page(5), V | W | A | D));
  clear_trap(); ld(VA(5)); rep("load W-only (reserved)");
  map(6, leaf(page(6), V | X | A));
  clear_trap(); ld(VA(6)); rep("load X-only MXR=0");
  CSRS(sstatus, 1 << 19); clear_trap(); ld(VA(6)); rep("load X-only MXR=1"); CSRC(sstatus, 1 << 19);
  map(7, leaf(page(7), V | R | W | A | D));
  clear_trap(); fetch(VA(7)); rep("fetch non-X");
  map(8, leaf(page(8), V | R | W | U | A | D));
  clear_trap(); ld(VA(8)); rep("S load U page SUM=0");
  CSRS(sstatus, 1 << 18); clear_trap(); ld(VA(8)); rep("S load U page SUM=1");
  map(9, leaf(page(9), V | R | X | U | A | D)); *(volatile uint32_t *)page(9) = 0x00008067; /* ret */
  clear_trap(); fetch(VA(9)); rep("S fetch U page SUM=1"); CSRC(sstatus, 1 << 18);
  map(10, (uint32_t)(((uintptr_t)page(10) >> 12) << 10) | V); /* pointer at level 0 */
  clear_trap(); ld(VA(10)); rep("non-leaf at level 0");
  map(11, leaf(0x100000000ull >> 0 ? 0 : 0, 0) | (1u << 31) | V | R | W | A | D); /* PPN bit 21: PA 2^33 */
  clear_trap(); ld(VA(11)); rep("leaf PA above 4G");
  map(12, leaf(0x0, V | R | W | A | D)); /* PA 0: nothing there */
  clear_trap(); ld(VA(12) + 8); rep("leaf PA unmapped (0x8)");
  /* Page-crossing misaligned access: first page fine, second invalid. */
  map(13, leaf(page(13), V | R | W | A | D)); map(14, 0);
  clear_trap(); ld(VA(14) - 2); rep("misaligned lw crossing into invalid page");
  clear_trap(); st(VA(14) - 1, 0x12345678); rep("misaligned sw crossing into invalid page");
  out[3] = *(volatile uint32_t *)(page(13) + 0xffc);
  /* A 4-byte instruction straddling into an invalid page. */
  map(15, leaf(page(15), V | R | X | A)); map(16, 0);
  *(volatile uint16_t *)(page(15) + 0xffe) = 0x0513; /* first half of addi a0, x0, 0 */
  asm volatile("fence.i");
  clear_trap(); fetch(VA(15) + 0xffe); rep("fetch straddling into invalid page");
  /* Misaligned superpage: root entry 0x101 as a leaf with PPN0 != 0. */
  root[0x101] = leaf((uintptr_t)0x80001000, V | R | W | A | D); asm volatile("sfence.vma" ::: "memory");
  clear_trap(); ld(0x40400000); rep("misaligned superpage");
  root[0x101] = leaf((uintptr_t)0x80400000, V | R | W | A | D); asm volatile("sfence.vma" ::: "memory");
  clear_trap(); out[4] = ld(0x40400000 + ((uintptr_t)page(0) - 0x80400000)); rep("aligned superpage load");
  /* Root entry pointing to an unmapped physical table. */
  root[0x102] = (0x0 >> 12) << 10 | V;
  asm volatile("sfence.vma" ::: "memory");
  clear_trap(); ld(0x40800000); rep("non-leaf pointing at PA 0");
  root[0x103] = (uint32_t)((0x300000000ull >> 12) << 10) | V; asm volatile("sfence.vma" ::: "memory");
  clear_trap(); ld(0x40c00000); rep("non-leaf pointing above 4G");
  asm volatile("ecall");
}
static void u_tests(void) {
  clear_trap(); ld(VA(0)); out[8] = last_trap.cause; out[9] = last_trap.tval;
  clear_trap(); ld(VA(8)); out[10] = last_trap.count;
  asm volatile("ecall");
}
int main(void) {
  CSRW(pmpaddr0, 0xffffffff); CSRW(pmpcfg0, 0x1f);
  root = (uint32_t *)free_mem; l0 = (uint32_t *)(free_mem + 0x1000);
  for (int i = 0; i < 1024; i++) root[i] = l0[i] = 0;
  root[0x200] = leaf(0x80000000, V | R | W | X | A | D | G);  /* identity for code and data */
  root[0x201] = leaf(0x80400000, V | R | W | X | A | D | G);
  root[0x201] = leaf(0x80400000, V | R | W | X | A | D | G);
  root[0x40] = leaf(0x10000000, V | R | W | A | D); /* UART */
  root[0x100] = (uint32_t)(((uintptr_t)l0 >> 12) << 10) | V;
  CSRW(satp, 0x80000000 | ((uintptr_t)root >> 12));
  in_lower = 1; enter_mode(1, tests);
  show("pte0 after load", out[0]); show("pte1 after store", out[1]); show("pte2 after load", out[2]);
  show("page13 last word", out[3]); show("superpage value", out[4]);
  /* U mode: the identity megapage must be U to run code there; make a copy with U set. */
  root[0x200] |= U; root[0x201] |= U;
  in_lower = 1; enter_mode(0, u_tests);
  show("U load S page cause", out[8]); show("tval", out[9]); show("U load U page traps", out[10]);
  root[0x200] &= ~U; root[0x201] &= ~U;
  /* MPRV: M-mode load with MPRV=1 MPP=S through VA(2). */
  CSRC(mstatus, 0x1800); CSRS(mstatus, 0x800 | (1 << 17));
  uint32_t v = ld(VA(2)); CSRC(mstatus, 1 << 17);
  show("MPRV load", v);
  CSRC(mstatus, 0x1800); CSRS(mstatus, 0x800 | (1 << 17));
  clear_trap(); ld(VA(4)); CSRC(mstatus, 1 << 17); show_trap("MPRV load invalid");
  CSRS(mstatus, 0x1800 | (1 << 17)); clear_trap(); v = ld(VA(2)); CSRC(mstatus, 1 << 17); show_trap("MPRV with MPP=M load VA(2) (bare)");
  CSRW(satp, 0);
  return 0;
}
