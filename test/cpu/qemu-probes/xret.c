/* Does xRET to a lower mode clear MPRV (priv 1.12 says it must)? */
#include "lib.h"
static void s_body(void) { asm volatile("ecall"); }
int main(void) {
  CSRW(pmpaddr0, 0xffffffff); CSRW(pmpcfg0, 0x1f);
  CSRS(mstatus, 1 << 17);
  in_lower = 1; enter_mode(1, s_body);
  uint32_t seen = last_trap.mstatus;
  CSRC(mstatus, 1 << 17);
  show("mstatus at ecall after mret to S with MPRV set", seen);
  return 0;
}
