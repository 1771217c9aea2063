/* Interrupt priority order, vectored mtvec, mtval on interrupts, WFI with MIE=0. */
#include "lib.h"
static volatile uint32_t seq[16], nseq, tvals;
void vec_table(void);
void vec_common(void);
asm(".align 6\nvec_table:\n .rept 16\n j vec_common\n .endr\n"
    "vec_common: csrw mscratch, t0; csrr t0, mcause; andi t0, t0, 31; addi t0, t0, -32; neg t0, t0; addi t0, t0, 0;"
    " csrr t0, mcause; slli t0, t0, 1; srli t0, t0, 1; li t1, 1; sll t1, t1, t0; csrc mie, t1;"
    " la t1, nseq; lw t2, 0(t1); addi t3, t2, 1; sw t3, 0(t1); slli t2, t2, 2; la t1, seq; add t1, t1, t2; csrr t3, mcause; sw t3, 0(t1);"
    " csrr t3, mtval; la t1, tvals; lw t2, 0(t1); or t2, t2, t3; sw t2, 0(t1); csrr t0, mscratch; mret");
int main(void) {
  extern void trap_entry(void);
  *(volatile uint32_t *)0x2000000 = 1;                      /* MSIP */
  *(volatile uint32_t *)0x2004000 = 0; *(volatile uint32_t *)0x2004004 = 0; /* mtimecmp = 0: MTIP */
  CSRW(mip, 0x222);                                          /* SSIP STIP SEIP */
  show("mip", CSRR(mip));
  CSRW(mtvec, (uint32_t)vec_table | 1);
  CSRW(mie, 0xaaa);
  CSRS(mstatus, 8);
  for (volatile int i = 0; i < 10; i++);
  CSRC(mstatus, 8);
  for (uint32_t i = 0; i < nseq; i++) show("taken", seq[i]);
  show("or of mtvals", tvals);
  /* Delegated S interrupts are never taken in M; WFI wakes on mie&mip even with MIE=0. */
  CSRW(mideleg, 0x222); CSRW(mip, 0x2); CSRW(mie, 0x2); nseq = 0; CSRS(mstatus, 8);
  for (volatile int i = 0; i < 10; i++);
  CSRC(mstatus, 8); show("taken in M with SSIP delegated", nseq);
  asm volatile("wfi"); show("wfi returned, mip", CSRR(mip));
  CSRW(mtvec, trap_entry);
  return 0;
}
