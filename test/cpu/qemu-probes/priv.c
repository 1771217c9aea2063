/* Lower privileges: PMP default with no entries, counter enables, TVM/TSR/TW, U-mode WFI, xRET. */
#include "lib.h"
static volatile uint32_t out[8];
static void s_body(void) { out[0] = 1; asm volatile("ecall"); }
static void read_counters(void) {
  clear_trap(); out[0] = CSRR(cycle); out[1] = last_trap.count;
  clear_trap(); out[2] = CSRR(time); out[3] = last_trap.count;
  clear_trap(); out[4] = CSRR(instret); out[5] = last_trap.count;
  clear_trap(); out[6] = CSRR(hpmcounter3); out[7] = last_trap.count;
  asm volatile("ecall");
}
static void s_tvm(void) {
  clear_trap(); CSRR(satp); out[0] = last_trap.cause; out[1] = last_trap.tval;
  clear_trap(); asm volatile("sfence.vma"); out[2] = last_trap.cause; out[3] = last_trap.tval;
  clear_trap(); asm volatile("wfi"); out[4] = last_trap.cause; out[5] = last_trap.tval;
  clear_trap(); asm volatile("sret"); out[6] = last_trap.cause; out[7] = last_trap.tval;
  asm volatile("ecall");
}
static void u_priv(void) {
  clear_trap(); asm volatile("wfi"); out[0] = last_trap.cause;
  clear_trap(); asm volatile("sfence.vma"); out[1] = last_trap.cause;
  clear_trap(); asm volatile("csrr a0, sstatus" ::: "a0"); out[2] = last_trap.cause; out[3] = last_trap.tval;
  clear_trap(); asm volatile("mret"); out[4] = last_trap.cause;
  clear_trap(); asm volatile("sret"); out[5] = last_trap.cause;
  asm volatile("ecall");
}
static void dump(const char *what) { puts_(what); for (int i = 0; i < 8; i++) { putch(' '); hex(out[i]); } putch('\n'); }
int main(void) {
  in_lower = 1; clear_trap(); enter_mode(1, s_body); show_trap("S-mode with no PMP entries"); show("out0", out[0]);
  CSRW(pmpaddr0, 0xffffffff); CSRW(pmpcfg0, 0x1f); /* NAPOT everything RWX */
  show("pmpcfg0", CSRR(pmpcfg0));
  in_lower = 1; clear_trap(); enter_mode(1, s_body); show_trap("S-mode with NAPOT-all RWX");
  CSRW(mcounteren, 0); in_lower = 1; enter_mode(1, read_counters); dump("S counteren=0 (val/trap x4)");
  CSRW(mcounteren, 0xffffffff); in_lower = 1; enter_mode(1, read_counters); dump("S counteren=all");
  CSRW(scounteren, 0); in_lower = 1; enter_mode(0, read_counters); dump("U mcounteren=all scounteren=0");
  CSRW(scounteren, 5); in_lower = 1; enter_mode(0, read_counters); dump("U scounteren=5");
  CSRW(mcounteren, 2); CSRW(scounteren, 0xffffffff); in_lower = 1; enter_mode(0, read_counters); dump("U mcounteren=2");
  CSRS(mstatus, (1 << 20) | (1 << 21) | (1 << 22)); in_lower = 1; enter_mode(1, s_tvm); dump("S TVM|TW|TSR causes/tvals");
  CSRC(mstatus, (1 << 20) | (1 << 21) | (1 << 22));
  in_lower = 1; enter_mode(0, u_priv); dump("U wfi,sfence,csr sstatus(c,tval),mret,sret");
  return 0;
}
