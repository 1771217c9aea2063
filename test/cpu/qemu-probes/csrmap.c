/* Which CSRs exist in M-mode, and for each writable one the bits that stick after writing all-ones and zero. */
#include "lib.h"
extern char csr_read_tab[], csr_write_tab[];
static uint32_t rd(int n) { return ((uint32_t (*)(void))(csr_read_tab + n * 16))(); }
static uint32_t wr(int n, uint32_t v) { return ((uint32_t (*)(uint32_t))(csr_write_tab + n * 16))(v); }
int main(void) {
  for (int n = 0; n < 4096; n++) {
    clear_trap();
    uint32_t v = rd(n);
    if (last_trap.count) { if (last_trap.cause != 2) { puts_("odd cause "); hex(n); putch('\n'); } continue; }
    hex(n); puts_(" r="); hex(v);
    if ((n >> 10) != 3 && !(n >= 0x3a0 && n <= 0x3af)) {
      clear_trap(); uint32_t ones = wr(n, 0xffffffff); int t1 = last_trap.count;
      clear_trap(); uint32_t zeros = wr(n, 0); int t2 = last_trap.count;
      if (t1 || t2) { puts_(" write-traps"); hex(last_trap.cause); }
      else { puts_(" ones="); hex(ones); puts_(" zeros="); hex(zeros); }
    }
    putch('\n');
  }
  return 0;
}
