/* sie/sip views under delegation, hpm counters, illegal-CSR mtval, mtvec/stvec WARL, satp WARL. */
#include "lib.h"
int main(void) {
  CSRW(mideleg, 0xffffffff); show("mideleg", CSRR(mideleg));
  CSRW(sie, 0xffffffff); show("sie(deleg all)", CSRR(sie)); show("mie", CSRR(mie));
  CSRW(sip, 0xffffffff); show("sip(deleg all)", CSRR(sip)); show("mip", CSRR(mip));
  CSRW(sip, 0); CSRW(sie, 0); CSRW(mie, 0);
  CSRW(mideleg, 0x222); CSRW(mie, 0xaaa); show("sie(deleg 222, mie aaa)", CSRR(sie));
  CSRW(mip, 0x222); show("sip(deleg 222, mip 222)", CSRR(sip)); show("mip", CSRR(mip));
  CSRW(mideleg, 0); show("sip(deleg 0, mip 222)", CSRR(sip)); show("sie(deleg 0)", CSRR(sie));
  CSRW(mip, 0); CSRW(mie, 0);
  CSRW(mhpmcounter3, 5); show("mhpmcounter3 after write 5", CSRR(mhpmcounter3)); show("hpmcounter3", CSRR(hpmcounter3));
  CSRW(mhpmevent3, 1); CSRW(mhpmcounter3, 5); for (volatile int i = 0; i < 100; i++); show("mhpmcounter3 (event 1)", CSRR(mhpmcounter3));
  CSRW(mhpmevent3, 2); CSRW(mhpmcounter3, 5); for (volatile int i = 0; i < 100; i++); show("mhpmcounter3 (event 2)", CSRR(mhpmcounter3));
  CSRW(mhpmevent3, 0);
  CSRW(mepc, 0x80000003); show("mepc <- 0x80000003", CSRR(mepc));
  CSRW(mtvec, 0x80000101); show("mtvec <- 0x80000101", CSRR(mtvec));
  CSRW(mtvec, 0x80000202); show("mtvec <- 0x80000202", CSRR(mtvec));
  CSRW(mtvec, 0x80000207); show("mtvec <- 0x80000207", CSRR(mtvec));
  extern void trap_entry(void); CSRW(mtvec, trap_entry);
  CSRW(satp, 0x80000001); show("satp <- 80000001", CSRR(satp));
  CSRW(satp, 0x7fffffff); show("satp <- 7fffffff", CSRR(satp));
  CSRW(satp, 0);
  CSRW(mstatus, 0x1000); show("mstatus MPP<-2", CSRR(mstatus));
  CSRW(mstatus, 0x600); show("mstatus VS<-3", CSRR(mstatus));
  CSRW(mstatus, 0x6000); show("mstatus FS<-3", CSRR(mstatus));
  CSRW(mstatus, 0);
  CSRW(mcountinhibit, 0xffffffff); show("mcountinhibit", CSRR(mcountinhibit));
  uint32_t a = CSRR(minstret); for (volatile int i = 0; i < 100; i++); show("minstret delta inhibited", CSRR(minstret) - a);
  CSRW(mcountinhibit, 0);
  a = CSRR(minstret); asm volatile("nop;nop;nop"); show("minstret delta 3 nops", CSRR(minstret) - a);
  CSRW(minstret, 1000); show("minstret after write 1000", CSRR(minstret));
  CSRW(minstreth, 7); show("minstreth after write 7", CSRR(minstreth));
  clear_trap(); asm volatile(".word 0x7b002573"); show_trap("csrr a0,dcsr");       /* csrr a0, 0x7b0 */
  clear_trap(); asm volatile(".word 0xf1401073"); show_trap("csrw mhartid,x0");   /* csrrw x0,mhartid,x0 */
  clear_trap(); asm volatile(".word 0xf1402573"); show_trap("csrr a0,mhartid (no trap)");
  clear_trap(); asm volatile(".word 0xf1403073"); show_trap("csrrc x0,mhartid,x0 (no write)");
  clear_trap(); asm volatile(".word 0xf140f073"); show_trap("csrrci x0,mhartid,1 (write)");
  clear_trap(); asm volatile(".word 0x0000"); show_trap("c.unimp 0x0000");
  clear_trap(); asm volatile(".word 0xffffffff"); show_trap("0xffffffff");
  clear_trap(); asm volatile(".word 0xc0001073"); show_trap("csrw cycle,x0");
  clear_trap(); asm volatile(".word 0x10500073"); show_trap("wfi in M");
  return 0;
}
