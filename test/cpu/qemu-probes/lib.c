#include "lib.h"
struct trap last_trap;
volatile uint32_t resume_at;
volatile int in_lower;
extern char leave_mode_return[];
void putch(char c) { *(volatile uint8_t *)0x10000000 = c; }
void puts_(const char *s) { while (*s) putch(*s++); }
void hex(uint32_t v) { for (int i = 28; i >= 0; i -= 4) putch("0123456789abcdef"[(v >> i) & 15]); }
void show(const char *name, uint32_t v) { puts_(name); puts_(" = "); hex(v); putch('\n'); }
void clear_trap(void) { last_trap.count = 0; last_trap.cause = last_trap.tval = last_trap.epc = 0xdeadbeef; }
void show_trap(const char *what) {
  puts_(what); puts_(": traps="); hex(last_trap.count); puts_(" cause="); hex(last_trap.cause);
  puts_(" tval="); hex(last_trap.tval); puts_(" epc="); hex(last_trap.epc); putch('\n');
}
void enter_mode_wrap(void);
void trap_handler(void) {
  uint32_t cause = CSRR(mcause), epc = CSRR(mepc);
  last_trap.count++; last_trap.cause = cause; last_trap.tval = CSRR(mtval); last_trap.epc = epc;
  last_trap.mstatus = CSRR(mstatus);
  if ((int32_t)cause < 0) { CSRC(mie, 1u << (cause & 31)); return; }  /* interrupts: mask and return */
  if (in_lower && (cause == 8 || cause == 9 || cause == 1)) {
    in_lower = 0; CSRS(mstatus, 0x1800); CSRW(mepc, (uint32_t)leave_mode_return); return;
  }
  if (resume_at) { CSRW(mepc, resume_at); resume_at = 0; return; }
  uint16_t h = *(volatile uint16_t *)epc;
  CSRW(mepc, epc + ((h & 3) == 3 ? 4 : 2));
}
