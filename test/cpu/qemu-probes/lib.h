#include <stdint.h>
#define CSRR(n) ({ uint32_t v_; asm volatile("csrr %0, " #n : "=r"(v_)); v_; })
#define CSRW(n, v) asm volatile("csrw " #n ", %0" :: "r"((uint32_t)(v)) : "memory")
#define CSRS(n, v) asm volatile("csrs " #n ", %0" :: "r"((uint32_t)(v)) : "memory")
#define CSRC(n, v) asm volatile("csrc " #n ", %0" :: "r"((uint32_t)(v)) : "memory")
struct trap { volatile uint32_t count, cause, tval, epc, mstatus; };
extern struct trap last_trap;
extern volatile uint32_t resume_at;   /* if nonzero, the handler resumes there (once) */
extern volatile int in_lower;         /* set while enter_mode's function runs */
void enter_mode(int mode, void (*fn)(void));
void putch(char c);
void puts_(const char *s);
void hex(uint32_t v);
void show(const char *name, uint32_t v);
void clear_trap(void);
void show_trap(const char *what);
